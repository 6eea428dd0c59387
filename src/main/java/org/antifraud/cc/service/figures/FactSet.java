package org.antifraud.cc.service.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Submission;
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
    private final List<Submission> submissions = new ArrayList<>();
    private final Map<String, Reporting> reporting = new HashMap<>();

    private FactSet(Map<String, List<String>> children) {
        this.children = children;
    }

    /** {@code campaignCode} null loads every campaign's facts (and the campaign-less ones). */
    static FactSet load(Repositories repos, Map<String, List<String>> children, Collection<String> indicators,
                        Collection<String> regions, Collection<Period> periods, String campaignCode,
                        CellSource source) {
        return load(repos, children, indicators, regions, periods, List.of(), List.of(), campaignCode, source);
    }

    /**
     * One load for {@code periods} of all {@code indicators} and, in the same fetch of stored figures,
     * the {@code extraPeriods} (a trend's buckets, inside {@code periods}) of {@code extraIndicators}.
     */
    static FactSet load(Repositories repos, Map<String, List<String>> children, Collection<String> indicators,
                        Collection<String> regions, Collection<Period> periods, Collection<String> extraIndicators,
                        Collection<Period> extraPeriods, String campaignCode, CellSource source) {
        FactSet set = new FactSet(children);
        List<Period> all = new ArrayList<>(periods);
        all.addAll(extraPeriods);
        List<Measurement> stored = repos.measurements().findWithin(indicators, regions, all, campaignCode);
        CellPlan plan = CellPlan.of(periods);
        CellPlan extraPlan = CellPlan.of(extraPeriods);
        for (Measurement m : stored) {
            set.measurements.computeIfAbsent(m.indicatorCode(), k -> new ArrayList<>()).add(m);
            int year = m.period().start().getYear();
            if (m.hasValue() && m.period().granularity() == Granularity.MONTH) {
                // stored months split that year: its year cell cannot stand for it
                if (plan.years().contains(year)) {
                    plan.addMonthsOf(year);
                }
                if (extraPlan.years().contains(year)) {
                    extraPlan.addMonthsOf(year);
                }
            }
        }
        set.addCells(repos, indicators, regions, plan, campaignCode, source, c -> true);
        if (indicators.containsAll(extraIndicators)) {
            // the trend's buckets often are the period's own months and runs of days: fetched already
            extraPlan.years().removeAll(plan.years());
            extraPlan.monthStarts().removeAll(plan.monthStarts());
            extraPlan.days().removeAll(plan.days());
            extraPlan.spans().removeAll(plan.spans());
        }
        // the trend's plan may still overlap the period's (a year split into stored months fetches its months twice):
        // a cell of an indicator and period both plans fetched is there already
        Set<String> fetchedIndicators = new HashSet<>(indicators);
        Set<String> fetchedCodes = plan.codes();
        set.addCells(repos, extraIndicators, regions, extraPlan, campaignCode, source,
                c -> !(fetchedIndicators.contains(c.indicatorCode()) && fetchedCodes.contains(c.periodCode())));
        LocalDate first = all.stream().map(Period::start).min(LocalDate::compareTo).orElse(null);
        LocalDate last = all.stream().map(Period::end).max(LocalDate::compareTo).orElse(null);
        if (first != null) {
            set.submissions.addAll(repos.submissions().within(first, last));
        }
        return set;
    }

    private void addCells(Repositories repos, Collection<String> indicators, Collection<String> regions,
                          CellPlan plan, String campaignCode, CellSource source, Predicate<FactCell> isNew) {
        if (plan.isEmpty() || indicators.isEmpty()) {
            return;
        }
        List<FactCell> found = source == CellSource.ROLLUPS
                ? repos.facts().fromRollups(indicators, regions, plan, campaignCode)
                : repos.facts().fromRawRows(indicators, regions, plan, campaignCode);
        for (FactCell c : found) {
            if (isNew.test(c)) {
                cells.computeIfAbsent(c.indicatorCode(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /** The rule for one indicator; {@code campaignCode} null sums every campaign and none. */
    AggregationRule rule(String indicatorCode, String campaignCode) {
        List<Measurement> stored = measurements.getOrDefault(indicatorCode, List.of());
        List<FactCell> dayFacts = cells.getOrDefault(indicatorCode, List.of());
        if (campaignCode != null) {
            stored = stored.stream().filter(m -> campaignCode.equals(m.campaignCode())).toList();
            dayFacts = dayFacts.stream().filter(c -> campaignCode.equals(c.campaignCode())).toList();
        }
        Reporting units = reporting.computeIfAbsent(indicatorCode, i -> Reporting.of(children, i, submissions));
        return new AggregationRule(children, stored, dayFacts, units);
    }

    /**
     * The latest day that the figures of {@code period} cover: the latest record of the period in {@code regions},
     * or the last day a stored figure inside the period covers (its note may end it early), whichever is later;
     * null when the period holds nothing (issue 12: "data as of" is the data's date).
     */
    LocalDate coveredUntil(Repositories repos, Collection<String> indicators, Collection<String> regions,
                           Period period) {
        LocalDate latest = repos.facts().latestDayWithin(indicators, regions, period.start(), period.end()).orElse(null);
        for (List<Measurement> list : measurements.values()) {
            for (Measurement m : list) {
                if (m.hasValue() && !m.period().start().isBefore(period.start()) && !m.period().end().isAfter(period.end())
                        && regions.contains(m.regionCode())) {
                    LocalDate until = m.coversUntil();
                    latest = latest == null || until.isAfter(latest) ? until : latest;
                }
            }
        }
        return latest;
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
}
