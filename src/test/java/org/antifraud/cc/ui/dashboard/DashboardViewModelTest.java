package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.PeriodPreset;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's ViewModel on a real H2 with the report loaded, without the JavaFX toolkit. */
@IntegrationTest
class DashboardViewModelTest {
    private Database database;
    private DashboardService service;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private Catalog catalog;
    private Appearance appearance;

    @BeforeEach
    void setUp() {
        database = Database.openUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        new DatasetService(database, clock).initialiseIfNew();
        catalog = database.repositories().catalog().load();
        service = new DashboardService(database, catalog);
        appearance = new Appearance(Lang.EN, Theme.DARK);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private DashboardViewModel viewModel(QueuedUiExecutor executor) {
        DashboardViewModel vm = new DashboardViewModel(service, executor, appearance, clock);
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
        assertThat(codes).hasSize(28).doesNotHaveDuplicates();
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
        assertThat(vm.headingProperty().get()).isEqualTo("2022");
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::name).containsExactly("China");
    }

    @Test
    void aReportedChangeShowsWithoutAnInventedValue() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        KpiTile suspects = tile(vm, "suspects_arrested");
        assertThat(suspects.known()).isFalse();
        assertThat(suspects.valueText()).isEqualTo("No data");
        assertThat(suspects.changeText()).isEqualTo("reported total\n\u25B2 +64.4%");
        assertThat(suspects.changeOfTotal()).isTrue();
        assertThat(suspects.changeGood()).isTrue();
        assertThat(suspects.changeBasisText()).isEqualTo("reported");
        KpiTile cases = tile(vm, "cases_registered");
        assertThat(cases.changeText()).isEqualTo("reported total\n\u25BC \u221217.3%");
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
        assertThat(vm.dataProperty().get().query().regionCode()).isEqualTo("ZONE-SOUTH");
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::name).containsExactly("China", "South China");
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
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::name).containsExactly("全国");
    }

    @Test
    void anUnknownRegionShowsALocalizedLoadError() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.regionCodeProperty().set("CN-XX");
        vm.refresh();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("unknown region: CN-XX");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRecordAmongDemoMonthsIsShownAsAPartialRealFigureAndTheChartSaysWhichMonthsAreDemo() {
        // a day figure (a record) in Guangdong's June, where the demo breakdown has its months
        database.transaction(r -> {
            r.measurements().insertAll(List.of(figure("dens_destroyed", "CN-GD", "2022-06-01", 3)));
            return null;
        });
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.regionCodeProperty().set("CN-GD");
        vm.refresh();

        KpiTile dens = tile(vm, "dens_destroyed");
        assertThat(dens.valueText()).as("the record, not the demo's months, and not as the total").isEqualTo("\u2265 3");
        assertThat(dens.partial()).isTrue();
        assertThat(dens.synthetic()).isFalse();
        assertThat(dens.noteText()).isEqualTo("0 of 12 months submitted");
        DashboardPanels.ChartData chart = vm.panelsProperty().get().denTrend();
        assertThat(chart.categoryMarks()).hasSize(12);
        assertThat(chart.categoryMarks().get(5)).as("June: real, partial").isEqualTo("partial");
        assertThat(chart.categoryMarks().get(0)).as("January: demo").isEqualTo("DEMO");
        assertThat(chart.demoCategories().get(5)).isFalse();
    }

    private static Measurement figure(String indicator, String region, String period, long value) {
        return new Measurement(indicator, region, Period.parse(period), null, BigDecimal.valueOf(value), null,
                Basis.COMPUTED, null, null, null);
    }

    // --- drill-down, filters, presets, live refresh

    @Test
    void clickingAZoneFiltersEverythingToItAndTheBreadcrumbLeadsBack() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::code).containsExactly("CN");

        vm.drillDown("ZONE-EAST");

        assertThat(vm.regionCodeProperty().get()).isEqualTo("ZONE-EAST");
        assertThat(vm.dataProperty().get().query().regionCode()).isEqualTo("ZONE-EAST");
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::name).containsExactly("China", "East China");
        assertThat(vm.panelsProperty().get().denTrend().series()).extracting(DashboardPanels.ChartData.Series::key)
                .contains("CN-ZJ", "CN-SH").doesNotContain("CN-GD");

        vm.drillDown("CN-ZJ");
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::code).containsExactly("CN", "ZONE-EAST", "CN-ZJ");
        vm.drillDown("CN-JS"); // a sibling inside the same zone stays under it
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::code).containsExactly("CN", "ZONE-EAST", "CN-JS");

        vm.navigateTo(0);
        assertThat(vm.regionCodeProperty().get()).isEqualTo("CN");
        assertThat(vm.breadcrumb()).hasSize(1);
        assertThat(vm.drillUp()).as("nothing above the nation").isFalse();
    }

    @Test
    void aProvinceOutsideTheChosenZoneStartsAgainFromTheNation() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.drillDown("ZONE-EAST");
        vm.drillDown("CN-GD");
        assertThat(vm.breadcrumb()).extracting(DashboardViewModel.Crumb::code).containsExactly("CN", "CN-GD");
        assertThat(vm.drillUp()).isTrue();
        assertThat(vm.regionCodeProperty().get()).isEqualTo("CN");
    }

    @Test
    void presetsCountFromTheLatestDayWithDataWhenTheDataIsOlderThanToday() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh(); // the report and its demo breakdown end on 2022-12-31; the clock says 2026
        vm.applyPreset(PeriodPreset.LAST_28_DAYS);
        assertThat(vm.periodTextProperty().get()).isEqualTo("2022-12-04..2022-12-31");
        vm.applyPreset(PeriodPreset.YEAR_TO_DATE);
        assertThat(vm.periodTextProperty().get()).isEqualTo("2022");
        vm.applyPreset(PeriodPreset.LAST_YEAR);
        assertThat(vm.dataProperty().get().query().period().code()).isEqualTo("2021");
    }

    @Test
    void aCampaignFilterShowsOnlyThatCampaignsFigures() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.chooseCampaign("nail_pulling");
        assertThat(tile(vm, "ringleaders_arrested").valueText()).isEqualTo("240");
        assertThat(tile(vm, "dens_destroyed").known()).as("not attributed to that campaign").isFalse();
        assertThat(vm.panelsProperty().get().campaigns()).singleElement()
                .satisfies(c -> assertThat(c.achieved()).isEqualTo("240"));
        assertThat(vm.headingProperty().get()).contains("Nail Pulling");
        vm.chooseCampaign(null);
        assertThat(tile(vm, "dens_destroyed").known()).isTrue();
    }

    @Test
    void aCampaignsProgressIsItsAchievementAgainstItsTargetAndNoTargetIsNoBar() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        assertThat(vm.panelsProperty().get().campaigns()).singleElement()
                .satisfies(c -> assertThat(c.progress()).as("no target: no bar, never 0 %").isNull());
        database.repositories().campaignTargets().put("nail_pulling", "ringleaders_arrested", "CN", "2022",
                new java.math.BigDecimal("300"), "reported");
        vm.refresh();
        assertThat(vm.panelsProperty().get().campaigns()).singleElement().satisfies(c -> {
            assertThat(c.achieved()).isEqualTo("240");
            assertThat(c.progress()).as("240 of 300").isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.pct()).contains("80");
            assertThat(c.indicatorCode()).isEqualTo("ringleaders_arrested");
        });
    }

    @Test
    void theWarningsPanelShowsWhatFollowedAsSeparateFiguresAndRepeatsNoHeadlineTile() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        DashboardPanels panels = vm.panelsProperty().get();
        assertThat(panels.outcomes()).extracting(KpiTile::code)
                .containsExactly("persons_dissuaded", "funds_intercepted")
                .doesNotContainAnyElementsOf(DashboardViewModel.HEADLINE);
        // each its own figure in its own unit; no sum of warnings channels anywhere
        assertThat(panels.warnings().series()).allSatisfy(series -> assertThat(series.key()).isNotEqualTo("other"));
    }

    @Test
    void theMapIsColouredByTheChosenIndicatorWithoutQueryingAgain() {
        QueuedUiExecutor executor = QueuedUiExecutor.immediate();
        DashboardViewModel vm = viewModel(executor);
        vm.refresh();
        DashboardPanels.MapTile gd = mapTile(vm, "CN-GD");
        assertThat(gd.value()).as("the demo breakdown gives every province dens").isNotNull();
        assertThat(gd.synthetic()).isTrue();
        vm.mapIndicatorProperty().set("suspects_arrested");
        assertThat(executor.submitted()).isEqualTo(1);
        assertThat(mapTile(vm, "CN-GD").value()).as("no demo for suspects: no data, not zero").isNull();
        assertThat(mapTile(vm, "CN-GD").valueText()).isEqualTo("No data");
        assertThat(vm.panelsProperty().get().map()).hasSize(34);
    }

    @Test
    void taiwanHongKongAndMacaoAreOnTheMapNamedInTheWindowsLanguageWithNoDataNeverZero() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        for (String code : List.of("CN-TW", "CN-HK", "CN-MO")) {
            DashboardPanels.MapTile t = mapTile(vm, code);
            assertThat(t.value()).as(code).isNull();
            assertThat(t.valueText()).as(code).isEqualTo("No data");
        }
        assertThat(mapTile(vm, "CN-TW").label()).isEqualTo("Taiwan");
        assertThat(mapTile(vm, "CN-HK").tooltip()).startsWith("Hong Kong\n");
        assertThat(mapTile(vm, "CN-GD").label()).as("English tiles name the province, not its ISO code")
                .isEqualTo("Guangdong");
        // not counted among the provinces whose sum is the nation's, nor ranked in the league
        assertThat(catalog.childrenOf("CN")).hasSize(31).doesNotContain("CN-TW", "CN-HK", "CN-MO");
        assertThat(vm.panelsProperty().get().league()).hasSize(31);
        appearance.localeProperty().set(Lang.ZH);
        assertThat(mapTile(vm, "CN-TW").label()).isEqualTo("台湾");
        assertThat(mapTile(vm, "CN-HK").label()).isEqualTo("香港");
        assertThat(mapTile(vm, "CN-MO").label()).isEqualTo("澳门");
        assertThat(mapTile(vm, "CN-MO").valueText()).isEqualTo("暂无数据");
        assertThat(mapTile(vm, "CN-GD").label()).isEqualTo("广东");
    }

    @Test
    void theLeagueRanksTheProvincesByTheChosenIndicatorAsAnIndependentSortDoes() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.refresh();
        for (String indicator : List.of("dens_destroyed", "suspects_arrested")) {
            vm.mapIndicatorProperty().set(indicator);
            var data = vm.dataProperty().get();
            // independent: each province's figure straight from the loaded data, ranked highest first
            List<java.util.Map.Entry<String, java.math.BigDecimal>> known = new ArrayList<>();
            for (var p : data.provinces()) {
                var f = p.stat(indicator).value();
                if (f.isKnown()) {
                    known.add(java.util.Map.entry(p.regionCode(), f.value()));
                }
            }
            known.sort((a, b) -> b.getValue().compareTo(a.getValue()));
            List<DashboardPanels.LeagueRow> league = vm.panelsProperty().get().league();
            assertThat(league).hasSize(31);
            List<DashboardPanels.LeagueRow> ranked = league.stream().filter(r -> r.rank() != null).toList();
            assertThat(ranked).hasSize(known.size());
            for (int i = 0; i < known.size(); i++) {
                java.math.BigDecimal v = known.get(i).getValue();
                long higher = known.stream().filter(e -> e.getValue().compareTo(v) > 0).count();
                assertThat(ranked.get(i).rank()).as(indicator + " #" + i).isEqualTo((int) higher + 1);
                String code = ranked.get(i).code();
                assertThat(data.provinces().stream().filter(p -> p.regionCode().equals(code))
                        .findFirst().orElseThrow().stat(indicator).value().value()).isEqualByComparingTo(v);
            }
            for (DashboardPanels.LeagueRow r : league.subList(ranked.size(), league.size())) {
                assertThat(r.value().text()).as("no data, never zero").isEqualTo("No data");
                assertThat(r.value().changeText()).isNull();
            }
            league.forEach(r -> assertThat(r.months()).hasSize(12));
        }
        // no demo figures for suspects in any province: every month is a gap, not a zero
        assertThat(vm.panelsProperty().get().league()).allSatisfy(r -> assertThat(r.months()).containsOnlyNulls());
        vm.mapIndicatorProperty().set("dens_destroyed");
        assertThat(vm.panelsProperty().get().league().getFirst().months()).doesNotContainNull();
        assertThat(vm.panelsProperty().get().league().getFirst().name()).isEqualTo(
                catalog.region(vm.panelsProperty().get().league().getFirst().code()).orElseThrow().nameEn());
    }

    @Test
    void activatingARegionTellsTheHookOnlyForKnownRegions() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        List<String> activated = new ArrayList<>();
        vm.setOnRegionActivated(activated::add);
        vm.activateRegion("CN-GD");
        vm.activateRegion("CN-XX");
        vm.activateRegion("CN-TW");
        assertThat(activated).containsExactly("CN-GD", "CN-TW");
        vm.drillDown("CN-TW");
        assertThat(vm.regionCodeProperty().get()).as("nothing to filter to").isEqualTo("CN");
    }

    @Test
    void aLiveRefreshIsQuietAndStampsTheTime() {
        QueuedUiExecutor executor = QueuedUiExecutor.queued();
        DashboardViewModel vm = viewModel(executor);
        vm.refreshQuietly();
        assertThat(vm.busyProperty().get()).as("no busy flicker every two seconds").isFalse();
        executor.runAll();
        assertThat(vm.lastUpdatedProperty().get()).isEqualTo(clock.instant());
        assertThat(vm.tiles()).hasSize(28);
    }

    @Test
    void aTypedRangeIsAPeriodToo() {
        DashboardViewModel vm = viewModel(QueuedUiExecutor.immediate());
        vm.periodTextProperty().set("2022-03-15..2022-05-10");
        assertThat(vm.commitPeriodText()).isTrue();
        assertThat(vm.dataProperty().get().query().period().days()).isEqualTo(57);
        assertThat(vm.panelsProperty().get().denTrend().categories()).hasSize(57);
    }

    private static DashboardPanels.MapTile mapTile(DashboardViewModel vm, String code) {
        return vm.panelsProperty().get().map().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }
}
