package org.antifraud.cc.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.antifraud.cc.domain.AuditEntry;

/**
 * The audit trail's hash chain: each entry's hash is the SHA-256 of the previous entry's hash and its own
 * fields, each on a line of its own (a batch entry adds its row count and the SHA-256 of its blob); the first
 * entry follows {@link #GENESIS}. Changing, inserting or removing an entry anywhere changes every hash after it.
 * <p>
 * Anyone can recompute such a chain (the field stations' packages are checked that way). On this workstation each
 * entry is also sealed with {@link #mac}, which needs the audit key (ADR 0027).
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** A new entry after {@code prevSeq}/{@code prevHash}, hashed. */
    public static AuditEntry next(long prevSeq, String prevHash, Instant at, String actor, String action, String entity,
                                  String entityId, String origin, String before, String after) {
        long seq = prevSeq + 1;
        Instant micros = at.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        return new AuditEntry(seq, micros, actor, action, entity, entityId, origin, before, after, prevHash,
                hash(seq, micros, actor, action, entity, entityId, origin, before, after, prevHash, 0, null));
    }

    /** A new batch entry of {@code rows} changes of one kind ({@link AuditBatch}) after {@code prevSeq}/{@code prevHash}. */
    public static AuditEntry nextBatch(long prevSeq, String prevHash, Instant at, String actor, String entity,
                                       String origin, int rows, byte[] batch) {
        long seq = prevSeq + 1;
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        return new AuditEntry(seq, micros, actor, AuditEntry.BATCH, entity, AuditEntry.BATCH_ID, origin, null, null,
                prevHash, hash(seq, micros, actor, AuditEntry.BATCH, entity, AuditEntry.BATCH_ID, origin, null, null,
                prevHash, rows, batch), rows, batch);
    }

    /** {@code e} numbered {@code seq} after {@code prevHash}, hashed again (a shared database's numbering, ADR 0034). */
    public static AuditEntry renumbered(AuditEntry e, long seq, String prevHash) {
        AuditEntry moved = new AuditEntry(seq, e.recordedAt(), e.actor(), e.action(), e.entity(), e.entityId(),
                e.origin(), e.before(), e.after(), prevHash, null, e.batchRows(), e.batch(), e.scheme(), null,
                e.declaredName());
        return new AuditEntry(seq, e.recordedAt(), e.actor(), e.action(), e.entity(), e.entityId(), e.origin(),
                e.before(), e.after(), prevHash, expectedHash(moved), e.batchRows(), e.batch(), e.scheme(), null,
                e.declaredName());
    }

    /** What {@code e}'s hash must be, from its own fields and its prev_hash. */
    public static String expectedHash(AuditEntry e) {
        return hash(e.seq(), e.recordedAt(), e.actor(), e.action(), e.entity(), e.entityId(), e.origin(), e.before(),
                e.after(), e.prevHash(), e.batchRows(), e.batch());
    }

    /**
     * The MAC of a keyed entry: HMAC-SHA256 with the audit key of its number, its hash (which chains every entry
     * before it), {@code prevMac} (the MAC of the entry before, or that entry's hash when it was not keyed: so the
     * first keyed entry covers the unkeyed chain) and its declared name.
     */
    public static String mac(byte[] key, AuditEntry e, String prevMac) {
        return hmac(key, "cc-audit-mac-1\n" + e.seq() + '\n' + e.hash() + '\n' + prevMac + '\n'
                + field(e.declaredName()));
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) with {@code key}, in hex. */
    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** SHA-256 of {@code text} (UTF-8), in hex. */
    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hash(long seq, Instant at, String actor, String action, String entity, String entityId,
                               String origin, String before, String after, String prevHash, int rows, byte[] batch) {
        StringBuilder s = new StringBuilder(256);
        s.append(prevHash).append('\n').append(seq).append('\n').append(at).append('\n').append(actor).append('\n')
                .append(action).append('\n').append(entity).append('\n').append(entityId).append('\n').append(origin)
                .append('\n').append(field(before)).append('\n').append(field(after));
        if (batch != null) {
            s.append('\n').append(rows).append('\n').append(HexFormat.of().formatHex(sha256().digest(batch)));
        }
        return HexFormat.of().formatHex(sha256().digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A missing state hashes differently from an empty one. */
    private static String field(String state) {
        return state == null ? "\u0000" : state.replace("\n", "\n ");
    }
}
