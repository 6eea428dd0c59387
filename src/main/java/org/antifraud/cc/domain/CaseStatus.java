package org.antifraud.cc.domain;

import java.util.Arrays;

/** Whether a fraud case is still open or has been solved. */
public enum CaseStatus {
    OPEN("open"),
    SOLVED("solved");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CaseStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case status: " + code));
    }
}
