package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A range's whole months and loose runs of days are worked out month by month (and kept), not from a period per day
 * (issue 17's speed): for any range they must be exactly what its {@link Period#subPeriods()} say — the months among
 * them, and their days joined into runs of consecutive days, across a month's end too.
 */
class CellPlanProperties {

    @Property(tries = 1000, seed = "20221231")
    void aRangeSplitsAsItsSubPeriodsSay(@ForAll @IntRange(min = 0, max = 3000) int startOffset,
                                        @ForAll @IntRange(min = 1, max = 800) int length) {
        LocalDate first = LocalDate.of(2019, 1, 1).plusDays(startOffset);
        Period range = Period.range(first, first.plusDays(length));
        List<Period> parts = range.subPeriods();

        List<Period> months = parts.stream().filter(p -> p.granularity() == Granularity.MONTH).toList();
        List<CellPlan.Span> runs = new ArrayList<>();
        LocalDate runFirst = null;
        LocalDate runLast = null;
        for (Period p : parts) {
            if (p.granularity() != Granularity.DAY) {
                continue;
            }
            if (runLast != null && p.start().equals(runLast.plusDays(1))) {
                runLast = p.start();
            } else {
                if (runFirst != null) {
                    runs.add(new CellPlan.Span(runFirst, runLast));
                }
                runFirst = p.start();
                runLast = p.start();
            }
        }
        if (runFirst != null) {
            runs.add(new CellPlan.Span(runFirst, runLast));
        }

        assertThat(CellPlan.wholeMonths(range)).isEqualTo(months);
        assertThat(CellPlan.looseDays(range)).isEqualTo(runs);
        // asked again (from what was kept): the same
        assertThat(CellPlan.looseDays(range)).isEqualTo(runs);
        assertThat(CellPlan.looseDays(range)).extracting(CellPlan.Span::code)
                .allSatisfy(code -> assertThat(code).startsWith("span:"));
    }

    @Property(tries = 200, seed = "2022")
    void yearsAndQuartersKeepTheirMonths(@ForAll @IntRange(min = 1990, max = 2030) int year,
                                         @ForAll @IntRange(min = 1, max = 4) int quarter) {
        assertThat(CellPlan.wholeMonths(Period.year(year))).hasSize(12);
        assertThat(CellPlan.wholeMonths(Period.quarter(year, quarter))).isEqualTo(Period.quarter(year, quarter)
                .subPeriods());
        assertThat(CellPlan.looseDays(Period.quarter(year, quarter))).isEmpty();
    }
}
