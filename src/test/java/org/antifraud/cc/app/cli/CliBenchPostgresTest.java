package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench dashboard} and {@code bench import} with {@code --db} on a real PostgreSQL, at a tiny scale: they run,
 * say PostgreSQL, and end with a well-formed JSON line. No timing is asserted (the machine decides that).
 */
@IntegrationTest
class CliBenchPostgresTest {
    @TempDir
    static Path tmp;
    private static String shared;

    private static CliRun onPostgres(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", tmp.resolve("desk").toString(), "--db", shared));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private static JsonNode lastLine(CliRun run) {
        return new CliRun(null, run.out().lines().toList().getLast(), "").json();
    }

    @BeforeAll
    static void aSmallScaleDemo() {
        shared = SharedPostgres.newDatabase("bench").toString();
        CliRun init = onPostgres("db", "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        CliRun demo = onPostgres("demo", "--scale", "3000", "--seed", "15");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @Test
    void dashboardRunsOnPostgreSqlAndAgreesWithTheNaiveGroupBy() {
        CliRun run = onPostgres("bench", "dashboard", "--states", "12", "--rounds", "1", "--naive", "4", "--settle",
                "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("database: PostgreSQL postgresql://").contains("naive GROUP BY over raw rows");
        JsonNode json = lastLine(run);
        assertThat(json.get("bench").asText()).isEqualTo("dashboard");
        assertThat(json.get("vendor").asText()).isEqualTo("postgresql");
        assertThat(json.get("states").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(json.get("naive_states").asInt()).isEqualTo(4);
        assertThat(json.get("identical").asBoolean()).isTrue();
        assertThat(json.get("median_ms").asDouble()).isPositive();
        // measured again after at most two more warm-up rounds
        assertThat(json.get("settle_rounds").asInt()).isBetween(1, 2);
        assertThat(json.get("settled_median_ms").asDouble()).isPositive();
        assertThat(run.out()).contains("settled (after ");
    }

    @Test
    void importRunsBesideCopyOnceAndThenAsksForADatabaseOfItsOwn() {
        CliRun run = onPostgres("bench", "import", "--rows", "2000", "--runs", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("database: PostgreSQL", "run 1: import", "run 1: PostgreSQL COPY",
                "ratio import / COPY");
        JsonNode json = lastLine(run);
        assertThat(json.get("bench").asText()).isEqualTo("import");
        assertThat(json.get("vendor").asText()).isEqualTo("postgresql");
        assertThat(json.get("rows").asLong()).isEqualTo(2000);
        assertThat(json.get("runs").asInt()).isEqualTo(1);
        assertThat(json.get("rows_per_s").asDouble()).isPositive();
        assertThat(json.get("copy_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("ratio").asDouble()).isPositive();
        CliRun stats = onPostgres("stats", "--period", "1901-01", "--format", "json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();

        CliRun again = onPostgres("bench", "import", "--rows", "2000", "--runs", "1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("a database of its own").doesNotContain("Exception");
    }
}
