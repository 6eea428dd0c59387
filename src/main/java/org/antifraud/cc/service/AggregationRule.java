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
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;

/**
 * The one aggregation rule, used by the dashboard, the CLI and the briefing. For one indicator:
 * value(region, period) =
 * <ol>
 * <li>the stored figure for exactly that key, summed over campaigns;</li>
 * <li>else the sum over the region's children (provinces of CN, members of a zone), if any has data;</li>
 * <li>else the sum over the period's sub-periods (months of a year or quarter, days of a month), if any has data;</li>
 * <li>else unknown.</li>
 * </ol>
 * A stored figure always beats a sum, so nothing is counted twice.
 */
public final class AggregationRule {
    private final Map<String, List<String>> children;
    private final Map<String, List<Measurement>> byKey = new HashMap<>();
    /** The periods of the stored values, by region: where a value can come from at all. */
    private final Map<String, List<Period>> valuedPeriods = new HashMap<>();
    private final Map<String, Set<String>> subtrees = new HashMap<>();

    /**
     * @param children the regions whose sum stands for a region
     * @param facts    the stored figures of one indicator (already filtered to a campaign, if one is chosen)
     */
    public AggregationRule(Map<String, List<String>> children, List<Measurement> facts) {
        this.children = children;
        for (Measurement m : facts) {
            byKey.computeIfAbsent(key(m.regionCode(), m.period().code()), k -> new ArrayList<>()).add(m);
            if (m.hasValue()) {
                valuedPeriods.computeIfAbsent(m.regionCode(), k -> new ArrayList<>()).add(m.period());
            }
        }
    }

    private static String key(String region, String period) {
        return region + '|' + period;
    }

    public Figure value(String region, Period period) {
        if (!anyValueWithin(region, period)) {
            // every step below only finds values of this region or a region under it, inside this period
            return Figure.UNKNOWN;
        }
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
        Figure ofChildren = sumOf(children.getOrDefault(region, List.of()).stream()
                .map(child -> value(child, period)).toList());
        if (ofChildren.isKnown()) {
            return ofChildren;
        }
        return sumOf(period.subPeriods().stream().map(part -> value(region, part)).toList());
    }

    private boolean anyValueWithin(String region, Period period) {
        for (String r : subtree(region)) {
            for (Period p : valuedPeriods.getOrDefault(r, List.of())) {
                if (!p.start().isBefore(period.start()) && !p.end().isAfter(period.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The region and every region whose sum can stand for it, however deep. */
    private Set<String> subtree(String region) {
        Set<String> known = subtrees.get(region);
        if (known != null) {
            return known;
        }
        Set<String> all = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(region));
        while (!pending.isEmpty()) {
            String r = pending.removeLast();
            if (all.add(r)) {
                pending.addAll(children.getOrDefault(r, List.of()));
            }
        }
        subtrees.put(region, all);
        return all;
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

    private static Figure sumOf(List<Figure> parts) {
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
