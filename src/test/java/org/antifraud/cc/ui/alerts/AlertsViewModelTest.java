package org.antifraud.cc.ui.alerts;

import static org.antifraud.cc.persistence.StoredFigures.figure;
import static org.antifraud.cc.persistence.StoredFigures.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.service.figures.StatsService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FakeDialogs;
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
        vm.form().save();

        assertThat(vm.form().indicatorErrorProperty().get()).isEqualTo("Choose an indicator.");
        assertThat(vm.form().regionErrorProperty().get()).isEqualTo("Choose a region.");
        assertThat(vm.form().limitErrorProperty().get()).isEqualTo("Enter a limit.");
        assertThat(service.thresholds()).isEmpty();
    }

    @Test
    void aLimitMustBeANonNegativeNumberWithAtMostTwoDecimals() {
        fill(WARNINGS, "CN-GD", "lots");
        vm.form().save();
        assertThat(vm.form().limitErrorProperty().get()).isEqualTo("The limit must be a number, e.g. 1000 or 12.5.");

        vm.form().limitProperty().set("-5"); // checked again as the operator types, once a save was tried
        assertThat(vm.form().limitErrorProperty().get()).isEqualTo("The limit must not be negative.");
        vm.form().limitProperty().set("1.255");
        assertThat(vm.form().limitErrorProperty().get()).isEqualTo("The limit may have at most two decimals.");
        vm.form().limitProperty().set("1,000");
        assertThat(vm.form().limitErrorProperty().get()).isNull();
        assertThat(service.thresholds()).isEmpty();
    }

    @Test
    void errorsAreNotShownBeforeTheFirstSave() {
        vm.form().limitProperty().set("lots");

        assertThat(vm.form().limitErrorProperty().get()).isNull();
    }

    @Test
    void theLimitsUnitFollowsTheKindAndTheIndicator() {
        vm.form().indicatorProperty().set("property_loss");
        assertThat(vm.form().limitUnitProperty().get()).isEqualTo("CNY");
        vm.form().kindProperty().set(AlertKind.RISE_PCT);
        assertThat(vm.form().limitUnitProperty().get()).isEqualTo("%");
        vm.form().kindProperty().set(AlertKind.ABOVE);
        vm.form().indicatorProperty().set(WARNINGS);
        assertThat(vm.form().limitUnitProperty().get()).isEmpty();
    }

    // --- saving and editing

    @Test
    void aSavedThresholdIsListedInTheOperatorsWords() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        assertThat(vm.thresholds()).singleElement().satisfies(row -> {
            assertThat(row.indicator()).isEqualTo("Local early warnings");
            assertThat(row.region()).isEqualTo("Guangdong");
            assertThat(row.grain()).isEqualTo("Day");
            assertThat(row.rule()).isEqualTo("> 1,000");
            assertThat(row.enabledText()).isEqualTo("on");
            assertThat(row.createdBy()).isEqualTo("duty.officer");
        });
        assertThat(vm.form().editingProperty().get()).as("the saved threshold stays in the form").isTrue();
        assertThat(vm.form().titleProperty().get()).isEqualTo("Edit threshold");
        assertThat(vm.form().message().errorProperty().get()).isFalse();
        assertThat(vm.form().message().textProperty().get()).startsWith("Saved.");
    }

    @Test
    void editingChangesTheLimitOfTheSameThreshold() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();
        vm.form().newThreshold();
        assertThat(vm.form().editingProperty().get()).isFalse();
        assertThat(vm.form().indicatorProperty().get()).isNull();

        vm.edit(vm.thresholds().getFirst().id());
        assertThat(vm.form().indicatorProperty().get()).isEqualTo(WARNINGS);
        assertThat(vm.form().limitProperty().get()).isEqualTo("1000");
        vm.form().limitProperty().set("2500");
        vm.form().enabledProperty().set(false);
        vm.form().save();

        assertThat(service.thresholds()).singleElement().satisfies(t -> {
            assertThat(t.limit()).isEqualByComparingTo("2500");
            assertThat(t.enabled()).isFalse();
        });
        assertThat(vm.thresholds().getFirst().rule()).isEqualTo("> 2,500");
    }

    @Test
    void aRefusedThresholdShowsTheLocalizedReason() {
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();
        vm.form().newThreshold();
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        assertThat(vm.form().message().errorProperty().get()).isTrue();
        assertThat(vm.form().message().textProperty().get()).isEqualTo("the same threshold exists already");
        assertThat(service.thresholds()).hasSize(1);
    }

    @Test
    void deletingAsksFirstAndNamesHowManyAlertsGoWithIt() {
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        dialogs.answer = false;
        vm.form().delete();
        assertThat(dialogs.lastMessage).contains("and the one alert it raised?");
        assertThat(service.thresholds()).hasSize(1);

        dialogs.answer = true;
        vm.form().delete();
        assertThat(service.thresholds()).isEmpty();
        assertThat(vm.thresholds()).isEmpty();
        assertThat(vm.feed().rows()).isEmpty();
        assertThat(vm.feed().unacknowledgedCountProperty().get()).isZero();
        assertThat(vm.form().editingProperty().get()).isFalse();
    }

    // --- crossing, notices, acknowledging

    @Test
    void aThresholdCrossedAlreadyRaisesANoticeAndAnAlertRowWhenSaved() {
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");

        vm.form().save();

        assertThat(notified).singleElement().satisfies(notices -> assertThat(notices).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("Alert: Local early warnings \u00b7 Guangdong");
                    // records of one day, nothing submitted: a lower bound, said so
                    assertThat(n.text()).isEqualTo("2023-03-01: at least 1,500 (partial), threshold > 1,000");
                }));
        assertThat(vm.feed().rows()).singleElement().satisfies(row -> {
            assertThat(row.indicator()).isEqualTo("Local early warnings");
            assertThat(row.region()).isEqualTo("Guangdong");
            assertThat(row.period()).isEqualTo("2023-03-01");
            assertThat(row.value()).isEqualTo("at least 1,500 (partial)");
            assertThat(row.limit()).isEqualTo("> 1,000");
            assertThat(row.raisedAt()).isEqualTo("2023-03-05 16:00"); // Beijing time
            assertThat(row.open()).isTrue();
            assertThat(row.acknowledged()).isEmpty();
        });
        assertThat(vm.feed().unacknowledgedCountProperty().get()).isEqualTo(1);
        assertThat(vm.feed().countTextProperty().get()).isEqualTo("1 unacknowledged");
    }

    @Test
    void evaluatingAgainRaisesNoSecondNotice() {
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        vm.evaluate();
        vm.evaluate();

        assertThat(notified).hasSize(1);
        assertThat(vm.feed().rows()).hasSize(1);
    }

    @Test
    void aRiseShowsThePercentAndBothValues() {
        service.create(new ThresholdSpec(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT,
                new BigDecimal("20"), true), "someone");
        // records on a day of each month, nothing submitted: partial over the same unit-months, like for like
        store(database, figure(WARNINGS, "CN-GD", "2023-02-01", "200"), figure(WARNINGS, "CN-GD", "2023-03-01", "300"));

        vm.evaluate();

        assertThat(vm.feed().rows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("+50.0% (at least 300 (partial) vs 200, like for like)");
            assertThat(row.limit()).isEqualTo("rise > 20%");
            assertThat(row.period()).isEqualTo("2023-03");
        });
        assertThat(notified.getFirst().getFirst().text()).isEqualTo("2023-03: +50.0% (at least 300 (partial) vs 200, like for like), threshold rise > 20%");
    }

    @Test
    void acknowledgedAlertsLeaveTheDefaultListAndShowWhoUnderAll() {
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        vm.feed().acknowledge(List.of(vm.feed().rows().getFirst().id()));

        assertThat(vm.feed().rows()).isEmpty();
        assertThat(vm.feed().unacknowledgedCountProperty().get()).isZero();
        vm.feed().unacknowledgedOnlyProperty().set(false);
        assertThat(vm.feed().rows()).singleElement().satisfies(row -> {
            assertThat(row.open()).isFalse();
            assertThat(row.acknowledged()).isEqualTo("duty.officer, 2023-03-05 16:00");
        });
    }

    @Test
    void theSearchNarrowsTheListByRegionOrIndicatorName() {
        createAbove("CN-GD", "10");
        createAbove("CN-GX", "10");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "50"), figure(WARNINGS, "CN-GX", "2023-03-01", "50"));
        vm.evaluate();
        assertThat(vm.feed().rows()).hasSize(2);

        vm.feed().searchTextProperty().set("guangx");
        assertThat(vm.feed().rows()).extracting(AlertRow::region).containsExactly("Guangxi");
        vm.feed().searchTextProperty().set("early warn");
        assertThat(vm.feed().rows()).hasSize(2);
        vm.feed().searchTextProperty().set("nothing like it");
        assertThat(vm.feed().rows()).isEmpty();
        vm.feed().searchTextProperty().set("");
        assertThat(vm.feed().rows()).hasSize(2);
    }

    @Test
    void manyNewAlertsAtOnceMakeOneSummaryNotice() {
        for (String region : List.of("CN-GD", "CN-GX", "CN-HI", "CN-FJ")) {
            createAbove(region, "10");
            store(database, figure(WARNINGS, region, "2023-03-01", "50"));
        }

        vm.evaluate();

        assertThat(notified).singleElement().satisfies(notices -> assertThat(notices).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("4 new alerts")));
        assertThat(vm.feed().rows()).hasSize(4);
    }

    @Test
    void switchingToChineseRelabelsEveryRowWithoutAskingTheDatabase() {
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "1500"));
        fill(WARNINGS, "CN-GD", "1000");
        vm.form().save();

        appearance.localeProperty().set(Lang.ZH);

        assertThat(vm.thresholds().getFirst().region()).isEqualTo("广东省");
        assertThat(vm.thresholds().getFirst().grain()).isEqualTo("日");
        assertThat(vm.feed().rows().getFirst().indicator()).isEqualTo("各地自主研判预警");
        assertThat(vm.feed().countTextProperty().get()).isEqualTo("1 条未确认");
    }

    @Test
    void anEvaluationAskedForWhileOneRunsFollowsItOnceInsteadOfRunningAlongside() {
        QueuedUiExecutor queued = QueuedUiExecutor.queued();
        AlertsViewModel model = viewModel(queued);
        createAbove("CN-GD", "10");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "50"));

        model.evaluate();
        model.evaluate();
        model.evaluate();
        assertThat(queued.submitted()).as("one evaluation at a time").isEqualTo(1);
        assertThat(model.busyProperty().get()).isTrue();

        queued.runAll();

        // the first evaluation and its reload, then exactly one more evaluation and its reload
        assertThat(queued.submitted()).isEqualTo(4);
        assertThat(notified).hasSize(1);
        assertThat(model.feed().rows()).hasSize(1);
        assertThat(model.busyProperty().get()).isFalse();
    }

    // --- helpers

    private void fill(String indicator, String region, String limit) {
        vm.form().indicatorProperty().set(indicator);
        vm.form().regionProperty().set(region);
        vm.form().grainProperty().set(AlertGrain.DAY);
        vm.form().kindProperty().set(AlertKind.ABOVE);
        vm.form().limitProperty().set(limit);
    }

    private void createAbove(String region, String limit) {
        service.create(new ThresholdSpec(WARNINGS, region, AlertGrain.DAY, AlertKind.ABOVE, new BigDecimal(limit), true),
                "someone");
    }
}
