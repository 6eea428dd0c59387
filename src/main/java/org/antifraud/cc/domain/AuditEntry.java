package org.antifraud.cc.domain;

import java.time.Instant;

/**
 * One change in the audit trail: who changed which record when, from where ({@code origin}: the form, an
 * import file, a package, an undo), its state before and after (null for an insert's before and a delete's
 * after), and the hash that chains it to the entry before.
 */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String entity, String entityId,
                         String origin, String before, String after, String prevHash, String hash) {
    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
}
