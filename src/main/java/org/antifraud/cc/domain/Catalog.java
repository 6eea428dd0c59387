package org.antifraud.cc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference catalogs. {@code children} maps a region to the regions whose sum stands for it:
 * the provinces of {@code CN}, the members of a battle zone.
 */
public record Catalog(List<Region> regions, Map<String, List<String>> children, List<Indicator> indicators,
                      List<Campaign> campaigns) {

    public Catalog {
        regions = List.copyOf(regions);
        children = Map.copyOf(children);
        indicators = List.copyOf(indicators);
        campaigns = List.copyOf(campaigns);
    }

    public Optional<Region> region(String code) {
        return regions.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Campaign> campaign(String code) {
        return campaigns.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<String> childrenOf(String regionCode) {
        return children.getOrDefault(regionCode, List.of());
    }

    public List<Region> regionsOfKind(RegionKind kind) {
        return regions.stream().filter(r -> r.kind() == kind).toList();
    }

    public Map<String, Indicator> indicatorsByCode() {
        return indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
