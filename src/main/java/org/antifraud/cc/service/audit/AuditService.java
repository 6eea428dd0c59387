package org.antifraud.cc.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.RollupRepository;
import org.antifraud.cc.service.dataset.DatasetService;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: its entries, newest first, and {@link #verify}, which recomputes the hash chain and
 * compares every stored record and submission with its last audited state, naming each one changed, added or
 * deleted outside the application.
 */
public final class AuditService {
    static final String BASELINE = "audit.baseline";
    /** The origin of the entries that adopt what a database held when its audit trail began. */
    public static final String BASELINE_ORIGIN = "baseline";

    private final Database database;
    private final Clock clock;
    private final AuditTrail trail;

    public AuditService(Database database, Clock clock, AuditTrail trail) {
        this.database = database;
        this.clock = clock;
        this.trail = trail;
    }

    /**
     * What {@link #verify} found: the changes in the trail ({@code entries}, a batch counting its changes);
     * {@code brokenAtSeq}: the first entry whose hash or seal does not follow, or null; {@code problems}: what is
     * wrong with the trail as a whole (its anchor, its baseline, its key), one sentence each; {@code rollups}: the
     * rollup cells that differ from the raw rows; {@code keyMissing}: the trail is sealed but this workstation has
     * no key, so it cannot be verified; {@code chains}: how many chains the trail has (one on H2; one per workstation
     * key and user on a shared database, ADR 0034), {@code chainsSealedHere} how many of them this workstation's key
     * seals and could therefore check to the seal (the others: to the hash, and at their own desks to the seal).
     */
    public record Report(long entries, Long brokenAtSeq, String brokenReason, List<Finding> findings,
                         List<String> problems, List<RollupRepository.Difference> rollups, boolean keyMissing,
                         int chains, int chainsSealedHere) {
        public boolean intact() {
            return brokenAtSeq == null && findings.isEmpty() && problems.isEmpty() && rollups.isEmpty() && !keyMissing;
        }
    }

    /** A stored record that does not match the trail: changed (with the fields), added or deleted outside it. */
    public record Finding(String entity, String entityId, Kind kind, List<String> fields) {
        public enum Kind { CHANGED, NOT_IN_TRAIL, DELETED }
    }

    /**
     * After a restore made through the application (the restore leaves {@code restoredMarker} in the key folder):
     * the anchor moves back to the restored trail's end, so the entries the restore removed are not reported as
     * tampering. Does nothing without the marker; the marker is deleted. Returns whether the anchor moved.
     */
    public boolean acceptRestore(Path restoredMarker) {
        if (!Files.exists(restoredMarker)) {
            return false;
        }
        boolean moved = trail.reanchorAfterRestore(database);
        try {
            Files.deleteIfExists(restoredMarker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoggerFactory.getLogger(AuditService.class).info(moved
                ? "the audit anchor follows the restored database"
                : "the restored database's trail is not sealed with this workstation's key: the anchor stays");
        return moved;
    }

    /**
     * Once per open, before anything else: makes the audit key if the trail never had one (a lost key is not
     * replaced). On a new database (no entry, no baseline, no anchor; initialised): one insert entry for every
     * record and non-demo figure already there (the report's figures), origin {@value #BASELINE_ORIGIN}, and a
     * sealed {@code baseline} entry recording the baseline's time, which is also kept in app_state: set once,
     * never adopted again (a missing one is reported by {@link #verify}). On a trail from before the key: one
     * sealed {@code key} entry covering it. Returns the entries written.
     */
    public long adoptBaseline() {
        AuditRepository reader = database.repositories().audit();
        AuditTrail.AnchorRead anchor = trail.readAnchor();
        boolean shared = !reader.contiguous();
        // a shared database has a chain per workstation key (ADR 0034): a desk without a key makes one and starts a
        // chain of its own, unless this folder's anchor says it had a key there
        trail.ensureKey(shared ? anchor.present() : reader.head().lastMac() != null || reader.anyKeyed()
                || anchor.present());
        if (trail.key().isEmpty() || shared && (anchor.present() || reader.anyKeyed())) {
            return 0;
        }
        long written = database.transaction(repos -> {
            AuditRepository audit = repos.audit();
            AuditRepository.Head head = trail.lockChain(audit);
            Optional<String> baseline = repos.appState().get(BASELINE);
            if (anchor.present() || head.lastMac() != null || audit.anyKeyed()) {
                return 0L; // keyed already: the baseline was set once, at creation
            }
            Instant now = clock.instant();
            AuditActor who = trail.actor();
            if (head.lastSeq() > 0 || baseline.isPresent()) {
                // a trail from before the key: one sealed entry covers it (and records its baseline)
                AuditEntry key = AuditChain.next(head.lastSeq(), head.lastHash(), now, who.account(), AuditEntry.KEY,
                        AuditEntry.TRAIL, AuditEntry.KEY, AuditEntry.KEY, null, "baseline=" + baseline.orElse(NONE)
                                + "\nsealed_after=" + head.lastSeq());
                trail.append(audit, head, List.of(key), who);
                return 1L;
            }
            if (repos.appState().get(DatasetService.INITIALISED).isEmpty()) {
                return 0L; // nothing loaded yet: the first load is the baseline
            }
            List<AuditEntry> entries = new ArrayList<>();
            long[] seq = {head.lastSeq()};
            String[] hash = {head.lastHash()};
            String at = now.truncatedTo(ChronoUnit.MICROS).toString();
            for (RecordKind kind : RecordKind.values()) {
                repos.entries().forEach(kind, s -> {
                    AuditEntry e = AuditChain.next(seq[0], hash[0], now, who.account(), AuditEntry.INSERT, kind.code(),
                            s.record().key(), BASELINE_ORIGIN, null, StateText.of(s.record()));
                    entries.add(e);
                    seq[0] = e.seq();
                    hash[0] = e.hash();
                });
            }
            repos.submissions().forEach(sub -> {
                AuditEntry e = AuditChain.next(seq[0], hash[0], now, who.account(), AuditEntry.INSERT, Submission.ENTITY,
                        sub.entityId(), BASELINE_ORIGIN, null, StateText.of(sub));
                entries.add(e);
                seq[0] = e.seq();
                hash[0] = e.hash();
            });
            entries.add(AuditChain.next(seq[0], hash[0], now, who.account(), AuditEntry.BASELINE, AuditEntry.TRAIL,
                    AuditEntry.BASELINE, BASELINE_ORIGIN, null, "baseline=" + at + "\nentries=" + entries.size()));
            trail.append(audit, head, entries, who);
            repos.appState().put(BASELINE, at);
            return (long) entries.size() - 1;
        });
        trail.anchor(database);
        return written;
    }

    /** What a trail event records when there was no baseline. */
    private static final String NONE = "none";

    /**
     * The trail's last entry as a short fingerprint ({@code ab12-cd34-ef56-7890}, from its number and seal) with
     * its number, for briefings and packages to print: whoever holds a printed one can later ask whether the
     * trail still holds that entry unchanged ({@code audit fingerprint --at N}). Empty for an empty trail.
     */
    public Optional<Fingerprint> headFingerprint() {
        AuditRepository.Head head = database.repositories().audit().head();
        if (head.lastSeq() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(head.lastSeq(), AuditTrail.fingerprint(head.lastSeq(),
                head.lastMac() != null ? head.lastMac() : head.lastHash())));
    }

    /** The fingerprint of entry {@code seq} as the trail holds it now, if there is one. */
    public Optional<Fingerprint> fingerprintAt(long seq) {
        return database.repositories().audit().entry(seq).map(e -> new Fingerprint(seq,
                AuditTrail.fingerprint(seq, e.isKeyed() ? e.mac() : e.hash())));
    }

    /** An entry's number and fingerprint. */
    public record Fingerprint(long seq, String text) {
        @Override
        public String toString() {
            return "#" + seq + " " + text;
        }
    }

    /**
     * Newest first, at most {@code limit} changes; null filters match everything. A batch entry (an import's)
     * is given as its changes, each with the batch's number, time, actor, origin and hashes.
     */
    public List<AuditEntry> entries(RecordKind kind, String entityId, String actorName, String text, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        database.repositories().audit().newestFirst(kind == null ? null : kind.code(), entityId, actorName, text, e -> {
            if (e.isTrailEvent()) {
                return true; // the key's and the baseline's entries change no record
            }
            if (!e.isBatch()) {
                out.add(e);
                return out.size() < limit;
            }
            List<AuditEntry> rows = AuditBatch.expand(e);
            for (int i = rows.size() - 1; i >= 0 && out.size() < limit; i--) {
                AuditEntry r = rows.get(i);
                if ((entityId == null || entityId.equals(r.entityId()))
                        && (needle == null || contains(r.origin(), needle) || contains(r.before(), needle)
                        || contains(r.after(), needle))) {
                    out.add(r);
                }
            }
            return out.size() < limit;
        });
        return out;
    }

    private static boolean contains(String text, String lowerNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /**
     * Recomputes the chain and every seal, checks the trail against its anchor and its baseline, compares every
     * record with its last audited state and every rollup cell with the raw rows. Reads only.
     */
    public Report verify() {
        var repos = database.repositories();
        AuditRepository audit = repos.audit();
        byte[] key = trail.key().orElse(null);
        AuditTrail.AnchorRead anchorRead = trail.readAnchor();
        AuditTrail.Anchor anchor = anchorRead.anchor();
        Map<Integer, AuditRepository.ChainHead> heads = new HashMap<>();
        audit.heads().forEach(h -> heads.put(h.head().chain(), h));
        String myKeyId = trail.keyId().orElse(null);
        // the chain this workstation extends: the trail's one chain on H2; on a shared database this key's and user's
        boolean oneChain = audit.contiguous(); // H2: one chain, numbered without gaps
        Integer mine = oneChain ? Integer.valueOf(1)
                : trail.keyId().flatMap(audit::chainHead).map(AuditRepository.Head::chain).orElse(null);
        // the chains this workstation's key seals: H2's one chain; on a shared database each chain of its key
        java.util.function.Predicate<Integer> sealedByThisKey = chainId -> key != null && (oneChain
                || heads.containsKey(chainId) && Objects.equals(heads.get(chainId).keyId(), myKeyId));
        Map<String, String> lastState = new HashMap<>(); // entity|id -> after state (null: deleted)
        Map<Integer, ChainWalk> chains = new HashMap<>();
        long[] count = {0};
        Long[] broken = {null};
        String[] reason = {null};
        AuditEntry[] lastEvent = {null};
        AuditEntry[] atBaseline = {null};
        audit.forEachWithChain((chainNo, e) -> {
            Integer chainId = chainNo;
            ChainWalk c = chains.computeIfAbsent(chainId, id -> new ChainWalk());
            boolean sealedHere = sealedByThisKey.test(chainId);
            if (broken[0] == null) {
                String why = null;
                if (oneChain && e.seq() != c.lastSeq + 1) {
                    why = "entries " + (c.lastSeq + 1) + " to " + (e.seq() - 1) + " are missing";
                } else if (!e.prevHash().equals(c.prevHash)) {
                    why = "entry " + e.seq() + " does not follow the entry before it" + chainText(audit, chainId);
                } else if (!AuditChain.expectedHash(e).equals(e.hash())) {
                    why = "entry " + e.seq() + " was changed after it was written";
                } else if (e.isKeyed() && sealedHere && !AuditChain.mac(key, e, c.prevLink).equals(e.mac())) {
                    why = "entry " + e.seq() + "'s seal does not match: it was changed or rewritten without this"
                            + " workstation's audit key";
                } else if (!e.isKeyed() && c.firstKeyed > 0) {
                    why = "entry " + e.seq() + " is not sealed, though the trail is sealed from entry " + c.firstKeyed;
                } else if (!e.isKeyed() && chainId.equals(mine) && anchor != null && anchor.keyedFrom() > 0
                        && e.seq() >= anchor.keyedFrom()) {
                    why = "entry " + e.seq() + " is not sealed, though the anchor records the trail sealed from entry "
                            + anchor.keyedFrom();
                }
                if (why != null) {
                    broken[0] = e.seq();
                    reason[0] = why;
                }
            }
            if (e.isKeyed() && c.firstKeyed == 0) {
                c.firstKeyed = e.seq();
            }
            c.prevHash = e.hash();
            c.prevLink = e.isKeyed() ? e.mac() : e.hash();
            c.lastMac = e.mac();
            c.lastSeq = e.seq();
            c.entries++;
            if (anchor != null && chainId.equals(mine) && e.seq() == anchor.seq()) {
                c.macAtAnchor = e.mac();
            }
            if (anchor != null && e.seq() == anchor.baselineSeq()) {
                atBaseline[0] = e;
            }
            if (e.isTrailEvent()) {
                lastEvent[0] = e;
                return;
            }
            count[0]++;
            if (e.isBatch()) {
                count[0] += e.batchRows() - 1;
                try {
                    AuditBatch.forEachRow(e.batch(), r -> lastState.put(e.entity() + '|' + r.entityId(), r.after()));
                } catch (RuntimeException damaged) {
                    if (broken[0] == null) {
                        broken[0] = e.seq();
                        reason[0] = "entry " + e.seq() + " cannot be read: " + damaged.getMessage();
                    }
                }
            } else {
                lastState.put(e.entity() + '|' + e.entityId(), e.after());
            }
        });
        // every head must name its chain's last entry; on H2 the one head is there even before the first entry
        for (AuditRepository.ChainHead ch : heads.values()) {
            AuditRepository.Head head = ch.head();
            ChainWalk c = chains.getOrDefault(head.chain(), new ChainWalk());
            if (broken[0] == null && (head.lastSeq() != c.lastSeq || !head.lastHash().equals(c.prevHash)
                    || !Objects.equals(head.lastMac(), c.lastMac))) {
                broken[0] = c.lastSeq + 1;
                reason[0] = "the last entries (after " + c.lastSeq + ")" + chainText(audit, head.chain())
                        + " were removed";
            }
        }
        for (Integer chainId : chains.keySet()) {
            if (broken[0] == null && !heads.containsKey(chainId)) {
                broken[0] = chains.get(chainId).lastSeq;
                reason[0] = "the head of chain " + chainId + " is missing: its entries cannot be checked to the end";
            }
        }
        ChainWalk own = mine == null ? new ChainWalk() : chains.getOrDefault(mine, new ChainWalk());
        AuditRepository.Head ownHead = mine == null || !heads.containsKey(mine) ? null : heads.get(mine).head();
        boolean keyed = oneChain ? own.firstKeyed > 0 || anchorRead.present()
                || ownHead != null && ownHead.lastMac() != null : anchorRead.present();
        boolean keyMissing = key == null && keyed;
        List<String> problems = new ArrayList<>();
        if (keyMissing) {
            problems.add("cannot verify: the key is missing (" + AuditSecrets.KEY_FILE + " of this data folder)");
        } else if (key != null) {
            checkAnchor(anchorRead, anchor, own.lastSeq, own.firstKeyed, own.macAtAnchor, atBaseline[0], problems,
                    broken, reason);
        }
        if (lastEvent[0] != null) {
            String recorded = StateText.parse(lastEvent[0].after()).get("baseline");
            Optional<String> stored = repos.appState().get(BASELINE);
            if (stored.isEmpty() && recorded != null && !NONE.equals(recorded)) {
                problems.add("the baseline marker (" + BASELINE + ") is missing: entry " + lastEvent[0].seq()
                        + " records the baseline of " + recorded);
            } else if (stored.isPresent() && !stored.get().equals(recorded)) {
                problems.add("the baseline marker (" + BASELINE + ") was changed: entry " + lastEvent[0].seq()
                        + " records " + recorded + ", the database holds " + stored.get());
            }
        } else if (chains.values().stream().anyMatch(c -> c.firstKeyed > 0)
                && repos.appState().get(BASELINE).isPresent()) {
            problems.add("the baseline marker (" + BASELINE + ") is set but no entry of the trail records it");
        }
        int sealedHere = (int) chains.keySet().stream().filter(sealedByThisKey).count();
        return new Report(count[0], broken[0], reason[0], compareRecords(repos, lastState), problems,
                repos.rollups().differences(), keyMissing, chains.size(), sealedHere);
    }

    /** What the walk through one chain has seen so far. */
    private static final class ChainWalk {
        String prevHash = AuditChain.GENESIS;
        String prevLink = AuditChain.GENESIS; // what the next seal covers: the MAC before, or the hash before
        String lastMac;
        long lastSeq;
        long firstKeyed;
        long entries;
        String macAtAnchor;
    }

    /** {@code " in chain 3"} on a shared database; nothing on H2's one chain. */
    private static String chainText(AuditRepository audit, int chain) {
        return audit.contiguous() ? "" : " in chain " + chain;
    }

    private static void checkAnchor(AuditTrail.AnchorRead read, AuditTrail.Anchor anchor, long lastSeq, long firstKeyed,
                                    String macAtAnchor, AuditEntry atBaseline, List<String> problems, Long[] broken,
                                    String[] reason) {
        if (!read.present()) {
            if (firstKeyed > 0) {
                problems.add("the anchor (" + AuditSecrets.ANCHOR_FILE + ") outside the database is missing: removed"
                        + " last entries could not be noticed");
            }
            return;
        }
        if (anchor == null) {
            problems.add("the anchor (" + AuditSecrets.ANCHOR_FILE + ") was changed or not made with this key");
            return;
        }
        if (anchor.seq() > lastSeq) {
            if (broken[0] == null) {
                broken[0] = lastSeq + 1;
                reason[0] = "entries " + (lastSeq + 1) + " to " + anchor.seq() + " were removed (the anchor outside"
                        + " the database records entry " + anchor.seq() + ")";
            }
        } else if (!anchor.mac().equals(macAtAnchor)) {
            problems.add("entry " + anchor.seq() + " is not the one the anchor recorded: the trail was replaced");
        }
        if (anchor.keyedFrom() > 0 && firstKeyed != anchor.keyedFrom()) {
            problems.add("the trail is sealed from entry " + firstKeyed + ", the anchor records entry "
                    + anchor.keyedFrom());
        }
        if (anchor.baselineSeq() > 0 && (atBaseline == null || !AuditEntry.BASELINE.equals(atBaseline.action()))) {
            problems.add("entry " + anchor.baselineSeq() + " is not the baseline entry the anchor recorded");
        }
    }

    private static List<Finding> compareRecords(Repositories repos,
                                                Map<String, String> lastState) {
        List<Finding> findings = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            repos.entries().forEach(kind, s -> {
                String key = kind.code() + '|' + s.record().key();
                String state = StateText.of(s.record());
                if (!lastState.containsKey(key)) {
                    findings.add(new Finding(kind.code(), s.record().key(), Finding.Kind.NOT_IN_TRAIL, List.of()));
                } else {
                    String audited = lastState.remove(key);
                    if (audited == null) {
                        findings.add(new Finding(kind.code(), s.record().key(), Finding.Kind.NOT_IN_TRAIL, List.of()));
                    } else if (!audited.equals(state)) {
                        findings.add(new Finding(kind.code(), s.record().key(), Finding.Kind.CHANGED,
                                StateText.differences(audited, state)));
                    }
                }
            });
        }
        repos.submissions().forEach(sub -> {
            String key = Submission.ENTITY + '|' + sub.entityId();
            String audited = lastState.remove(key);
            if (audited == null) {
                findings.add(new Finding(Submission.ENTITY, sub.entityId(), Finding.Kind.NOT_IN_TRAIL, List.of()));
            } else if (!audited.equals(StateText.of(sub))) {
                findings.add(new Finding(Submission.ENTITY, sub.entityId(), Finding.Kind.CHANGED,
                        StateText.differences(audited, StateText.of(sub))));
            }
        });
        // trusted field-station keys (issue 13, V17): each row as its last audited state
        for (TrustedStation t : repos.trustedStations().all()) {
            String key = TrustedStation.ENTITY + '|' + t.fingerprint();
            String audited = lastState.remove(key);
            String state = StateText.of(t);
            if (audited == null) {
                findings.add(new Finding(TrustedStation.ENTITY, t.fingerprint(),
                        Finding.Kind.NOT_IN_TRAIL, List.of()));
            } else if (!audited.equals(state)) {
                findings.add(new Finding(TrustedStation.ENTITY, t.fingerprint(),
                        Finding.Kind.CHANGED, StateText.differences(audited, state)));
            }
        }
        lastState.forEach((key, after) -> {
            if (after != null) {
                int bar = key.indexOf('|');
                findings.add(new Finding(key.substring(0, bar), key.substring(bar + 1), Finding.Kind.DELETED, List.of()));
            }
        });
        return findings;
    }

    /** A rollup cell that differs, in one line: {@code rollup_day cases_registered CN-GD 2022-05-01: stored 7, recomputed 6}. */
    public static String describe(RollupRepository.Difference d) {
        return d.table() + " " + d.indicator() + " " + d.region() + " " + d.period()
                + (d.campaign() == null || d.campaign().isEmpty() ? "" : " " + d.campaign()) + ": stored "
                + (d.storedAmount() == null ? "nothing" : d.storedAmount().toPlainString() + " (" + d.storedFacts()
                + " facts)") + ", recomputed " + (d.recomputedAmount() == null ? "nothing"
                : d.recomputedAmount().toPlainString() + " (" + d.recomputedFacts() + " facts)");
    }
}
