package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.CAMPAIGN_TARGET;

import java.math.BigDecimal;
import java.util.Map;

import org.jooq.DSLContext;

/** Campaign targets, where set. */
public final class CampaignTargetRepository {
    private final DSLContext dsl;

    CampaignTargetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The targets for exactly this region and period, keyed "campaign|indicator". */
    public Map<String, BigDecimal> targets(String regionCode, String periodCode) {
        return dsl.select(CAMPAIGN_TARGET.CAMPAIGN_CODE, CAMPAIGN_TARGET.INDICATOR_CODE, CAMPAIGN_TARGET.TARGET)
                .from(CAMPAIGN_TARGET)
                .where(CAMPAIGN_TARGET.REGION_CODE.eq(regionCode), CAMPAIGN_TARGET.PERIOD.eq(periodCode))
                .fetchMap(r -> r.value1() + "|" + r.value2(), r -> r.value3());
    }

    public void put(String campaignCode, String indicatorCode, String regionCode, String periodCode,
                    BigDecimal target, String basis) {
        dsl.insertInto(CAMPAIGN_TARGET, CAMPAIGN_TARGET.CAMPAIGN_CODE, CAMPAIGN_TARGET.INDICATOR_CODE,
                        CAMPAIGN_TARGET.REGION_CODE, CAMPAIGN_TARGET.PERIOD, CAMPAIGN_TARGET.TARGET, CAMPAIGN_TARGET.BASIS)
                .values(campaignCode, indicatorCode, regionCode, periodCode, target, basis)
                .onConflict(CAMPAIGN_TARGET.CAMPAIGN_CODE, CAMPAIGN_TARGET.INDICATOR_CODE, CAMPAIGN_TARGET.REGION_CODE,
                        CAMPAIGN_TARGET.PERIOD)
                .doUpdate().set(CAMPAIGN_TARGET.TARGET, target).set(CAMPAIGN_TARGET.BASIS, basis)
                .execute();
    }
}
