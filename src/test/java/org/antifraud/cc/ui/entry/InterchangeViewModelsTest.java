package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javafx.beans.value.ChangeListener;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Import and Export dialogs' state and commands over the real services on an in-memory H2; no toolkit. */
@IntegrationTest
class InterchangeViewModelsTest {
    private static final String GOOD = """
            indicator,region,period,value,campaign,change_pct,source,note
            publicity_sessions,CN-GD,2022-05,120,,,,from the office
            publicity_sessions,CN-ZJ,2022-06-01,30,,,,
            publicity_sessions,CN-SC,2022,,,-5.5,Provincial bulletin,
            """;

    @TempDir
    Path tmp;

    private Database database;
    private InterchangeService interchange;
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);
    private final FakeChooser chooser = new FakeChooser();
    private final List<RecordKind> imported = new ArrayList<>();
    private QueuedUiExecutor executor;
    private ImportViewModel vm;
    private long seeded;

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:ix-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        DatasetService datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        var catalog = database.repositories().catalog().load();
        RecordService records = new RecordService(database, catalog, datasets, clock, TestAudit.trail(database, "clerk"));
        interchange = new InterchangeService(database, catalog, records, clock);
        executor = QueuedUiExecutor.immediate();
        vm = new ImportViewModel(interchange, executor, Runnable::run, appearance, chooser, imported::add);
        seeded = publicitySessions();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Publicity-session figures stored beyond those of the seeded report: those the test files brought. */
    private long stored() {
        return publicitySessions() - seeded;
    }

    private long publicitySessions() {
        return database.repositories().entries().recent(RecordKind.STATISTIC, 100_000).stream()
                .map(s -> ((Statistic) s.record()).measurement())
                .filter(m -> m.indicatorCode().equals("publicity_sessions")).count();
    }

    @Test
    void aChosenFileIsPreviewedWithItsHeaderFirstRowsAndType() throws Exception {
        StringBuilder text = new StringBuilder("indicator,region,period,value\n");
        for (int d = 1; d <= 25; d++) {
            text.append("publicity_sessions,CN-GD,2022-01-").append(String.format("%02d", d)).append(',').append(d).append('\n');
        }
        chooser.handOver(Files.writeString(tmp.resolve("days.csv"), text.toString()));

        assertThat(vm.choose()).isTrue();

        assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.READY);
        assertThat(vm.fileNameProperty().get()).isEqualTo("days.csv");
        assertThat(vm.columns()).containsExactly("indicator", "region", "period", "value");
        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.rows().getFirst()).containsExactly("publicity_sessions", "CN-GD", "2022-01-01", "1");
        assertThat(vm.typeTextProperty().get()).isEqualTo("Measurements");
        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(stored()).as("a preview imports nothing").isZero();
    }

    @Test
    void backingOutOfTheChooserChangesNothing() {
        chooser.handOver(null);

        assertThat(vm.choose()).isFalse();

        assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.NO_FILE);
        assertThat(executor.submitted()).isZero();
    }

    @Test
    void aGoodFileGoesInAndSaysWhatChanged() throws Exception {
        chooser.handOver(Files.writeString(tmp.resolve("figures.csv"), GOOD));
        vm.choose();

        vm.startImport();

        assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("figures.csv: imported 3 rows (3 new, 0 updated, 0 unchanged)");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.typeTextProperty().get()).isEqualTo("Measurements, 3 rows");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.problems()).isEmpty();
        assertThat(stored()).isEqualTo(3);
        assertThat(imported).as("the page's lists are told to reload").containsExactly(RecordKind.STATISTIC);

        // the same file again, one value changed: one update, nothing else
        chooser.handOver(Files.writeString(tmp.resolve("figures.csv"), GOOD.replace(",120,", ",125,")));
        vm.choose();
        vm.startImport();
        assertThat(vm.messageProperty().get()).isEqualTo("figures.csv: imported 3 rows (0 new, 1 updated, 2 unchanged)");
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void theSuccessMessageIsInChineseWhenTheWindowIs() throws Exception {
        appearance.localeProperty().set(Lang.ZH);
        chooser.handOver(Files.writeString(tmp.resolve("figures.csv"), GOOD));
        vm.choose();

        vm.startImport();

        assertThat(vm.messageProperty().get()).isEqualTo("figures.csv：已导入 3 行（新增 3，更新 0，未变 0）");
        assertThat(vm.typeTextProperty().get()).isEqualTo("统计数据，3 行");
    }

    @Test
    void aBadFileListsEveryProblemWithItsLineAndImportsNothing() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), """
                indicator,region,period,value
                publicity_sessions,CN-GD,2022-05,12
                nope,CN-GD,2022-05,1
                publicity_sessions,CN-XX,2022-13,-1
                publicity_sessions,CN-GD,2022-05,12
                """);
        chooser.handOver(bad);
        vm.choose();

        vm.startImport();

        assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.REJECTED);
        assertThat(vm.problems()).hasSize(5);
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith(bad + ":3: indicator:"))
                .anySatisfy(p -> assertThat(p).startsWith(bad + ":4: region:"))
                .anySatisfy(p -> assertThat(p).startsWith(bad + ":4: period:"))
                .anySatisfy(p -> assertThat(p).startsWith(bad + ":4: value:"))
                .anySatisfy(p -> assertThat(p).startsWith(bad + ":5:").contains("line 2"));
        assertThat(vm.messageProperty().get()).isEqualTo(
                "bad.csv: nothing imported — 5 problems, listed below. Fix them and import the file again.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(stored()).isZero();
        assertThat(imported).isEmpty();
    }

    @Test
    void cancelDuringTheImportLeavesNothing() throws Exception {
        Path big = tmp.resolve("days.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("indicator,region,period,value\n");
            for (String region : List.of("CN-GD", "CN-ZJ", "CN-SC")) {
                for (int d = 0; d < 1200; d++) {
                    w.write("publicity_sessions," + region + "," + LocalDate.of(2019, 1, 1).plusDays(d) + "," + d + "\n");
                }
            }
        }
        chooser.handOver(big);
        vm.choose();
        List<ImportViewModel.Phase> phases = new ArrayList<>();
        vm.phaseProperty().addListener((obs, old, now) -> phases.add(now));
        double[] seen = {0};
        ChangeListener<Number> pressCancel = (obs, old, now) -> {
            seen[0] = Math.max(seen[0], now.doubleValue());
            if (now.doubleValue() > 0.2) {
                vm.cancel(); // Cancel pressed once rows began to go in
            }
        };
        vm.progressProperty().addListener(pressCancel);

        vm.startImport();

        assertThat(seen[0]).as("the import was under way").isGreaterThan(0.2).isLessThan(1.0);
        assertThat(phases).containsExactly(ImportViewModel.Phase.IMPORTING, ImportViewModel.Phase.CANCELLING,
                ImportViewModel.Phase.CANCELLED);
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelled — nothing was imported");
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(stored()).isZero();
        assertThat(imported).isEmpty();
        assertThat(vm.canImportProperty().get()).as("it may be tried again").isTrue();

        vm.progressProperty().removeListener(pressCancel);
        vm.startImport();
        assertThat(vm.phaseProperty().get()).isEqualTo(ImportViewModel.Phase.DONE);
        assertThat(stored()).isEqualTo(3600);
    }

    @Test
    void anExportWritesTheFileAndSaysHowManyRows() throws Exception {
        interchange.importFile(Files.writeString(tmp.resolve("figures.csv"), GOOD));
        ExportViewModel export = new ExportViewModel(interchange, database.repositories().catalog().load(), executor,
                appearance, chooser);
        export.prepare(RecordKind.STATISTIC);
        assertThat(export.typeProperty().get()).isEqualTo(CsvFileType.MEASUREMENTS);
        export.regionProperty().set("CN-GD");
        export.periodTextProperty().set("2022");
        Path out = tmp.resolve("out.csv");
        chooser.handOver(out);

        assertThat(export.export()).isTrue();

        assertThat(chooser.suggested).isEqualTo("measurements-2022-CN-GD.csv");
        assertThat(export.messageProperty().get()).isEqualTo("exported 1 rows to " + out);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("publicity_sessions,CN-GD,2022-05")
                .doesNotContain("CN-ZJ");
    }

    @Test
    void anExportWithAPeriodItCannotReadAsksForNoFile() {
        ExportViewModel export = new ExportViewModel(interchange, database.repositories().catalog().load(), executor,
                appearance, chooser);
        export.prepare(RecordKind.DEN_TAKEDOWN);
        export.periodTextProperty().set("last spring");

        assertThat(export.export()).isFalse();

        assertThat(export.periodErrorProperty().get()).startsWith("Period must be");
        assertThat(chooser.asked).isZero();
        assertThat(export.typeProperty().get()).isEqualTo(CsvFileType.DENS);
    }
}
