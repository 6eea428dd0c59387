package org.antifraud.cc.service.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.persistence.Database;

/** Answers "what is each indicator for this period, region and campaign" by the aggregation rule. */
public final class StatsService {
    private final Database database;
    private final Catalog catalog;

    public StatsService(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /** Every catalog indicator for the key. */
    public StatsReport stats(StatsQuery query) {
        return stats(query, catalog.indicators().stream().map(Indicator::code).toList());
    }

    /** The given indicators for the key, in catalog order. Unknown codes are a {@link Problem}. */
    public StatsReport stats(StatsQuery query, Collection<String> indicatorCodes) {
        check(query, indicatorCodes);
        Set<String> wanted = new HashSet<>(indicatorCodes);
        List<Indicator> indicators = catalog.indicators().stream().filter(i -> wanted.contains(i.code())).toList();

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
        return new StatsReport(query, stats, facts.coveredUntil(database.repositories(), wanted, regions, period));
    }

    /** A figure and the figure of another period of the same layer (real or demo), for comparing the two. */
    public record Pair(Figure value, Figure other) {
    }

    /**
     * One indicator's figure for {@code region} and {@code period}, and the figure for {@code other} (the period it is
     * compared with) of the same layer: a real value is compared with real data only, a demo value with demo data.
     */
    public Pair pair(String indicatorCode, String region, Period period, Period other) {
        check(new StatsQuery(period, region, null), List.of(indicatorCode));
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
