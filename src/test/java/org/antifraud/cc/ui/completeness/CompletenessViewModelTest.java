package org.antifraud.cc.ui.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javafx.beans.property.SimpleIntegerProperty;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.CompletenessService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporting-completeness panel's ViewModel: counts, latest record days and late months on a fixed clock. */
@IntegrationTest
class CompletenessViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-07-15T08:00:00Z"), ZoneOffset.UTC);

    private Database database;
    private Catalog catalog;
    private SubmissionService submissions;
    private RecordService records;
    private final SimpleIntegerProperty lateAfterDays = new SimpleIntegerProperty(10);
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:completeness-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        DatasetService datasets = new DatasetService(database, CLOCK);
        datasets.initialiseEmpty();
        catalog = database.repositories().catalog().load();
        submissions = new SubmissionService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "tester"));
        records = new RecordService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "tester"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private CompletenessViewModel viewModel(QueuedUiExecutor executor) {
        return new CompletenessViewModel(new CompletenessService(database, catalog), catalog, executor, appearance,
                CLOCK, lateAfterDays);
    }

    private static CompletenessViewModel.Cell cell(CompletenessViewModel vm, String region, SubmissionKind kind) {
        return vm.rows().stream().filter(r -> r.regionCode().equals(region)).findFirst().orElseThrow()
                .cells().get(kind.ordinal());
    }

    @Test
    void countsTheSubmittedMonthsAndMarksTheLateOnes() {
        List<YearMonth> firstHalf = List.of(YearMonth.of(2022, 1), YearMonth.of(2022, 2), YearMonth.of(2022, 3),
                YearMonth.of(2022, 4), YearMonth.of(2022, 5), YearMonth.of(2022, 6));
        submissions.submit(SubmissionKind.DENS, List.of("CN-GD"), firstHalf, "test");
        submissions.submit(SubmissionKind.WARNINGS, List.of("CN-GD"), firstHalf.subList(0, 4), "test");
        records.save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2022, 6, 28), "CN-GD", null, null, null, 1, 0, 0, 0,
                null), null, "form");
        CompletenessViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.load(Period.year(2022), "CN-GD", true);

        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("Guangdong"));
        CompletenessViewModel.Cell dens = cell(vm, "CN-GD", SubmissionKind.DENS);
        assertThat(dens.countText()).as("July has begun: 7 months").isEqualTo("6/7");
        assertThat(dens.late()).as("July is not late before August 10").isFalse();
        assertThat(dens.latestText()).isEqualTo("2022-06-28");
        CompletenessViewModel.Cell warnings = cell(vm, "CN-GD", SubmissionKind.WARNINGS);
        assertThat(warnings.countText()).isEqualTo("4/7");
        assertThat(warnings.lateMonths()).containsExactly(YearMonth.of(2022, 5), YearMonth.of(2022, 6));
        assertThat(warnings.tooltip()).contains("Late (not submitted 10 days after the month ended): 2022-05, 2022-06");
        assertThat(warnings.latestText()).isEqualTo("no records");
        assertThat(cell(vm, "CN-GD", SubmissionKind.CASES).lateMonths()).hasSize(6);
        assertThat(vm.lateCellsProperty().get()).as("warnings, cases and instructions").isEqualTo(3);
        assertThat(vm.summaryProperty().get())
                .isEqualTo("2022-01 \u2013 2022-07 \u00b7 7 months \u00b7 late after 10 days \u00b7 3 late");
        assertThat(vm.busyProperty().get()).isFalse();

        // the setting changes: June is not late yet with 20 days, without reading again
        lateAfterDays.set(20);
        assertThat(cell(vm, "CN-GD", SubmissionKind.WARNINGS).lateMonths()).containsExactly(YearMonth.of(2022, 5));
    }

    @Test
    void theNationShowsAll31ProvincesAndReopenedMonthsSayWhy() {
        submissions.submit(SubmissionKind.CASES, "CN-ZJ", YearMonth.of(2022, 3), "test");
        submissions.reopen(SubmissionKind.CASES, "CN-ZJ", YearMonth.of(2022, 3), "a case counted twice", "test");
        CompletenessViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.load(Period.quarter(2022, 1), "CN", false);
        assertThat(vm.rows()).hasSize(31);
        CompletenessViewModel.Cell cases = cell(vm, "CN-ZJ", SubmissionKind.CASES);
        assertThat(cases.countText()).isEqualTo("0/3");
        assertThat(cases.tooltip()).contains("Reopened: 2022-03 (a case counted twice)").contains("2022-03");
        assertThat(vm.lateCellsProperty().get()).isEqualTo(31 * SubmissionKind.values().length);
    }

    @Test
    void aNewerLoadReplacesAStaleOne() {
        QueuedUiExecutor executor = QueuedUiExecutor.queued();
        CompletenessViewModel vm = viewModel(executor);
        vm.load(Period.year(2022), "CN", true);
        assertThat(vm.busyProperty().get()).isTrue();
        vm.load(Period.year(2022), "CN-GD", false);
        executor.runAll();
        assertThat(vm.rows()).extracting(CompletenessViewModel.Row::regionCode).containsExactly("CN-GD");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void speaksChinese() {
        appearance.localeProperty().set(Lang.ZH);
        CompletenessViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.load(Period.month(YearMonth.of(2022, 6)), "CN-GD", false);
        assertThat(vm.summaryProperty().get()).contains("1 个月").contains("逾期 4 项");
        assertThat(cell(vm, "CN-GD", SubmissionKind.DENS).latestText()).isEqualTo("无记录");
    }
}
