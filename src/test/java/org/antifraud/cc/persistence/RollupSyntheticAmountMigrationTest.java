package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Period;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V14 on a database that V13 left with rollups of a scale demo and real cases sharing cells: every cell gets its
 * synthetic part, mixed ones from the raw rows, and the column ends NOT NULL.
 */
@IntegrationTest
class RollupSyntheticAmountMigrationTest {
    private String url;
    private JdbcConnectionPool pool;
    private Connection sql;

    @BeforeEach
    void atV13() throws SQLException {
        url = "jdbc:h2:mem:v14-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // a pool as Database has: H2 ties the constant sets of CHECK constraints to the session that created them,
        // and a session Flyway opened and closed itself makes them fail later
        pool = JdbcConnectionPool.create(url, "sa", "");
        Flyway.configure().dataSource(pool).locations(Vendor.H2.migrationLocations().toArray(String[]::new)).target("13").load().migrate();
        sql = pool.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        sql.close();
        pool.dispose();
    }

    @Test
    void mixedCellsAreSplitFromTheRawRowsAndEveryOtherCellByItself() throws SQLException {
        execute("""
                INSERT INTO demo_case (seq, case_number, registered_on, region_code, fraud_type, loss, recovered, status)
                VALUES (1, 'D-1', DATE '2023-02-20', 'CN-GD', 'romance', 100.10, 0, 'solved'),
                       (2, 'D-2', DATE '2023-02-20', 'CN-GD', 'romance', 200.20, 0, 'open'),
                       (3, 'D-3', DATE '2023-01-15', 'CN-GD', 'romance', 10.00, 0, 'open')""");
        execute("""
                INSERT INTO fraud_case (id, case_number, registered_on, region_code, fraud_type, loss, recovered, status,
                                        basis)
                VALUES (RANDOM_UUID(), 'R-1', DATE '2023-02-20', 'CN-GD', 'fake_loan', 1000.50, 0, 'solved', 'computed'),
                       (RANDOM_UUID(), 'R-2', DATE '2023-02-03', 'CN-GD', 'fake_loan', 50.00, 0, 'open', 'computed')""");
        rollUpAsV13Did();
        // a mixed cell that no raw row is behind any more (changed by hand): nothing synthetic by the raw rows
        execute("""
                INSERT INTO rollup_day (indicator_code, region_code, fact_day, campaign_code, amount, fact_count,
                                        synthetic_count)
                VALUES ('cases_registered', 'CN-ZJ', DATE '2023-02-20', '', 2, 2, 1)""");

        try (Database database = Database.openUrl(url, "test")) {
            Map<String, String> cells = described(database.repositories().facts().fromRollups(
                    List.of("cases_registered", "property_loss", "cases_solved"), List.of("CN-GD", "CN-ZJ"),
                    CellPlan.of(List.of(Period.parse("2023"), Period.parse("2023-02"), Period.parse("2023-02-20"),
                            Period.parse("2023-01-15"), Period.parse("2023-02-11..2023-02-21"))), null));

            assertThat(cells).containsEntry("property_loss|CN-GD|2023-02-20", "real 1000.50 demo 300.30")
                    .containsEntry("property_loss|CN-GD|2023-02", "real 1050.50 demo 300.30")
                    .containsEntry("property_loss|CN-GD|2023", "real 1050.50 demo 310.30")
                    .containsEntry("property_loss|CN-GD|span:2023-02-11..2023-02-21", "real 1000.50 demo 300.30")
                    .containsEntry("property_loss|CN-GD|2023-01-15", "real - demo 10.00")
                    .containsEntry("cases_registered|CN-GD|2023", "real 2.00 demo 3.00")
                    .containsEntry("cases_solved|CN-GD|2023-02-20", "real 1.00 demo 1.00")
                    .containsEntry("cases_registered|CN-ZJ|2023-02-20", "real 2.00 demo 0.00");
            List<String> migrated = RollupRows.of(sql);
            database.transaction(repos -> {
                repos.rollups().rebuild();
                return null;
            });
            // a rebuild knows no stale cell; every other cell is as V14 split it
            assertThat(RollupRows.of(sql)).isEqualTo(migrated.stream().filter(r -> !r.contains("CN-ZJ")).toList());
            try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT COUNT(*) FROM information_schema.columns
                     WHERE LOWER(column_name) = 'synthetic_amount' AND is_nullable = 'NO'""")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
    }

    /** The rollups of the cases as RollupRepository.rebuild() computed them before V14. */
    private void rollUpAsV13Did() throws SQLException {
        execute("""
                INSERT INTO rollup_day (indicator_code, region_code, fact_day, campaign_code, amount, fact_count,
                                        synthetic_count)
                SELECT indicator_code, region_code, fact_day, '', SUM(amount), SUM(n), SUM(s) FROM (
                    SELECT 'cases_registered' AS indicator_code, region_code, registered_on AS fact_day, 1 AS amount,
                           1 AS n, CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END AS s FROM fraud_case
                    UNION ALL
                    SELECT 'property_loss', region_code, registered_on, loss, 1,
                           CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END FROM fraud_case
                    UNION ALL
                    SELECT 'cases_solved', region_code, registered_on, 1, 1,
                           CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END FROM fraud_case WHERE status = 'solved'
                    UNION ALL
                    SELECT 'cases_registered', region_code, registered_on, 1, 1, 1 FROM demo_case
                    UNION ALL
                    SELECT 'property_loss', region_code, registered_on, loss, 1, 1 FROM demo_case
                    UNION ALL
                    SELECT 'cases_solved', region_code, registered_on, 1, 1, 1 FROM demo_case WHERE status = 'solved'
                ) f GROUP BY indicator_code, region_code, fact_day""");
        execute("""
                INSERT INTO rollup_ten_days (indicator_code, region_code, period_start, campaign_code, amount, fact_count,
                                             synthetic_count)
                SELECT indicator_code, region_code, DATEADD(DAY, CASE WHEN EXTRACT(DAY FROM fact_day) <= 10 THEN 1
                           WHEN EXTRACT(DAY FROM fact_day) <= 20 THEN 11 ELSE 21 END - EXTRACT(DAY FROM fact_day), fact_day),
                       campaign_code, SUM(amount), SUM(fact_count), SUM(synthetic_count)
                  FROM rollup_day
                 GROUP BY indicator_code, region_code, DATEADD(DAY, CASE WHEN EXTRACT(DAY FROM fact_day) <= 10 THEN 1
                           WHEN EXTRACT(DAY FROM fact_day) <= 20 THEN 11 ELSE 21 END - EXTRACT(DAY FROM fact_day), fact_day),
                       campaign_code""");
        execute("""
                INSERT INTO rollup_month (indicator_code, region_code, month_start, campaign_code, amount, fact_count,
                                          synthetic_count)
                SELECT indicator_code, region_code, DATEADD(DAY, 1 - EXTRACT(DAY FROM fact_day), fact_day), campaign_code,
                       SUM(amount), SUM(fact_count), SUM(synthetic_count)
                  FROM rollup_day
                 GROUP BY indicator_code, region_code, DATEADD(DAY, 1 - EXTRACT(DAY FROM fact_day), fact_day), campaign_code""");
        execute("""
                INSERT INTO rollup_year (indicator_code, region_code, year_no, campaign_code, amount, fact_count,
                                         synthetic_count)
                SELECT indicator_code, region_code, EXTRACT(YEAR FROM month_start), campaign_code,
                       SUM(amount), SUM(fact_count), SUM(synthetic_count)
                  FROM rollup_month
                 GROUP BY indicator_code, region_code, EXTRACT(YEAR FROM month_start), campaign_code""");
    }

    private void execute(String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }

    private static Map<String, String> described(List<FactCell> cells) {
        Map<String, String> described = new TreeMap<>();
        for (FactCell c : cells) {
            described.put(c.indicatorCode() + '|' + c.regionCode() + '|' + c.periodCode(),
                    "real " + plain(c.real()) + " demo " + plain(c.demo()));
        }
        return described;
    }

    private static String plain(Figure f) {
        return f.isKnown() ? f.value().setScale(2).toPlainString() : "-";
    }
}
