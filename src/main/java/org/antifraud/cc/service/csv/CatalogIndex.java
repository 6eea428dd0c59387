package org.antifraud.cc.service.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Region;

/** The catalog's codes in hash maps, each with a small number for packing keys: one lookup per cell. */
final class CatalogIndex {
    /** A catalog entry, its code (the catalog's own string, shared by every record) and its number from 1. */
    record Ref<T>(String code, T item, int number) {
    }

    private final Map<String, Ref<Indicator>> indicators;
    private final Map<String, Ref<Region>> regions;
    private final Map<String, Ref<Campaign>> campaigns;

    CatalogIndex(Catalog catalog) {
        indicators = index(catalog.indicators(), Indicator::code);
        regions = index(catalog.regions(), Region::code);
        campaigns = index(catalog.campaigns(), Campaign::code);
    }

    private static <T> Map<String, Ref<T>> index(List<T> items, Function<T, String> code) {
        Map<String, Ref<T>> map = new HashMap<>(items.size() * 2);
        for (T item : items) {
            String c = code.apply(item);
            map.putIfAbsent(c, new Ref<>(c, item, map.size() + 1));
        }
        return map;
    }

    Ref<Indicator> indicator(String code) {
        return indicators.get(code);
    }

    Region region(String code) {
        Ref<Region> r = regions.get(code);
        return r == null ? null : r.item();
    }

    Ref<Region> regionRef(String code) {
        return regions.get(code);
    }

    Ref<?> campaign(String code) {
        return campaigns.get(code);
    }

    /** Bits enough for the numbers of each catalog (and 0 for none). */
    int indicatorBits() {
        return bits(indicators.size());
    }

    int regionBits() {
        return bits(regions.size());
    }

    int campaignBits() {
        return bits(campaigns.size());
    }

    private static int bits(int count) {
        return 32 - Integer.numberOfLeadingZeros(count);
    }
}
