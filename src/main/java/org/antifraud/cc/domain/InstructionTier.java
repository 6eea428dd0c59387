package org.antifraud.cc.domain;

import java.util.Arrays;

/**
 * Which centre produced a warning instruction (issue 17): the national anti-fraud centre, a provincial one, or a
 * local one that produced it from its own analysis.
 */
public enum InstructionTier {
    NATIONAL("national"),
    PROVINCIAL("provincial"),
    LOCAL("local");

    private final String code;

    InstructionTier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static InstructionTier fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tier: " + code));
    }
}
