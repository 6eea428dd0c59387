package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Coverage;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.Database;

/** Answers "what is each indicator for this period, region and campaign" by the aggregation rule. */
public final class StatsService {
    private final Database database;
    private final Catalog catalog;
    private final Clock clock;

    public StatsService(Database database, Catalog catalog) {
        this(database, catalog, Clock.systemDefaultZone());
    }

    /** @param clock the present, for the breaches of instructions nobody has reached yet (issue 17) */
    public StatsService(Database database, Catalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every catalog indicator for the key. */
    public StatsReport stats(StatsQuery query) {
        return stats(query, catalog.indicators().stream().map(Indicator::code).toList());
    }

    /** The given indicators for the key, in catalog order. Unknown codes are a {@link Problem}. */
    public StatsReport stats(StatsQuery query, Collection<String> indicatorCodes) {
        return stats(query, indicatorCodes, InstructionCut.NONE);
    }

    /**
     * As above, the warning instructions' figures of one tier or risk level only ({@code cut}); with a cut, only
     * those six may be asked for (the other indicators have no tier or risk level).
     */
    public StatsReport stats(StatsQuery query, Collection<String> indicatorCodes, InstructionCut cut) {
        check(query, indicatorCodes);
        if (!cut.none()) {
            for (String code : indicatorCodes) {
                if (!InstructionFigures.ALL.contains(code)) {
                    throw new Problem("not_cut_by_tier", code + " has no tier or risk level: --tier and --risk cut the"
                            + " warning instructions' figures only", code);
                }
            }
        }
        Set<String> asked = new HashSet<>(indicatorCodes);
        List<Indicator> indicators = catalog.indicators().stream().filter(i -> asked.contains(i.code())).toList();
        Set<String> wanted = new HashSet<>(asked);
        if (asked.stream().anyMatch(InstructionFigures.ALL::contains)) {
            wanted.add(InstructionFigures.INSTRUCTIONS); // what the instructions' figures cover is its coverage
        }

        Period period = query.period();
        Period previousPeriod = period.previousYear();
        Set<String> regions = regionAndChildren(query.regionCode());
        FactSet facts = FactSet.load(database.repositories(), catalog.children(), wanted, regions,
                List.of(previousPeriod, period), query.campaignCode(), CellSource.ROLLUPS);

        List<IndicatorStat> stats = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            AggregationRule rule = facts.rule(indicator.code(), query.campaignCode());
            stats.add(rule.stat(indicator, query.regionCode(), period));
        }
        if (indicators.stream().anyMatch(i -> InstructionFigures.ALL.contains(i.code()))) {
            IndicatorStat counted = facts.rule(InstructionFigures.INSTRUCTIONS, query.campaignCode())
                    .stat(catalog.indicator(InstructionFigures.INSTRUCTIONS).orElseThrow(), query.regionCode(), period);
            InstructionStats computed = instructions(query, cut, counted);
            stats.replaceAll(st -> computed.replaces(st.indicator().code(), cut) ? computed.stat(st.indicator()) : st);
        }
        return new StatsReport(query, stats, facts.coveredUntil(database.repositories(), wanted, regions, period));
    }

    /**
     * The instructions' figures of {@code query}'s region and period (and the year before) computed from the
     * instructions, covering what {@code counted} (the instructions counted by the rule) covers. Instructions have no
     * campaign: under one, none of them is known.
     */
    InstructionStats instructions(StatsQuery query, InstructionCut cut, IndicatorStat counted) {
        Period period = query.period();
        Period previous = period.previousYear();
        if (query.campaignCode() != null) {
            return new InstructionStats(Map.of(), Map.of(), counted);
        }
        Set<String> provinces = provincesUnder(query.regionCode());
        var repos = database.repositories();
        var rows = InstructionFigures.index(InstructionFigures.read(repos, provinces, List.of(previous, period),
                cut));
        return instructions(rows, provinces, period, counted, InstructionFigures.sla(repos));
    }

    /** As above from instructions read already (the dashboard reads every province's once). */
    InstructionStats instructions(InstructionCellIndex rows, Set<String> provinces, Period period,
                                  IndicatorStat counted, InstructionSla sla) {
        // to the minute, as instructions are kept: every figure of a load shares one present (and its groups' sums)
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // each of the layer its counted instructions are of: entered ones, or the demo's where there are none
        return new InstructionStats(InstructionFigures.figures(rows, provinces, period, sla, now,
                counted.value().isDemo()), InstructionFigures.figures(rows, provinces, period.previousYear(), sla, now,
                counted.previous().isDemo()), counted);
    }

    /** The present, to the minute, in the command centre's time: an open breach depends on it. */
    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The provinces whose records a region's figures sum: itself, or the provinces under it. */
    Set<String> provincesUnder(String region) {
        Set<String> provinces = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(region));
        while (!todo.isEmpty()) {
            String r = todo.removeLast();
            catalog.region(r).ifPresent(found -> {
                if (found.kind() == RegionKind.PROVINCE) {
                    provinces.add(found.code());
                }
            });
            todo.addAll(catalog.childrenOf(r));
        }
        return provinces;
    }

    /**
     * The instructions' figures of one key as stats: computed, covering what the counted instructions cover; no change
     * beside them (a rate's or a median's change in percent would read as something it is not).
     */
    record InstructionStats(Map<String, BigDecimal> now, Map<String, BigDecimal> before, IndicatorStat counted) {
        /** Whether {@code code}'s figure comes from here: the timed ones always, all six under a cut. */
        boolean replaces(String code, InstructionCut cut) {
            return InstructionFigures.TIMED.contains(code) || (!cut.none() && InstructionFigures.ALL.contains(code));
        }

        IndicatorStat stat(Indicator indicator) {
            BigDecimal v = now.get(indicator.code());
            BigDecimal p = before.get(indicator.code());
            boolean sum = indicator.unit() == Indicator.Unit.COUNT || indicator.unit() == Indicator.Unit.CNY;
            Figure value = v == null ? Figure.UNKNOWN : new Figure(v, basis(counted.value()), null, null,
                    coverage(counted.value().coverage(), sum));
            Figure previous = p == null ? Figure.UNKNOWN : new Figure(p, basis(counted.previous()), null, null,
                    coverage(counted.previous().coverage(), sum));
            return new IndicatorStat(indicator, value, previous, null);
        }

        /** Computed from entered instructions, or synthetic demo as the counted figure it follows. */
        private static Basis basis(Figure counted) {
            return counted.isDemo() ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED;
        }

        /** A sum's partial value is a lower bound; a rate's or a median's is not. */
        private static Coverage coverage(Coverage of, boolean sum) {
            return of == null || sum ? of : of.notABound();
        }
    }

    /** A figure and the figure of another period of the same layer (real or demo), for comparing the two. */
    public record Pair(Figure value, Figure other) {
    }

    /**
     * One indicator's figure for {@code region} and {@code period}, and the figure for {@code other} (the period it is
     * compared with) of the same layer: a real value is compared with real data only, a demo value with demo data.
     */
    public Pair pair(String indicatorCode, String region, Period period, Period other) {
        return pair(indicatorCode, region, InstructionCut.NONE, period, other);
    }

    /**
     * {@link #pair(String, String, Period, Period)} of a part of the warning instructions: {@code cut} applies only to
     * their six figures (a {@link Problem} for any other indicator, as {@code stats --tier} says).
     */
    public Pair pair(String indicatorCode, String region, InstructionCut cut, Period period, Period other) {
        check(new StatsQuery(period, region, null), List.of(indicatorCode));
        if (InstructionFigures.TIMED.contains(indicatorCode) || !cut.none()) {
            // not a sum of facts, or a part the facts do not keep (issue 17): each period's figure as stats gives
            // it, both of real records
            return new Pair(stats(new StatsQuery(period, region, null), List.of(indicatorCode), cut).indicators()
                    .getFirst().value(), stats(new StatsQuery(other, region, null), List.of(indicatorCode), cut)
                    .indicators().getFirst().value());
        }
        Set<String> regions = regionAndChildren(region);
        FactSet facts = FactSet.load(database.repositories(), catalog.children(), List.of(indicatorCode), regions,
                List.of(other, period), null, CellSource.ROLLUPS);
        AggregationRule rule = facts.rule(indicatorCode, null);
        Figure value = rule.value(region, period);
        Figure before = !value.isKnown() ? Figure.UNKNOWN
                : value.isDemo() ? rule.demoValue(region, other) : rule.realValue(region, other);
        return new Pair(value, before);
    }

    /** Where a region's figures come from: itself and its children. */
    Set<String> regionAndChildren(String region) {
        Set<String> regions = new HashSet<>(catalog.childrenOf(region));
        regions.add(region);
        return regions;
    }

    /** A {@link Problem} for an unknown region, campaign or indicator; reads only the catalogs. */
    public void check(StatsQuery query, Collection<String> indicatorCodes) {
        if (catalog.region(query.regionCode()).isEmpty()) {
            throw new Problem("unknown_region", "unknown region: " + query.regionCode(), query.regionCode());
        }
        if (query.campaignCode() != null && catalog.campaign(query.campaignCode()).isEmpty()) {
            throw new Problem("unknown_campaign", "unknown campaign: " + query.campaignCode(), query.campaignCode());
        }
        for (String code : indicatorCodes) {
            if (catalog.indicator(code).isEmpty()) {
                throw new Problem("unknown_indicator", "unknown indicator: " + code, code);
            }
        }
    }
}
