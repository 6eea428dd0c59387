package org.antifraud.cc.domain;

import java.util.Arrays;

/** Where a reporting unit's month of one kind stands: open (no row), submitted, or reopened with a reason. */
public enum SubmissionState {
    OPEN("open"),
    SUBMITTED("submitted"),
    REOPENED("reopened");

    private final String code;

    SubmissionState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SubmissionState fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown submission state: " + code));
    }
}
