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
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/**
 * The audit trail's entries and the heads of its hash chains: one on a workstation's own H2 file, one per workstation
 * key and database user on a shared database (ADR 0034). The caller's transaction holds its head's lock.
 */
public final class AuditRepository {
    /** The columns an append writes, in the order {@link #append} binds them (names from the generated table). */
    private static final String INSERT = JdbcBatch.insertSql(AUDIT_ENTRY, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.RECORDED_AT,
            AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.ENTITY, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.ORIGIN,
            AUDIT_ENTRY.BEFORE_STATE, AUDIT_ENTRY.AFTER_STATE, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.ENTRY_HASH,
            AUDIT_ENTRY.BATCH_ROWS, AUDIT_ENTRY.BATCH_STATES, AUDIT_ENTRY.SCHEME, AUDIT_ENTRY.ENTRY_MAC,
            AUDIT_ENTRY.DECLARED_NAME, AUDIT_ENTRY.CHAIN);
    private static final String GENESIS = "0".repeat(64);
    /** The database user of the session: whose chain it is (ADR 0034). */
    private static final Field<String> SESSION_USER = DSL.field("session_user", String.class);
    /** The key of the transaction lock that makes writers of submissions take turns on a shared database. */
    private static final long SUBMISSIONS_LOCK = 0x63635f7375626dL;

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The head of the workstation's own H2 trail (its one chain), locked until this transaction ends: one writer
     * extends the chain at a time. On a shared database use {@link #lockChain}.
     */
    public Head lockHead() {
        Record4<Integer, Long, String, String> r = dsl.select(AUDIT_HEAD.ID, AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH,
                AUDIT_HEAD.LAST_MAC).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
        if (r == null) {
            throw new IllegalStateException("audit_head has no row: the schema is incomplete");
        }
        return head(r);
    }

    /**
     * The head of the chain this writer extends, locked until this transaction ends (ADR 0034). On H2 the trail's one
     * chain. On a shared database the chain of the sealing key {@code keyId} and the session's user, made when there
     * is none (the database's first chain, still empty, is taken first): writers of other chains never wait here.
     */
    public Head lockChain(String keyId) {
        if (vendor() == Vendor.H2) {
            return lockHead();
        }
        Condition mine = AUDIT_HEAD.KEY_ID.eq(keyId).and(AUDIT_HEAD.OWNER.eq(SESSION_USER));
        Record4<Integer, Long, String, String> r = selectHead().where(mine).forUpdate().fetchOne();
        if (r == null) {
            int claimed = dsl.update(AUDIT_HEAD).set(AUDIT_HEAD.KEY_ID, keyId).set(AUDIT_HEAD.OWNER, SESSION_USER)
                    .where(AUDIT_HEAD.ID.eq(1).and(AUDIT_HEAD.KEY_ID.isNull()).and(AUDIT_HEAD.LAST_SEQ.eq(0L)))
                    .execute();
            if (claimed == 0) {
                dsl.insertInto(AUDIT_HEAD, AUDIT_HEAD.ID, AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH, AUDIT_HEAD.KEY_ID,
                                AUDIT_HEAD.OWNER)
                        .values(DSL.field("nextval('audit_chain_seq')", Integer.class), DSL.val(0L),
                                DSL.val(GENESIS), DSL.val(keyId), SESSION_USER)
                        .onConflictDoNothing().execute();
            }
            r = selectHead().where(mine).forUpdate().fetchOne();
            if (r == null) {
                throw new IllegalStateException("the audit chain of " + keyId + " could not be made");
            }
        }
        return head(r);
    }

    /**
     * Makes record writers take turns where the database cannot do it for them: on H2 they lock the trail's head from
     * the start (see EntryRepository.insertAll). On a shared database nothing: the rows' own locks, their versions
     * and the unique keys keep two writers of one record apart (ADR 0034).
     */
    public void serializeRecordWriters() {
        if (vendor() == Vendor.H2) {
            lockHead();
        }
    }

    /**
     * Makes writers of submissions take turns (the states read are the ones changed): the trail's head on H2, a lock
     * held until the commit on a shared database, which no record writer takes.
     */
    public void serializeSubmissionWriters() {
        if (vendor() == Vendor.H2) {
            lockHead();
        } else {
            dsl.select(DSL.field("pg_advisory_xact_lock(" + SUBMISSIONS_LOCK + ")")).fetch();
        }
    }

    /**
     * The numbers of {@code count} new entries after {@code head}: on H2 the next ones in order; on a shared database
     * from a sequence, so desks never wait on each other for them (increasing, with gaps where a transaction rolled
     * back: the chain links, not the numbers, tell a removed entry).
     */
    public long[] numbers(Head head, int count) {
        long[] out = new long[count];
        if (vendor() == Vendor.H2) {
            for (int i = 0; i < count; i++) {
                out[i] = head.lastSeq() + 1 + i;
            }
            return out;
        }
        List<Long> values = dsl.select(DSL.field("nextval('audit_entry_seq')", Long.class))
                .from(DSL.generateSeries(1, count)).fetch(0, Long.class);
        for (int i = 0; i < count; i++) {
            out[i] = values.get(i);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** Whether entry numbers follow each other without gaps (one chain, numbered by its head: H2). */
    public boolean contiguous() {
        return vendor() == Vendor.H2;
    }

    /** The last entry's chain, number, hash and MAC (null while the trail is not keyed). */
    public record Head(int chain, long lastSeq, String lastHash, String lastMac) {
    }

    /** Appends entries (numbered and hashed by the caller, in order) to {@code head}'s chain and moves its head to the last. */
    public void append(Head head, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int chain = head.chain();
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
            insert.setInt(17, chain);
        });
        AuditEntry last = entries.getLast();
        dsl.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, last.seq()).set(AUDIT_HEAD.LAST_HASH, last.hash())
                .set(AUDIT_HEAD.LAST_MAC, last.mac()).where(AUDIT_HEAD.ID.eq(chain)).execute();
    }

    /** An entry with the chain it extends. */
    public interface ChainEntry {
        void accept(int chain, AuditEntry entry);
    }

    /** Every entry in the order of their numbers (on H2 chain order; on a shared database the order of writing). */
    public void forEach(Consumer<AuditEntry> each) {
        forEachWithChain((chain, e) -> each.accept(e));
    }

    /** Every entry with its chain, in the order of their numbers (the order they were written in). */
    public void forEachWithChain(ChainEntry each) {
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> each.accept(r.getChain(), toEntry(r)));
        }
    }

    /** Every chain's head, with the key and the user it belongs to (on H2: none). */
    public List<ChainHead> heads() {
        return dsl.select(AUDIT_HEAD.ID, AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH, AUDIT_HEAD.LAST_MAC,
                        AUDIT_HEAD.KEY_ID, AUDIT_HEAD.OWNER).from(AUDIT_HEAD).orderBy(AUDIT_HEAD.ID)
                .fetch(r -> new ChainHead(new Head(r.value1(), r.value2(), r.value3(), r.value4()), r.value5(),
                        r.value6()));
    }

    /** A chain's head, the identity of the key that seals it and the database user it belongs to. */
    public record ChainHead(Head head, String keyId, String owner) {
    }

    /**
     * The head of the trail as stored (unlocked): on H2 its one chain; on a shared database the newest entry of any
     * chain (an empty trail: number 0).
     */
    public Head head() {
        if (vendor() == Vendor.H2) {
            Record4<Integer, Long, String, String> r = selectHead().where(AUDIT_HEAD.ID.eq(1)).fetchOne();
            return r == null ? new Head(1, -1, "", null) : head(r);
        }
        return dsl.select(AUDIT_ENTRY.CHAIN, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.ENTRY_HASH, AUDIT_ENTRY.ENTRY_MAC)
                .from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOptional()
                .map(AuditRepository::head).orElse(new Head(1, 0, GENESIS, null));
    }

    /** The head of the chain of {@code keyId} and the session's user (on H2: the trail's), if there is one; unlocked. */
    public Optional<Head> chainHead(String keyId) {
        if (vendor() == Vendor.H2) {
            return Optional.of(head());
        }
        return selectHead().where(AUDIT_HEAD.KEY_ID.eq(keyId).and(AUDIT_HEAD.OWNER.eq(SESSION_USER))).fetchOptional()
                .map(AuditRepository::head);
    }

    /** The entry before {@code seq} in {@code chain}, if there is one. */
    public Optional<AuditEntry> before(int chain, long seq) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.CHAIN.eq(chain).and(AUDIT_ENTRY.SEQ.lt(seq)))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOptional().map(AuditRepository::toEntry);
    }

    private SelectJoinStep<Record4<Integer, Long, String, String>> selectHead() {
        return dsl.select(AUDIT_HEAD.ID, AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH, AUDIT_HEAD.LAST_MAC).from(AUDIT_HEAD);
    }

    private static Head head(Record4<Integer, Long, String, String> r) {
        return new Head(r.value1(), r.value2(), r.value3(), r.value4());
    }

    private Vendor vendor() {
        return Vendor.of(dsl);
    }

    /** Entry {@code seq}, if there is one. */
    public Optional<AuditEntry> entry(long seq) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional().map(AuditRepository::toEntry);
    }

    /** The number of the first keyed entry of {@code chain} (ADR 0027), 0 when none is. */
    public long firstKeyedSeq(int chain) {
        Long seq = dsl.select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).where(AUDIT_ENTRY.SCHEME.ne(AuditEntry.UNKEYED))
                .and(AUDIT_ENTRY.CHAIN.eq(chain)).fetchOne(0, Long.class);
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
