package org.antifraud.cc.domain;

/**
 * Which alerts to list, newest first: only unacknowledged ones or all, optionally of one indicator and
 * one region ({@code null} for any), at most {@code max}.
 */
public record AlertFilter(boolean unacknowledgedOnly, String indicatorCode, String regionCode, int max) {
    public static final int DEFAULT_MAX = 500;

    public static AlertFilter unacknowledged() {
        return new AlertFilter(true, null, null, DEFAULT_MAX);
    }

    public static AlertFilter all() {
        return new AlertFilter(false, null, null, DEFAULT_MAX);
    }

    public AlertFilter withIndicator(String code) {
        return new AlertFilter(unacknowledgedOnly, code, regionCode, max);
    }

    public AlertFilter withRegion(String code) {
        return new AlertFilter(unacknowledgedOnly, indicatorCode, code, max);
    }
}
