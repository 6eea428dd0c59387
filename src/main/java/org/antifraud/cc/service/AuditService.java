package org.antifraud.cc.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.Database;

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
    private final Supplier<String> actor;

    public AuditService(Database database, Clock clock, Supplier<String> actor) {
        this.database = database;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * What {@link #verify} found: the changes in the trail ({@code entries}, a batch counting its changes);
     * {@code brokenAtSeq}: the first entry whose hash does not follow, or null.
     */
    public record Report(long entries, Long brokenAtSeq, String brokenReason, List<Finding> findings) {
        public boolean intact() {
            return brokenAtSeq == null && findings.isEmpty();
        }
    }

    /** A stored record that does not match the trail: changed (with the fields), added or deleted outside it. */
    public record Finding(String entity, String entityId, Kind kind, List<String> fields) {
        public enum Kind { CHANGED, NOT_IN_TRAIL, DELETED }
    }

    /**
     * On the first open of a database with an audit trail: one insert entry for every record and non-demo
     * figure already there (the report's figures, records from before), origin {@value #BASELINE_ORIGIN}, so
     * that later changes to them are caught too. Waits until the database is initialised (report loaded or
     * deliberately empty); does nothing after the first time; returns the entries written.
     */
    public long adoptBaseline() {
        return database.transaction(repos -> {
            if (repos.appState().get(BASELINE).isPresent()
                    || repos.appState().get(DatasetService.INITIALISED).isEmpty()) {
                return 0L; // adopted already, or nothing loaded yet: the first load is the baseline
            }
            AuditRepository audit = repos.audit();
            AuditRepository.Head head = audit.lockHead();
            List<AuditEntry> entries = new ArrayList<>();
            long[] seq = {head.lastSeq()};
            String[] hash = {head.lastHash()};
            Instant now = clock.instant();
            String who = actor.get();
            for (RecordKind kind : RecordKind.values()) {
                repos.entries().forEach(kind, s -> {
                    AuditEntry e = AuditChain.next(seq[0], hash[0], now, who, AuditEntry.INSERT, kind.code(),
                            s.record().key(), BASELINE_ORIGIN, null, StateText.of(s.record()));
                    entries.add(e);
                    seq[0] = e.seq();
                    hash[0] = e.hash();
                });
            }
            repos.submissions().forEach(sub -> {
                AuditEntry e = AuditChain.next(seq[0], hash[0], now, who, AuditEntry.INSERT, Submission.ENTITY,
                        sub.entityId(), BASELINE_ORIGIN, null, StateText.of(sub));
                entries.add(e);
                seq[0] = e.seq();
                hash[0] = e.hash();
            });
            audit.append(entries);
            repos.appState().put(BASELINE, now.toString());
            return (long) entries.size();
        });
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
        String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
        database.repositories().audit().newestFirst(kind == null ? null : kind.code(), entityId, actorName, text, e -> {
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
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }

    /** Recomputes the chain and compares every record with its last audited state. Reads only. */
    public Report verify() {
        var repos = database.repositories();
        AuditRepository audit = repos.audit();
        Map<String, String> lastState = new HashMap<>(); // entity|id -> after state (null: deleted)
        long[] count = {0};
        String[] prev = {AuditChain.GENESIS};
        long[] prevSeq = {0};
        Long[] broken = {null};
        String[] reason = {null};
        audit.forEach(e -> {
            count[0]++;
            if (broken[0] == null) {
                if (e.seq() != prevSeq[0] + 1) {
                    broken[0] = e.seq();
                    reason[0] = "entries " + (prevSeq[0] + 1) + " to " + (e.seq() - 1) + " are missing";
                } else if (!e.prevHash().equals(prev[0])) {
                    broken[0] = e.seq();
                    reason[0] = "entry " + e.seq() + " does not follow the entry before it";
                } else if (!AuditChain.expectedHash(e).equals(e.hash())) {
                    broken[0] = e.seq();
                    reason[0] = "entry " + e.seq() + " was changed after it was written";
                }
            }
            prev[0] = e.hash();
            prevSeq[0] = e.seq();
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
        AuditRepository.Head head = audit.head();
        if (broken[0] == null && (head.lastSeq() != prevSeq[0] || !head.lastHash().equals(prev[0]))) {
            broken[0] = prevSeq[0] + 1;
            reason[0] = "the last entries (after " + prevSeq[0] + ") were removed";
        }
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
        for (org.antifraud.cc.domain.TrustedStation t : repos.trustedStations().all()) {
            String key = org.antifraud.cc.domain.TrustedStation.ENTITY + '|' + t.fingerprint();
            String audited = lastState.remove(key);
            String state = StationTrustService.state(t);
            if (audited == null) {
                findings.add(new Finding(org.antifraud.cc.domain.TrustedStation.ENTITY, t.fingerprint(),
                        Finding.Kind.NOT_IN_TRAIL, List.of()));
            } else if (!audited.equals(state)) {
                findings.add(new Finding(org.antifraud.cc.domain.TrustedStation.ENTITY, t.fingerprint(),
                        Finding.Kind.CHANGED, StateText.differences(audited, state)));
            }
        }
        lastState.forEach((key, after) -> {
            if (after != null) {
                int bar = key.indexOf('|');
                findings.add(new Finding(key.substring(0, bar), key.substring(bar + 1), Finding.Kind.DELETED, List.of()));
            }
        });
        return new Report(count[0], broken[0], reason[0], findings);
    }
}
