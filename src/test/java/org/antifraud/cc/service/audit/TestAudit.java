package org.antifraud.cc.service.audit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Database;

/**
 * The audit trail of a test database: a fixed key and an in-memory anchor, one per database, so that every service
 * a test makes over the same database seals and anchors one trail.
 */
public final class TestAudit {
    /** The fixed audit key of tests (never a real workstation's). */
    public static final byte[] KEY = "test audit key, 32 bytes long!!!".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Database, AuditSecrets> SECRETS = new WeakHashMap<>();

    private TestAudit() {
    }

    /** The trail of {@code database} (its key and anchor shared by every service over it), acting as {@code actor}. */
    public static synchronized AuditTrail trail(Database database, String actor) {
        return new AuditTrail(SECRETS.computeIfAbsent(database, d -> AuditSecrets.inMemory(KEY)),
                () -> new AuditActor(actor, null));
    }
}
