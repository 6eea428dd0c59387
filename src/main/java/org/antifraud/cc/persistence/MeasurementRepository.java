package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.MEASUREMENT;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.persistence.jooq.tables.records.MeasurementRecord;
import org.jooq.BatchBindStep;
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
     * Every year- and month-grain figure of the given indicators and regions that lies wholly inside one
     * of {@code periods} (a year's and its months' figures lie inside the year). Day-grain figures are
     * left to the rollups ({@link FactRepository}). {@code campaignCode} null means any campaign or none.
     */
    public List<Measurement> findWithin(Collection<String> indicatorCodes, Collection<String> regionCodes,
                                        Collection<Period> periods, String campaignCode) {
        if (periods.isEmpty()) {
            return List.of();
        }
        // one range the index can use, then exact containment in Java (an OR per period defeats the index)
        java.time.LocalDate from = periods.stream().map(Period::start).min(java.util.Comparator.naturalOrder()).orElseThrow();
        java.time.LocalDate to = periods.stream().map(Period::end).max(java.util.Comparator.naturalOrder()).orElseThrow();
        Condition where = MEASUREMENT.GRAIN.in("Y", "M")
                .and(MEASUREMENT.INDICATOR_CODE.in(indicatorCodes))
                .and(MEASUREMENT.REGION_CODE.in(regionCodes))
                .and(MEASUREMENT.PERIOD_START.between(from, to))
                .and(MEASUREMENT.PERIOD_END.le(to));
        if (campaignCode != null) {
            where = where.and(MEASUREMENT.CAMPAIGN_CODE.eq(campaignCode));
        }
        return dsl.selectFrom(MEASUREMENT).where(where).fetch(MeasurementRepository::toMeasurement).stream()
                .filter(m -> periods.stream().anyMatch(p -> p.contains(m.period())))
                .toList();
    }

    /** Inserts in JDBC batches of one prepared statement (the caller's transaction makes them atomic). */
    public void insertAll(Collection<Measurement> measurements) {
        final int chunk = 5_000;
        List<Measurement> all = List.copyOf(measurements);
        for (int i = 0; i < all.size(); i += chunk) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(MEASUREMENT,
                    MEASUREMENT.INDICATOR_CODE, MEASUREMENT.REGION_CODE, MEASUREMENT.PERIOD,
                    MEASUREMENT.PERIOD_START, MEASUREMENT.PERIOD_END, MEASUREMENT.CAMPAIGN_CODE,
                    MEASUREMENT.AMOUNT, MEASUREMENT.CHANGE_PCT, MEASUREMENT.BASIS, MEASUREMENT.VALUE_QUALIFIER,
                    MEASUREMENT.SOURCE_TITLE, MEASUREMENT.SOURCE_SENTENCE, MEASUREMENT.NOTE, MEASUREMENT.GRAIN)
                    .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null));
            for (Measurement m : all.subList(i, Math.min(all.size(), i + chunk))) {
                batch = batch.bind(m.indicatorCode(), m.regionCode(), m.period().code(),
                        m.period().start(), m.period().end(), m.campaignCode(), m.value(), m.changePct(),
                        m.basis().code(), m.qualifier() == null ? null : m.qualifier().code(),
                        m.source() == null ? null : m.source().title(),
                        m.source() == null ? null : m.source().sentence(), m.note(), grainOf(m.period()));
            }
            batch.execute();
        }
        // day-grain figures are facts of the rollups, kept current in the same transaction (ADR 0013)
        List<DayFact> dayFacts = all.stream()
                .filter(m -> m.period().granularity() == Granularity.DAY && m.hasValue())
                .map(m -> new DayFact(m.indicatorCode(), m.regionCode(), m.period().start(), m.campaignCode(),
                        m.value(), 1, m.basis() == Basis.SYNTHETIC_DEMO ? 1 : 0))
                .toList();
        new RollupRepository(dsl).add(dayFacts);
    }

    /** Y, M or D: the grain column that lets a query skip day-grain figures. */
    static String grainOf(Period period) {
        return switch (period.granularity()) {
            case YEAR -> "Y";
            case MONTH -> "M";
            case DAY -> "D";
            default -> throw new IllegalArgumentException("not storable: " + period);
        };
    }

    /** Deletes every figure of that basis and takes its day-grain figures out of the rollups. */
    public int deleteByBasis(Basis basis) {
        List<DayFact> removed = dsl.select(MEASUREMENT.INDICATOR_CODE, MEASUREMENT.REGION_CODE,
                        MEASUREMENT.PERIOD_START, MEASUREMENT.CAMPAIGN_CODE, DSL.sum(MEASUREMENT.AMOUNT), DSL.count())
                .from(MEASUREMENT)
                .where(MEASUREMENT.BASIS.eq(basis.code()), MEASUREMENT.GRAIN.eq("D"), MEASUREMENT.AMOUNT.isNotNull())
                .groupBy(MEASUREMENT.INDICATOR_CODE, MEASUREMENT.REGION_CODE, MEASUREMENT.PERIOD_START,
                        MEASUREMENT.CAMPAIGN_CODE)
                .fetch(r -> new DayFact(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        basis == Basis.SYNTHETIC_DEMO ? r.value6() : 0).negate());
        int deleted = dsl.deleteFrom(MEASUREMENT).where(MEASUREMENT.BASIS.eq(basis.code())).execute();
        new RollupRepository(dsl).add(removed);
        return deleted;
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
