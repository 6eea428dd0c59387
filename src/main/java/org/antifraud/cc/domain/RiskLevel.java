package org.antifraud.cc.domain;


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
        // a loop, not a stream: every stored instruction cell names its tier and risk level (a dashboard load reads
        // thousands)
        for (RiskLevel r : VALUES) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown risk level: " + code);
    }

    private static final RiskLevel[] VALUES = values();
}
