package org.antifraud.cc.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.AlertService;
import org.antifraud.cc.service.StatsService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alerts page's state and commands over a real AlertService and H2; no toolkit, no sleeps. */
@IntegrationTest
class AlertsViewModelTest {
    private static final String WARNINGS = "warnings_local";
    private static final Instant NOW = Instant.parse("2023-03-05T08:00:00Z");

    private Database database;
    private AlertService service;
    private Appearance appearance;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<List<AlertNotice>> notified = new ArrayList<>();
    private AlertsViewModel vm;

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:alerts-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        var catalog = database.repositories().catalog().load();
        service = new AlertService(database, catalog, new StatsService(database, catalog), Clock.fixed(NOW, ZoneOffset.UTC));
        appearance = new Appearance(Lang.EN, Theme.DARK);
        vm = viewModel(QueuedUiExecutor.immediate());
    }

    private AlertsViewModel viewModel(QueuedUiExecutor executor) {
        AlertsViewModel model = new AlertsViewModel(service, database.repositories().catalog().load(), executor,
                appearance, dialogs, "duty.officer", ZoneId.of("Asia/Shanghai"));
        model.addNoticeListener(notified::add);
        return model;
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    // --- validation

    @Test
    void anEmptyFormNamesEveryMissingFieldAndStoresNothing() {
        vm.save();

        assertThat(vm.indicatorErrorProperty().get()).isEqualTo("Choose an indicator.");
        assertThat(vm.regionErrorProperty().get()).isEqualTo("Choose a region.");
        assertThat(vm.limitErrorProperty().get()).isEqualTo("Enter a limit.");
        assertThat(service.thresholds()).isEmpty();
    }

    @Test
    void aLimitMustBeANonNegativeNumberWithAtMostTwoDecimals() {
        fill(WARNINGS, "CN-GD", "lots");
        vm.save();
        assertThat(vm.limitErrorProperty().get()).isEqualTo("The limit must be a number, e.g. 1000 or 12.5.");

        vm.formLimitProperty().set("-5"); // checked again as the operator types, once a save was tried
        assertThat(vm.limitErrorProperty().get()).isEqualTo("The limit must not be negative.");
        vm.formLimitProperty().set("1.255");
        assertThat(vm.limitErrorProperty().get()).isEqualTo("The limit may have at most two decimals.");
        vm.formLimitProperty().set("1,000");
        assertThat(vm.limitErrorProperty().get()).isNull();
        assertThat(service.thresholds()).isEmpty();
    }

    @Test
    void errorsAreNotShownBeforeTheFirstSave() {
        vm.formLimitProperty().set("lots");

        assertThat(vm.limitErrorProperty().get()).isNull();
    }

    @Test
    void theLimitsUnitFollowsTheKindAndTheIndicator() {
        vm.formIndicatorProperty().set("property_loss");
        assertThat(vm.limitUnitProperty().get()).isEqualTo("CNY");
        vm.formKindProperty().set(AlertKind.RISE_PCT);
        assertThat(vm.limitUnitProperty().get()).isEqualTo("%");
        vm.formKindProperty().set(AlertKind.ABOVE);
        vm.formIndicatorProperty().set(WARNINGS);
        assertThat(vm.limitUnitProperty().get()).isEmpty();
    }

    // --- saving and editing

    @Test
    void aSavedThresholdIsListedInTheOperatorsWords() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        assertThat(vm.thresholds()).singleElement().satisfies(row -> {
            assertThat(row.indicator()).isEqualTo("Local early warnings");
            assertThat(row.region()).isEqualTo("Guangdong");
            assertThat(row.grain()).isEqualTo("Day");
            assertThat(row.rule()).isEqualTo("> 1,000");
            assertThat(row.enabledText()).isEqualTo("on");
            assertThat(row.createdBy()).isEqualTo("duty.officer");
        });
        assertThat(vm.editingProperty().get()).as("the saved threshold stays in the form").isTrue();
        assertThat(vm.formTitleProperty().get()).isEqualTo("Edit threshold");
        assertThat(vm.formMessageIsErrorProperty().get()).isFalse();
        assertThat(vm.formMessageProperty().get()).startsWith("Saved.");
    }

    @Test
    void editingChangesTheLimitOfTheSameThreshold() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();
        vm.newThreshold();
        assertThat(vm.editingProperty().get()).isFalse();
        assertThat(vm.formIndicatorProperty().get()).isNull();

        vm.edit(vm.thresholds().getFirst().id());
        assertThat(vm.formIndicatorProperty().get()).isEqualTo(WARNINGS);
        assertThat(vm.formLimitProperty().get()).isEqualTo("1000");
        vm.formLimitProperty().set("2500");
        vm.formEnabledProperty().set(false);
        vm.save();

        assertThat(service.thresholds()).singleElement().satisfies(t -> {
            assertThat(t.limit()).isEqualByComparingTo("2500");
            assertThat(t.enabled()).isFalse();
        });
        assertThat(vm.thresholds().getFirst().rule()).isEqualTo("> 2,500");
    }

    @Test
    void aRefusedThresholdShowsTheLocalizedReason() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();
        vm.newThreshold();
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        assertThat(vm.formMessageIsErrorProperty().get()).isTrue();
        assertThat(vm.formMessageProperty().get()).isEqualTo("the same threshold exists already");
        assertThat(service.thresholds()).hasSize(1);
    }

    @Test
    void deletingAsksFirstAndNamesHowManyAlertsGoWithIt() {
        store(figure("CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        dialogs.answer = false;
        vm.deleteEditing();
        assertThat(dialogs.lastMessage).contains("and the one alert it raised?");
        assertThat(service.thresholds()).hasSize(1);

        dialogs.answer = true;
        vm.deleteEditing();
        assertThat(service.thresholds()).isEmpty();
        assertThat(vm.thresholds()).isEmpty();
        assertThat(vm.alertRows()).isEmpty();
        assertThat(vm.unacknowledgedCountProperty().get()).isZero();
        assertThat(vm.editingProperty().get()).isFalse();
    }

    // --- crossing, notices, acknowledging

    @Test
    void aThresholdCrossedAlreadyRaisesANoticeAndAnAlertRowWhenSaved() {
        store(figure("CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");

        vm.save();

        assertThat(notified).singleElement().satisfies(notices -> assertThat(notices).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("Alert: Local early warnings \u00b7 Guangdong");
                    // records of one day, nothing submitted: a lower bound, said so
                    assertThat(n.text()).isEqualTo("2023-03-01: at least 1,500 (partial), threshold > 1,000");
                }));
        assertThat(vm.alertRows()).singleElement().satisfies(row -> {
            assertThat(row.indicator()).isEqualTo("Local early warnings");
            assertThat(row.region()).isEqualTo("Guangdong");
            assertThat(row.period()).isEqualTo("2023-03-01");
            assertThat(row.value()).isEqualTo("at least 1,500 (partial)");
            assertThat(row.limit()).isEqualTo("> 1,000");
            assertThat(row.raisedAt()).isEqualTo("2023-03-05 16:00"); // Beijing time
            assertThat(row.open()).isTrue();
            assertThat(row.acknowledged()).isEmpty();
        });
        assertThat(vm.unacknowledgedCountProperty().get()).isEqualTo(1);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 unacknowledged");
    }

    @Test
    void evaluatingAgainRaisesNoSecondNotice() {
        store(figure("CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        vm.evaluate();
        vm.evaluate();

        assertThat(notified).hasSize(1);
        assertThat(vm.alertRows()).hasSize(1);
    }

    @Test
    void aRiseShowsThePercentAndBothValues() {
        service.create(new ThresholdSpec(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT,
                new BigDecimal("20"), true), "someone");
        // records on a day of each month, nothing submitted: partial over the same unit-months, like for like
        store(figure("CN-GD", "2023-02-01", "200"), figure("CN-GD", "2023-03-01", "300"));

        vm.evaluate();

        assertThat(vm.alertRows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("+50.0% (at least 300 (partial) vs 200, like for like)");
            assertThat(row.limit()).isEqualTo("rise > 20%");
            assertThat(row.period()).isEqualTo("2023-03");
        });
        assertThat(notified.getFirst().getFirst().text()).isEqualTo("2023-03: +50.0% (at least 300 (partial) vs 200, like for like), threshold rise > 20%");
    }

    @Test
    void acknowledgedAlertsLeaveTheDefaultListAndShowWhoUnderAll() {
        store(figure("CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        vm.acknowledge(List.of(vm.alertRows().getFirst().id()));

        assertThat(vm.alertRows()).isEmpty();
        assertThat(vm.unacknowledgedCountProperty().get()).isZero();
        vm.unacknowledgedOnlyProperty().set(false);
        assertThat(vm.alertRows()).singleElement().satisfies(row -> {
            assertThat(row.open()).isFalse();
            assertThat(row.acknowledged()).isEqualTo("duty.officer, 2023-03-05 16:00");
        });
    }

    @Test
    void theSearchNarrowsTheListByRegionOrIndicatorName() {
        createAbove("CN-GD", "10");
        createAbove("CN-GX", "10");
        store(figure("CN-GD", "2023-03-01", "50"), figure("CN-GX", "2023-03-01", "50"));
        vm.evaluate();
        assertThat(vm.alertRows()).hasSize(2);

        vm.searchTextProperty().set("guangx");
        assertThat(vm.alertRows()).extracting(AlertRow::region).containsExactly("Guangxi");
        vm.searchTextProperty().set("early warn");
        assertThat(vm.alertRows()).hasSize(2);
        vm.searchTextProperty().set("nothing like it");
        assertThat(vm.alertRows()).isEmpty();
        vm.searchTextProperty().set("");
        assertThat(vm.alertRows()).hasSize(2);
    }

    @Test
    void manyNewAlertsAtOnceMakeOneSummaryNotice() {
        for (String region : List.of("CN-GD", "CN-GX", "CN-HI", "CN-FJ")) {
            createAbove(region, "10");
            store(figure(region, "2023-03-01", "50"));
        }

        vm.evaluate();

        assertThat(notified).singleElement().satisfies(notices -> assertThat(notices).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("4 new alerts")));
        assertThat(vm.alertRows()).hasSize(4);
    }

    @Test
    void switchingToChineseRelabelsEveryRowWithoutAskingTheDatabase() {
        store(figure("CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.save();

        appearance.localeProperty().set(Lang.ZH);

        assertThat(vm.thresholds().getFirst().region()).isEqualTo("广东省");
        assertThat(vm.thresholds().getFirst().grain()).isEqualTo("日");
        assertThat(vm.alertRows().getFirst().indicator()).isEqualTo("各地自主研判预警");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 条未确认");
    }

    @Test
    void anEvaluationAskedForWhileOneRunsFollowsItOnceInsteadOfRunningAlongside() {
        QueuedUiExecutor queued = QueuedUiExecutor.queued();
        AlertsViewModel model = viewModel(queued);
        createAbove("CN-GD", "10");
        store(figure("CN-GD", "2023-03-01", "50"));

        model.evaluate();
        model.evaluate();
        model.evaluate();
        assertThat(queued.submitted()).as("one evaluation at a time").isEqualTo(1);
        assertThat(model.busyProperty().get()).isTrue();

        queued.runAll();

        // the first evaluation and its reload, then exactly one more evaluation and its reload
        assertThat(queued.submitted()).isEqualTo(4);
        assertThat(notified).hasSize(1);
        assertThat(model.alertRows()).hasSize(1);
        assertThat(model.busyProperty().get()).isFalse();
    }

    // --- helpers

    private void fill(String indicator, String region, String limit) {
        vm.formIndicatorProperty().set(indicator);
        vm.formRegionProperty().set(region);
        vm.formGrainProperty().set(AlertGrain.DAY);
        vm.formKindProperty().set(AlertKind.ABOVE);
        vm.formLimitProperty().set(limit);
    }

    private void createAbove(String region, String limit) {
        service.create(new ThresholdSpec(WARNINGS, region, AlertGrain.DAY, AlertKind.ABOVE, new BigDecimal(limit), true),
                "someone");
    }

    private static Measurement figure(String region, String period, String value) {
        return new Measurement(WARNINGS, region, Period.parse(period), null, new BigDecimal(value), null,
                Basis.COMPUTED, null, null, null);
    }

    private void store(Measurement... measurements) {
        database.transaction(repos -> {
            repos.measurements().insertAll(Arrays.asList(measurements));
            return null;
        });
    }

    private static final class FakeDialogs implements DialogService {
        boolean answer = true;
        String lastMessage;

        @Override
        public boolean confirm(String title, String message) {
            lastMessage = message;
            return answer;
        }

        @Override
        public void info(String title, String message) {
            lastMessage = message;
        }

        @Override
        public void error(String title, String message) {
            lastMessage = message;
        }
    }
}
