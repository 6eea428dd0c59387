package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.DatasetService;
import org.antifraud.cc.service.StatsService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's ViewModel on a real H2 with the report loaded, without the JavaFX toolkit. */
class DashboardViewModelTest {
    private Database database;
    private StatsService stats;
    private Catalog catalog;
    private Appearance appearance;

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        new DatasetService(database, Clock.systemUTC()).initialiseIfNew();
        catalog = database.repositories().catalog().load();
        stats = new StatsService(database, catalog);
        appearance = new Appearance(Lang.EN, Theme.DARK);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private DashboardViewModel viewModel(QueuedUiExecutor executor) {
        DashboardViewModel vm = new DashboardViewModel(stats, catalog, executor, appearance);
        vm.periodTextProperty().set("2022");
        return vm;
    }

    private static KpiTile tile(DashboardViewModel vm, String code) {
        return vm.tiles().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void headlineTilesComeFirstInTheReportsOrderThenEveryOtherIndicator() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        List<String> codes = vm.tiles().stream().map(KpiTile::code).toList();
        assertThat(codes.subList(0, DashboardViewModel.HEADLINE.size())).isEqualTo(DashboardViewModel.HEADLINE);
        assertThat(codes).hasSize(20).doesNotHaveDuplicates();
        assertThat(vm.tiles().stream().filter(KpiTile::headline)).hasSize(9);
    }

    @Test
    void reportedFiguresShowCompactWithTheirBasisAndSource() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        KpiTile dens = tile(vm, "dens_destroyed");
        assertThat(dens.valueText()).isEqualTo("1.8K+");
        assertThat(dens.fullValueText()).isEqualTo("more than 1,800");
        assertThat(dens.basisText()).isEqualTo("reported");
        assertThat(dens.synthetic()).isFalse();
        assertThat(dens.tooltip()).contains("destroyed more than 1,800 fraud dens").contains("Ministry of Public Security");
        assertThat(tile(vm, "calls_intercepted").valueText()).isEqualTo("1.82B");
        assertThat(vm.headingProperty().get()).isEqualTo("China \u00b7 2022");
    }

    @Test
    void aReportedChangeShowsWithoutAnInventedValue() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        KpiTile suspects = tile(vm, "suspects_arrested");
        assertThat(suspects.known()).isFalse();
        assertThat(suspects.valueText()).isEqualTo("No data");
        assertThat(suspects.changeText()).isEqualTo("\u25B2 +64.4%");
        assertThat(suspects.changeGood()).isTrue();
        assertThat(suspects.changeBasisText()).isEqualTo("reported");
        KpiTile cases = tile(vm, "cases_registered");
        assertThat(cases.changeText()).isEqualTo("\u25BC \u221217.3%");
        assertThat(cases.changeGood()).as("fewer registered cases is good").isTrue();
        assertThat(tile(vm, "property_loss").changeGood()).as("smaller losses are good").isTrue();
    }

    @Test
    void aRiseInRegisteredCasesIsBad() {
        database.transaction(r -> {
            r.measurements().insertAll(List.of(
                    figure("cases_registered", "CN-GD", "2021", 100),
                    figure("cases_registered", "CN-GD", "2022", 150)));
            return null;
        });
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.regionCodeProperty().set("CN-GD");
        vm.refresh();
        KpiTile cases = tile(vm, "cases_registered");
        assertThat(cases.changeText()).isEqualTo("\u25B2 +50.0%");
        assertThat(cases.changeGood()).isFalse();
        assertThat(cases.changeBasisText()).isEqualTo("computed");
    }

    @Test
    void syntheticFiguresAreMarked() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.regionCodeProperty().set("CN-GD");
        vm.refresh();
        assertThat(tile(vm, "dens_destroyed").synthetic()).isTrue();
        assertThat(vm.syntheticShownProperty().get()).isTrue();
        assertThat(tile(vm, "dens_destroyed").tooltip()).contains("synthetic demo");
    }

    @Test
    void noDataIsNotZero() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.periodTextProperty().set("2019");
        vm.refresh();
        assertThat(vm.tiles()).allSatisfy(t -> {
            assertThat(t.known()).isFalse();
            assertThat(t.valueText()).isEqualTo("No data");
            assertThat(t.changeText()).isNull();
        });
        assertThat(vm.syntheticShownProperty().get()).isFalse();
    }

    @Test
    void aMalformedPeriodIsRejectedWithALocalizedMessageAndNoQuery() {
        QueuedUiExecutor executor = QueuedUiExecutor.immediate();
        DashboardViewModel vm = viewModel(executor);
        vm.periodTextProperty().set("2022-13");
        vm.refresh();
        assertThat(vm.periodErrorProperty().get()).contains("YYYY-Qn");
        assertThat(executor.submitted()).isZero();
        assertThat(vm.tiles()).isEmpty();
        vm.periodTextProperty().set("2022-Q1");
        assertThat(vm.periodErrorProperty().get()).as("editing clears the error").isNull();
        vm.refresh();
        assertThat(vm.tiles()).isNotEmpty();
    }

    @Test
    void busyWhileLoadingAndAStaleRequestIsCancelledByANewerOne() {
        QueuedUiExecutor executor = QueuedUiExecutor.queued();
        DashboardViewModel vm = viewModel(executor);
        vm.refresh();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.regionCodeProperty().set("ZONE-SOUTH");
        vm.refresh();
        executor.runAll();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.reportProperty().get().query().regionCode()).isEqualTo("ZONE-SOUTH");
        assertThat(vm.headingProperty().get()).startsWith("South China");
    }

    @Test
    void switchingLanguageReformatsWithoutQueryingAgain() {
        QueuedUiExecutor executor = QueuedUiExecutor.immediate();
        DashboardViewModel vm = viewModel(executor);
        vm.refresh();
        appearance.localeProperty().set(Lang.ZH);
        assertThat(executor.submitted()).isEqualTo(1);
        assertThat(tile(vm, "dens_destroyed").valueText()).isEqualTo("1800余");
        assertThat(tile(vm, "dens_destroyed").name()).isEqualTo("捣毁窝点");
        assertThat(tile(vm, "suspects_arrested").valueText()).isEqualTo("暂无数据");
        assertThat(tile(vm, "sms_intercepted").valueText()).isEqualTo("21.5亿");
        assertThat(vm.headingProperty().get()).isEqualTo("全国 \u00b7 2022");
    }

    @Test
    void anUnknownRegionShowsALocalizedLoadError() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.regionCodeProperty().set("CN-XX");
        vm.refresh();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("unknown region: CN-XX");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    private static Measurement figure(String indicator, String region, String period, long value) {
        return new Measurement(indicator, region, Period.parse(period), null, BigDecimal.valueOf(value), null,
                Basis.COMPUTED, null, null, null);
    }
}
