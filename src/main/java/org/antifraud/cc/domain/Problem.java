package org.antifraud.cc.domain;

import java.util.Arrays;

/**
 * Something the user can put right: bad input, an unusable data folder, a database held by another
 * process. {@code key} names a localized message ({@code problem.<key>} in the bundles), {@code args}
 * fill it. Never logged with a stack trace: it is shown to the user as one line.
 */
public class Problem extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public Problem(String key, String englishMessage, Object... args) {
        super(englishMessage);
        this.key = key;
        this.args = args.clone();
    }

    public Problem(String key, String englishMessage, Throwable cause, Object... args) {
        super(englishMessage, cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * An argument that is a word to translate too ({@code term.<key>} in the bundles), such as the action a role
     * may not take: English as it stands.
     */
    public record Term(String key, String english) {
        @Override
        public String toString() {
            return english;
        }
    }

    @Override
    public String toString() {
        return "Problem[" + key + Arrays.toString(args) + "]: " + getMessage();
    }
}
