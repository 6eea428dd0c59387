package org.antifraud.cc.domain;

/** What a year-on-year change belongs to (issue 12: a change is shown only beside its own value). */
public enum ChangeOf {
    /** Computed from the value shown and last year's of the same basis and coverage, or reported for exactly it. */
    VALUE("value"),
    /** Reported for a total that is not the value shown (or not given at all, as in the 2022 report). */
    REPORTED_TOTAL("reported_total");

    private final String code;

    ChangeOf(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
