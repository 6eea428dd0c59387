package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The quick period choices of the dashboard, relative to an "as of" day: the latest day with data,
 * or today when that is earlier (a dashboard of a past dataset should not show empty presets).
 */
public enum PeriodPreset {
    /** From 1 January to the as-of day. */
    YEAR_TO_DATE,
    /** The 28 days ending on the as-of day. */
    LAST_28_DAYS,
    /** The whole calendar year before the as-of day's year. */
    LAST_YEAR;

    public Period resolve(LocalDate asOf) {
        return switch (this) {
            case YEAR_TO_DATE -> Period.range(asOf.withDayOfYear(1), asOf);
            case LAST_28_DAYS -> Period.range(asOf.minusDays(27), asOf);
            case LAST_YEAR -> Period.year(asOf.getYear() - 1);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
