package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which day-grain cells the aggregation rule will ask for when it answers for some periods: the
 * year cells of whole years, the month cells of quarters, months and ranges, the day cells of days
 * and of the loose days of ranges.
 */
public record CellPlan(Set<Integer> years, Set<LocalDate> monthStarts, Set<LocalDate> days) {

    public static CellPlan of(Collection<Period> periods) {
        CellPlan plan = new CellPlan(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        periods.forEach(plan::add);
        return plan;
    }

    /** Adds what answering for {@code p} needs. */
    public void add(Period p) {
        switch (p.granularity()) {
            case YEAR -> years.add(p.start().getYear());
            case MONTH -> monthStarts.add(p.start());
            case DAY -> days.add(p.start());
            case QUARTER, RANGE -> p.subPeriods().forEach(this::add);
        }
    }

    /** Adds the twelve months of a year (when stored month figures split it). */
    public void addMonthsOf(int year) {
        for (int m = 1; m <= 12; m++) {
            monthStarts.add(YearMonth.of(year, m).atDay(1));
        }
    }

    public boolean isEmpty() {
        return years.isEmpty() && monthStarts.isEmpty() && days.isEmpty();
    }
}
