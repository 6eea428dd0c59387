package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.AUDIT_ENTRY;
import static org.antifraud.cc.persistence.jooq.Tables.AUDIT_HEAD;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.persistence.jooq.tables.records.AuditEntryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/** The audit trail's entries and the head of its hash chain. The caller's transaction holds the head's lock. */
public final class AuditRepository {
    private static final String INSERT = "INSERT INTO audit_entry (seq, recorded_at, actor, action, entity, entity_id,"
            + " origin, before_state, after_state, prev_hash, entry_hash, batch_rows, batch_states, scheme, entry_mac,"
            + " declared_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The last entry's number and hash, locked until this transaction ends: one writer extends the chain at a time. */
    public Head lockHead() {
        Record3<Long, String, String> r = dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH, AUDIT_HEAD.LAST_MAC)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
        if (r == null) {
            throw new IllegalStateException("audit_head has no row: the schema is incomplete");
        }
        return new Head(r.value1(), r.value2(), r.value3());
    }

    /** The last entry's number, hash and MAC (null while the trail is not keyed). */
    public record Head(long lastSeq, String lastHash, String lastMac) {
    }

    /** Appends entries (numbered and hashed by the caller, in order) and moves the head to the last. */
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        JdbcBatch.run(dsl, INSERT, entries, (insert, e) -> {
            insert.setLong(1, e.seq());
            insert.setObject(2, e.recordedAt().atOffset(ZoneOffset.UTC));
            insert.setString(3, e.actor());
            insert.setString(4, e.action());
            insert.setString(5, e.entity());
            insert.setString(6, e.entityId());
            insert.setString(7, e.origin());
            insert.setString(8, e.before());
            insert.setString(9, e.after());
            insert.setString(10, e.prevHash());
            insert.setString(11, e.hash());
            insert.setInt(12, e.batchRows());
            insert.setBytes(13, e.batch());
            insert.setString(14, e.scheme());
            insert.setString(15, e.mac());
            insert.setString(16, e.declaredName());
        });
        AuditEntry last = entries.getLast();
        dsl.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, last.seq()).set(AUDIT_HEAD.LAST_HASH, last.hash())
                .set(AUDIT_HEAD.LAST_MAC, last.mac()).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** Every entry in chain order. */
    public void forEach(Consumer<AuditEntry> each) {
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> each.accept(toEntry(r)));
        }
    }

    /** The head as stored (unlocked), for verification. */
    public Head head() {
        Record3<Long, String, String> r = dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH, AUDIT_HEAD.LAST_MAC)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        return r == null ? new Head(-1, "", null) : new Head(r.value1(), r.value2(), r.value3());
    }

    /** Entry {@code seq}, if there is one. */
    public Optional<AuditEntry> entry(long seq) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional().map(AuditRepository::toEntry);
    }

    /** The number of the first keyed entry (ADR 0027), 0 when none is. */
    public long firstKeyedSeq() {
        Long seq = dsl.select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).where(AUDIT_ENTRY.SCHEME.ne(AuditEntry.UNKEYED))
                .fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }

    /** The number of the first entry with {@code action}, 0 when none has. */
    public long firstOf(String action) {
        Long seq = dsl.select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTION.eq(action))
                .fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }

    /** Whether any entry is keyed (ADR 0027). */
    public boolean anyKeyed() {
        return dsl.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.SCHEME.ne(AuditEntry.UNKEYED));
    }

    /**
     * The entries newest first, each given to {@code each} until it returns false; each filter may be null:
     * entity, entity id, actor, and a text to find in the origin or the states. A batch entry is given whenever
     * its entity, actor and origin may match: the caller looks inside it for the id and the text.
     */
    public void newestFirst(String entity, String entityId, String actor, String text,
                            Predicate<AuditEntry> each) {
        Condition c = DSL.trueCondition();
        if (entity != null) {
            c = c.and(AUDIT_ENTRY.ENTITY.eq(entity));
        }
        if (entityId != null) {
            c = c.and(AUDIT_ENTRY.ENTITY_ID.eq(entityId).or(AUDIT_ENTRY.BATCH_STATES.isNotNull()));
        }
        if (actor != null) {
            c = c.and(AUDIT_ENTRY.ACTOR.eq(actor).or(AUDIT_ENTRY.DECLARED_NAME.eq(actor)));
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            c = c.and(DSL.lower(AUDIT_ENTRY.ORIGIN).like(like).or(DSL.lower(AUDIT_ENTRY.BEFORE_STATE).like(like))
                    .or(DSL.lower(AUDIT_ENTRY.AFTER_STATE).like(like)).or(AUDIT_ENTRY.BATCH_STATES.isNotNull()));
        }
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).where(c).orderBy(AUDIT_ENTRY.SEQ.desc()).fetchSize(100)
                .fetchLazy()) {
            while (cursor.hasNext()) {
                if (!each.test(toEntry(cursor.fetchNext()))) {
                    return;
                }
            }
        }
    }

    private static AuditEntry toEntry(AuditEntryRecord r) {
        return new AuditEntry(r.getSeq(), r.getRecordedAt().toInstant(), r.getActor(), r.getAction(), r.getEntity(),
                r.getEntityId(), r.getOrigin(), r.getBeforeState(), r.getAfterState(), r.getPrevHash(),
                r.getEntryHash(), r.getBatchRows(), r.getBatchStates(), r.getScheme(), r.getEntryMac(),
                r.getDeclaredName());
    }

}
