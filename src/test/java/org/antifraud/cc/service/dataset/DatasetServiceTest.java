package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.antifraud.cc.service.figures.StatsService;

/** The report and the synthetic demo breakdown as the default dataset, on a real H2 migrated by Flyway. */
@IntegrationTest
class DatasetServiceTest {
    private static final Instant NOW = Instant.parse("2023-01-02T03:04:05Z");
    private static final List<String> CHANGES_ONLY = List.of("suspects_arrested", "cases_registered", "property_loss");

    private Database database;
    private Catalog catalog;
    private DatasetService datasets;
    private StatsService stats;

    @BeforeEach
    void openDatabase() {
        database = Database.openUrl("jdbc:h2:mem:dataset-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        catalog = database.repositories().catalog().load();
        datasets = new DatasetService(database, Clock.fixed(NOW, ZoneOffset.UTC));
        stats = new StatsService(database, catalog);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void initialiseIfNewStoresEveryFigureOfTheReportAtCn2022AsReported() throws IOException {
        assertThat(datasets.initialiseIfNew()).isTrue();

        List<Measurement> reported = stored(Set.of("CN"), Period.parse("2022")).stream()
                .filter(m -> m.basis() == Basis.REPORTED).toList();
        List<CSVRecord> rows = reportRows();
        assertThat(rows).hasSize(17);
        assertThat(reported).hasSize(17);
        for (CSVRecord row : rows) {
            assertThat(reported).as(row.get("indicator")).anySatisfy(m -> {
                assertThat(m.indicatorCode()).isEqualTo(row.get("indicator"));
                assertThat(m.regionCode()).isEqualTo("CN");
                assertThat(m.period().code()).isEqualTo("2022");
                assertThat(m.campaignCode()).isEqualTo(row.get("campaign").isEmpty() ? null : row.get("campaign"));
                assertThat(m.value()).isEqualTo(decimalOrNull(row.get("value"), m.value()));
                assertThat(m.changePct()).isEqualTo(decimalOrNull(row.get("change_pct"), m.changePct()));
                assertThat(m.qualifier()).isEqualTo(row.get("qualifier").isEmpty() ? null
                        : Qualifier.fromCode(row.get("qualifier")));
                assertThat(m.source().title()).isEqualTo(row.get("source"));
                assertThat(m.source().sentence()).isEqualTo(row.get("sentence"));
            });
        }
    }

    @Test
    void theThreeReportedChangesAreStoredWithoutAValue() {
        datasets.initialiseIfNew();

        Map<String, Measurement> changes = stored(Set.of("CN"), Period.parse("2022")).stream()
                .filter(m -> CHANGES_ONLY.contains(m.indicatorCode()))
                .collect(Collectors.toMap(Measurement::indicatorCode, Function.identity()));

        assertThat(changes).containsOnlyKeys(CHANGES_ONLY);
        assertThat(changes.values()).allSatisfy(m -> assertThat(m.value()).isNull());
        assertThat(changes.get("suspects_arrested").changePct()).isEqualByComparingTo("64.4");
        assertThat(changes.get("cases_registered").changePct()).isEqualByComparingTo("-17.3");
        assertThat(changes.get("property_loss").changePct()).isEqualByComparingTo("-1.3");
    }

    @Test
    void aSecondInitialiseIfNewLoadsNothing() {
        datasets.initialiseIfNew();
        int figures = database.repositories().measurements().count();

        assertThat(datasets.initialiseIfNew()).isFalse();
        assertThat(database.repositories().measurements().count()).isEqualTo(figures);
    }

    @Test
    void initialiseIfNewRecordsWhenTheDataChanged() {
        assertThat(datasets.dataChangedAt()).isEmpty();

        datasets.initialiseIfNew();

        assertThat(datasets.dataChangedAt()).contains(NOW);
        assertThat(datasets.latestYear()).contains(2022);
    }

    @Test
    void theDemoBreakdownAddsUpExactlyToEachReportedNationalTotal() {
        datasets.initialiseIfNew();
        Set<String> provinces = provinceCodes();
        List<Measurement> all = stored(allRegionCodes(), Period.parse("2022"));
        List<Measurement> nationalTotals = all.stream()
                .filter(m -> m.basis() == Basis.REPORTED && m.hasValue()).toList();
        assertThat(nationalTotals).hasSize(14);

        for (Measurement total : nationalTotals) {
            BigDecimal demoSum = all.stream()
                    .filter(m -> m.basis() == Basis.SYNTHETIC_DEMO && m.indicatorCode().equals(total.indicatorCode()))
                    .filter(m -> provinces.contains(m.regionCode()))
                    .map(Measurement::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(demoSum).as(total.indicatorCode()).isEqualByComparingTo(total.value());
        }
    }

    @Test
    void theProvincesDensDestroyedIn2022AddUpTo1800ByTheRule() {
        datasets.initialiseIfNew();

        BigDecimal sum = BigDecimal.ZERO;
        for (String province : provinceCodes()) {
            IndicatorStat s = stat("dens_destroyed", province, "2022");
            assertThat(s.value().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
            sum = sum.add(s.value().value());
        }

        assertThat(sum).isEqualByComparingTo("1800");
    }

    @Test
    void theDemoBreakdownCarriesTheReportedCampaign() {
        datasets.initialiseIfNew();

        List<Measurement> ringleaders = stored(provinceCodes(), Period.parse("2022")).stream()
                .filter(m -> m.indicatorCode().equals("ringleaders_arrested") && m.basis() == Basis.SYNTHETIC_DEMO)
                .toList();

        assertThat(ringleaders).isNotEmpty().allSatisfy(m -> assertThat(m.campaignCode()).isEqualTo("nail_pulling"));
    }

    @Test
    void warningsReportedAsOfNovemberAreBrokenDownOverJanuaryToNovemberOnly() {
        datasets.initialiseIfNew();

        Set<Integer> months = stored(provinceCodes(), Period.parse("2022")).stream()
                .filter(m -> m.indicatorCode().equals("warning_instructions_issued"))
                .filter(m -> m.basis() == Basis.SYNTHETIC_DEMO)
                .map(m -> m.period().start().getMonthValue()).collect(Collectors.toSet());

        assertThat(months).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(stat("warning_instructions_issued", "CN-GD", "2022-12").value().isKnown()).isFalse();
    }

    @Test
    void noDemoFigureStandsBehindAReportedPercentage() {
        datasets.initialiseIfNew();

        List<Measurement> behindChanges = stored(allRegionCodes(), Period.parse("2021")).stream()
                .filter(m -> CHANGES_ONLY.contains(m.indicatorCode())).toList();
        List<Measurement> behindChanges2022 = stored(allRegionCodes(), Period.parse("2022")).stream()
                .filter(m -> CHANGES_ONLY.contains(m.indicatorCode()) && m.basis() != Basis.REPORTED).toList();

        assertThat(behindChanges).isEmpty();
        assertThat(behindChanges2022).isEmpty();
    }

    @Test
    void theNationalStatsFor2022AreTheReportsFigures() {
        datasets.initialiseIfNew();

        Map<String, IndicatorStat> national = service2022Cn();

        IndicatorStat dens = national.get("dens_destroyed");
        assertThat(dens.value().value()).isEqualByComparingTo("1800");
        assertThat(dens.value().qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(dens.value().basis()).isEqualTo(Basis.REPORTED);
        assertThat(dens.previous().value()).isNull();
        assertThat(dens.change()).isNull();

        IndicatorStat suspects = national.get("suspects_arrested");
        assertThat(suspects.value().value()).isNull();
        assertThat(suspects.change().pct()).isEqualByComparingTo("64.4");
        assertThat(suspects.change().basis()).isEqualTo(Basis.REPORTED);

        assertThat(national.get("cases_registered").change().pct()).isEqualByComparingTo("-17.3");
        assertThat(national.get("property_loss").change().pct()).isEqualByComparingTo("-1.3");
        assertThat(national.get("ringleaders_arrested").value().value()).isEqualByComparingTo("240");
        assertThat(national.get("warning_instructions_issued").value().value()).isEqualByComparingTo("200000000");
        assertThat(national.get("calls_intercepted").value().value()).isEqualByComparingTo("1820000000");
        assertThat(national.get("sms_intercepted").value().value()).isEqualByComparingTo("2150000000");
        assertThat(national.get("calls_intercepted").value().basis()).isEqualTo(Basis.REPORTED);
    }

    @Test
    void indicatorsTheReportDoesNotQuantifyAreSyntheticAtTheNationalLevel() {
        datasets.initialiseIfNew();

        IndicatorStat solved = service2022Cn().get("cases_solved");

        assertThat(solved.value().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
        assertThat(solved.previous().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
        assertThat(solved.change().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
    }

    @Test
    void removeDemoDeletesEverySyntheticFigureAndKeepsTheReport() {
        datasets.initialiseIfNew();
        int demo = datasets.demoFigureCount();
        assertThat(demo).isPositive();

        assertThat(datasets.removeDemo()).isEqualTo(demo);

        assertThat(datasets.demoFigureCount()).isZero();
        assertThat(database.repositories().measurements().countByBasis(Basis.REPORTED)).isEqualTo(17);
        assertThat(database.repositories().measurements().count()).isEqualTo(17);
        assertThat(stat("dens_destroyed", "CN-GD", "2022").value().isKnown()).isFalse();
        assertThat(stat("cases_solved", "CN", "2022").value().isKnown()).isFalse();
        assertThat(stat("dens_destroyed", "CN", "2022").value().value()).isEqualByComparingTo("1800");
    }

    @Test
    void removeDemoTwiceRemovesNothingTheSecondTime() {
        datasets.initialiseIfNew();
        datasets.removeDemo();

        assertThat(datasets.removeDemo()).isZero();
    }

    @Test
    void initialiseEmptyLeavesEveryValueUnknown() {
        datasets.initialiseEmpty();

        assertThat(database.repositories().measurements().count()).isZero();
        assertThat(service2022Cn().values()).hasSize(catalog.indicators().size()).allSatisfy(s -> {
            assertThat(s.value().value()).isNull();
            assertThat(s.previous().value()).isNull();
            assertThat(s.change()).isNull();
        });
    }

    @Test
    void anEmptyDatabaseIsNotFilledOnTheNextStart() {
        datasets.initialiseEmpty();

        assertThat(datasets.initialiseIfNew()).isFalse();
        assertThat(database.repositories().measurements().count()).isZero();
    }

    @Test
    void aSecondInitialiseEmptyIsAProblem() {
        datasets.initialiseEmpty();

        assertThatThrownBy(() -> datasets.initialiseEmpty())
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("already_initialised"));
    }

    @Test
    void initialiseEmptyAfterTheReportIsAProblemAndChangesNothing() {
        datasets.initialiseIfNew();
        int figures = database.repositories().measurements().count();

        assertThatThrownBy(() -> datasets.initialiseEmpty())
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("already_initialised"));
        assertThat(database.repositories().measurements().count()).isEqualTo(figures);
    }

    @Test
    void theDemoBreakdownIsTheSameForTheSameSeed() {
        List<Measurement> report = ReportDataset.load();

        List<Measurement> first = DemoBreakdown.generate(report, 42L);
        List<Measurement> second = DemoBreakdown.generate(report, 42L);

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void theDemoBreakdownDiffersForAnotherSeed() {
        List<Measurement> report = ReportDataset.load();

        assertThat(DemoBreakdown.generate(report, 42L)).isNotEqualTo(DemoBreakdown.generate(report, 43L));
    }

    @Test
    void everyDemoFigureIsASyntheticProvinceMonth() {
        List<Measurement> demo = DemoBreakdown.generate(ReportDataset.load(), DemoBreakdown.DEFAULT_SEED);
        Set<String> provinces = provinceCodes();

        assertThat(demo).allSatisfy(m -> {
            assertThat(m.basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
            assertThat(provinces).contains(m.regionCode());
            assertThat(m.period().granularity()).isEqualTo(Granularity.MONTH);
            assertThat(m.period().start().getYear()).isIn(2021, 2022);
            assertThat(m.value().signum()).isNotNegative();
        });
    }

    // --- helpers

    private Map<String, IndicatorStat> service2022Cn() {
        return stats.stats(new StatsQuery(Period.parse("2022"), "CN", null)).indicators().stream()
                .collect(Collectors.toMap(s -> s.indicator().code(), Function.identity()));
    }

    private IndicatorStat stat(String indicator, String region, String period) {
        return stats.stats(new StatsQuery(Period.parse(period), region, null), List.of(indicator))
                .indicators().getFirst();
    }

    private List<Measurement> stored(Set<String> regions, Period period) {
        Set<String> indicators = catalog.indicators().stream().map(Indicator::code).collect(Collectors.toSet());
        return database.repositories().measurements().findWithin(indicators, regions, List.of(period), null);
    }

    private Set<String> provinceCodes() {
        Set<String> codes = catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(Region::code)
                .collect(Collectors.toSet());
        assertThat(codes).hasSize(31);
        return codes;
    }

    private Set<String> allRegionCodes() {
        return catalog.regions().stream().map(Region::code).collect(Collectors.toSet());
    }

    /** The expected decimal at the stored scale, so that 1800 and 1800.00 compare equal by {@code equals}. */
    private static BigDecimal decimalOrNull(String text, BigDecimal stored) {
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal expected = new BigDecimal(text);
        return stored == null ? expected : expected.setScale(stored.scale());
    }

    private static List<CSVRecord> reportRows() throws IOException {
        try (InputStream in = DatasetServiceTest.class.getResourceAsStream("/db/data/report-2022.csv")) {
            assertThat(in).isNotNull();
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        }
    }
}
