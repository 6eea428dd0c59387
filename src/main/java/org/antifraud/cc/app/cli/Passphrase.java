package org.antifraud.cc.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Passphrases;

/**
 * Where the CLI finds a database passphrase (issue 13), in order: {@code --passphrase-file FILE} (its first line),
 * the environment variable {@value #ENV}, an interactive prompt. Without any of them, one line and exit 2.
 */
final class Passphrase {
    static final String ENV = "CC_PASSPHRASE";
    /** A passphrase file is one short line; anything bigger is not one. */
    private static final long MAX_FILE_BYTES = 4096;

    private final Path file;
    private final String env;
    private final Console console;

    Passphrase(Path file, String env, Console console) {
        this.file = file;
        this.env = env;
        // a console that is no terminal (input from a pipe) cannot ask: the user could not answer
        this.console = console != null && console.isTerminal() ? console : null;
    }

    /** The passphrase, asked for with {@code prompt} when it must be typed. */
    char[] read(String prompt) {
        if (file != null) {
            return fromFile(file);
        }
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null || typed.length == 0) {
                throw new Problem("passphrase_missing", "no passphrase given", prompt);
            }
            return typed;
        }
        throw new Problem("passphrase_missing", "no passphrase given: use --passphrase-file FILE or the"
                + " environment variable " + ENV + " (there is no console to ask)", prompt);
    }

    /** The passphrase of a database about to be made: given (file, environment) or typed twice. */
    char[] readForNew(String prompt) {
        if (file != null || env != null && !env.isEmpty()) {
            return read(prompt);
        }
        return readNew(null, prompt);
    }

    /** A new passphrase: from {@code newFile}, else typed twice (both the same). */
    char[] readNew(Path newFile, String prompt) {
        if (newFile != null) {
            return fromFile(newFile);
        }
        if (console == null) {
            throw new Problem("passphrase_missing", "no passphrase given: use --passphrase-file FILE or the"
                    + " environment variable " + ENV + " (there is no console to ask)", prompt);
        }
        char[] first = console.readPassword("%s: ", prompt);
        char[] second = console.readPassword("%s (again): ", prompt);
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new Problem("passphrase_mismatch", "the two passphrases typed differ");
            }
            return first;
        } finally {
            clear(second);
        }
    }

    static char[] fromFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new Problem("passphrase_file_unreadable", "cannot read the passphrase file " + file, file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new Problem("passphrase_file_unreadable", "the passphrase file is too big (more than "
                        + MAX_FILE_BYTES + " bytes): " + file, file);
            }
            byte[] bytes = Files.readAllBytes(file);
            CharBuffer chars;
            try {
                chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            int end = 0;
            while (end < chars.length() && chars.charAt(end) != '\n' && chars.charAt(end) != '\r') {
                end++;
            }
            char[] line = new char[end];
            chars.get(line, 0, end);
            Arrays.fill(chars.array(), '\0');
            if (line.length == 0) {
                throw new Problem("passphrase_file_unreadable", "the passphrase file is empty: " + file, file);
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new Problem("passphrase_file_unreadable", "the passphrase file is not UTF-8 text: " + file, file);
        } catch (IOException e) {
            throw new Problem("passphrase_file_unreadable", "cannot read the passphrase file " + file, e, file);
        }
    }

    static void clear(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    static void requireStrongEnough(char[] passphrase) {
        Passphrases.requireStrongEnough(passphrase);
    }
}
