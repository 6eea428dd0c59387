package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which day-grain cells the aggregation rule will ask for when it answers for some periods: the
 * year cells of whole years, the month cells of quarters, months and ranges, the day cells of days,
 * and for the loose days of a range one summed cell per run of consecutive days (a "span").
 */
public record CellPlan(Set<Integer> years, Set<LocalDate> monthStarts, Set<LocalDate> days, Set<Span> spans) {

    /** Consecutive days summed into one cell; its cell key is {@link #code()}, never a period code. */
    public static final class Span implements Comparable<Span> {
        private final LocalDate first;
        private final LocalDate last;
        /** Made once: the aggregation rule looks a span's cell up by it for every region and indicator. */
        private final String code;

        public Span(LocalDate first, LocalDate last) {
            this.first = Objects.requireNonNull(first);
            this.last = Objects.requireNonNull(last);
            this.code = "span:" + first + ".." + last;
        }

        public LocalDate first() {
            return first;
        }

        public LocalDate last() {
            return last;
        }

        public String code() {
            return code;
        }

        @Override
        public int compareTo(Span o) {
            int c = first.compareTo(o.first);
            return c != 0 ? c : last.compareTo(o.last);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Span other && first.equals(other.first) && last.equals(other.last);
        }

        @Override
        public int hashCode() {
            return first.hashCode() * 31 + last.hashCode();
        }

        @Override
        public String toString() {
            return code;
        }
    }

    public static CellPlan of(Collection<Period> periods) {
        CellPlan plan = new CellPlan(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        periods.forEach(plan::add);
        return plan;
    }

    /** Adds what answering for {@code p} needs. */
    public void add(Period p) {
        switch (p.granularity()) {
            case YEAR -> years.add(p.start().getYear());
            case MONTH -> monthStarts.add(p.start());
            case DAY -> days.add(p.start());
            case QUARTER -> p.subPeriods().forEach(this::add);
            case RANGE -> {
                for (Period month : wholeMonths(p)) {
                    monthStarts.add(month.start());
                }
                spans.addAll(looseDays(p));
            }
        }
    }

    /** The whole months of a range (the months its {@link Period#subPeriods()} are). */
    public static List<Period> wholeMonths(Period range) {
        if (range.granularity() != Granularity.RANGE) {
            return range.subPeriods().stream().filter(s -> s.granularity() == Granularity.MONTH).toList();
        }
        return splitOf(range).wholeMonths;
    }

    /** The runs of consecutive days of a range outside its whole months (at most two: its ragged ends). */
    public static List<Span> looseDays(Period range) {
        if (range.granularity() != Granularity.RANGE) {
            return split(range.subPeriods()).looseDays;
        }
        return splitOf(range).looseDays;
    }

    /** A range's whole months and loose runs of days. */
    private record Split(List<Period> wholeMonths, List<Span> looseDays) {
    }

    /**
     * Ranges split already: the aggregation rule asks for every region and indicator of a load, and splitting a
     * 28-day window day by day each time was a sixth of a dashboard load (issue 17). Ranges are few; cleared when full.
     */
    private static final Map<Period, Split> RANGES = new ConcurrentHashMap<>();
    private static final int RANGES_KEPT = 1_000;

    private static Split splitOf(Period range) {
        Split known = RANGES.get(range);
        if (known == null) {
            known = split(range);
            if (RANGES.size() >= RANGES_KEPT) {
                RANGES.clear();
            }
            RANGES.put(range, known);
        }
        return known;
    }

    /** A range walked month by month as {@link Period#subPeriods()} splits it, without making a period per day. */
    private static Split split(Period range) {
        List<Period> months = new ArrayList<>();
        List<Span> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        LocalDate d = range.start();
        while (!d.isAfter(range.end())) {
            LocalDate monthEnd = YearMonth.from(d).atEndOfMonth();
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(range.end())) {
                months.add(Period.month(YearMonth.from(d)));
                if (first != null) {
                    runs.add(new Span(first, last));
                    first = null;
                }
            } else {
                // from here to the month's end or the range's, every day is a loose day
                LocalDate runEnd = monthEnd.isAfter(range.end()) ? range.end() : monthEnd;
                first = first == null ? d : first;
                last = runEnd;
                monthEnd = runEnd;
            }
            d = monthEnd.plusDays(1);
        }
        if (first != null) {
            runs.add(new Span(first, last));
        }
        return new Split(List.copyOf(months), List.copyOf(runs));
    }

    /** The runs of consecutive days among {@code parts}. */
    private static Split split(List<Period> parts) {
        List<Span> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Period part : parts) {
            if (part.granularity() == Granularity.DAY) {
                if (last != null && part.start().equals(last.plusDays(1))) {
                    last = part.start();
                } else {
                    if (first != null) {
                        runs.add(new Span(first, last));
                    }
                    first = part.start();
                    last = part.start();
                }
            }
        }
        if (first != null) {
            runs.add(new Span(first, last));
        }
        return new Split(List.of(), List.copyOf(runs));
    }

    /** Adds the twelve months of a year (when stored month figures split it). */
    public void addMonthsOf(int year) {
        for (int m = 1; m <= 12; m++) {
            monthStarts.add(YearMonth.of(year, m).atDay(1));
        }
    }

    /** The codes of the cells this plan asks for: its years', months' and days' period codes and its spans'. */
    public Set<String> codes() {
        Set<String> codes = new java.util.HashSet<>();
        years.forEach(y -> codes.add(Period.year(y).code()));
        monthStarts.forEach(m -> codes.add(Period.month(YearMonth.from(m)).code()));
        days.forEach(d -> codes.add(Period.day(d).code()));
        spans.forEach(s -> codes.add(s.code()));
        return codes;
    }

    public boolean isEmpty() {
        return years.isEmpty() && monthStarts.isEmpty() && days.isEmpty() && spans.isEmpty();
    }
}
