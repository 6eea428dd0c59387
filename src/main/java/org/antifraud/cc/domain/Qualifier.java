package org.antifraud.cc.domain;

import java.util.Arrays;

/** How the source qualifies a figure: "more than 1,800" is {@code MORE_THAN} 1800. */
public enum Qualifier {
    MORE_THAN("more_than");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Qualifier fromCode(String code) {
        return Arrays.stream(values())
                .filter(q -> q.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown qualifier: " + code));
    }
}
