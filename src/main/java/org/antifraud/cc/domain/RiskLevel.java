package org.antifraud.cc.domain;

import java.util.Arrays;

/** How urgent a warning instruction is (issue 17): each level has its own time limit to reach the person. */
public enum RiskLevel {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String code;

    RiskLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RiskLevel fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown risk level: " + code));
    }
}
