package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which months of a span each reporting unit has submitted, per kind, and the latest day of its records of each
 * kind (issue 12): what the dashboard's "Reporting completeness" grid shows. Also the one home of the rule
 * "late": a month not submitted more than {@code lateAfterDays} days after it ended.
 *
 * @param units       the provinces shown, in catalog order
 * @param months      the months counted, oldest first
 * @param submissions every submission row of those months, by {@link Submission#entityId()}
 * @param latest      per kind, the latest record day per region (a region without records is absent)
 */
public record ReportingCompleteness(List<String> units, List<YearMonth> months, Map<String, Submission> submissions,
                                    Map<SubmissionKind, Map<String, LocalDate>> latest) {
    /** The default of "late after N days", and its limits. */
    public static final int DEFAULT_LATE_AFTER_DAYS = 10;
    public static final int MIN_LATE_AFTER_DAYS = 1;
    public static final int MAX_LATE_AFTER_DAYS = 60;

    public static final ReportingCompleteness EMPTY = new ReportingCompleteness(List.of(), List.of(), Map.of(),
            new EnumMap<>(SubmissionKind.class));

    public ReportingCompleteness {
        units = List.copyOf(units);
        months = List.copyOf(months);
        submissions = Map.copyOf(submissions);
        Objects.requireNonNull(latest, "latest");
    }

    public SubmissionState state(String unit, YearMonth month, SubmissionKind kind) {
        Submission s = submissions.get(Submission.entityId(unit, month, kind));
        return s == null ? SubmissionState.OPEN : s.state();
    }

    /** How many of the months {@code unit} has submitted for {@code kind}. */
    public int submittedCount(String unit, SubmissionKind kind) {
        return (int) months.stream().filter(m -> state(unit, m, kind) == SubmissionState.SUBMITTED).count();
    }

    /** The months of {@code unit} and {@code kind} that are late on {@code today}. */
    public List<YearMonth> lateMonths(String unit, SubmissionKind kind, LocalDate today, int lateAfterDays) {
        List<YearMonth> late = new ArrayList<>();
        for (YearMonth m : months) {
            if (state(unit, m, kind) != SubmissionState.SUBMITTED && isLate(m, today, lateAfterDays)) {
                late.add(m);
            }
        }
        return late;
    }

    /** A month not submitted is late once more than {@code lateAfterDays} days have passed since it ended. */
    public static boolean isLate(YearMonth month, LocalDate today, int lateAfterDays) {
        return today.isAfter(month.atEndOfMonth().plusDays(lateAfterDays));
    }

    public LocalDate latestRecord(String unit, SubmissionKind kind) {
        return latest.getOrDefault(kind, Map.of()).get(unit);
    }

    /** The months of {@code period} that have begun by {@code today}, at most the last 12 of them. */
    public static List<YearMonth> monthsOf(Period period, LocalDate today) {
        YearMonth last = YearMonth.from(period.end());
        YearMonth current = YearMonth.from(today);
        if (last.isAfter(current)) {
            last = current;
        }
        YearMonth first = YearMonth.from(period.start());
        if (first.isBefore(last.minusMonths(11))) {
            first = last.minusMonths(11);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
