package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.SUBMISSION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.persistence.jooq.tables.records.SubmissionRecord;
import org.jooq.DSLContext;

/** The reporting units' submissions (V13): one row per province, month and kind once it was ever submitted. */
public final class SubmissionRepository {
    private final DSLContext dsl;

    SubmissionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every submission row (any state) of the months from {@code first}'s to {@code last}'s. */
    public List<Submission> within(LocalDate first, LocalDate last) {
        return dsl.selectFrom(SUBMISSION)
                .where(SUBMISSION.MONTH_START.between(first.withDayOfMonth(1), last))
                .orderBy(SUBMISSION.MONTH_START, SUBMISSION.REGION_CODE, SUBMISSION.KIND)
                .fetch(SubmissionRepository::toSubmission);
    }

    /** Every submission row, in key order (at most 31 provinces × 3 kinds a month). */
    public void forEach(Consumer<Submission> each) {
        try (var cursor = dsl.selectFrom(SUBMISSION)
                .orderBy(SUBMISSION.REGION_CODE, SUBMISSION.MONTH_START, SUBMISSION.KIND).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> each.accept(toSubmission(r)));
        }
    }

    public Optional<Submission> find(String regionCode, YearMonth month, SubmissionKind kind) {
        return dsl.selectFrom(SUBMISSION)
                .where(SUBMISSION.REGION_CODE.eq(regionCode), SUBMISSION.MONTH_START.eq(month.atDay(1)),
                        SUBMISSION.KIND.eq(kind.code()))
                .fetchOptional(SubmissionRepository::toSubmission);
    }

    /** Writes the submission's state, replacing the row of its key if there is one. */
    public void put(Submission s) {
        OffsetDateTime at = s.changedAt().atOffset(ZoneOffset.UTC);
        int updated = dsl.update(SUBMISSION)
                .set(SUBMISSION.STATE, s.state().code())
                .set(SUBMISSION.CHANGED_BY, s.changedBy())
                .set(SUBMISSION.CHANGED_AT, at)
                .set(SUBMISSION.REASON, s.reason())
                .set(SUBMISSION.ROW_VERSION, SUBMISSION.ROW_VERSION.plus(1))
                .where(SUBMISSION.REGION_CODE.eq(s.regionCode()), SUBMISSION.MONTH_START.eq(s.month().atDay(1)),
                        SUBMISSION.KIND.eq(s.kind().code()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(SUBMISSION)
                    .set(SUBMISSION.REGION_CODE, s.regionCode())
                    .set(SUBMISSION.MONTH_START, s.month().atDay(1))
                    .set(SUBMISSION.KIND, s.kind().code())
                    .set(SUBMISSION.STATE, s.state().code())
                    .set(SUBMISSION.CHANGED_BY, s.changedBy())
                    .set(SUBMISSION.CHANGED_AT, at)
                    .set(SUBMISSION.REASON, s.reason())
                    .execute();
        }
    }

    private static Submission toSubmission(SubmissionRecord r) {
        Instant at = r.getChangedAt() == null ? null : r.getChangedAt().toInstant();
        return new Submission(r.getRegionCode(), YearMonth.from(r.getMonthStart()), SubmissionKind.fromCode(r.getKind()),
                SubmissionState.fromCode(r.getState()), r.getChangedBy(), at, r.getReason());
    }
}
