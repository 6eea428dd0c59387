package org.antifraud.cc.persistence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;

import org.antifraud.cc.domain.Problem;

/** The passphrase of an encrypted database (issue 13): how it becomes H2's file password, and how long it must be. */
public final class Passphrases {
    /** Shorter ones are refused when a database is encrypted or re-keyed. */
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1000;

    private Passphrases() {
    }

    /**
     * H2's file password: the passphrase's UTF-8 bytes (Unicode NFC, so the same words typed on another keyboard
     * match) in hexadecimal. H2 ends the file password at the first space, and a passphrase may hold spaces.
     */
    static char[] filePassword(char[] passphrase) {
        String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(normalized);
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        char[] hex = HexFormat.of().formatHex(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return hex;
    }

    /** A new passphrase: at least {@value #MIN_LENGTH} characters, not all blank. */
    public static void requireStrongEnough(char[] passphrase) {
        int nonBlank = 0;
        for (char c : passphrase) {
            if (!Character.isWhitespace(c)) {
                nonBlank++;
            }
        }
        if (passphrase.length > MAX_LENGTH) {
            throw new Problem("passphrase_too_long", "the passphrase is longer than " + MAX_LENGTH + " characters",
                    MAX_LENGTH);
        }
        if (nonBlank < MIN_LENGTH) {
            throw new Problem("passphrase_too_short", "the passphrase must have at least " + MIN_LENGTH
                    + " characters", MIN_LENGTH);
        }
    }
}
