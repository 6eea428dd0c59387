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

    public Submission {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    public boolean isSubmitted() {
        return state == SubmissionState.SUBMITTED;
    }
}
