package org.antifraud.cc.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.RollupRepository;

/**
 * Saving, editing, deleting and importing records (den takedowns, warning batches, cases, statistics). Every
 * call is one transaction that writes the record, its rollup facts (so the dashboard shows it at once), an
 * audit entry chained to the one before, and the data version (live refresh). Bad input and conflicts are
 * {@link Problem}s naming the field; nothing is written then.
 */
public final class RecordService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordService.class);
    private final Database database;
    private final Catalog catalog;
    private final DatasetService datasets;
    private final Clock clock;
    private final AuditTrail trail;
    private final ImportLock importLock;
    /** How long an import waits for another one to finish before it gives up (a million rows take minutes). */
    static final java.time.Duration IMPORT_WAIT = java.time.Duration.ofHours(1);

    /** @param trail the audit trail's key, anchor and actor (the operating-system account) */
    public RecordService(Database database, Catalog catalog, DatasetService datasets, Clock clock, AuditTrail trail) {
        this(database, catalog, datasets, clock, trail,
                ImportLock.inProcess(database.description() + "@" + System.identityHashCode(database)));
    }

    /** @param importLock one import at a time: the data folder's ({@link ImportLock#of}), shared with other processes */
    public RecordService(Database database, Catalog catalog, DatasetService datasets, Clock clock, AuditTrail trail,
                         ImportLock importLock) {
        this.database = database;
        this.catalog = catalog;
        this.datasets = datasets;
        this.clock = clock;
        this.trail = trail;
        this.importLock = importLock;
    }

    /**
     * Follows a long import: {@code progress} gets the fraction done (0 to 1) from the calling thread; when
     * {@code cancelled} turns true, the import stops at the next batch and its transaction rolls back.
     */
    public interface ImportListener {
        ImportListener NONE = new ImportListener() {
        };

        default void progress(double fraction) {
        }

        default boolean cancelled() {
            return false;
        }

        /** Called once, from the calling thread, when the import has to wait for another one to finish first. */
        default void waiting() {
        }
    }

    /** What an import did: rows read, and how many were new, changed, or already as in the file. */
    public record ImportSummary(long rows, long added, long updated, long unchanged) {
    }

    /**
     * Saves a new record ({@code expectedVersion} null) or a new state of a stored one, which must still have
     * {@code expectedVersion}: if someone changed or deleted it since it was opened, a {@code record_conflict}
     * or {@code record_gone} problem, and nothing is overwritten. Returns the record as stored.
     */
    public StoredRecord save(EntryRecord record, Integer expectedVersion, String origin) {
        validate(record);
        return outOfRangeAsProblem(() -> committed(repos -> {
            EntryRepository entries = repos.entries();
            checkUnique(entries, record, expectedVersion != null);
            Change change;
            if (expectedVersion == null) {
                if (record.key() != null && entries.find(record.kind(), record.key()).isPresent()) {
                    throw new Problem("record_exists", "a record with this id is stored already: " + record.key(),
                            record.key());
                }
                change = new Change(null, entries.insert(record));
            } else {
                StoredRecord current = entries.find(record.kind(), record.key())
                        .orElseThrow(() -> gone(record.kind(), record.key()));
                if (current.version() != expectedVersion) {
                    throw conflict(record.kind(), record.key());
                }
                int version = entries.update(record, expectedVersion).orElseThrow(() -> conflict(record.kind(), record.key()));
                change = new Change(current, new StoredRecord(record, version));
            }
            apply(repos, List.of(change), origin);
            return change.after();
        }));
    }

    /** Deletes a stored record that still has {@code expectedVersion}; returns it as it was. */
    public StoredRecord delete(RecordKind kind, String key, int expectedVersion, String origin) {
        return committed(repos -> {
            EntryRepository entries = repos.entries();
            StoredRecord current = entries.find(kind, key).orElseThrow(() -> gone(kind, key));
            if (current.version() != expectedVersion || !entries.delete(kind, key, expectedVersion)) {
                throw conflict(kind, key);
            }
            apply(repos, List.of(new Change(current, null)), origin);
            return current;
        });
    }

    /**
     * Restores a record exactly as it was before a delete (same id, audited as {@code origin}); for a statistic,
     * a new id. Returns it as stored.
     */
    public StoredRecord restore(EntryRecord record, String origin) {
        EntryRecord again = record instanceof Statistic s ? new Statistic(null, s.measurement()) : record;
        return save(again, null, origin);
    }

    public Optional<StoredRecord> find(RecordKind kind, String key) {
        return database.repositories().entries().find(kind, key);
    }

    /** The newest records of a kind, at most {@code limit}. */
    public List<StoredRecord> recent(RecordKind kind, int limit) {
        return database.repositories().entries().recent(kind, limit);
    }

    /**
     * Imports records in one transaction, whole or not at all: a record whose id (a statistic: indicator,
     * region, period and campaign) is not stored yet is added; one stored differently is updated (audited,
     * whatever its version); one stored as it is, left alone. Importing the same file twice changes nothing.
     * The records must be valid already (the CSV reader checks them); they are checked again here, on another
     * thread while the transaction runs, a problem rolling it back. The changes are audited in batch entries
     * (ADR 0022).
     */
    public ImportSummary importAll(List<? extends EntryRecord> records, String origin) {
        return importAll(records, origin, repos -> { });
    }

    /** As {@link #importAll(List, String)}, with {@code also} done in the same transaction (a package's own trail). */
    public ImportSummary importAll(List<? extends EntryRecord> records, String origin,
                                   java.util.function.Consumer<Repositories> also) {
        return importAll(records, origin, also, ImportListener.NONE);
    }

    /** As {@link #importAll(List, String, java.util.function.Consumer)}, followed and cancellable. */
    public ImportSummary importAll(List<? extends EntryRecord> records, String origin,
                                   java.util.function.Consumer<Repositories> also, ImportListener listener) {
        // one import at a time, in this process and across processes sharing the data folder: the second waits here
        // rather than meeting the first on the audit trail's head and failing with H2's lock timeout
        try (ImportLock.Held held = importLock.acquire(IMPORT_WAIT, listener::waiting, listener::cancelled)) {
            return outOfRangeAsProblem(() -> importAllLocked(records, origin, also, listener));
        }
    }

    private ImportSummary importAllLocked(List<? extends EntryRecord> records, String origin,
                                          java.util.function.Consumer<Repositories> also, ImportListener listener) {
        long t0 = System.nanoTime();
        // the records are checked again on another core while the transaction compares and inserts; a problem
        // found there rolls it back before anything is committed
        AtomicBoolean stopChecking = new AtomicBoolean();
        java.util.concurrent.CompletableFuture<int[]> order = new java.util.concurrent.CompletableFuture<>();
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
                validate(r);
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

    /**
     * Runs {@code work}; a number the database cannot hold (a total of the rollups beyond DECIMAL(24, 2): every
     * single value is checked by {@link org.antifraud.cc.domain.FieldRules} before) becomes a problem, not a stack
     * trace. Nothing was written: the transaction rolled back.
     */
    private static <T> T outOfRangeAsProblem(Supplier<T> work) {
        try {
            return work.get();
        } catch (Problem | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (org.antifraud.cc.persistence.SqlErrors.numberOutOfRange(e)) {
                throw new Problem("total_out_of_range", "the totals would exceed what can be stored (at most "
                        + "22 digits before the point); nothing was imported", e);
            }
            throw e;
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

    private ImportSummary importChecked(List<? extends EntryRecord> records, String origin,
                                        java.util.function.Consumer<Repositories> also, ImportListener listener,
                                        FutureTask<Long> validation,
                                        java.util.concurrent.CompletableFuture<int[]> order, long t0) {
        return committed(repos -> {
            repos.audit().lockHead(); // one writer of records at a time, from the start (see EntryRepository.insertAll)
            also.accept(repos);
            EntryRepository entries = repos.entries();
            Map<RecordKind, Map<String, StoredRecord>> stored = new EnumMap<>(RecordKind.class);
            Set<String> indicators = new LinkedHashSet<>();
            Map<RecordKind, List<UUID>> ids = new EnumMap<>(RecordKind.class);
            for (EntryRecord r : records) {
                if (r instanceof Statistic s) {
                    indicators.add(s.measurement().indicatorCode());
                } else {
                    ids.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(UUID.fromString(r.key()));
                }
            }
            if (!indicators.isEmpty()) {
                stored.put(RecordKind.STATISTIC, entries.statisticsByKey(indicators));
            }
            ids.forEach((kind, list) -> {
                Map<String, StoredRecord> found = new java.util.HashMap<>();
                for (int i = 0; i < list.size(); i += 1000) {
                    found.putAll(entries.findAll(kind, list.subList(i, Math.min(list.size(), i + 1000))));
                }
                stored.put(kind, found);
            });
            List<Change> updates = new ArrayList<>();
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
                    checkUnique(entries, r, false);
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
                checkUnique(entries, incoming, true);
                int version = entries.update(incoming, current.version())
                        .orElseThrow(() -> conflict(incoming.kind(), incoming.key()));
                updates.add(new Change(current, new StoredRecord(incoming, version)));
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
                List<Change> changes = concat(updates.size(), updates::get, inserted.size(),
                        i -> new Change(null, inserted.get(i)));
                List<String> recordIds = concat(changes.size(), i -> changes.get(i).after().record().key(), 0, null);
                writeRollups(repos, changes);
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
                return new ImportSummary(records.size(), added, updated, unchanged);
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
    private static <T> List<T> concat(int first, java.util.function.IntFunction<T> firstItem, int second,
                                      java.util.function.IntFunction<T> secondItem) {
        return new java.util.AbstractList<>() {
            @Override
            public T get(int index) {
                java.util.Objects.checkIndex(index, first + second);
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
        AuditRepository.Head head = audit.lockHead();
        long seq = head.lastSeq();
        String hash = head.lastHash();
        Instant now = clock.instant();
        org.antifraud.cc.domain.AuditActor who = trail.actor();
        List<int[]> chunks = AuditBatch.chunks(pending);
        List<byte[]> blobs = java.util.stream.IntStream.range(0, chunks.size()).parallel()
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

    // ---------------------------------------------------------------- inside the transaction

    /** A record before (null: new) and after (null: deleted) one change. */
    private record Change(StoredRecord before, StoredRecord after) {
    }

    /** The rollups, the audit trail and the data version of some changes. */
    private void apply(Repositories repos, List<Change> changes, String origin) {
        if (changes.isEmpty()) {
            return;
        }
        writeRollups(repos, changes);
        AuditRepository audit = repos.audit();
        AuditRepository.Head head = audit.lockHead();
        long seq = head.lastSeq();
        String hash = head.lastHash();
        Instant now = clock.instant();
        org.antifraud.cc.domain.AuditActor who = trail.actor();
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            EntryRecord which = c.after() != null ? c.after().record() : c.before().record();
            String action = c.before() == null ? AuditEntry.INSERT : c.after() == null ? AuditEntry.DELETE : AuditEntry.UPDATE;
            AuditEntry e = AuditChain.next(seq, hash, now, who.account(), action, which.kind().code(), which.key(), origin,
                    c.before() == null ? null : StateText.of(c.before().record()),
                    c.after() == null ? null : StateText.of(c.after().record()));
            entries.add(e);
            seq = e.seq();
            hash = e.hash();
        }
        trail.append(audit, head, entries, who);
        datasets.touch(repos);
    }

    /** What some changes add to and take from the rollups (ADR 0013), written. */
    private static void writeRollups(Repositories repos, List<Change> changes) {
        RollupRepository.Sums sums = new RollupRepository.Sums(java.util.EnumSet.allOf(RollupRepository.Grain.class));
        boolean any = false;
        for (Change c : changes) {
            if (c.before() != null) {
                for (var f : RecordFacts.of(c.before().record())) {
                    sums.add(f.negate());
                    any = true;
                }
            }
            if (c.after() != null) {
                for (var f : RecordFacts.of(c.after().record())) {
                    sums.add(f);
                    any = true;
                }
            }
        }
        if (any) {
            repos.rollups().write(sums);
        }
    }

    private static Problem conflict(RecordKind kind, String key) {
        return new Problem("record_conflict", "this record was changed by someone else since it was opened ("
                + kind.code() + " " + key + "); nothing was overwritten — open it again", kind.code(), key);
    }

    private static Problem gone(RecordKind kind, String key) {
        return new Problem("record_gone", "this record was deleted by someone else (" + kind.code() + " " + key + ")",
                kind.code(), key);
    }

    private static void checkUnique(EntryRepository entries, EntryRecord record, boolean existing) {
        if (record instanceof FraudCase c && entries.caseNumberTaken(c.caseNumber(), existing ? c.id() : null)) {
            throw new Problem("case_number_taken", "case number already used: " + c.caseNumber(), c.caseNumber());
        }
    }

    // ---------------------------------------------------------------- validation

    /** What the forms and the CSV reader check first, checked again at the door: catalog codes, dates, amounts. */
    void validate(EntryRecord record) {
        switch (record) {
            case DenTakedown d -> {
                notFuture("date", d.takenOn());
                province(d.regionCode());
                campaign(d.campaignCode());
                count("suspects_arrested", d.suspectsArrested());
                count("goip_devices", d.goipDevices());
                count("phone_cards", d.phoneCards());
                count("bank_cards", d.bankCards());
            }
            case WarningBatch w -> {
                notFuture("date", w.batchOn());
                region(w.regionCode());
                count("warnings", w.warnings());
                count("persons_dissuaded", w.personsDissuaded());
                money("funds_intercepted", w.fundsIntercepted());
            }
            case FraudCase c -> {
                notFuture("registered_on", c.registeredOn());
                region(c.regionCode());
                if (c.caseNumber().isBlank()) {
                    throw new Problem("field_required", "case_number is required", "case_number");
                }
                money("loss", c.loss());
                money("recovered", c.recovered());
                if (c.recovered().compareTo(c.loss()) > 0) {
                    throw new Problem("recovered_above_loss", "recovered is more than the loss: " + c.recovered(),
                            c.recovered().toPlainString());
                }
            }
            case Statistic s -> {
                Measurement m = s.measurement();
                if (catalog.indicator(m.indicatorCode()).isEmpty()) {
                    throw new Problem("unknown_indicator", "unknown indicator: " + m.indicatorCode(), m.indicatorCode());
                }
                region(m.regionCode());
                campaign(m.campaignCode());
                notFuture("period", m.period().start());
                if (m.value() != null) {
                    number("value", FieldRules.Amount.FIGURE, m.value(),
                            catalog.indicator(m.indicatorCode()).orElseThrow().unit());
                }
                if (m.changePct() != null) {
                    number("change_pct", FieldRules.Amount.CHANGE, m.changePct(), null);
                }
            }
        }
    }

    private void notFuture(String field, LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new Problem("date_in_future", field + " is in the future: " + day, field, day.toString());
        }
    }

    private void region(String code) {
        if (catalog.region(code).isEmpty()) {
            throw new Problem("unknown_region", "unknown region: " + code, code);
        }
    }

    private void province(String code) {
        region(code);
        if (catalog.region(code).orElseThrow().kind() != org.antifraud.cc.domain.RegionKind.PROVINCE) {
            throw new Problem("not_a_province", "a den takedown is in a province, not " + code, code);
        }
    }

    private void campaign(String code) {
        if (code != null && catalog.campaign(code).isEmpty()) {
            throw new Problem("unknown_campaign", "unknown campaign: " + code, code);
        }
    }

    private static void money(String field, BigDecimal value) {
        number(field, FieldRules.Amount.MONEY, value, null);
    }

    /** A number by the rules every entry path shares ({@link FieldRules}): a problem naming the field if not. */
    private static void number(String field, FieldRules.Amount kind, BigDecimal value,
                               org.antifraud.cc.domain.Indicator.Unit unit) {
        FieldRules.Verdict verdict = FieldRules.check(kind, value, unit);
        String v = value.toPlainString();
        switch (verdict) {
            case OK -> { }
            case NEGATIVE -> throw new Problem("money_negative", field + " must not be negative: " + v, field, v);
            case TOO_MANY_DECIMALS -> throw kind == FieldRules.Amount.MONEY
                    ? new Problem("money_precision", field + " may have at most two decimals: " + v, field, v)
                    : new Problem("field_decimals", field + " may have at most " + kind.decimals()
                    + " decimals: " + v, field, v, kind.decimals());
            case NOT_WHOLE -> throw new Problem("field_not_whole", field + " is a whole number: " + v, field, v);
            default -> throw new Problem("field_out_of_range", field + " is too large: " + v + " (at most "
                    + kind.integerDigits() + " digits before the point)", field, v, kind.integerDigits());
        }
    }

    private static void count(String field, long value) {
        FieldRules.Verdict verdict = FieldRules.check(value);
        if (verdict == FieldRules.Verdict.NEGATIVE) {
            throw new Problem("money_negative", field + " must not be negative: " + value, field, String.valueOf(value));
        }
        if (verdict != FieldRules.Verdict.OK) {
            throw new Problem("field_out_of_range", field + " is too large: " + value + " (at most 18 digits)", field,
                    String.valueOf(value), 18);
        }
    }

    /** {@code work} in one transaction; after its commit, the audit anchor follows the trail (ADR 0027). */
    private <T> T committed(java.util.function.Function<org.antifraud.cc.persistence.Repositories, T> work) {
        T result = database.transaction(work);
        trail.anchor(database);
        return result;
    }
}
