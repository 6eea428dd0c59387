package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.STATION_AUDIT_ENTRY;

import java.time.ZoneOffset;
import java.util.List;

import org.antifraud.cc.domain.AuditEntry;
import org.jooq.DSLContext;

/** Audit entries of other workstations, as their packages brought them (V11). */
public final class StationAuditRepository {
    private final DSLContext dsl;

    StationAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores the entries not stored yet (by station and number); returns how many were new. Through jOOQ's DSL, which
     * writes H2's MERGE and PostgreSQL's {@code ON CONFLICT DO NOTHING} (ADR 0032).
     */
    public int storeNew(String station, List<AuditEntry> entries) {
        int added = 0;
        for (AuditEntry e : entries) {
            added += dsl.insertInto(STATION_AUDIT_ENTRY)
                    .set(STATION_AUDIT_ENTRY.STATION, station)
                    .set(STATION_AUDIT_ENTRY.SEQ, e.seq())
                    .set(STATION_AUDIT_ENTRY.RECORDED_AT, e.recordedAt().atOffset(ZoneOffset.UTC))
                    .set(STATION_AUDIT_ENTRY.ACTOR, e.actor())
                    .set(STATION_AUDIT_ENTRY.ACTION, e.action())
                    .set(STATION_AUDIT_ENTRY.ENTITY, e.entity())
                    .set(STATION_AUDIT_ENTRY.ENTITY_ID, e.entityId())
                    .set(STATION_AUDIT_ENTRY.ORIGIN, e.origin())
                    .set(STATION_AUDIT_ENTRY.BEFORE_STATE, e.before())
                    .set(STATION_AUDIT_ENTRY.AFTER_STATE, e.after())
                    .set(STATION_AUDIT_ENTRY.PREV_HASH, e.prevHash())
                    .set(STATION_AUDIT_ENTRY.ENTRY_HASH, e.hash())
                    .set(STATION_AUDIT_ENTRY.BATCH_ROWS, e.batchRows())
                    .set(STATION_AUDIT_ENTRY.BATCH_STATES, e.batch())
                    .onConflictDoNothing()
                    .execute();
        }
        return added;
    }
}
