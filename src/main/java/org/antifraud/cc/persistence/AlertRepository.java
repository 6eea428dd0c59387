package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.ALERT_EVENT;
import static org.antifraud.cc.persistence.jooq.Tables.ALERT_THRESHOLD;
import static org.antifraud.cc.persistence.jooq.Tables.MEASUREMENT;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_DAY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.persistence.jooq.tables.records.AlertThresholdRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/** Alert thresholds and the alerts they raised. Blocking and thread-agnostic; the caller chooses the transaction. */
public final class AlertRepository {
    private final DSLContext dsl;

    AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertThreshold(ThresholdSpec spec, Instant createdAt, String createdBy) {
        InstructionCut cut = spec.cut();
        return dsl.insertInto(ALERT_THRESHOLD, ALERT_THRESHOLD.INDICATOR_CODE, ALERT_THRESHOLD.REGION_CODE,
                        ALERT_THRESHOLD.TIER, ALERT_THRESHOLD.RISK_LEVEL, ALERT_THRESHOLD.GRAIN, ALERT_THRESHOLD.KIND,
                        ALERT_THRESHOLD.LIMIT_VALUE, ALERT_THRESHOLD.ENABLED, ALERT_THRESHOLD.CREATED_AT,
                        ALERT_THRESHOLD.CREATED_BY)
                .values(spec.indicatorCode(), spec.regionCode(), cut.tier() == null ? null : cut.tier().code(),
                        cut.risk() == null ? null : cut.risk().code(), spec.grain().code(), spec.kind().code(),
                        spec.limit(), spec.enabled(), utc(createdAt), createdBy)
                .returningResult(ALERT_THRESHOLD.ID)
                .fetchOne(ALERT_THRESHOLD.ID);
    }

    /** Changes what may change (the limit, enabled); returns how many rows changed (0 when it is gone). */
    public int updateThreshold(long id, BigDecimal limit, boolean enabled) {
        return dsl.update(ALERT_THRESHOLD)
                .set(ALERT_THRESHOLD.LIMIT_VALUE, limit)
                .set(ALERT_THRESHOLD.ENABLED, enabled)
                .where(ALERT_THRESHOLD.ID.eq(id))
                .execute();
    }

    /** Deletes the threshold and (by the foreign key's cascade) its alerts. */
    public int deleteThreshold(long id) {
        return dsl.deleteFrom(ALERT_THRESHOLD).where(ALERT_THRESHOLD.ID.eq(id)).execute();
    }

    public Optional<AlertThreshold> threshold(long id) {
        return dsl.selectFrom(ALERT_THRESHOLD).where(ALERT_THRESHOLD.ID.eq(id))
                .fetchOptional(AlertRepository::toThreshold);
    }

    /** Every threshold, oldest first. */
    public List<AlertThreshold> thresholds() {
        return dsl.selectFrom(ALERT_THRESHOLD).orderBy(ALERT_THRESHOLD.ID).fetch(AlertRepository::toThreshold);
    }

    public List<AlertThreshold> enabledThresholds() {
        return dsl.selectFrom(ALERT_THRESHOLD).where(ALERT_THRESHOLD.ENABLED.isTrue())
                .orderBy(ALERT_THRESHOLD.ID).fetch(AlertRepository::toThreshold);
    }

    /**
     * The first day of the latest stored figure of the indicator for any of the regions whose grain is one
     * of {@code grains} (Y, M, D), or the latest day in the day rollups (records). Empty when there is none.
     */
    public Optional<LocalDate> latestDataStart(String indicatorCode, Collection<String> regionCodes,
                                               Collection<String> grains) {
        LocalDate stored = dsl.select(DSL.max(MEASUREMENT.PERIOD_START)).from(MEASUREMENT)
                .where(MEASUREMENT.INDICATOR_CODE.eq(indicatorCode)
                        .and(MEASUREMENT.REGION_CODE.in(regionCodes))
                        .and(MEASUREMENT.GRAIN.in(grains))
                        .and(MEASUREMENT.AMOUNT.isNotNull()))
                .fetchOne(0, LocalDate.class);
        LocalDate recorded = dsl.select(DSL.max(ROLLUP_DAY.FACT_DAY)).from(ROLLUP_DAY)
                .where(ROLLUP_DAY.INDICATOR_CODE.eq(indicatorCode).and(ROLLUP_DAY.REGION_CODE.in(regionCodes)))
                .fetchOne(0, LocalDate.class);
        if (stored == null) {
            return Optional.ofNullable(recorded);
        }
        return Optional.of(recorded != null && recorded.isAfter(stored) ? recorded : stored);
    }

    /**
     * Records a crossing unless one is already recorded for the threshold and period (by this or another
     * process); returns the new alert's id, or empty when it was not new.
     */
    public Optional<Long> insertEventIfNew(long thresholdId, String periodCode, BigDecimal value,
                                           BigDecimal previousValue, BigDecimal limit, Basis basis, boolean partial,
                                           Instant raisedAt) {
        int inserted = dsl.insertInto(ALERT_EVENT, ALERT_EVENT.THRESHOLD_ID, ALERT_EVENT.PERIOD, ALERT_EVENT.AMOUNT,
                        ALERT_EVENT.PREVIOUS_AMOUNT, ALERT_EVENT.LIMIT_VALUE, ALERT_EVENT.BASIS, ALERT_EVENT.PARTIAL,
                        ALERT_EVENT.RAISED_AT)
                .values(thresholdId, periodCode, value, previousValue, limit, basis.code(), partial, utc(raisedAt))
                .onConflict(ALERT_EVENT.THRESHOLD_ID, ALERT_EVENT.PERIOD)
                .doNothing()
                .execute();
        if (inserted == 0) {
            return Optional.empty();
        }
        return dsl.select(ALERT_EVENT.ID).from(ALERT_EVENT)
                .where(ALERT_EVENT.THRESHOLD_ID.eq(thresholdId).and(ALERT_EVENT.PERIOD.eq(periodCode)))
                .fetchOptional(ALERT_EVENT.ID);
    }

    /** Alerts with their threshold's indicator, region, grain and kind, newest first. */
    public List<AlertEvent> events(AlertFilter filter) {
        Condition where = DSL.trueCondition();
        if (filter.unacknowledgedOnly()) {
            where = where.and(ALERT_EVENT.ACKNOWLEDGED_AT.isNull());
        }
        if (filter.indicatorCode() != null) {
            where = where.and(ALERT_THRESHOLD.INDICATOR_CODE.eq(filter.indicatorCode()));
        }
        if (filter.regionCode() != null) {
            where = where.and(ALERT_THRESHOLD.REGION_CODE.eq(filter.regionCode()));
        }
        return eventQuery(where).orderBy(ALERT_EVENT.RAISED_AT.desc(), ALERT_EVENT.ID.desc())
                .limit(filter.max())
                .fetch(AlertRepository::toEvent);
    }

    private SelectConditionStep<Record> eventQuery(Condition where) {
        return dsl.select(ALERT_EVENT.fields()).select(ALERT_THRESHOLD.INDICATOR_CODE, ALERT_THRESHOLD.REGION_CODE,
                        ALERT_THRESHOLD.TIER, ALERT_THRESHOLD.RISK_LEVEL, ALERT_THRESHOLD.GRAIN, ALERT_THRESHOLD.KIND)
                .from(ALERT_EVENT).join(ALERT_THRESHOLD).on(ALERT_THRESHOLD.ID.eq(ALERT_EVENT.THRESHOLD_ID))
                .where(where);
    }

    /** Marks the still unacknowledged ones among {@code ids}; returns how many it marked. */
    public int acknowledge(Collection<Long> ids, Instant at, String by) {
        return dsl.update(ALERT_EVENT)
                .set(ALERT_EVENT.ACKNOWLEDGED_AT, utc(at))
                .set(ALERT_EVENT.ACKNOWLEDGED_BY, by)
                .where(ALERT_EVENT.ID.in(ids).and(ALERT_EVENT.ACKNOWLEDGED_AT.isNull()))
                .execute();
    }

    public int countUnacknowledged() {
        return dsl.fetchCount(ALERT_EVENT, ALERT_EVENT.ACKNOWLEDGED_AT.isNull());
    }

    public int countEvents(long thresholdId) {
        return dsl.fetchCount(ALERT_EVENT, ALERT_EVENT.THRESHOLD_ID.eq(thresholdId));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static AlertThreshold toThreshold(AlertThresholdRecord r) {
        return new AlertThreshold(r.getId(), r.getIndicatorCode(), r.getRegionCode(),
                InstructionCut.ofCodes(r.getTier(), r.getRiskLevel()), AlertGrain.fromCode(r.getGrain()),
                AlertKind.fromCode(r.getKind()), r.getLimitValue(), r.getEnabled(), instant(r.getCreatedAt()),
                r.getCreatedBy());
    }

    private static AlertEvent toEvent(Record r) {
        return new AlertEvent(r.get(ALERT_EVENT.ID), r.get(ALERT_EVENT.THRESHOLD_ID),
                r.get(ALERT_THRESHOLD.INDICATOR_CODE), r.get(ALERT_THRESHOLD.REGION_CODE),
                InstructionCut.ofCodes(r.get(ALERT_THRESHOLD.TIER), r.get(ALERT_THRESHOLD.RISK_LEVEL)),
                AlertGrain.fromCode(r.get(ALERT_THRESHOLD.GRAIN)), AlertKind.fromCode(r.get(ALERT_THRESHOLD.KIND)),
                r.get(ALERT_EVENT.PERIOD), r.get(ALERT_EVENT.AMOUNT), r.get(ALERT_EVENT.PREVIOUS_AMOUNT),
                r.get(ALERT_EVENT.LIMIT_VALUE), Basis.fromCode(r.get(ALERT_EVENT.BASIS)), r.get(ALERT_EVENT.PARTIAL),
                instant(r.get(ALERT_EVENT.RAISED_AT)), instant(r.get(ALERT_EVENT.ACKNOWLEDGED_AT)),
                r.get(ALERT_EVENT.ACKNOWLEDGED_BY));
    }
}
