package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM}, {@code YYYY-MM-DD} or a custom
 * range {@code YYYY-MM-DD..YYYY-MM-DD}. Figures are stored for years, months and days; a quarter is
 * only ever a sum of its months, a range the sum of its whole months and remaining days.
 */
public record Period(String code, Granularity granularity, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Period> PARSED = new ConcurrentHashMap<>();

    /** Parses a period code; throws {@link IllegalArgumentException} when it is not one. */
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period is missing");
        }
        Period cached = PARSED.get(text);
        if (cached != null) {
            return cached; // stored figures repeat a few thousand codes; parsing each row again is measurable
        }
        Period parsed = parseUncached(text);
        if (parsed.start.getYear() < FIRST_YEAR) { // 1899 exists only as the year before 1900, for its change
            throw new IllegalArgumentException("year out of range: " + parsed.start.getYear());
        }
        if (PARSED.size() < CACHE_LIMIT) {
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static Period parseUncached(String text) {
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
        if ((m = RANGE.matcher(s)).matches()) {
            try {
                return range(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("no such day in range: " + s, e);
            }
        }
        throw new IllegalArgumentException(
                "not a period (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD): " + s);
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

    /**
     * The days from {@code first} to {@code last}, both included. A range that is exactly a year,
     * quarter, month or day becomes that period, so that equal periods have one code.
     */
    public static Period range(LocalDate first, LocalDate last) {
        checkYear(first.getYear());
        checkYear(last.getYear());
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range ends before it starts: " + first + ".." + last);
        }
        if (first.equals(last)) {
            return day(first);
        }
        boolean monthAligned = first.getDayOfMonth() == 1 && last.equals(YearMonth.from(last).atEndOfMonth());
        if (monthAligned && first.getYear() == last.getYear()) {
            int firstMonth = first.getMonthValue();
            int lastMonth = last.getMonthValue();
            if (firstMonth == 1 && lastMonth == 12) {
                return year(first.getYear());
            }
            if (firstMonth == lastMonth) {
                return month(YearMonth.from(first));
            }
            if ((firstMonth - 1) % 3 == 0 && lastMonth == firstMonth + 2) {
                return quarter(first.getYear(), (firstMonth - 1) / 3 + 1);
            }
        }
        return new Period(first + ".." + last, Granularity.RANGE, first, last);
    }

    /** The first year a period may be written in; the year before it exists only as 1900's previous year. */
    private static final int FIRST_YEAR = 1900;

    private static void checkYear(int year) {
        if (year < FIRST_YEAR - 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** Whether a figure may be stored for this period (quarters and ranges are sums, never stored). */
    public boolean isStorable() {
        return granularity != Granularity.QUARTER && granularity != Granularity.RANGE;
    }

    /** How many days the period spans. */
    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }

    /**
     * The periods whose sum stands for this one: months of a year or quarter, days of a month; for a
     * range its whole months and the days of the months it covers only in part.
     */
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
            case RANGE -> {
                LocalDate d = start;
                while (!d.isAfter(end)) {
                    YearMonth ym = YearMonth.from(d);
                    if (d.getDayOfMonth() == 1 && !ym.atEndOfMonth().isAfter(end)) {
                        parts.add(month(ym));
                        d = ym.atEndOfMonth().plusDays(1);
                    } else {
                        parts.add(day(d));
                        d = d.plusDays(1);
                    }
                }
            }
        }
        return parts;
    }

    /**
     * The same period one year earlier (29 February falls back to 28 February). A range that starts on
     * the first of a month (a year-to-date) moves by the calendar; any other range (the last 28 days)
     * keeps its length and ends one year earlier, so that like is compared with like.
     */
    public Period previousYear() {
        return switch (granularity) {
            case YEAR -> year(start.getYear() - 1);
            case QUARTER -> quarter(start.getYear() - 1, (start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> month(YearMonth.from(start).minusYears(1));
            case DAY -> day(start.minusYears(1));
            case RANGE -> {
                LocalDate lastEnd = end.minusYears(1);
                LocalDate lastStart = start.getDayOfMonth() == 1 ? start.minusYears(1) : lastEnd.minusDays(days() - 1);
                yield range(lastStart, lastEnd);
            }
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
