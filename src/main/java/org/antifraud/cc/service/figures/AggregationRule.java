package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.ChangeOf;
import org.antifraud.cc.domain.Coverage;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;

/**
 * The one aggregation rule, used by the dashboard, the CLI, the alerts and the briefing. For one indicator, in each
 * of two layers that are never added together — the real one (reported figures and records) and the synthetic
 * demo one — value(region, period) =
 * <ol>
 * <li>the stored figure for exactly that key, summed over campaigns (for a day: the day's facts);</li>
 * <li>else the sum over the region's children (provinces of CN, members of a zone), if any has data;</li>
 * <li>else the sum over the period's sub-periods (months of a year, quarter or range, days of a month), if any has data;</li>
 * <li>else unknown.</li>
 * </ol>
 * A stored figure always beats a sum, so nothing is counted twice. The figure is the real layer's when it knows
 * anything, else the demo layer's: demo data never hides real data (issue 12, ADR 0026).
 *
 * <p>A real computed figure carries its {@link Coverage}: which unit-months (provinces × months) under its key are
 * submitted. A stored figure stands for all of its unit-months (a statistic is its unit's submission); a submitted
 * unit-month without records counts as zero, not as unknown.
 *
 * <p>Day-grain facts (day figures and records) arrive as {@link FactCell}s from the rollups. A month cell is by
 * construction the sum of the month's day cells, and a year cell the sum of its month cells, so step 3 reads one
 * cell instead of summing its parts whenever no stored month figure of the region lies inside the year (ADR 0013).
 */
public final class AggregationRule {
    private final Map<String, List<String>> children;
    private final Reporting reporting;
    private final Layer real;
    private final Layer demo;
    /** Stored changes by key: reported whoever stored them (a change is never computed by a file). */
    private final Map<String, List<Measurement>> changes = new HashMap<>();

    /** A rule with nothing submitted: every computed figure is partial. */
    public AggregationRule(Map<String, List<String>> children, List<Measurement> facts, List<FactCell> dayFacts) {
        this(children, facts, dayFacts, Reporting.none(children));
    }

    /**
     * @param children  the regions whose sum stands for a region
     * @param facts     the stored year- and month-grain figures of one indicator (already filtered to a campaign, if one is chosen)
     * @param dayFacts  the day-grain cells of the same indicator (same filter), any campaigns summed
     * @param reporting the reporting units and their submitted months for this indicator
     */
    AggregationRule(Map<String, List<String>> children, List<Measurement> facts, List<FactCell> dayFacts,
                    Reporting reporting) {
        this.children = children;
        this.reporting = reporting;
        this.real = new Layer(true);
        this.demo = new Layer(false);
        for (Measurement m : facts) {
            if (m.hasValue()) {
                (m.basis() == Basis.SYNTHETIC_DEMO ? demo : real).addStored(m);
            }
            if (m.hasReportedChange() && m.basis() != Basis.SYNTHETIC_DEMO) {
                changes.computeIfAbsent(key(m.regionCode(), m.period().code()), k -> new ArrayList<>()).add(m);
            }
        }
        for (FactCell c : dayFacts) {
            Figure r = c.real();
            if (r.isKnown()) {
                real.addCell(c.regionCode(), c.periodCode(), r);
            }
            Figure d = c.demo();
            if (d.isKnown()) {
                demo.addCell(c.regionCode(), c.periodCode(), d);
            }
        }
    }

    private static String key(String region, String period) {
        return region + '|' + period;
    }

    /** Whether stored real month figures of {@code region} lie inside {@code year}, so its year cell cannot stand for it. */
    boolean isSplitIntoMonths(String region, int year) {
        return real.isSplitIntoMonths(region, year);
    }

    /** The figure for the key: the real one where any real data exists (with its coverage), else the demo one. */
    public Figure value(String region, Period period) {
        Figure r = realValue(region, period);
        return r.isKnown() ? r : demoValue(region, period);
    }

    /** Reported figures and records only; a computed value with its coverage counted from the period's first month. */
    public Figure realValue(String region, Period period) {
        Figure f = real.value(region, period, true);
        return f.coverage() == null ? f : f.withCoverage(f.coverage().rebase(YearMonth.from(period.start())));
    }

    /** What a real figure is made of: stored figures, and one region's day-grain facts over a run of days. */
    public sealed interface Part {
        /** A stored year or month figure that stands for its whole key. */
        record Stored(Measurement measurement) implements Part {
        }

        /** The rollup cell of {@code region} from {@code first} to {@code last}: the records of those days. */
        record Cell(String region, LocalDate first, LocalDate last) implements Part {
        }
    }

    /**
     * The parts {@link #realValue} summed for the key, found by the same recursion: what the figure was computed
     * from (issue 16's drill). Empty when the real layer knows nothing of the key.
     */
    public List<Part> realParts(String region, Period period) {
        List<Part> parts = new ArrayList<>();
        real.trace = parts::add;
        try {
            real.value(region, period, true);
        } finally {
            real.trace = null;
        }
        return parts;
    }

    /** Synthetic demo figures only. */
    public Figure demoValue(String region, Period period) {
        return demo.value(region, period, true);
    }

    /**
     * The records (and statistics) entered under a key whose value is a stored figure: what the sum would be without
     * the figure at the key itself ("records so far" beside a reported total). Unknown when there is nothing beneath.
     */
    public Figure recordsBeneath(String region, Period period) {
        if (period.granularity() == Granularity.DAY) {
            return Figure.UNKNOWN;
        }
        Figure f = real.value(region, period, false);
        return f.coverage() == null ? f : f.withCoverage(f.coverage().rebase(YearMonth.from(period.start())));
    }

    /**
     * One indicator for one key: the value, last year's of the same layer, the change that belongs beside it and,
     * beside a reported total, the records so far.
     */
    public IndicatorStat stat(Indicator indicator, String region, Period period) {
        Period previousPeriod = period.previousYear();
        Figure value = value(region, period);
        Figure previous;
        if (!value.isKnown()) {
            previous = value(region, previousPeriod);
        } else if (value.isDemo()) {
            previous = demoValue(region, previousPeriod);
        } else {
            previous = realValue(region, previousPeriod);
        }
        Change change = change(region, period, value, previous);
        Figure records = value.basis() == Basis.REPORTED ? recordsBeneath(region, period) : Figure.UNKNOWN;
        return new IndicatorStat(indicator, value, previous, change, records);
    }

    /**
     * The change beside {@code current}: a change reported for exactly this key together with its value, else one
     * computed from {@code previous} when the two are comparable ({@link #comparable}), else a change reported for
     * this key's total (which is not the value shown), else {@code null}.
     */
    public Change change(String region, Period period, Figure current, Figure previous) {
        Measurement reported = reportedChange(region, period);
        if (reported != null && reported.hasValue() && current.basis() == Basis.REPORTED
                && current.value().compareTo(reported.value()) == 0) {
            return new Change(reported.changePct(), Basis.REPORTED, reported.source(), ChangeOf.VALUE, false);
        }
        Change computed = computedChange(current, previous);
        if (computed != null) {
            return computed;
        }
        if (reported != null) {
            return new Change(reported.changePct(), Basis.REPORTED, reported.source(), ChangeOf.REPORTED_TOTAL, false);
        }
        return null;
    }

    /**
     * The change from {@code previous} to {@code current} when it may stand beside {@code current}: both known, the
     * previous not zero, the same basis, and — for computed figures — both complete, or both partial over the same
     * unit-months (then marked like for like). {@code null} otherwise. Serves year-on-year and previous-period
     * comparisons (alerts) alike.
     */
    public static Change computedChange(Figure current, Figure previous) {
        if (!comparable(current, previous)) {
            return null;
        }
        BigDecimal pct = current.value().subtract(previous.value())
                .multiply(BigDecimal.valueOf(100))
                .divide(previous.value(), 1, RoundingMode.HALF_UP);
        boolean likeForLike = current.basis() == Basis.COMPUTED && current.isPartial();
        // the application computed it, from two reported figures too; from two demo figures it is demo
        Basis basis = current.isDemo() ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED;
        return new Change(pct, basis, null, ChangeOf.VALUE, likeForLike);
    }

    /** Whether two figures may be compared: see {@link #computedChange}. */
    public static boolean comparable(Figure current, Figure previous) {
        if (!current.isKnown() || !previous.isKnown() || previous.value().signum() == 0
                || current.basis() != previous.basis()) {
            return false;
        }
        if (current.basis() != Basis.COMPUTED) {
            return true;
        }
        if (current.isComplete() && previous.isComplete()) {
            return true;
        }
        return current.isPartial() && previous.isPartial()
                && current.coverage().sameUnitMonths(previous.coverage());
    }

    private Measurement reportedChange(String region, Period period) {
        List<Measurement> reported = changes.getOrDefault(key(region, period.code()), List.of());
        if (reported.size() > 1) {
            // several campaigns' changes cannot be added up; the campaign-less one speaks for the key
            reported = reported.stream().filter(m -> m.campaignCode() == null).toList();
        }
        return reported.size() == 1 ? reported.getFirst() : null;
    }

    /** The sum of the known parts with its basis; unknown when none is known. */
    static Figure sumOf(List<Figure> parts) {
        List<Figure> known = null;
        for (Figure f : parts) {
            if (f.isKnown()) {
                if (known == null) {
                    known = new ArrayList<>(parts.size());
                }
                known.add(f);
            }
        }
        return known == null ? Figure.UNKNOWN : sum(known);
    }

    private static Figure sum(List<Figure> known) {
        BigDecimal total = BigDecimal.ZERO;
        List<Basis> bases = new ArrayList<>(known.size());
        Qualifier qualifier = null;
        for (Figure f : known) {
            total = total.add(f.value());
            bases.add(f.basis());
            // "more than 1,800" plus 20 is "more than 1,820"
            qualifier = qualifier == null ? f.qualifier() : qualifier;
        }
        return new Figure(total, Basis.ofSum(bases), qualifier, null);
    }

    /** One layer's figures and the recursion over them; the real layer also counts coverage. */
    private final class Layer {
        final boolean countsCoverage;
        // by region, then period code (or span code): looked up for every region, indicator and part of a load, so
        // without a key string made per lookup
        final Map<String, Map<String, List<Measurement>>> stored = new HashMap<>();
        final Map<String, Map<String, Figure>> cells = new HashMap<>();
        final Map<String, Set<Integer>> yearsSplitIntoMonths = new HashMap<>();
        /** While {@link #realParts} runs: told of every known stored figure and cell the recursion uses. */
        Consumer<Part> trace;

        Layer(boolean countsCoverage) {
            this.countsCoverage = countsCoverage;
        }

        void addStored(Measurement m) {
            stored.computeIfAbsent(m.regionCode(), k -> new HashMap<>())
                    .computeIfAbsent(m.period().code(), k -> new ArrayList<>()).add(m);
            if (m.period().granularity() == Granularity.MONTH) {
                yearsSplitIntoMonths.computeIfAbsent(m.regionCode(), k -> new HashSet<>())
                        .add(m.period().start().getYear());
            }
        }

        /** A cell's figure; several cells of one key (campaigns) are summed. */
        void addCell(String region, String code, Figure f) {
            cells.computeIfAbsent(region, k -> new HashMap<>()).merge(code, f, (a, b) -> sum(List.of(a, b)));
        }

        Figure cell(String region, String code) {
            Map<String, Figure> ofRegion = cells.get(region);
            Figure f = ofRegion == null ? null : ofRegion.get(code);
            return f == null ? Figure.UNKNOWN : f;
        }

        List<Measurement> storedAt(String region, String code) {
            Map<String, List<Measurement>> ofRegion = stored.get(region);
            List<Measurement> list = ofRegion == null ? null : ofRegion.get(code);
            return list == null ? List.of() : list;
        }

        boolean isSplitIntoMonths(String region, int year) {
            Set<Integer> years = yearsSplitIntoMonths.get(region);
            return years != null && years.contains(year);
        }

        Figure value(String region, Period period, boolean storedAtKey) {
            if (period.granularity() == Granularity.DAY) {
                Figure day = cell(region, period.code());
                if (day.isKnown()) {
                    traceCell(region, period.start(), period.end());
                    return leaf(day, region, period);
                }
            } else if (storedAtKey) {
                List<Measurement> atKey = storedAt(region, period.code());
                if (!atKey.isEmpty()) {
                    List<Figure> exact = atKey.stream()
                            .map(m -> new Figure(m.value(), m.basis(), m.qualifier(), m.source()))
                            .toList();
                    if (trace != null) {
                        atKey.forEach(m -> trace.accept(new Part.Stored(m)));
                    }
                    // one stored figure keeps its own basis and source; a stored figure stands for its whole key
                    Figure f = exact.size() == 1 ? exact.getFirst() : sum(exact);
                    return f.basis() == Basis.COMPUTED && countsCoverage ? f.withCoverage(full(region, period)) : f;
                }
            }
            List<String> kids = children.getOrDefault(region, List.of());
            if (!kids.isEmpty()) {
                List<Figure> parts = kids.stream().map(child -> value(child, period, true)).toList();
                Figure ofChildren = sumOf(parts);
                if (ofChildren.isKnown()) {
                    if (!countsCoverage) {
                        return ofChildren;
                    }
                    List<Coverage> covered = new ArrayList<>(kids.size());
                    for (int i = 0; i < kids.size(); i++) {
                        covered.add(coverageOf(parts.get(i), kids.get(i), period));
                    }
                    return ofChildren.withCoverage(Coverage.union(covered, true));
                }
            }
            // no child knows anything of this period, so none knows anything of its parts either:
            // the parts are the region's own cells, and a month or an unsplit year has them summed already
            if (period.granularity() == Granularity.DAY || period.granularity() == Granularity.MONTH
                    || (period.granularity() == Granularity.YEAR && !isSplitIntoMonths(region, period.start().getYear()))) {
                // the year's cell was fetched with the year (CellPlan), so an absent cell means no data at all
                Figure cell = cell(region, period.code());
                if (cell.isKnown()) {
                    traceCell(region, period.start(), period.end());
                }
                return leaf(cell, region, period);
            }
            List<Figure> parts = new ArrayList<>();
            List<Coverage> covered = new ArrayList<>();
            if (period.granularity() == Granularity.RANGE) {
                // whole months by the rule, loose days as the summed cells of their runs (CellPlan.Span)
                for (Period month : CellPlan.wholeMonths(period)) {
                    Figure f = value(region, month, true);
                    parts.add(f);
                    covered.add(coverageOf(f, region, month));
                }
                List<Figure> loose = new ArrayList<>();
                Set<YearMonth> looseMonths = new HashSet<>();
                for (CellPlan.Span span : CellPlan.looseDays(period)) {
                    Figure cell = cell(region, span.code());
                    if (cell.isKnown()) {
                        traceCell(region, span.first(), span.last());
                    }
                    loose.add(cell);
                    looseMonths.add(YearMonth.from(span.first()));
                }
                if (!loose.isEmpty()) {
                    // the loose days' months, each counted once however many runs of days it holds
                    Coverage looseCoverage = Coverage.union(looseMonths.stream()
                            .map(m -> submittedCoverage(region, m, m)).toList(), false);
                    Figure looseSum = sumOf(loose);
                    parts.add(countsCoverage ? zeroIfSubmitted(looseSum, looseCoverage, region) : looseSum);
                    covered.add(looseSum.isKnown() ? looseCoverage.withData(reporting.unitsOf(region)) : looseCoverage);
                }
            } else {
                for (Period part : period.subPeriods()) {
                    Figure f = value(region, part, true);
                    parts.add(f);
                    covered.add(coverageOf(f, region, part));
                }
            }
            Figure total = sumOf(parts);
            return countsCoverage && total.isKnown() ? total.withCoverage(Coverage.union(covered, false)) : total;
        }

        private void traceCell(String region, LocalDate first, LocalDate last) {
            if (trace != null) {
                trace.accept(new Part.Cell(region, first, last));
            }
        }

        /** A region's own cell for a period: in the real layer with the submissions of its unit-months. */
        private Figure leaf(Figure cell, String region, Period period) {
            if (!countsCoverage) {
                return cell;
            }
            Coverage c = submittedCoverage(region, YearMonth.from(period.start()), YearMonth.from(period.end()));
            if (cell.isKnown()) {
                return cell.withCoverage(c.withData(reporting.unitsOf(region)));
            }
            return zeroIfSubmitted(cell, c, region);
        }

        /** A submitted unit-month without records is a true zero. */
        private Figure zeroIfSubmitted(Figure f, Coverage c, String region) {
            if (f.isKnown()) {
                return f.withCoverage(c.withData(reporting.unitsOf(region)));
            }
            return c.submitted() > 0 ? new Figure(BigDecimal.ZERO, Basis.COMPUTED, null, null, c) : Figure.UNKNOWN;
        }

        private Coverage coverageOf(Figure part, String region, Period period) {
            if (part.coverage() != null) {
                return part.coverage();
            }
            if (part.isKnown()) {
                return full(region, period); // a reported figure stands for every unit-month under it
            }
            return submittedCoverage(region, YearMonth.from(period.start()), YearMonth.from(period.end()));
        }

        private Coverage full(String region, Period period) {
            return Coverage.full(reporting.unitsOf(region), YearMonth.from(period.start()), YearMonth.from(period.end()));
        }

        private Coverage submittedCoverage(String region, YearMonth first, YearMonth last) {
            return Coverage.of(reporting.unitsOf(region), first, last, reporting::isSubmitted);
        }
    }
}
