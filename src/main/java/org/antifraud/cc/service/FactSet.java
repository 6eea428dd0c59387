package org.antifraud.cc.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.persistence.Repositories;

/**
 * Everything the aggregation rule needs to answer for some indicators, regions and periods, fetched
 * in a few queries: the stored year/month figures and the day-grain cells. One load serves many
 * rules (per indicator, per campaign).
 */
final class FactSet {

    private final Map<String, List<String>> children;
    private final Map<String, List<Measurement>> measurements = new HashMap<>();
    private final Map<String, List<FactCell>> cells = new HashMap<>();

    private FactSet(Map<String, List<String>> children) {
        this.children = children;
    }

    /** {@code campaignCode} null loads every campaign's facts (and the campaign-less ones). */
    static FactSet load(Repositories repos, Map<String, List<String>> children, Collection<String> indicators,
                        Collection<String> regions, Collection<Period> periods, String campaignCode,
                        CellSource source) {
        FactSet set = new FactSet(children);
        List<Measurement> stored = repos.measurements().findWithin(indicators, regions, periods, campaignCode);
        CellPlan plan = CellPlan.of(periods);
        for (Measurement m : stored) {
            set.measurements.computeIfAbsent(m.indicatorCode(), k -> new ArrayList<>()).add(m);
            int year = m.period().start().getYear();
            if (m.hasValue() && m.period().granularity() == Granularity.MONTH && plan.years().contains(year)) {
                plan.addMonthsOf(year); // stored months split that year: its year cell cannot stand for it
            }
        }
        if (!plan.isEmpty()) {
            List<FactCell> found = source == CellSource.ROLLUPS
                    ? repos.facts().fromRollups(indicators, regions, plan, campaignCode)
                    : repos.facts().fromRawRows(indicators, regions, plan, campaignCode);
            for (FactCell c : found) {
                set.cells.computeIfAbsent(c.indicatorCode(), k -> new ArrayList<>()).add(c);
            }
        }
        return set;
    }

    /** The rule for one indicator; {@code campaignCode} null sums every campaign and none. */
    AggregationRule rule(String indicatorCode, String campaignCode) {
        List<Measurement> stored = measurements.getOrDefault(indicatorCode, List.of());
        List<FactCell> dayFacts = cells.getOrDefault(indicatorCode, List.of());
        if (campaignCode != null) {
            stored = stored.stream().filter(m -> campaignCode.equals(m.campaignCode())).toList();
            dayFacts = dayFacts.stream().filter(c -> campaignCode.equals(c.campaignCode())).toList();
        }
        return new AggregationRule(children, stored, dayFacts);
    }

    /** The (campaign, indicator) pairs that have any fact in this set, campaign-less ones left out. */
    Map<String, List<String>> campaignIndicators() {
        Map<String, List<String>> pairs = new HashMap<>();
        measurements.values().forEach(list -> list.forEach(m -> addPair(pairs, m.campaignCode(), m.indicatorCode())));
        cells.values().forEach(list -> list.forEach(c -> addPair(pairs, c.campaignCode(), c.indicatorCode())));
        return pairs;
    }

    private static void addPair(Map<String, List<String>> pairs, String campaign, String indicator) {
        if (campaign == null || campaign.isEmpty()) {
            return;
        }
        List<String> indicators = pairs.computeIfAbsent(campaign, k -> new ArrayList<>());
        if (!indicators.contains(indicator)) {
            indicators.add(indicator);
        }
    }

    boolean isEmpty() {
        return measurements.isEmpty() && cells.values().stream().allMatch(Objects::isNull);
    }
}
