package org.antifraud.cc.domain;


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
        // a loop, not a stream: every stored instruction cell names its tier and risk level (a dashboard load reads
        // thousands)
        for (InstructionTier t : VALUES) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier: " + code);
    }

    private static final InstructionTier[] VALUES = values();
}
