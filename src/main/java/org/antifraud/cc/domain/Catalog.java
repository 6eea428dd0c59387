package org.antifraud.cc.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference catalogs. {@code children} maps a region to the regions whose sum stands for it:
 * the provinces of {@code CN}, the members of a battle zone.
 */
public final class Catalog {
    private final List<Region> regions;
    private final Map<String, List<String>> children;
    private final List<Indicator> indicators;
    private final List<Campaign> campaigns;
    // looked up for every record of an import: a million rows check their codes several times each
    private final Map<String, Region> regionByCode;
    private final Map<String, Indicator> indicatorByCode;
    private final Map<String, Campaign> campaignByCode;

    public Catalog(List<Region> regions, Map<String, List<String>> children, List<Indicator> indicators,
                   List<Campaign> campaigns) {
        this.regions = List.copyOf(regions);
        this.children = Map.copyOf(children);
        this.indicators = List.copyOf(indicators);
        this.campaigns = List.copyOf(campaigns);
        this.regionByCode = byCode(this.regions, Region::code);
        this.indicatorByCode = byCode(this.indicators, Indicator::code);
        this.campaignByCode = byCode(this.campaigns, Campaign::code);
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new HashMap<>();
        items.forEach(i -> map.putIfAbsent(code.apply(i), i)); // the first wins, as a scan in order would
        return Map.copyOf(map);
    }

    public List<Region> regions() {
        return regions;
    }

    public Map<String, List<String>> children() {
        return children;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public List<Campaign> campaigns() {
        return campaigns;
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regionByCode.get(code));
    }

    public Optional<Indicator> indicator(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(indicatorByCode.get(code));
    }

    public Optional<Campaign> campaign(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(campaignByCode.get(code));
    }

    public List<String> childrenOf(String regionCode) {
        return children.getOrDefault(regionCode, List.of());
    }

    /** The codes of the regions of these kinds, kind by kind in the order given (what region choosers offer). */
    public List<String> regionCodes(RegionKind... kinds) {
        List<String> codes = new ArrayList<>();
        for (RegionKind kind : kinds) {
            regionsOfKind(kind).forEach(r -> codes.add(r.code()));
        }
        return codes;
    }

    public List<Region> regionsOfKind(RegionKind kind) {
        return regions.stream().filter(r -> r.kind() == kind).toList();
    }

    public Map<String, Indicator> indicatorsByCode() {
        return indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Catalog c && regions.equals(c.regions) && children.equals(c.children)
                && indicators.equals(c.indicators) && campaigns.equals(c.campaigns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regions, children, indicators, campaigns);
    }

    @Override
    public String toString() {
        return "Catalog[" + regions.size() + " regions, " + indicators.size() + " indicators, " + campaigns.size()
                + " campaigns]";
    }
}
