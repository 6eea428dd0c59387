package org.antifraud.cc.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.dashboard.DashboardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status bar: when the data last changed (localized), the demo-data marker, and Ctrl+R refreshing both. */
@IntegrationTest
class ShellViewModelTest {
    private static final Instant LOADED_AT = Instant.parse("2026-11-28T05:30:00Z");
    private Database database;
    private DatasetService datasets;
    private Appearance appearance;
    private ShellViewModel shell;
    private DashboardViewModel dashboard;

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "mem:test");
        datasets = new DatasetService(database, Clock.fixed(LOADED_AT, ZoneOffset.UTC));
        datasets.initialiseIfNew();
        appearance = new Appearance(Lang.EN, Theme.DARK);
        QueuedUiExecutor executor = QueuedUiExecutor.immediate();
        var catalog = database.repositories().catalog().load();
        dashboard = new DashboardViewModel(new DashboardService(database, catalog), executor, appearance,
                Clock.fixed(LOADED_AT, ZoneOffset.UTC));
        dashboard.periodTextProperty().set("2022");
        shell = new ShellViewModel(datasets, "mem:test", executor, appearance, dashboard, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void showsWhenTheDataLastChangedInLocalTime() {
        assertThat(shell.dataAsOfTextProperty().get()).isEqualTo("Data last changed: never");
        shell.refreshStatus();
        assertThat(shell.dataAsOfTextProperty().get()).isEqualTo("Data last changed 2026-11-28 13:30:00");
        appearance.localeProperty().set(Lang.ZH);
        assertThat(shell.dataAsOfTextProperty().get()).isEqualTo("数据最近变更 2026-11-28 13:30:00");
        assertThat(shell.databaseTextProperty().get()).isEqualTo("mem:test");
    }

    @Test
    void marksDemoDataUntilItIsRemoved() {
        shell.refreshStatus();
        assertThat(shell.demoPresentProperty().get()).isTrue();
        datasets.removeDemo();
        shell.refreshStatus();
        assertThat(shell.demoPresentProperty().get()).isFalse();
    }

    @Test
    void refreshAllReloadsTheDashboardToo() {
        assertThat(dashboard.tiles()).isEmpty();
        shell.refreshAll();
        assertThat(dashboard.tiles()).hasSize(28);
        assertThat(shell.busyProperty().get()).isFalse();
    }

    @Test
    void refreshAllAlsoRunsWhatAskedToFollowIt() {
        int[] evaluated = {0};
        shell.alsoOnRefresh(() -> evaluated[0]++);
        shell.refreshAll();
        shell.refreshAll();
        assertThat(evaluated[0]).isEqualTo(2);
    }

    @Test
    void theAlertBadgeShowsTheUnacknowledgedCountOrNothing() {
        assertThat(shell.alertBadgeTextProperty().get()).isEmpty();
        shell.unacknowledgedAlertsProperty().set(1);
        assertThat(shell.alertBadgeTextProperty().get()).isEqualTo("1");
        assertThat(shell.alertBadgeTooltipProperty().get()).isEqualTo("one unacknowledged alert");
        shell.unacknowledgedAlertsProperty().set(140);
        assertThat(shell.alertBadgeTextProperty().get()).isEqualTo("99+");
        assertThat(shell.alertBadgeTooltipProperty().get()).isEqualTo("140 unacknowledged alerts");
        appearance.localeProperty().set(Lang.ZH);
        assertThat(shell.alertBadgeTooltipProperty().get()).isEqualTo("140 条告警未确认");
        shell.unacknowledgedAlertsProperty().set(0);
        assertThat(shell.alertBadgeTextProperty().get()).isEmpty();
    }

    @Test
    void startsOnTheDashboard() {
        assertThat(shell.pageProperty().get()).isEqualTo(Page.DASHBOARD);
    }
}
