package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.InstructionCell;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V25 and V26 on a database V24 left with entered and demo instructions: the month and day rows are filled from the
 * instructions in the migration, so the instructions' figures never open missing (ADR 0040).
 */
@IntegrationTest
class InstructionCellsMigrationTest {
    private JdbcConnectionPool pool;
    private Connection sql;

    @BeforeEach
    void atV24() throws SQLException {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:v26-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        flyway().target("24").load().migrate();
        sql = pool.getConnection();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(pool).locations(Vendor.H2.migrationLocations().toArray(String[]::new))
                .javaMigrations(new InstructionCellsFill());
    }

    @AfterEach
    void close() throws SQLException {
        sql.close();
        pool.dispose();
    }

    @Test
    void theMonthAndDayRowsAreFilledFromTheInstructions() throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute("""
                    INSERT INTO warning_instruction (id, issued_at, region_code, tier, risk_level, contacted_at, outcome,
                                                     funds_protected)
                    VALUES (RANDOM_UUID(), TIMESTAMP '2022-03-10 08:00:00', 'CN-GD', 'local', 'high',
                            TIMESTAMP '2022-03-10 08:12:00', 'dissuaded', 500.00),
                           (RANDOM_UUID(), TIMESTAMP '2022-03-11 09:00:00', 'CN-GD', 'national', 'low', NULL,
                            'pending', NULL)""");
            s.execute("""
                    INSERT INTO demo_instruction (seq, issued_at, region_code, tier, risk_level, contacted_at, outcome,
                                                  funds_protected)
                    VALUES (1, TIMESTAMP '2022-03-10 10:00:00', 'CN-ZJ', 'local', 'medium',
                            TIMESTAMP '2022-03-10 11:00:00', 'false_alarm', NULL),
                           (2, TIMESTAMP '2022-04-02 10:00:00', 'CN-ZJ', 'local', 'medium', NULL, 'unreachable', NULL)""");
        }

        flyway().load().migrate();

        var cells = new InstructionCellRepository(DSL.using(pool, SQLDialect.H2, new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)));
        assertThat(cells.differences()).isEmpty();
        List<InstructionCell> months = cells.all();
        assertThat(months).extracting(c -> c.regionCode() + " " + c.span().code() + " " + c.tier().code() + "/"
                        + c.risk().code() + (c.synthetic() ? " demo" : "") + " " + c.issued())
                .containsExactlyInAnyOrder("CN-GD 2022-03 local/high 1", "CN-GD 2022-03 national/low 1",
                        "CN-ZJ 2022-03 local/medium demo 1", "CN-ZJ 2022-04 local/medium demo 1");
        assertThat(cells.storedDays(List.of("CN-GD"), LocalDate.of(2022, 3, 10), LocalDate.of(2022, 3, 10), null,
                null)).singleElement().satisfies(c -> {
                    assertThat(c.minutes()).containsEntry(12L, 1L);
                    assertThat(c.funds()).isEqualByComparingTo("500");
                });
        assertThat(cells.all(InstructionCellRepository.Grain.DAY)).hasSize(4);
        try (Statement s = sql.createStatement(); var rs = s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'INSTRUCTION_CELL'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("V24's table is gone").isZero();
        }
    }
}
