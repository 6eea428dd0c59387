package org.antifraud.cc.service.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed half of the audit trail (ADR 0027), shared by every service that writes entries: who is acting (the
 * operating-system account, and the name declared in Settings beside it), the audit key that seals each entry,
 * and the anchor outside the database that records the last entry after every commit and never moves back.
 * <p>
 * The composition root makes one per data folder; tests give a fixed key in memory ({@code AuditSecrets.inMemory}).
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String ANCHOR_HEADER = "cc-audit-anchor 1";

    private final AuditSecrets secrets;
    private final Supplier<AuditActor> actor;
    private volatile byte[] key;
    /** Set when this process wrote the trail's first keyed entries: only then may it make the anchor. */
    private final AtomicBoolean introducedKey = new AtomicBoolean();

    public AuditTrail(AuditSecrets secrets, Supplier<AuditActor> actor) {
        this.secrets = secrets;
        this.actor = actor;
        this.key = secrets.key().orElse(null);
    }

    /** Who is acting now. */
    public AuditActor actor() {
        return actor.get();
    }

    /** The key, if there is one. */
    Optional<byte[]> key() {
        return Optional.ofNullable(key);
    }

    /**
     * Makes the key if there is none and the trail does not need one it had ({@code trailKeyed}: entries or an
     * anchor were sealed with a key). A lost key is never replaced: verification says it is missing instead.
     */
    synchronized void ensureKey(boolean trailKeyed) {
        if (key != null) {
            return;
        }
        key = secrets.key().orElse(null);
        if (key == null && !trailKeyed) {
            key = secrets.createKey();
            LOG.info("made a new audit key for this data folder");
        } else if (key == null) {
            LOG.warn("the audit key is missing: the audit trail cannot be extended or verified");
        }
    }

    /** One change the trail records: what was done to which entity, and its states before and after (null: none). */
    public record Change(String action, String entity, String entityId, String before, String after) {
    }

    /**
     * Records {@code changes} as the actor's, at {@code now}: chained after the trail's head (locked until the
     * commit: one writer at a time), sealed and appended in the caller's transaction.
     */
    public void record(AuditRepository audit, Instant now, String origin, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AuditRepository.Head head = lockChain(audit);
        AuditActor who = actor();
        long seq = head.lastSeq();
        String hash = head.lastHash();
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            AuditEntry e = AuditChain.next(seq, hash, now, who.account(), c.action(), c.entity(), c.entityId(), origin,
                    c.before(), c.after());
            entries.add(e);
            seq = e.seq();
            hash = e.hash();
        }
        append(audit, head, entries, who);
    }

    /**
     * The head of the chain this workstation extends, locked until the commit (ADR 0034): the trail's one chain on
     * H2; on a shared database the chain of this workstation's key and the session's user, so that writers on other
     * desks never wait here. A Problem when the key is missing.
     */
    public AuditRepository.Head lockChain(AuditRepository audit) {
        byte[] k = key;
        if (k == null) {
            throw new Problem("audit_key_missing", "the audit key is missing: nothing can be recorded (see audit verify)");
        }
        return audit.lockChain(keyId(k));
    }

    /** The identity of this workstation's key as the chain heads record it (never the key), if there is a key. */
    public Optional<String> keyId() {
        byte[] k = key;
        return k == null ? Optional.empty() : Optional.of(keyId(k));
    }

    /** The first 16 hex digits of SHA-256 of the key's identity text. */
    static String keyId(byte[] key) {
        return AuditChain.sha256("cc-audit-key-id-1\n" + java.util.HexFormat.of().formatHex(key)).substring(0, 16);
    }

    /** {@code work} in one transaction of {@code database}; after its commit, the anchor follows the trail (ADR 0027). */
    public <T> T committed(Database database, Function<Repositories, T> work) {
        T result = database.transaction(work);
        anchor(database);
        return result;
    }

    /**
     * Seals {@code entries} (chained by hash after {@code head}, in order) with the key, declaring {@code who}'s
     * name, and appends them. A Problem when the key is missing: nothing is written unsealed.
     */
    public void append(AuditRepository audit, AuditRepository.Head head, List<AuditEntry> entries, AuditActor who) {
        if (entries.isEmpty()) {
            return;
        }
        byte[] k = key;
        if (k == null) {
            throw new Problem("audit_key_missing", "the audit key is missing: nothing can be recorded (see audit verify)");
        }
        String prevMac = head.lastMac() != null ? head.lastMac() : head.lastHash();
        if (head.lastMac() == null) {
            introducedKey.set(true);
        }
        List<AuditEntry> numbered = entries;
        if (!audit.contiguous()) {
            // a shared database numbers entries from a sequence: chained again after this chain's head
            long[] numbers = audit.numbers(head, entries.size());
            numbered = new ArrayList<>(entries.size());
            String prevHash = head.lastHash();
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry e = AuditChain.renumbered(entries.get(i), numbers[i], prevHash);
                numbered.add(e);
                prevHash = e.hash();
            }
        }
        List<AuditEntry> sealed = new ArrayList<>(entries.size());
        for (AuditEntry e : numbered) {
            AuditEntry declared = e.sealed(null, who.declared());
            AuditEntry s = declared.sealed(AuditChain.mac(k, declared, prevMac), who.declared());
            sealed.add(s);
            prevMac = s.mac();
        }
        audit.append(head, sealed);
    }

    // ------------------------------------------------------------------ the anchor

    /** The anchor: the last entry's number and MAC, where the key began and the baseline's entry (0: none). */
    record Anchor(long seq, String mac, long keyedFrom, long baselineSeq) {
        private String body() {
            return ANCHOR_HEADER + "\nseq=" + seq + "\nmac=" + mac + "\nkeyed_from=" + keyedFrom + "\nbaseline="
                    + baselineSeq + "\n";
        }
    }

    /** What the anchor file says: missing, damaged (or not made with this key), or an anchor. */
    record AnchorRead(boolean present, Anchor anchor) {
    }

    AnchorRead readAnchor() {
        Optional<String> text = secrets.anchor();
        if (text.isEmpty()) {
            return new AnchorRead(false, null);
        }
        return new AnchorRead(true, parse(text.get()));
    }

    private Anchor parse(String text) {
        byte[] k = key;
        int check = text.lastIndexOf("check=");
        if (k == null || check < 0 || !text.startsWith(ANCHOR_HEADER + "\n")) {
            return null;
        }
        String body = text.substring(0, check);
        if (!AuditChain.hmac(k, body).equals(text.substring(check + 6).strip())) {
            return null;
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return new Anchor(Long.parseLong(f.get("seq")), f.get("mac"), Long.parseLong(f.get("keyed_from")),
                    Long.parseLong(f.get("baseline")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String format(Anchor a) {
        String body = a.body();
        return body + "check=" + AuditChain.hmac(key, body) + "\n";
    }

    /**
     * After a commit that appended entries: moves the anchor to the trail's last entry, if that entry's seal is
     * good and it is further than the anchor (never backwards; two processes may race: the file lock and the
     * comparison keep the furthest). Makes the anchor only in the process that introduced the key: a deleted
     * anchor stays missing, for verification to report.
     */
    public void anchor(Database database) {
        if (key == null) {
            return;
        }
        try {
            moveAnchor(database);
        } catch (RuntimeException e) {
            // the change is committed: an anchor left behind proves less, and the next commit moves it on
            LOG.warn("could not move the audit anchor", e);
        }
    }

    /**
     * After a restore the user made (a marker in the key folder, which someone who can only write the data folder
     * cannot forge): puts the anchor at the restored trail's last entry even though that is behind it, when this
     * workstation's key sealed that entry. Returns whether it did; a backup from another key leaves the anchor for
     * verification to report.
     */
    public boolean reanchorAfterRestore(Database database) {
        return key != null && moveAnchor(database, true);
    }

    private void moveAnchor(Database database) {
        moveAnchor(database, false);
    }

    private boolean moveAnchor(Database database, boolean restored) {
        boolean[] moved = {false};
        AuditRepository audit = database.repositories().audit();
        AuditRepository.Head head = audit.chainHead(keyId(key)).orElse(null);
        if (head == null || head.lastMac() == null || head.lastSeq() <= 0) {
            return false;
        }
        Optional<AuditEntry> last = audit.entry(head.lastSeq());
        if (last.isEmpty() || !last.get().isKeyed() || !last.get().mac().equals(head.lastMac())) {
            return false;
        }
        String prevMac = audit.before(head.chain(), head.lastSeq()).map(p -> p.isKeyed() ? p.mac() : p.hash())
                .orElse(AuditChain.GENESIS);
        if (prevMac == null || !AuditChain.mac(key, last.get(), prevMac).equals(last.get().mac())) {
            LOG.warn("the audit trail's last entry {} is not sealed with this key: the anchor stays", head.lastSeq());
            return false;
        }
        secrets.updateAnchor(current -> {
            Anchor was = current.map(this::parse).orElse(null);
            if (current.isPresent() && was == null && !restored) {
                LOG.warn("the audit anchor is damaged: left for verification to report");
                return null;
            }
            if (was == null && !restored && !introducedKey.getAndSet(false)) {
                LOG.warn("the audit anchor is missing: left for verification to report");
                return null;
            }
            introducedKey.set(false); // made once: a later absence is a deletion, for verification to report
            if (was != null && was.seq() >= head.lastSeq() && !restored) {
                return null; // never backwards; another process may have moved it further already
            }
            long keyedFrom = was != null && !restored ? was.keyedFrom() : audit.firstKeyedSeq(head.chain());
            long baseline = was != null && was.baselineSeq() > 0 && !restored ? was.baselineSeq()
                    : audit.firstOf(AuditEntry.BASELINE);
            moved[0] = true;
            return format(new Anchor(head.lastSeq(), head.lastMac(), keyedFrom, baseline));
        });
        return moved[0];
    }

    /** {@code ab12-cd34-ef56-7890}: the first 16 hex digits of SHA-256 of an entry's number and MAC (or hash). */
    public static String fingerprint(long seq, String mac) {
        String hex = AuditChain.sha256(seq + "\n" + mac).substring(0, 16);
        return hex.substring(0, 4) + '-' + hex.substring(4, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12);
    }
}
