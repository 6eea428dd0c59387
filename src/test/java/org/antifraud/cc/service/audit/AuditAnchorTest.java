package org.antifraud.cc.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.AuditRepository;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SqlShell;
import org.antifraud.cc.persistence.Workstation;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.RecordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor outside the database only moves forward, and a trail from before the key is sealed on upgrade. */
@IntegrationTest
class AuditAnchorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    private Database database;
    private Catalog catalog;
    private DatasetService datasets;

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:anchor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        catalog = database.repositories().catalog().load();
        datasets = new DatasetService(database, CLOCK);
        datasets.initialiseEmpty();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AuditTrail trail(AuditSecrets secrets) {
        return new AuditTrail(secrets, () -> new AuditActor("clerk", null));
    }

    private void save(RecordService records, int warnings) {
        records.save(new WarningBatch(UUID.randomUUID(), LocalDate.of(2022, 5, 3), "CN-GD", WarningChannel.APP,
                warnings, 1, BigDecimal.ONE), null, "form");
    }

    @Test
    void theAnchorNeverMovesBackwardsWhenAnOlderHeadCommitsLast() {
        AuditSecrets secrets = AuditSecrets.files(Workstation.of(dir));
        AuditTrail trail = trail(secrets);
        AuditService audit = new AuditService(database, CLOCK, trail);
        audit.adoptBaseline();
        RecordService records = new RecordService(database, catalog, datasets, CLOCK, trail);
        save(records, 1);
        save(records, 2);
        String furthest = secrets.anchor().orElseThrow();
        assertThat(furthest).contains("seq=3"); // the baseline entry, then two records
        // another process commits "late" with an older head: the database head back at entry 2 when it anchors
        AuditEntry second = database.repositories().audit().entry(2).orElseThrow();
        database.repositories().sqlShell().run(List.of("UPDATE audit_head SET last_seq = 2, last_hash = '"
                + second.hash() + "', last_mac = '" + second.mac() + "'"), new Ignore());

        trail.anchor(database);

        assertThat(secrets.anchor()).contains(furthest);
    }

    @Test
    void twoWritersRacingOnTheAnchorFileKeepTheFurthest() throws Exception {
        AuditSecrets secrets = AuditSecrets.files(Workstation.of(dir));
        int each = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        long seq = 2L * i + writer; // the two writers' numbers interleave
                        secrets.updateAnchor(current -> current.map(t -> Long.parseLong(t.strip()))
                                .filter(was -> was >= seq).isPresent() ? null : seq + "\n");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(secrets.anchor().map(String::strip)).isEqualTo(Optional.of(String.valueOf(2L * each - 1)));
    }

    @Test
    void aTrailFromBeforeTheKeyIsSealedOnUpgradeAndEditingItsOldEntriesIsFound() {
        // an unkeyed trail as issue 4 wrote it: two entries, and its baseline row
        AuditRepository repo = database.repositories().audit();
        AuditEntry one = AuditChain.next(0, AuditChain.GENESIS, CLOCK.instant(), "old", AuditEntry.INSERT,
                "measurement", "1", "baseline", null, "id=1\nvalue=5");
        AuditEntry two = AuditChain.next(1, one.hash(), CLOCK.instant(), "old", AuditEntry.UPDATE, "measurement", "1",
                "form", "id=1\nvalue=5", "id=1\nvalue=6");
        database.transaction(repos -> {
            repos.audit().append(repos.audit().lockHead(), List.of(one, two));
            repos.appState().put(AuditService.BASELINE, "2022-01-01T00:00:00Z");
            return null;
        });
        AuditService audit = new AuditService(database, CLOCK, trail(AuditSecrets.inMemory(null)));

        assertThat(audit.adoptBaseline()).as("one key entry").isEqualTo(1);
        AuditEntry key = repo.entry(3).orElseThrow();
        assertThat(key.action()).isEqualTo(AuditEntry.KEY);
        assertThat(key.isKeyed()).isTrue();
        AuditService.Report clean = audit.verify();
        assertThat(clean.brokenAtSeq()).isNull();
        assertThat(clean.problems()).isEmpty();

        // someone who knows the old algorithm edits entry 1 and recomputes every hash after it
        AuditEntry edited = AuditChain.next(0, AuditChain.GENESIS, CLOCK.instant(), "old", AuditEntry.INSERT,
                "measurement", "1", "baseline", null, "id=1\nvalue=50");
        AuditEntry twoAgain = AuditChain.next(1, edited.hash(), CLOCK.instant(), "old", AuditEntry.UPDATE,
                "measurement", "1", "form", "id=1\nvalue=50", "id=1\nvalue=6");
        AuditEntry keyAgain = new AuditEntry(3, key.recordedAt(), key.actor(), key.action(), key.entity(),
                key.entityId(), key.origin(), key.before(), key.after(), twoAgain.hash(), null);
        String keyHash = AuditChain.expectedHash(keyAgain);
        database.repositories().sqlShell().run(List.of(
                "UPDATE audit_entry SET after_state = 'id=1\nvalue=50', entry_hash = '" + edited.hash() + "' WHERE seq = 1",
                "UPDATE audit_entry SET before_state = 'id=1\nvalue=50', prev_hash = '" + edited.hash()
                        + "', entry_hash = '" + twoAgain.hash() + "' WHERE seq = 2",
                "UPDATE audit_entry SET prev_hash = '" + twoAgain.hash() + "', entry_hash = '" + keyHash
                        + "' WHERE seq = 3",
                "UPDATE audit_head SET last_hash = '" + keyHash + "'"), new Ignore());

        AuditService.Report report = audit.verify();

        assertThat(report.brokenAtSeq()).isEqualTo(3L);
        assertThat(report.brokenReason()).contains("seal does not match");
    }

    private static final class Ignore implements SqlShell.Output {
        @Override
        public void columns(List<String> names) {
        }

        @Override
        public void row(List<String> cells) {
        }

        @Override
        public void updated(int rows) {
        }

        @Override
        public void error(int number, String message) {
            throw new AssertionError(message);
        }
    }
}
