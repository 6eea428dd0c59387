package org.antifraud.cc.domain;

import java.util.Arrays;

/**
 * When a threshold counts as crossed: {@code ABOVE} when the value is greater than the limit;
 * {@code RISE_PCT} when the value rose by more than the limit, in percent, against the previous period
 * of the same grain (yesterday, last month, last year).
 */
public enum AlertKind {
    ABOVE("above"),
    RISE_PCT("rise_pct");

    private final String code;

    AlertKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AlertKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alert kind: " + code));
    }
}
