package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.MEASUREMENT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.persistence.jooq.tables.records.MeasurementRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Stored figures. Blocking and thread-agnostic; the caller chooses the transaction. */
public final class MeasurementRepository {
    private final DSLContext dsl;

    MeasurementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every figure of the given indicators and regions that lies wholly inside one of {@code periods}
     * (a year's, its months' and its days' figures all lie inside the year). {@code campaignCode} null
     * means any campaign or none.
     */
    public List<Measurement> findWithin(Collection<String> indicatorCodes, Collection<String> regionCodes,
                                        Collection<Period> periods, String campaignCode) {
        Condition inPeriods = DSL.falseCondition();
        for (Period p : periods) {
            inPeriods = inPeriods.or(MEASUREMENT.PERIOD_START.ge(p.start()).and(MEASUREMENT.PERIOD_END.le(p.end())));
        }
        Condition where = MEASUREMENT.INDICATOR_CODE.in(indicatorCodes)
                .and(MEASUREMENT.REGION_CODE.in(regionCodes))
                .and(inPeriods);
        if (campaignCode != null) {
            where = where.and(MEASUREMENT.CAMPAIGN_CODE.eq(campaignCode));
        }
        return dsl.selectFrom(MEASUREMENT).where(where).fetch(MeasurementRepository::toMeasurement);
    }

    public void insertAll(Collection<Measurement> measurements) {
        List<MeasurementRecord> records = new ArrayList<>(measurements.size());
        for (Measurement m : measurements) {
            MeasurementRecord r = dsl.newRecord(MEASUREMENT);
            r.setIndicatorCode(m.indicatorCode());
            r.setRegionCode(m.regionCode());
            r.setPeriod(m.period().code());
            r.setPeriodStart(m.period().start());
            r.setPeriodEnd(m.period().end());
            r.setCampaignCode(m.campaignCode());
            r.setAmount(m.value());
            r.setChangePct(m.changePct());
            r.setBasis(m.basis().code());
            r.setValueQualifier(m.qualifier() == null ? null : m.qualifier().code());
            r.setSourceTitle(m.source() == null ? null : m.source().title());
            r.setSourceSentence(m.source() == null ? null : m.source().sentence());
            r.setNote(m.note());
            records.add(r);
        }
        final int chunk = 2_000;
        for (int i = 0; i < records.size(); i += chunk) {
            dsl.batchInsert(records.subList(i, Math.min(records.size(), i + chunk))).execute();
        }
    }

    public int deleteByBasis(Basis basis) {
        return dsl.deleteFrom(MEASUREMENT).where(MEASUREMENT.BASIS.eq(basis.code())).execute();
    }

    public int countByBasis(Basis basis) {
        return dsl.fetchCount(MEASUREMENT, MEASUREMENT.BASIS.eq(basis.code()));
    }

    public int count() {
        return dsl.fetchCount(MEASUREMENT);
    }

    /** The latest year that has any figure, if any. */
    public Optional<Integer> latestYear() {
        return Optional.ofNullable(dsl.select(DSL.max(MEASUREMENT.PERIOD_START)).from(MEASUREMENT).fetchOne(0,
                java.time.LocalDate.class)).map(java.time.LocalDate::getYear);
    }

    private static Measurement toMeasurement(MeasurementRecord r) {
        Source source = r.getSourceTitle() == null && r.getSourceSentence() == null ? null
                : new Source(r.getSourceTitle(), r.getSourceSentence());
        return new Measurement(r.getIndicatorCode(), r.getRegionCode(), Period.parse(r.getPeriod()),
                r.getCampaignCode(), r.getAmount(), r.getChangePct(), Basis.fromCode(r.getBasis()),
                r.getValueQualifier() == null ? null : Qualifier.fromCode(r.getValueQualifier()), source, r.getNote());
    }
}
