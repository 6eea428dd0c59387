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
 */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                         String origin, String before, String after, String prevHash, String hash, int batchRows,
                         byte[] batch) {
    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    /** The action of an entry holding many changes (an import's). */
    public static final String BATCH = "batch";
    /** The entity id of a batch entry. */
    public static final String BATCH_ID = "*";

    /** A single change. */
    public AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                      String origin, String before, String after, String prevHash, String hash) {
        this(seq, recordedAt, actor, action, entity, entityId, origin, before, after, prevHash, hash, 0, null);
    }

    public boolean isBatch() {
        return batch != null;
    }
}
