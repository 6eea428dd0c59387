package org.antifraud.cc.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;

/**
 * The one aggregation rule, used by the dashboard, the CLI and the briefing. For one indicator:
 * value(region, period) =
 * <ol>
 * <li>the stored figure for exactly that key, summed over campaigns (for a day: the day's facts);</li>
 * <li>else the sum over the region's children (provinces of CN, members of a zone), if any has data;</li>
 * <li>else the sum over the period's sub-periods (months of a year, quarter or range, days of a month), if any has data;</li>
 * <li>else unknown.</li>
 * </ol>
 * A stored figure always beats a sum, so nothing is counted twice.
 *
 * <p>Day-grain facts (day figures and records) arrive as {@link FactCell}s from the rollups. A month
 * cell is by construction the sum of the month's day cells, and a year cell the sum of its month
 * cells, so step 3 reads one cell instead of summing its parts whenever no stored month figure of the
 * region lies inside the year (ADR 0013).
 */
public final class AggregationRule {
    private final Map<String, List<String>> children;
    private final Map<String, List<Measurement>> byKey = new HashMap<>();
    private final Map<String, Figure> cells = new HashMap<>();
    private final Set<String> yearsSplitIntoMonths = new HashSet<>();

    /**
     * @param children the regions whose sum stands for a region
     * @param facts    the stored year- and month-grain figures of one indicator (already filtered to a campaign, if one is chosen)
     * @param dayFacts the day-grain cells of the same indicator (same filter), any campaigns summed
     */
    public AggregationRule(Map<String, List<String>> children, List<Measurement> facts, List<FactCell> dayFacts) {
        this.children = children;
        for (Measurement m : facts) {
            byKey.computeIfAbsent(key(m.regionCode(), m.period().code()), k -> new ArrayList<>()).add(m);
            if (m.hasValue() && m.period().granularity() == Granularity.MONTH) {
                yearsSplitIntoMonths.add(key(m.regionCode(), String.format("%04d", m.period().start().getYear())));
            }
        }
        Map<String, List<Figure>> parts = new HashMap<>();
        for (FactCell c : dayFacts) {
            parts.computeIfAbsent(key(c.regionCode(), c.periodCode()), k -> new ArrayList<>()).add(c.figure());
        }
        parts.forEach((k, figures) -> cells.put(k, figures.size() == 1 ? figures.getFirst() : sum(figures)));
    }

    private static String key(String region, String period) {
        return region + '|' + period;
    }

    /** Whether stored month figures of {@code region} lie inside {@code year}, so its year cell cannot stand for it. */
    boolean isSplitIntoMonths(String region, int year) {
        return yearsSplitIntoMonths.contains(key(region, String.format("%04d", year)));
    }

    public Figure value(String region, Period period) {
        if (period.granularity() == Granularity.DAY) {
            Figure day = cells.getOrDefault(key(region, period.code()), Figure.UNKNOWN);
            if (day.isKnown()) {
                return day;
            }
        } else {
            List<Figure> exact = byKey.getOrDefault(key(region, period.code()), List.of()).stream()
                    .filter(Measurement::hasValue)
                    .map(m -> new Figure(m.value(), m.basis(), m.qualifier(), m.source()))
                    .toList();
            if (exact.size() == 1) {
                return exact.getFirst(); // one stored figure keeps its own basis and source
            }
            if (!exact.isEmpty()) {
                return sum(exact);
            }
        }
        Figure ofChildren = sumOf(children.getOrDefault(region, List.of()).stream()
                .map(child -> value(child, period)).toList());
        if (ofChildren.isKnown()) {
            return ofChildren;
        }
        // no child knows anything of this period, so none knows anything of its parts either:
        // the parts are the region's own cells, and a month or an unsplit year has them summed already
        if (period.granularity() == Granularity.MONTH
                || (period.granularity() == Granularity.YEAR && !isSplitIntoMonths(region, period.start().getYear()))) {
            // the year's cell was fetched with the year (CellPlan), so an absent cell means no data at all
            return cells.getOrDefault(key(region, period.code()), Figure.UNKNOWN);
        }
        if (period.granularity() == Granularity.RANGE) {
            // whole months by the rule, loose days as the summed cells of their runs (CellPlan.Span)
            List<Figure> parts = new ArrayList<>();
            CellPlan.wholeMonths(period).forEach(month -> parts.add(value(region, month)));
            CellPlan.looseDays(period).forEach(span ->
                    parts.add(cells.getOrDefault(key(region, span.code()), Figure.UNKNOWN)));
            return sumOf(parts);
        }
        return sumOf(period.subPeriods().stream().map(part -> value(region, part)).toList());
    }

    /**
     * The year-on-year change: computed when both years are known and last year's is not zero;
     * otherwise a change reported for exactly this key; otherwise {@code null}.
     */
    public Change change(String region, Period period, Figure current, Figure previous) {
        if (current.isKnown() && previous.isKnown() && previous.value().signum() != 0) {
            BigDecimal pct = current.value().subtract(previous.value())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(previous.value(), 1, RoundingMode.HALF_UP);
            Basis basis = Basis.ofSum(List.of(current.basis(), previous.basis()));
            return new Change(pct, basis, null);
        }
        List<Measurement> reported = byKey.getOrDefault(key(region, period.code()), List.of()).stream()
                .filter(Measurement::hasReportedChange).toList();
        if (reported.size() > 1) {
            // several campaigns' changes cannot be added up; the campaign-less one speaks for the key
            reported = reported.stream().filter(m -> m.campaignCode() == null).toList();
        }
        if (reported.size() == 1) {
            Measurement m = reported.getFirst();
            return new Change(m.changePct(), m.basis(), m.source());
        }
        return null;
    }

    /** The sum of the known parts with its basis; unknown when none is known. */
    static Figure sumOf(List<Figure> parts) {
        List<Figure> known = parts.stream().filter(Figure::isKnown).toList();
        return known.isEmpty() ? Figure.UNKNOWN : sum(known);
    }

    private static Figure sum(List<Figure> known) {
        BigDecimal total = known.stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        Basis basis = Basis.ofSum(known.stream().map(Figure::basis).toList());
        // "more than 1,800" plus 20 is "more than 1,820"
        Qualifier qualifier = known.stream().map(Figure::qualifier).filter(Objects::nonNull).findFirst().orElse(null);
        return new Figure(total, basis, qualifier, null);
    }
}
