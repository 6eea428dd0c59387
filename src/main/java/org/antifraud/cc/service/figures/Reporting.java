package org.antifraud.cc.service.figures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.Coverage;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;

/**
 * The reporting units (the provinces, children of {@code CN}) and which of their months are submitted, for the
 * record kinds of one indicator: what a computed figure's {@link Coverage} is counted from (issue 12). A unit-month
 * counts for an indicator when every kind that feeds it is submitted; an indicator no record kind feeds (one that
 * only statistics give) has none.
 */
public final class Reporting {
    private final Map<String, List<String>> children;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final Map<String, int[]> unitsOf = new HashMap<>();
    private final Set<Integer> submitted;

    private Reporting(Map<String, List<String>> children, Set<Integer> submitted) {
        this.children = children;
        this.submitted = submitted;
        children.getOrDefault("CN", List.of()).forEach(this::indexOf);
    }

    /** Nothing submitted. */
    public static Reporting none(Map<String, List<String>> children) {
        return new Reporting(children, Set.of());
    }

    /** The unit-months where every kind feeding {@code indicatorCode} is submitted. */
    public static Reporting of(Map<String, List<String>> children, String indicatorCode, Collection<Submission> submissions) {
        Set<SubmissionKind> feeding = SubmissionKind.feeding(indicatorCode);
        Reporting r = new Reporting(children, new HashSet<>());
        if (feeding.isEmpty()) {
            return r;
        }
        // a unit-month counts once every feeding kind is submitted for it
        Map<Integer, Set<SubmissionKind>> kindsByUnitMonth = new HashMap<>();
        for (Submission s : submissions) {
            Integer unit = r.unitIndex.get(s.regionCode());
            if (s.isSubmitted() && feeding.contains(s.kind()) && unit != null) {
                int key = key(unit, s.month());
                Set<SubmissionKind> kinds = kindsByUnitMonth.computeIfAbsent(key, k -> EnumSet.noneOf(SubmissionKind.class));
                kinds.add(s.kind());
                if (kinds.size() == feeding.size()) {
                    r.submitted.add(key);
                }
            }
        }
        return r;
    }

    private static int key(int unit, YearMonth month) {
        return Coverage.monthNo(month) * Coverage.UNITS + unit;
    }

    private int indexOf(String unit) {
        return unitIndex.computeIfAbsent(unit, u -> {
            if (unitIndex.size() >= Coverage.UNITS) {
                throw new IllegalStateException("more reporting units than a coverage can hold: " + u);
            }
            return unitIndex.size();
        });
    }

    /** The indexes of the reporting units under {@code region}: itself when it has no children. */
    public int[] unitsOf(String region) {
        int[] units = unitsOf.get(region);
        if (units == null) {
            List<String> kids = children.getOrDefault(region, List.of());
            if (kids.isEmpty()) {
                units = new int[]{indexOf(region)};
            } else {
                List<Integer> all = new ArrayList<>();
                for (String kid : kids) {
                    for (int u : unitsOf(kid)) {
                        all.add(u);
                    }
                }
                units = all.stream().mapToInt(Integer::intValue).distinct().toArray();
            }
            unitsOf.put(region, units);
        }
        return units;
    }

    public boolean isSubmitted(int unit, YearMonth month) {
        return submitted.contains(key(unit, month));
    }
}
