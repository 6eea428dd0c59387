package org.antifraud.cc.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A reporting unit's (province's) declaration about its records of one kind for one month: submitted (complete)
 * or reopened (with the reason), by whom and when. A month without a row is {@link SubmissionState#OPEN}.
 */
public record Submission(String regionCode, YearMonth month, SubmissionKind kind, SubmissionState state,
                         String changedBy, Instant changedAt, String reason) {
    /** The audit trail's entity of a submission. */
    public static final String ENTITY = "submission";
    /** The longest reason a reopening may give (the column's width). */
    public static final int MAX_REASON = 1000;
    /** The longest name of who changed it (the column's width). */
    public static final int MAX_CHANGED_BY = 100;

    public Submission {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    /** The audit trail's id of this unit-month: {@code CN-GD|2022-06|dens}. */
    public String entityId() {
        return entityId(regionCode, month, kind);
    }

    public static String entityId(String regionCode, YearMonth month, SubmissionKind kind) {
        return regionCode + '|' + month + '|' + kind.code();
    }

    public boolean isSubmitted() {
        return state == SubmissionState.SUBMITTED;
    }
}
