package org.antifraud.cc.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Removing the synthetic demo data from the Settings page (and the Data menu). */
@IntegrationTest
class SettingsViewModelTest {
    private Database database;
    private DatasetService datasets;
    private final AtomicInteger refreshed = new AtomicInteger();
    private final SimpleBooleanProperty demoPresent = new SimpleBooleanProperty(true);

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        datasets = new DatasetService(database,
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));
        datasets.initialiseIfNew();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private SettingsViewModel viewModel(boolean confirm) {
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.answer = confirm;
        return new SettingsViewModel(datasets, "/data", QueuedUiExecutor.immediate(),
                new Appearance(Lang.EN, Theme.DARK), dialogs, demoPresent, () -> {
                    refreshed.incrementAndGet();
                    demoPresent.set(datasets.demoFigureCount() > 0); // as the status bar's refresh does
                });
    }

    @Test
    void removesEveryDemoFigureAfterConfirmationAndRefreshesTheScreens() {
        int before = datasets.demoFigureCount();
        assertThat(before).isPositive();
        SettingsViewModel vm = viewModel(true);
        vm.removeDemo();
        assertThat(datasets.demoFigureCount()).isZero();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed " + String.format("%,d", before) + " synthetic demo figures.");
        assertThat(refreshed.get()).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.removeDemoDisabled().get()).as("nothing left to remove").isTrue();
    }

    @Test
    void changesNothingWhenTheOperatorDeclines() {
        int before = datasets.demoFigureCount();
        SettingsViewModel vm = viewModel(false);
        assertThat(vm.removeDemoDisabled().get()).isFalse();
        vm.removeDemo();
        assertThat(datasets.demoFigureCount()).isEqualTo(before);
        assertThat(refreshed.get()).isZero();
    }

    @Test
    void theOperatorNameIsKeptStrippedAndBlankFallsBackToTheAccount() {
        SettingsViewModel vm = viewModel(true);
        List<String> saved = new ArrayList<>();
        vm.useOperator("", "clerk7", saved::add);

        vm.operatorNameProperty().set("  Zhang Wei ");
        vm.saveOperator();
        assertThat(vm.messageProperty().get()).isEqualTo("Changes are now recorded as made by clerk7, declaring the name Zhang Wei.");
        vm.operatorNameProperty().set("   ");
        vm.saveOperator();

        assertThat(saved).containsExactly("Zhang Wei", "");
        assertThat(vm.messageProperty().get()).isEqualTo("Changes are now recorded as made by clerk7.");
        assertThat(vm.operatorFallback()).isEqualTo("clerk7");
    }

    @Test
    void theClassificationLineIsKeptStrippedAndBlankMeansTheDefault() {
        SettingsViewModel vm = viewModel(true);
        List<String> saved = new ArrayList<>();
        vm.useClassification("Restricted", saved::add);
        assertThat(vm.classificationProperty().get()).isEqualTo("Restricted");

        vm.classificationProperty().set("  Secret — command staff ");
        vm.saveClassification();
        assertThat(vm.messageProperty().get()).isEqualTo("Briefings now carry “Secret — command staff”.");
        vm.classificationProperty().set(" ");
        vm.saveClassification();

        assertThat(saved).containsExactly("Secret — command staff", "");
        assertThat(vm.messageProperty().get()).isEqualTo("Briefings now carry the language's default classification line.");
    }

    @Test
    void theAuditTrailNamesTheAccountAndTheTypedNameOnlyAsDeclared(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (AppServices services = AppServices.open(dir)) {
            assertThat(services.operator()).isEqualTo(System.getProperty("user.name"));
            services.preferences().put(AppServices.PREF_OPERATOR, "Zhang Wei");
            services.records().save(new WarningBatch(UUID.randomUUID(),
                    LocalDate.of(2022, 5, 1), "CN-GD", WarningChannel.APP, 10, 2,
                    BigDecimal.ZERO), null, "form");

            var entry = services.audit().entries(null, null, null, null, 1).getFirst();
            assertThat(entry.actor()).isEqualTo(System.getProperty("user.name"));
            assertThat(entry.declaredName()).isEqualTo("Zhang Wei");
            assertThat(services.operator()).isEqualTo(System.getProperty("user.name") + " (declared: Zhang Wei)");
        }
    }
}
