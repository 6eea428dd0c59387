package org.antifraud.cc.domain;

import java.time.Instant;

/**
 * One entry of the audit trail: who changed which record when, from where ({@code origin}: the form, an
 * import file, a package, an undo), its state before and after (null for an insert's before and a delete's
 * after), and the hash that chains it to the entry before.
 * <p>
 * An import writes {@value #BATCH} entries instead, one for up to {@code AuditBatch.ROWS} changes of one kind
 * of record: {@code batchRows} changes, each with its action, record id and both states, compressed in
 * {@code batch} (its SHA-256 is part of the entry's hash). {@code entityId} and the states are empty then; the
 * trail's readers show such an entry as its changes (ADR 0022).
 * <p>
 * Since the audit key (ADR 0027) every entry is also sealed: {@code scheme} {@value #KEYED}, {@code mac} the
 * HMAC-SHA256 of its number, hash, the MAC before it and {@code declaredName} (the name typed in Settings, beside
 * the operating-system account {@code actor}); entries from before the key are {@value #UNKEYED}, with no MAC.
 */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                         String origin, String before, String after, String prevHash, String hash, int batchRows,
                         byte[] batch, String scheme, String mac, String declaredName) {
    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    /** The action of an entry holding many changes (an import's). */
    public static final String BATCH = "batch";
    /** The entity id of a batch entry. */
    public static final String BATCH_ID = "*";
    /** The action of the entry that introduced the audit key (it covers the unkeyed chain before it). */
    public static final String KEY = "key";
    /** The action of the entry that adopted a new database's baseline, once. */
    public static final String BASELINE = "baseline";
    /** The entity of the trail's own events ({@link #KEY}, {@link #BASELINE}). */
    public static final String TRAIL = "audit";
    /** The scheme of entries from before the key: a SHA-256 chain only. */
    public static final String UNKEYED = "sha256";
    /** The scheme of keyed entries: the SHA-256 chain and an HMAC-SHA256 with the workstation's audit key. */
    public static final String KEYED = "hmac-sha256";

    /** An unsealed entry (as hashed, before its MAC; or one from a field-station package). */
    public AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                      String origin, String before, String after, String prevHash, String hash, int batchRows,
                      byte[] batch) {
        this(seq, recordedAt, actor, action, entity, entityId, origin, before, after, prevHash, hash, batchRows, batch,
                UNKEYED, null, null);
    }

    /** A single change. */
    public AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                      String origin, String before, String after, String prevHash, String hash) {
        this(seq, recordedAt, actor, action, entity, entityId, origin, before, after, prevHash, hash, 0, null);
    }

    public boolean isBatch() {
        return batch != null;
    }

    public boolean isKeyed() {
        return KEYED.equals(scheme);
    }

    /** One of the trail's own events (the key, the baseline), about no record. */
    public boolean isTrailEvent() {
        return TRAIL.equals(entity);
    }

    /** This entry sealed with {@code mac}, declaring {@code declared} (may be null). */
    public AuditEntry sealed(String mac, String declared) {
        return new AuditEntry(seq, recordedAt, actor, action, entity, entityId, origin, before, after, prevHash, hash,
                batchRows, batch, KEYED, mac, declared);
    }

    /** Who, as the trail shows it: the account, and the declared name beside it when there is one. */
    public String who() {
        return AuditActor.display(actor, declaredName);
    }
}
