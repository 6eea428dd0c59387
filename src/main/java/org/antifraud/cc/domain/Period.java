package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
 * Figures are stored for years, months and days; a quarter is only ever a sum of its months.
 */
public record Period(String code, Granularity granularity, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Parses a period code; throws {@link IllegalArgumentException} when it is not one. */
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period is missing");
        }
        String s = text.strip();
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("no such month: " + s);
            }
            return month(YearMonth.of(Integer.parseInt(m.group(1)), month));
        }
        if (DAY.matcher(s).matches()) {
            try {
                return day(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("no such day: " + s, e);
            }
        }
        throw new IllegalArgumentException("not a period (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD): " + s);
    }

    public static Period year(int year) {
        checkYear(year);
        return new Period(String.format("%04d", year), Granularity.YEAR,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int quarter) {
        checkYear(year);
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(String.format("%04d-Q%d", year, quarter), Granularity.QUARTER,
                start, start.plusMonths(3).minusDays(1));
    }

    public static Period month(YearMonth month) {
        checkYear(month.getYear());
        return new Period(month.toString(), Granularity.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static Period day(LocalDate day) {
        checkYear(day.getYear());
        return new Period(day.toString(), Granularity.DAY, day, day);
    }

    private static void checkYear(int year) {
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** Whether a figure may be stored for this period (quarters are sums, never stored). */
    public boolean isStorable() {
        return granularity != Granularity.QUARTER;
    }

    /** The periods whose sum stands for this one: months of a year or quarter, days of a month. */
    public List<Period> subPeriods() {
        List<Period> parts = new ArrayList<>();
        switch (granularity) {
            case YEAR, QUARTER -> {
                for (YearMonth ym = YearMonth.from(start); !ym.isAfter(YearMonth.from(end)); ym = ym.plusMonths(1)) {
                    parts.add(month(ym));
                }
            }
            case MONTH -> {
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    parts.add(day(d));
                }
            }
            case DAY -> {
                // a day has no parts
            }
        }
        return parts;
    }

    /** The same period one year earlier (29 February falls back to 28 February). */
    public Period previousYear() {
        return switch (granularity) {
            case YEAR -> year(start.getYear() - 1);
            case QUARTER -> quarter(start.getYear() - 1, (start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> month(YearMonth.from(start).minusYears(1));
            case DAY -> day(start.minusYears(1));
        };
    }

    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    @Override
    public String toString() {
        return code;
    }
}
