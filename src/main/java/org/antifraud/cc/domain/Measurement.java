package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored figure: the value of an indicator for a region and a period, optionally for a campaign;
 * or a reported year-on-year change ({@code value} null, {@code changePct} set) where the source
 * publishes only the percentage. {@code source} is set for reported figures.
 */
public record Measurement(String indicatorCode, String regionCode, Period period, String campaignCode,
                          BigDecimal value, BigDecimal changePct, Basis basis, Qualifier qualifier,
                          Source source, String note) {

    public Measurement {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(basis, "basis");
        if (!period.isStorable()) {
            throw new IllegalArgumentException("a quarter is never stored: " + period);
        }
        if (value == null && changePct == null) {
            throw new IllegalArgumentException("a measurement needs a value or a change");
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("a value is never negative: " + value);
        }
    }

    private static final Pattern AS_OF_END_OF = Pattern.compile(
            "(?i)as of the end of (January|February|March|April|May|June|July|August|September|October|November|December) (\\d{4})");
    private static final Pattern AS_OF_END_OF_ZH = Pattern.compile("截至(\\d{4})年(\\d{1,2})月底");

    /**
     * The last day the figure covers: the end of its period, or earlier where its note says so ("as of the end of
     * November 2022", "截至2022年11月底": the report's warning figures).
     */
    public LocalDate coversUntil() {
        if (note != null) {
            Matcher en = AS_OF_END_OF.matcher(note);
            Matcher zh = AS_OF_END_OF_ZH.matcher(note);
            YearMonth month = null;
            if (en.find()) {
                month = YearMonth.of(Integer.parseInt(en.group(2)),
                        Month.valueOf(en.group(1).toUpperCase(Locale.ROOT)));
            } else if (zh.find() && Integer.parseInt(zh.group(2)) >= 1 && Integer.parseInt(zh.group(2)) <= 12) {
                month = YearMonth.of(Integer.parseInt(zh.group(1)), Integer.parseInt(zh.group(2)));
            }
            if (month != null && !month.atEndOfMonth().isAfter(period.end())) {
                return month.atEndOfMonth();
            }
        }
        return period.end();
    }

    public boolean hasValue() {
        return value != null;
    }

    public boolean hasReportedChange() {
        return changePct != null;
    }
}
