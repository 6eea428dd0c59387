package org.antifraud.cc.service.records;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.service.audit.AuditTrail;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.service.dataset.DatasetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving, editing, deleting and importing records (den takedowns, warning batches, cases, statistics). Every
 * call is one transaction that writes the record, its rollup facts (so the dashboard shows it at once), an
 * audit entry chained to the one before, and the data version (live refresh). Bad input and conflicts are
 * {@link Problem}s naming the field; nothing is written then.
 */
public final class RecordService {
    private static final Logger LOG = LoggerFactory.getLogger(RecordService.class);
    private final Database database;
    private final DatasetService datasets;
    private final Clock clock;
    private final AuditTrail trail;
    private final RecordChecks checks;
    private final RecordImporter importer;

    /** @param trail the audit trail's key, anchor and actor (the operating-system account) */
    public RecordService(Database database, Catalog catalog, DatasetService datasets, Clock clock, AuditTrail trail) {
        this(database, catalog, datasets, clock, trail,
                ImportLock.inProcess(database.description() + "@" + System.identityHashCode(database)));
    }

    /** @param importLock one import at a time: the data folder's ({@link ImportLock#of}), shared with other processes */
    public RecordService(Database database, Catalog catalog, DatasetService datasets, Clock clock, AuditTrail trail,
                         ImportLock importLock) {
        this.database = database;
        this.datasets = datasets;
        this.clock = clock;
        this.trail = trail;
        this.checks = new RecordChecks(catalog, clock);
        this.importer = new RecordImporter(database, datasets, clock, trail, importLock, checks);
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
     * An operator with regions writes only records of those (the shared database's row-level security says the
     * same): {@code region_not_yours}, naming the region, before anything is written.
     */
    private void requireRegion(EntryRecord record) {
        List<String> mine = database.writableRegions();
        if (!mine.isEmpty() && !mine.contains(record.regionCode())) {
            throw new Problem("region_not_yours", "your account writes only records of " + String.join(", ", mine)
                    + ", not of " + record.regionCode(), String.join(", ", mine), record.regionCode());
        }
    }

    /**
     * Saves a new record ({@code expectedVersion} null) or a new state of a stored one, which must still have
     * {@code expectedVersion}: if someone changed or deleted it since it was opened, a {@code record_conflict}
     * or {@code record_gone} problem, and nothing is overwritten. Returns the record as stored.
     */
    public StoredRecord save(EntryRecord record, Integer expectedVersion, String origin) {
        database.role().requireWrite("save records");
        requireRegion(record);
        checks.validate(record);
        return RecordChecks.outOfRangeAsProblem(() -> trail.committed(database, repos -> {
            // on H2 one writer of records at a time, as the import (two saves adding the same new rollup or
            // instruction cell at once: the second failed on its key); on a shared database upserts and locks per cell
            repos.audit().serializeRecordWriters();
            EntryRepository entries = repos.entries();
            RecordChecks.checkUnique(entries, record, expectedVersion != null);
            RecordChange change;
            if (expectedVersion == null) {
                if (record.key() != null && entries.find(record.kind(), record.key()).isPresent()) {
                    throw new Problem("record_exists", "a record with this id is stored already: " + record.key(),
                            record.key());
                }
                change = new RecordChange(null, entries.insert(record));
            } else {
                StoredRecord current = entries.find(record.kind(), record.key())
                        .orElseThrow(() -> RecordChecks.gone(record.kind(), record.key()));
                if (current.version() != expectedVersion) {
                    throw RecordChecks.conflict(record.kind(), record.key());
                }
                int version = entries.update(record, expectedVersion).orElseThrow(() -> RecordChecks.conflict(record.kind(), record.key()));
                change = new RecordChange(current, new StoredRecord(record, version));
            }
            apply(repos, List.of(change), origin);
            return change.after();
        }));
    }

    /** Deletes a stored record that still has {@code expectedVersion}; returns it as it was. */
    public StoredRecord delete(RecordKind kind, String key, int expectedVersion, String origin) {
        database.role().requireWrite("delete records");
        return trail.committed(database, repos -> {
            repos.audit().serializeRecordWriters();
            EntryRepository entries = repos.entries();
            StoredRecord current = entries.find(kind, key).orElseThrow(() -> RecordChecks.gone(kind, key));
            requireRegion(current.record()); // said in words, before the database's row-level security ignores it
            if (current.version() != expectedVersion || !entries.delete(kind, key, expectedVersion)) {
                throw RecordChecks.conflict(kind, key);
            }
            apply(repos, List.of(new RecordChange(current, null)), origin);
            return current;
        });
    }

    /**
     * Restores a record exactly as it was before a delete (same id, audited as {@code origin}); for a statistic,
     * a new id. Returns it as stored.
     */
    public StoredRecord restore(EntryRecord record, String origin) {
        database.role().requireWrite("restore records");
        requireRegion(record);
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
                                   Consumer<Repositories> also) {
        return importAll(records, origin, also, ImportListener.NONE);
    }

    public ImportSummary importAll(List<? extends EntryRecord> records, String origin,
                                   Consumer<Repositories> also, ImportListener listener) {
        database.role().requireWrite("import");
        records.forEach(this::requireRegion);
        return importer.importAll(records, origin, also, listener);
    }

    /** The rollups, the audit trail and the data version of some changes. */
    private void apply(Repositories repos, List<RecordChange> changes, String origin) {
        if (changes.isEmpty()) {
            return;
        }
        RecordChange.writeRollups(repos, changes);
        List<AuditTrail.Change> audited = new ArrayList<>(changes.size());
        for (RecordChange c : changes) {
            EntryRecord which = c.after() != null ? c.after().record() : c.before().record();
            String action = c.before() == null ? AuditEntry.INSERT : c.after() == null ? AuditEntry.DELETE : AuditEntry.UPDATE;
            audited.add(new AuditTrail.Change(action, which.kind().code(), which.key(),
                    c.before() == null ? null : StateText.of(c.before().record()),
                    c.after() == null ? null : StateText.of(c.after().record())));
        }
        trail.record(repos.audit(), clock.instant(), origin, audited);
        datasets.touch(repos);
    }
}
