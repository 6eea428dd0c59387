package org.antifraud.cc.domain;

import java.util.Arrays;

/**
 * What came of a warning instruction (issue 17). Only {@code pending} is open; an outcome other than pending needs a
 * contact, except "unreachable" (nobody was reached) and "false alarm" (nobody needed to be).
 */
public enum InstructionOutcome {
    PENDING("pending"),
    DISSUADED("dissuaded"),
    ALREADY_DEFRAUDED("already_defrauded"),
    UNREACHABLE("unreachable"),
    FALSE_ALARM("false_alarm");

    private final String code;

    InstructionOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether this outcome says somebody was reached: it needs a contact time. */
    public boolean needsContact() {
        return this == DISSUADED || this == ALREADY_DEFRAUDED;
    }

    public static InstructionOutcome fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome: " + code));
    }
}
