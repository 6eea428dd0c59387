package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Submit month dialog's ViewModel on a real H2, a fixed clock (2022-07-15) and a synchronous executor. */
@IntegrationTest
class SubmitMonthViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-07-15T08:30:00Z"), ZoneOffset.UTC);
    private static final YearMonth JUNE = YearMonth.of(2022, 6);

    private Database database;
    private SubmissionService service;
    private Catalog catalog;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:submit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        DatasetService datasets = new DatasetService(database, CLOCK);
        datasets.initialiseEmpty();
        catalog = database.repositories().catalog().load();
        service = new SubmissionService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "Li Wei"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private SubmitMonthViewModel viewModel() {
        return new SubmitMonthViewModel(service, catalog, QueuedUiExecutor.immediate(), appearance, dialogs, CLOCK);
    }

    @Test
    void defaultsToTheFormsProvinceAndLastMonthAndShowsItOpen() {
        SubmitMonthViewModel vm = viewModel();
        vm.prepare(SubmissionKind.DENS, "CN-GD");
        assertThat(vm.provinceProperty().get()).isEqualTo("CN-GD");
        assertThat(vm.monthTextProperty().get()).isEqualTo("2022-06");
        assertThat(vm.stateProperty().get()).isEqualTo(SubmissionState.OPEN);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Open: not submitted");
        assertThat(vm.titleProperty().get()).isEqualTo("Submit a month of dens");
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.canReopenProperty().get()).isFalse();

        vm.prepare(SubmissionKind.CASES, "CN");
        assertThat(vm.provinceProperty().get()).as("the nation is no reporting unit").isNull();
        assertThat(SubmitMonthViewModel.kindOf(RecordKind.STATISTIC)).isNull();
        assertThat(SubmitMonthViewModel.kindOf(RecordKind.WARNING_BATCH)).isEqualTo(SubmissionKind.WARNINGS);
    }

    @Test
    void submitsThenReopensWithAReason() {
        SubmitMonthViewModel vm = viewModel();
        vm.prepare(SubmissionKind.DENS, "CN-GD");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Submitted dens for Guangdong, 2022-06");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(service.state(SubmissionKind.DENS, "CN-GD", JUNE)).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Submitted by Li Wei at 2022-07-15 08:30");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.canReopenProperty().get()).isTrue();

        vm.startReopen();
        assertThat(vm.reopeningProperty().get()).isTrue();
        vm.reasonProperty().set("   ");
        vm.confirmReopen();
        assertThat(vm.reasonErrorProperty().get()).isEqualTo("A reason is required to reopen a month");
        assertThat(service.state(SubmissionKind.DENS, "CN-GD", JUNE)).isEqualTo(SubmissionState.SUBMITTED);

        vm.reasonProperty().set("two dens entered twice");
        assertThat(vm.reasonErrorProperty().get()).isNull();
        vm.confirmReopen();
        assertThat(service.state(SubmissionKind.DENS, "CN-GD", JUNE)).isEqualTo(SubmissionState.REOPENED);
        assertThat(vm.messageProperty().get()).isEqualTo("Reopened dens for Guangdong, 2022-06");
        assertThat(vm.reopeningProperty().get()).isFalse();
        assertThat(vm.stateTextProperty().get()).isEqualTo("Reopened by Li Wei at 2022-07-15 08:30: two dens entered twice");
        assertThat(vm.canSubmitProperty().get()).as("a reopened month can be submitted again").isTrue();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aMonthThatIsNoMonthOrHasNotBegunIsRefusedLocalized() {
        SubmitMonthViewModel vm = viewModel();
        vm.prepare(SubmissionKind.WARNINGS, "CN-ZJ");
        vm.monthTextProperty().set("2022-13");
        assertThat(vm.monthErrorProperty().get()).isEqualTo("Enter a month as YYYY-MM, e.g. 2022-06");
        assertThat(vm.canSubmitProperty().get()).isFalse();

        vm.monthTextProperty().set("2022-09");
        vm.submit();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("2022-09 has not begun yet (today is 2022-07-15)");
        assertThat(service.within(YearMonth.of(2022, 9), YearMonth.of(2022, 9))).isEmpty();

        vm.provinceProperty().set(null);
        vm.monthTextProperty().set("2022-06");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a province");
    }

    @Test
    void speaksChinese() {
        appearance.localeProperty().set(Lang.ZH);
        SubmitMonthViewModel vm = viewModel();
        vm.prepare(SubmissionKind.CASES, "CN-GD");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("已报送广东省 2022-06 案件数据");
    }
}
