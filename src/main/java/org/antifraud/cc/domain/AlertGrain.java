package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * The length of the period a threshold watches: a day, a month or a year. Holds the period arithmetic
 * alerts need (the period around a day, the one before a period) so that {@link Period} stays as it is.
 */
public enum AlertGrain {
    DAY("day"),
    MONTH("month"),
    YEAR("year");

    private final String code;

    AlertGrain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AlertGrain fromCode(String code) {
        return Arrays.stream(values())
                .filter(g -> g.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grain: " + code));
    }

    /** The day, month or year that contains {@code day}. */
    public Period periodOf(LocalDate day) {
        return switch (this) {
            case DAY -> Period.day(day);
            case MONTH -> Period.month(YearMonth.from(day));
            case YEAR -> Period.year(day.getYear());
        };
    }

    /** The period of this grain just before {@code period}: the day, month or year before. */
    public Period previous(Period period) {
        LocalDate start = period.start();
        return switch (this) {
            case DAY -> Period.day(start.minusDays(1));
            case MONTH -> Period.month(YearMonth.from(start).minusMonths(1));
            case YEAR -> Period.year(start.getYear() - 1);
        };
    }
}
