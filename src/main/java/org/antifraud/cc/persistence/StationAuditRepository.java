package org.antifraud.cc.persistence;

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

    /** Stores the entries not stored yet (by station and number); returns how many were new. */
    public int storeNew(String station, List<AuditEntry> entries) {
        int added = 0;
        for (AuditEntry e : entries) {
            added += dsl.execute("""
                    MERGE INTO station_audit_entry t USING (SELECT CAST(? AS VARCHAR(64)) st, CAST(? AS BIGINT) sq) s
                       ON (t.station = s.st AND t.seq = s.sq)
                     WHEN NOT MATCHED THEN INSERT (station, seq, recorded_at, actor, action, entity, entity_id, origin,
                          before_state, after_state, prev_hash, entry_hash, batch_rows, batch_states)
                          VALUES (s.st, s.sq, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    station, e.seq(), e.recordedAt().atOffset(ZoneOffset.UTC), e.actor(), e.action(), e.entity(),
                    e.entityId(), e.origin(), e.before(), e.after(), e.prevHash(), e.hash(), e.batchRows(), e.batch());
        }
        return added;
    }
}
