package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Import dialog while another import runs: its status says it waits, then the file goes in. */
@IntegrationTest
class ImportWaitViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void theDialogSaysItWaitsForAnotherImportAndThenImports() throws Exception {
        Database database = Database.openUrl("jdbc:h2:mem:wait-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "wait");
        try {
            Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
            DatasetService datasets = new DatasetService(database, clock);
            datasets.initialiseIfNew();
            var catalog = database.repositories().catalog().load();
            ImportLock lock = ImportLock.inProcess("wait-" + UUID.randomUUID());
            RecordService records = new RecordService(database, catalog, datasets, clock, TestAudit.trail(database, "clerk"), lock);
            InterchangeService interchange = new InterchangeService(database, catalog, records, clock);
            QueuedUiExecutor executor = QueuedUiExecutor.queued();
            BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
            ImportViewModel vm = new ImportViewModel(interchange, executor, fx::add, new Appearance(Lang.EN, Theme.DARK),
                    null, kind -> { });
            Path f = tmp.resolve("late.csv");
            Files.writeString(f, "indicator,region,period,value\npublicity_sessions,CN-GD,2022-01-05,7\n",
                    StandardCharsets.UTF_8);
            vm.open(f);
            executor.runAll();
            vm.startImport();
            Thread worker;
            try (ImportLock.Held first = lock.acquire(Duration.ofSeconds(5), () -> { }, () -> false)) {
                worker = Thread.ofPlatform().name("import-worker").start(executor::runAll);
                String message = null;
                while (message == null || !message.startsWith("Waiting")) {
                    Runnable next = fx.poll(30, TimeUnit.SECONDS);
                    assertThat(next).as("the dialog hears that the import waits").isNotNull();
                    next.run();
                    message = vm.messageProperty().get();
                }
                assertThat(message).isEqualTo("Waiting for another import to finish before late.csv goes in…");
                assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.IMPORTING);
            }
            worker.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(worker.isAlive()).as("the import ran once the other had finished").isFalse();
            assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.DONE);
            assertThat(vm.messageProperty().get()).startsWith("late.csv: imported 1 rows (1 new");
        } finally {
            database.close();
        }
    }
}
