package org.antifraud.cc.service.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.service.audit.AuditBatch;
import org.antifraud.cc.service.audit.AuditChain;
import org.antifraud.cc.service.audit.AuditTrail;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.service.dataset.DatasetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports records in one transaction, whole or not at all, one import at a time (the data folder's
 * {@link ImportLock}): compared with the stored ones, checked again on another core, inserted in bulk, the rollups
 * and the audit trail's batch entries written (ADR 0022). {@link RecordService#importAll} is its door.
 */
final class RecordImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordImporter.class);
    /** How long an import waits for another one to finish before it gives up (a million rows take minutes). */
    static final Duration IMPORT_WAIT = Duration.ofHours(1);
    private final Database database;
    private final DatasetService datasets;
    private final Clock clock;
    private final AuditTrail trail;
    private final ImportLock importLock;
    private final RecordChecks checks;

    RecordImporter(Database database, DatasetService datasets, Clock clock, AuditTrail trail, ImportLock importLock,
                   RecordChecks checks) {
        this.database = database;
        this.datasets = datasets;
        this.clock = clock;
        this.trail = trail;
        this.importLock = importLock;
        this.checks = checks;
    }

    /** The import of {@code records}, followed and cancellable by {@code listener}. */
    RecordService.ImportSummary importAll(List<? extends EntryRecord> records, String origin,
                                   Consumer<Repositories> also, RecordService.ImportListener listener) {
        // one import at a time, in this process and across processes sharing the data folder: the second waits here
        // rather than meeting the first on the audit trail's head and failing with H2's lock timeout
        try (ImportLock.Held held = importLock.acquire(IMPORT_WAIT, listener::waiting, listener::cancelled)) {
            return RecordChecks.outOfRangeAsProblem(() -> importAllLocked(records, origin, also, listener));
        }
    }

    private RecordService.ImportSummary importAllLocked(List<? extends EntryRecord> records, String origin,
                                          Consumer<Repositories> also, RecordService.ImportListener listener) {
        long t0 = System.nanoTime();
        // the records are checked again on another core while the transaction compares and inserts; a problem
        // found there rolls it back before anything is committed
        AtomicBoolean stopChecking = new AtomicBoolean();
        CompletableFuture<int[]> order = new CompletableFuture<>();
        FutureTask<Long> validation = new FutureTask<>(() -> {
            try { // first the order the rows go in (the transaction waits for it after comparing), then the checks
                order.complete(EntryRepository.insertOrderIndices(records));
            } catch (Throwable e) { // an Error too: the transaction waits on this future
                order.completeExceptionally(e);
                throw e;
            }
            for (EntryRecord r : records) {
                if (stopChecking.get()) {
                    break;
                }
                checks.validate(r);
            }
            return System.nanoTime();
        });
        Thread.ofPlatform().daemon().name("import-check").start(validation);
        try (Database.BulkWrites bulk = database.bulkWrites()) {
            return importChecked(records, origin, also, listener, validation, order, t0);
        } catch (RuntimeException e) {
            stopChecking.set(true);
            Problem found = problemOf(validation);
            throw found != null ? found : e;
        }
    }

    /** The {@link Problem} the validation found (after waiting for it), or null. */
    private static Problem problemOf(FutureTask<Long> validation) {
        try {
            validation.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Problem p ? p : null;
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private RecordService.ImportSummary importChecked(List<? extends EntryRecord> records, String origin,
                                        Consumer<Repositories> also, RecordService.ImportListener listener,
                                        FutureTask<Long> validation,
                                        CompletableFuture<int[]> order, long t0) {
        return trail.committed(database, repos -> {
            repos.audit().serializeRecordWriters(); // on H2 one writer of records at a time, from the start (ADR 0034)
            also.accept(repos);
            EntryRepository entries = repos.entries();
            Map<RecordKind, Map<String, StoredRecord>> stored = new EnumMap<>(RecordKind.class);
            Set<String> indicators = new LinkedHashSet<>();
            LocalDate firstStart = null;
            LocalDate lastStart = null;
            Map<RecordKind, List<UUID>> ids = new EnumMap<>(RecordKind.class);
            for (EntryRecord r : records) {
                if (r instanceof Statistic s) {
                    indicators.add(s.measurement().indicatorCode());
                    LocalDate start = s.measurement().period().start();
                    firstStart = firstStart == null || start.isBefore(firstStart) ? start : firstStart;
                    lastStart = lastStart == null || start.isAfter(lastStart) ? start : lastStart;
                } else {
                    ids.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(UUID.fromString(r.key()));
                }
            }
            if (!indicators.isEmpty()) {
                stored.put(RecordKind.STATISTIC, entries.statisticsByKey(indicators, firstStart, lastStart));
            }
            ids.forEach((kind, list) -> {
                Map<String, StoredRecord> found = new HashMap<>();
                for (int i = 0; i < list.size(); i += 1000) {
                    found.putAll(entries.findAll(kind, list.subList(i, Math.min(list.size(), i + 1000))));
                }
                stored.put(kind, found);
            });
            List<RecordChange> updates = new ArrayList<>();
            long added = 0;
            long updated = 0;
            long unchanged = 0;
            boolean[] isFresh = new boolean[records.size()];
            for (int at = 0; at < records.size(); at++) {
                EntryRecord r = records.get(at);
                Map<String, StoredRecord> ofKind = stored.getOrDefault(r.kind(), Map.of());
                String key = r instanceof Statistic s ? EntryRepository.naturalKey(s.measurement()) : r.key();
                StoredRecord current = ofKind.get(key);
                if (current == null) {
                    RecordChecks.checkUnique(entries, r, false);
                    isFresh[at] = true;
                    added++;
                    continue;
                }
                EntryRecord incoming = r instanceof Statistic s ? new Statistic(((Statistic) current.record()).id(),
                        s.measurement()) : r;
                if (StateText.of(incoming).equals(StateText.of(current.record()))) {
                    unchanged++;
                    continue;
                }
                RecordChecks.checkUnique(entries, incoming, true);
                int version = entries.update(incoming, current.version())
                        .orElseThrow(() -> RecordChecks.conflict(incoming.kind(), incoming.key()));
                updates.add(new RecordChange(current, new StoredRecord(incoming, version)));
                updated++;
            }
            listener.progress(0.1);
            long decided = System.nanoTime();
            List<EntryRecord> toInsert = new ArrayList<>((int) added);
            for (int at : order.join()) {
                if (isFresh[at]) {
                    toInsert.add(records.get(at));
                }
            }
            long sorted = System.nanoTime();
            // the audit trail's states are encoded on another core while the rows go in (ADR 0022)
            // (views, not copies: a million more objects alive through the commit cost H2 time in the collector)
            List<AuditBatch.Pending> pending = concat(updates.size(), i -> new AuditBatch.Pending(
                    updates.get(i).after().record().kind(), AuditEntry.UPDATE, updates.get(i).before().record(),
                    updates.get(i).after().record()), toInsert.size(), i -> new AuditBatch.Pending(toInsert.get(i).kind(),
                    AuditEntry.INSERT, null, toInsert.get(i)));
            AtomicBoolean stop = new AtomicBoolean();
            FutureTask<List<byte[]>> states = new FutureTask<>(() -> AuditBatch.encodeStates(pending, stop::get));
            Thread.ofPlatform().daemon().name("import-audit-states").start(states);
            try {
                int total = Math.max(1, toInsert.size());
                List<StoredRecord> inserted = entries.insertAll(toInsert, done -> {
                    if (listener.cancelled()) {
                        throw new CancellationException("import cancelled");
                    }
                    listener.progress(0.1 + 0.7 * done / total);
                });
                if (listener.cancelled()) {
                    throw new CancellationException("import cancelled");
                }
                long insertedAt = System.nanoTime();
                List<RecordChange> changes = concat(updates.size(), updates::get, inserted.size(),
                        i -> new RecordChange(null, inserted.get(i)));
                List<String> recordIds = concat(changes.size(), i -> changes.get(i).after().record().key(), 0, null);
                RecordChange.writeRollups(repos, changes, updates.isEmpty());
                long validated = validation.get();
                long statesWaited = System.nanoTime();
                List<byte[]> parts = states.get();
                long statesReady = System.nanoTime();
                appendBatches(repos.audit(), pending, recordIds, parts, origin);
                if (!changes.isEmpty()) {
                    datasets.touch(repos);
                }
                listener.progress(0.95);
                LOG.info("import of {} records ({}): checked again after {} ms (alongside), compare with the stored"
                                + " {} ms, order {} ms, insert {} ms, rollups {} ms, audit states ready {} ms later, audit"
                                + " trail {} ms; commit follows", records.size(), origin, (validated - t0) / 1_000_000,
                        (decided - t0) / 1_000_000, (sorted - decided) / 1_000_000,
                        (insertedAt - sorted) / 1_000_000, (statesWaited - insertedAt) / 1_000_000,
                        (statesReady - statesWaited) / 1_000_000, (System.nanoTime() - statesReady) / 1_000_000);
                return new RecordService.ImportSummary(records.size(), added, updated, unchanged);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("import interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // a record's problem
                }
                throw new IllegalStateException("the import could not be checked or audited", e.getCause());
            } finally {
                stop.set(true);
            }
        });
    }

    /** A list of {@code first} items then {@code second} items, each made when asked for. */
    private static <T> List<T> concat(int first, IntFunction<T> firstItem, int second,
                                      IntFunction<T> secondItem) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                Objects.checkIndex(index, first + second);
                return index < first ? firstItem.apply(index) : secondItem.apply(index - first);
            }

            @Override
            public int size() {
                return first + second;
            }
        };
    }

    /** The import's batch entries: one per chunk of {@code pending}, chained after the head, appended. */
    private void appendBatches(AuditRepository audit, List<AuditBatch.Pending> pending, List<String> ids,
                               List<byte[]> states, String origin) {
        if (pending.isEmpty()) {
            return;
        }
        AuditRepository.Head head = trail.lockChain(audit);
        long seq = head.lastSeq();
        String hash = head.lastHash();
        Instant now = clock.instant();
        AuditActor who = trail.actor();
        List<int[]> chunks = AuditBatch.chunks(pending);
        List<byte[]> blobs = IntStream.range(0, chunks.size()).parallel()
                .mapToObj(i -> AuditBatch.assemble(pending, chunks.get(i), ids, states.get(i))).toList();
        List<AuditEntry> batchEntries = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            int[] chunk = chunks.get(i);
            byte[] blob = blobs.get(i);
            AuditEntry e = AuditChain.nextBatch(seq, hash, now, who.account(), pending.get(chunk[0]).kind().code(), origin,
                    chunk[1] - chunk[0], blob);
            batchEntries.add(e);
            seq = e.seq();
            hash = e.hash();
        }
        trail.append(audit, head, batchEntries, who);
    }
}
