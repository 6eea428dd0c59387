package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.CAMPAIGN;
import static org.antifraud.cc.persistence.jooq.Tables.INDICATOR;
import static org.antifraud.cc.persistence.jooq.Tables.REGION;
import static org.antifraud.cc.persistence.jooq.Tables.ZONE_MEMBER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;

import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.jooq.DSLContext;

/** Reads the reference catalogs loaded by the migrations. */
public final class CatalogRepository {
    private final DSLContext dsl;

    CatalogRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Catalog load() {
        List<Region> regions = dsl.selectFrom(REGION).orderBy(REGION.SORT_ORDER).fetch(r -> new Region(
                r.getCode(), RegionKind.valueOf(r.getKind().toUpperCase(Locale.ROOT)), r.getParentCode(),
                r.getNameZh(), r.getNameEn()));

        Map<String, List<String>> children = new LinkedHashMap<>();
        for (Region r : regions) {
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r.code());
            }
        }
        dsl.select(ZONE_MEMBER.ZONE_CODE, ZONE_MEMBER.PROVINCE_CODE)
                .from(ZONE_MEMBER).join(REGION).on(REGION.CODE.eq(ZONE_MEMBER.PROVINCE_CODE))
                .orderBy(ZONE_MEMBER.ZONE_CODE, REGION.SORT_ORDER)
                .forEach(r -> children.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        children.replaceAll((k, v) -> List.copyOf(v));

        List<Indicator> indicators = dsl.selectFrom(INDICATOR).orderBy(INDICATOR.SORT_ORDER).fetch(r -> new Indicator(
                r.getCode(), IndicatorCategory.valueOf(r.getCategory().toUpperCase(Locale.ROOT)),
                Indicator.Unit.valueOf(r.getUnit().toUpperCase(Locale.ROOT)), r.getNameZh(), r.getNameEn(),
                r.getHigherIsBetter()));

        List<Campaign> campaigns = dsl.selectFrom(CAMPAIGN).orderBy(CAMPAIGN.SORT_ORDER).fetch(r -> new Campaign(
                r.getCode(), r.getKind(), r.getNameZh(), r.getNameEn()));

        return new Catalog(regions, children, indicators, campaigns);
    }
}
