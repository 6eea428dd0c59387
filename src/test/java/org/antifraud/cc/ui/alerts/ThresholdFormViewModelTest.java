package org.antifraud.cc.ui.alerts;

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

/**
 * The threshold form and the alerts list on their own, over a real AlertService on H2: what they ask of the page
 * that owns them (read again, evaluate) and when. The page as a whole is {@link AlertsViewModelTest}'s.
 */
@IntegrationTest
class ThresholdFormViewModelTest {
    private static final Instant NOW = Instant.parse("2023-03-05T08:00:00Z");
    private static final String WARNINGS = "warnings_local";

    private Database database;
    private AlertService service;
    private AlertWords words;
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);
    private final FakeDialogs dialogs = new FakeDialogs();

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:threshold-form-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        var catalog = database.repositories().catalog().load();
        service = new AlertService(database, catalog, new StatsService(database, catalog), Clock.fixed(NOW, ZoneOffset.UTC));
        words = new AlertWords(catalog, appearance, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private ThresholdFormViewModel form(QueuedUiExecutor executor, List<String> calls) {
        return new ThresholdFormViewModel(service, words, executor, dialogs, "duty.officer",
                () -> calls.add("saved"), () -> calls.add("deleted"));
    }

    private static void fill(ThresholdFormViewModel form, String limit) {
        form.indicatorProperty().set(WARNINGS);
        form.regionProperty().set("CN-GD");
        form.grainProperty().set(AlertGrain.DAY);
        form.kindProperty().set(AlertKind.ABOVE);
        form.limitProperty().set(limit);
    }

    @Test
    void aStoredThresholdIsReportedOnceAndARefusedOneNotAtAll() {
        List<String> calls = new ArrayList<>();
        QueuedUiExecutor executor = QueuedUiExecutor.queued();
        ThresholdFormViewModel form = form(executor, calls);
        fill(form, "1000");

        form.save();
        form.save(); // a second click while the first save runs
        assertThat(form.busyProperty().get()).isTrue();
        executor.runAll();

        assertThat(calls).containsExactly("saved");
        assertThat(service.thresholds()).hasSize(1);
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(form.editingIdProperty().get()).isEqualTo(service.thresholds().getFirst().id());

        form.newThreshold();
        fill(form, "1000");
        form.save();
        executor.runAll();
        assertThat(calls).as("the same threshold again is refused").containsExactly("saved");
        assertThat(form.message().errorProperty().get()).isTrue();
    }

    @Test
    void aDeleteIsReportedOnlyWhenTheOperatorAgreed() {
        List<String> calls = new ArrayList<>();
        ThresholdFormViewModel form = form(QueuedUiExecutor.immediate(), calls);
        form.delete();
        assertThat(dialogs.asked).as("nothing in the form: nothing to ask").isEmpty();

        var stored = service.create(new ThresholdSpec(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE,
                new BigDecimal("10"), true), "someone");
        form.edit(stored);
        assertThat(form.editingProperty().get()).isTrue();
        assertThat(form.limitProperty().get()).isEqualTo("10");

        dialogs.answer = false;
        form.delete();
        assertThat(calls).isEmpty();
        dialogs.answer = true;
        form.delete();

        assertThat(dialogs.asked).hasSize(2);
        assertThat(calls).containsExactly("deleted");
        assertThat(service.thresholds()).isEmpty();
        assertThat(form.editingProperty().get()).isFalse();
        assertThat(form.message().textProperty().get()).isNotEmpty();
    }

    @Test
    void theAlertsListAsksForAReadWhenItsFilterChangesAndCountsTheOpenOnes() {
        List<String> errors = new ArrayList<>();
        int[] reads = {0};
        AlertFeedViewModel feed = new AlertFeedViewModel(service, words, QueuedUiExecutor.immediate(), "duty.officer",
                () -> reads[0]++, errors::add);
        assertThat(feed.filter().unacknowledgedOnly()).isTrue();

        feed.unacknowledgedOnlyProperty().set(false);
        assertThat(reads[0]).isEqualTo(1);
        assertThat(feed.filter().unacknowledgedOnly()).isFalse();

        feed.show(List.of(), 2);
        assertThat(feed.countTextProperty().get()).isEqualTo("2 unacknowledged");
        feed.acknowledge(List.of());
        assertThat(reads[0]).as("nothing chosen: nothing to acknowledge or read").isEqualTo(1);
        assertThat(errors).isEmpty();
    }
}
