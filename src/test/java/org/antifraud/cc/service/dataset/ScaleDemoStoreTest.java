package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.persistence.RollupRows;
import org.antifraud.cc.service.figures.CaseFacts;
import org.antifraud.cc.service.figures.CellSource;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.service.figures.StatsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scale demo written to a private in-memory H2 (2021-2022 and one daily indicator, to keep it quick):
 * what is stored, the rollups against a rebuild, replacing and removing it.
 */
@IntegrationTest
class ScaleDemoStoreTest {
    private static final long CASES = 5_000;
    private static final List<String> INDICATORS = List.of("suspects_arrested");
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");

    private MemoryStore store;
    private Database database;
    private DatasetService datasets;
    private Connection sql;

    @BeforeEach
    void open() throws SQLException {
        store = MemoryStore.open("scale");
        database = store.database();
        sql = store.sql();
        datasets = new DatasetService(database, Clock.fixed(NOW, ZoneOffset.UTC));
        datasets.initialiseIfNew(); // the report and the small demo breakdown, which the scale demo replaces
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
    }

    private static ScaleDemo demo(long seed) {
        return new ScaleDemo(CASES, seed, ReportDataset.load(), 2021, INDICATORS);
    }

    @Test
    void storesExactlyWhatTheGeneratorGivesAndReplacesTheSmallBreakdown() throws SQLException {
        List<Double> progress = new ArrayList<>();

        DatasetService.ScaleDemoResult result = datasets.generateScaleDemo(demo(7), progress::add);

        assertThat(result.cases()).isEqualTo(CASES);
        ScaleDemoTest.Tally generated = ScaleDemoTest.Tally.of(demo(7));
        assertThat(result.dailyFigures()).as("the indicators' figures and the instructions' daily counts")
                .isEqualTo(generated.figures).isGreaterThan(31L * 730);
        assertThat(result.instructions()).isEqualTo(CASES / 2).isEqualTo(generated.instructions.size());
        assertThat(storedDigest()).isEqualTo(ScaleDemoTest.Tally.of(demo(7)).digest());
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE basis = 'synthetic-demo'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM fraud_case")).isZero();
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE basis = 'reported'")).isEqualTo(17);
        assertThat(datasets.demoFigureCount()).isEqualTo(result.rows());
        assertThat(datasets.dataChangedAt()).contains(NOW);
        assertThat(progress.getFirst()).isZero();
        assertThat(progress.getLast()).isEqualTo(1.0);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)).isGreaterThanOrEqualTo(progress.get(i - 1));
        }
    }

    @Test
    void theRollupsHoldTheReportedChangesAndEqualARebuild() throws SQLException {
        datasets.generateScaleDemo(demo(7), p -> { });

        assertThat(changeOfRollup("cases_registered")).isEqualByComparingTo("-17.3");
        assertThat(changeOfRollup("property_loss")).isEqualByComparingTo("-1.3");
        assertThat(changeOfRollup("suspects_arrested")).isEqualByComparingTo("64.4");
        assertThat(count("SELECT SUM(fact_count) FROM rollup_year WHERE indicator_code = 'cases_registered'"))
                .isEqualTo(CASES);
        assertRollupsEqualARebuild();

        StatsService stats = new StatsService(database, database.repositories().catalog().load());

        IndicatorStat suspects = stats.stats(new StatsQuery(Period.parse("2022"), "CN", null),
                List.of("suspects_arrested")).indicators().getFirst();

        assertThat(suspects.value().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
        assertThat(suspects.change().pct()).isEqualByComparingTo("64.4");
    }

    @Test
    void theDemosInstructionsGiveSyntheticTimedFiguresFromTheirMonthCells() {
        datasets.generateScaleDemo(demo(7), p -> { });
        List<org.antifraud.cc.domain.WarningInstruction> generated = ScaleDemoTest.Tally.of(demo(7)).instructions;
        StatsService stats = new StatsService(database, database.repositories().catalog().load(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        var report = stats.stats(new StatsQuery(Period.parse("2022"), "CN", null),
                List.of("warning_instructions", "dissuasion_rate_pct", "contact_minutes_median"));

        List<org.antifraud.cc.domain.WarningInstruction> of2022 = generated.stream()
                .filter(w -> w.issuedAt().getYear() == 2022).toList();
        long dissuaded = of2022.stream().filter(w -> w.outcome()
                == org.antifraud.cc.domain.InstructionOutcome.DISSUADED).count();
        long decided = of2022.stream().filter(w -> w.outcome()
                != org.antifraud.cc.domain.InstructionOutcome.PENDING).count();
        assertThat(report.indicators()).allSatisfy(st -> assertThat(st.value().basis()).as(st.indicator().code())
                .isEqualTo(Basis.SYNTHETIC_DEMO));
        assertThat(report.indicators().get(0).value().value()).isEqualByComparingTo(BigDecimal.valueOf(of2022.size()));
        assertThat(report.indicators().get(1).value().value()).isEqualByComparingTo(
                BigDecimal.valueOf(dissuaded * 100.0 / decided).setScale(1, java.math.RoundingMode.HALF_UP));
        // the dashboard's board of them is the demo's, and says so
        var board = new org.antifraud.cc.service.figures.DashboardService(database,
                database.repositories().catalog().load(), Clock.fixed(NOW, ZoneOffset.UTC))
                .load(new StatsQuery(Period.parse("2022"), "CN", null)).instructions();
        assertThat(board.isEmpty()).isFalse();
        assertThat(board.synthetic()).isTrue();
        // the month cells written by the demo are what a rebuild from its instructions gives
        var before = database.repositories().instructionCells().all().stream()
                .map(c -> c.key() + c.listsText() + c.issued()).sorted().toList();
        database.transaction(repos -> repos.instructionCells().rebuild());
        assertThat(database.repositories().instructionCells().all().stream()
                .map(c -> c.key() + c.listsText() + c.issued()).sorted().toList())
                .isEqualTo(before).isNotEmpty();
    }

    @Test
    void anotherRunReplacesTheDemoAndTakesItsFactsOutOfTheRollups() throws SQLException {
        long first = datasets.generateScaleDemo(demo(7), p -> { }).rows();

        DatasetService.ScaleDemoResult again = datasets.generateScaleDemo(demo(8), p -> { });

        assertThat(again.replaced()).isEqualTo((int) first);
        assertThat(storedDigest()).isEqualTo(ScaleDemoTest.Tally.of(demo(8)).digest());
        assertRollupsEqualARebuild();
    }

    @Test
    void removeDemoDeletesEveryCaseFigureAndRollupAndKeepsTheReport() throws SQLException {
        long rows = datasets.generateScaleDemo(demo(7), p -> { }).rows();
        assertThat(datasets.hasDemo()).isTrue();

        assertThat(datasets.removeDemo()).isEqualTo((int) rows);

        assertThat(datasets.demoFigureCount()).isZero();
        assertThat(datasets.hasDemo()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM demo_case")).isZero();
        assertThat(count("SELECT COUNT(*) FROM demo_figure")).isZero();
        assertThat(count("SELECT COUNT(*) FROM demo_instruction")).isZero();
        assertThat(count("SELECT COUNT(*) FROM instruction_month")).isZero();
        assertThat(count("SELECT COUNT(*) FROM instruction_day")).isZero();
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE basis = 'synthetic-demo'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE basis = 'reported'")).isEqualTo(17);
        for (String table : new String[]{"rollup_day", "rollup_ten_days", "rollup_month", "rollup_year"}) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(datasets.removeDemo()).isZero();
    }

    @Test
    void subtractingTheDemoFromCellsItSharesWithRecordsLeavesTheRecords() throws SQLException {
        long rows = datasets.generateScaleDemo(demo(7), p -> { }).rows();
        List<FraudCase> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new FraudCase(UUID.randomUUID(), "GD-2022-" + i, LocalDate.of(2022, 3, 1 + i % 28), "CN-GD",
                    FraudType.FAKE_LOAN, new BigDecimal("1000.50"), BigDecimal.ZERO,
                    i % 2 == 0 ? CaseStatus.SOLVED : CaseStatus.OPEN, Basis.COMPUTED));
        }
        storeRecords(records);

        int removed = database.transaction(DatasetService::subtractAndDelete);

        assertThat(removed).isEqualTo((int) rows);
        assertThat(count("SELECT SUM(fact_count) FROM rollup_year WHERE indicator_code = 'cases_registered'")).isEqualTo(50);
        assertThat(count("SELECT SUM(synthetic_count) FROM rollup_day")).isZero();
        assertThat(count("SELECT SUM(amount) FROM rollup_month WHERE indicator_code = 'property_loss'")).isEqualTo(50_025);
        assertRollupsEqualARebuild();
    }

    @Test
    void theDashboardReadsTheSameFiguresFromTheRollupsAsFromTheDemoTablesAndRecords() {
        datasets.generateScaleDemo(demo(7), p -> { });
        List<FraudCase> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new FraudCase(UUID.randomUUID(), "ZJ-2022-" + i, LocalDate.of(2022, 5, 1 + i), "CN-ZJ",
                    FraudType.ROMANCE, new BigDecimal("250.25"), BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED));
        }
        storeRecords(records);
        DashboardService dashboard = new DashboardService(database, database.repositories().catalog().load());

        for (String period : List.of("2022", "2022-05", "2021-12-20..2022-05-10")) {
            for (String region : List.of("CN", "ZONE-EAST", "CN-ZJ")) {
                StatsQuery q = new StatsQuery(Period.parse(period), region, null);
                DashboardData fromRollups = dashboard.load(q, CellSource.ROLLUPS);
                assertThat(fromRollups).as(q.toString())
                        .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(dashboard.load(q, CellSource.RAW_ROWS));
                assertThat(fromRollups.kpi("cases_registered").value().isKnown()).isTrue();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Stores {@code records} as the record service does: the cases and their facts in the rollups. */
    private void storeRecords(List<FraudCase> records) {
        database.transaction(repos -> {
            repos.fraudCases().insertAll(records);
            CaseFacts facts = new CaseFacts();
            records.forEach(facts::add);
            for (String indicator : List.of("cases_registered", "property_loss", "cases_solved")) {
                repos.rollups().add(facts.facts(indicator));
            }
            return null;
        });
    }

    private void assertRollupsEqualARebuild() throws SQLException {
        List<String> kept = RollupRows.of(sql);
        assertThat(kept).isNotEmpty();
        database.transaction(repos -> {
            repos.rollups().rebuild();
            return null;
        });
        assertThat(RollupRows.of(sql)).isEqualTo(kept);
    }

    private BigDecimal changeOfRollup(String indicator) throws SQLException {
        return ScaleDemoTest.change(sumOfYear(indicator, 2022), sumOfYear(indicator, 2021));
    }

    private BigDecimal sumOfYear(String indicator, int year) throws SQLException {
        try (PreparedStatement q = sql.prepareStatement("SELECT SUM(amount) FROM rollup_year WHERE indicator_code = ?"
                + " AND year_no = ? AND region_code LIKE 'CN-%'")) {
            q.setString(1, indicator);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The stored synthetic rows as the generator's lines, in the generator's order (figures by indicator order). */
    private String storedDigest() throws SQLException {
        MessageDigest digest = ScaleDemoTest.Tally.sha256();
        for (String indicator : INDICATORS) {
            try (PreparedStatement q = sql.prepareStatement("SELECT indicator_code, region_code, fact_day, campaign_code, amount"
                    + " FROM demo_figure WHERE indicator_code = ? ORDER BY seq")) {
                q.setString(1, indicator);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        update(digest, String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                                String.valueOf(rs.getString(4)), plain(rs.getBigDecimal(5))));
                    }
                }
            }
        }
        try (Statement s = sql.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, case_number, registered_on, region_code, fraud_type, loss, recovered,"
                     + " status FROM demo_case ORDER BY seq")) {
            while (rs.next()) {
                update(digest, String.join("|", ScaleDemo.caseId(rs.getLong(1)).toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7)), rs.getString(8)));
            }
        }
        // the instructions' daily counts come after the cases
        try (Statement s = sql.createStatement();
             ResultSet rs = s.executeQuery("SELECT indicator_code, region_code, fact_day, campaign_code, amount"
                     + " FROM demo_figure WHERE indicator_code IN ('warning_instructions', 'instructions_dissuaded',"
                     + " 'funds_protected') ORDER BY seq")) {
            while (rs.next()) {
                update(digest, String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getString(4)), plain(rs.getBigDecimal(5))));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private long count(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
