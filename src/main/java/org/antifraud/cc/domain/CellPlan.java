package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which day-grain cells the aggregation rule will ask for when it answers for some periods: the
 * year cells of whole years, the month cells of quarters, months and ranges, the day cells of days,
 * and for the loose days of a range one summed cell per run of consecutive days (a "span").
 */
public record CellPlan(Set<Integer> years, Set<LocalDate> monthStarts, Set<LocalDate> days, Set<Span> spans) {

    /** Consecutive days summed into one cell; its cell key is {@link #code()}, never a period code. */
    public record Span(LocalDate first, LocalDate last) implements Comparable<Span> {
        public String code() {
            return "span:" + first + ".." + last;
        }

        @Override
        public int compareTo(Span o) {
            int c = first.compareTo(o.first);
            return c != 0 ? c : last.compareTo(o.last);
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

    /** The whole months of a range. */
    public static List<Period> wholeMonths(Period range) {
        return range.subPeriods().stream().filter(s -> s.granularity() == Granularity.MONTH).toList();
    }

    /** The runs of consecutive days of a range outside its whole months (at most two: its ragged ends). */
    public static List<Span> looseDays(Period range) {
        List<Span> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Period part : range.subPeriods()) {
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
        return runs;
    }

    /** Adds the twelve months of a year (when stored month figures split it). */
    public void addMonthsOf(int year) {
        for (int m = 1; m <= 12; m++) {
            monthStarts.add(YearMonth.of(year, m).atDay(1));
        }
    }

    public boolean isEmpty() {
        return years.isEmpty() && monthStarts.isEmpty() && days.isEmpty() && spans.isEmpty();
    }
}
