package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db postgresql://…} (issue 15): the same four CSV files, thousands of rows, imported by the command line
 * into a workstation's own H2 and into a shared PostgreSQL give the same {@code stats} for every kind of period and
 * region; a bad address is bad input, and a schema newer than the application is refused.
 */
@IntegrationTest
class CliSharedDatabaseTest {
    private static final List<String> PROVINCES = List.of("CN-GD", "CN-ZJ", "CN-FJ", "CN-SC", "CN-XZ", "CN-BJ");
    @TempDir
    static Path tmp;
    private static String shared;
    private static Path h2Dir;
    private static Path pgDir;

    private static CliRun onH2(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", h2Dir.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private static CliRun onPostgres(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", pgDir.toString(), "--db", shared));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @BeforeAll
    static void importTheSameFilesIntoBoth() throws IOException {
        shared = SharedPostgres.newDatabase("cli").toString();
        h2Dir = tmp.resolve("h2");
        pgDir = tmp.resolve("workstation");
        List<Path> files = files(new SplittableRandom(20_221_230L));
        for (boolean postgres : new boolean[]{false, true}) {
            CliRun init = postgres ? onPostgres("init") : onH2("init");
            assertThat(init.exitCode()).as(init.err()).isZero();
            for (Path file : files) {
                CliRun imported = postgres ? onPostgres("import", file.toString()) : onH2("import", file.toString());
                assertThat(imported.exitCode()).as(file + ": " + imported.err()).isZero();
            }
        }
    }

    /** Cases, den takedowns, warning batches and day figures over 2021-2022 in six provinces. */
    private static List<Path> files(SplittableRandom random) throws IOException {
        LocalDate first = LocalDate.of(2021, 1, 1);
        Path cases = tmp.resolve("cases.csv");
        Path dens = tmp.resolve("dens.csv");
        Path warnings = tmp.resolve("warnings.csv");
        Path measurements = tmp.resolve("measurements.csv");
        try (BufferedWriter c = Files.newBufferedWriter(cases, StandardCharsets.UTF_8);
             BufferedWriter d = Files.newBufferedWriter(dens, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(warnings, StandardCharsets.UTF_8);
             BufferedWriter m = Files.newBufferedWriter(measurements, StandardCharsets.UTF_8)) {
            c.write("id,case_number,registered_on,region,fraud_type,loss,recovered,status\n");
            d.write("id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note\n");
            w.write("id,date,region,channel,warnings,persons_dissuaded,funds_intercepted\n");
            m.write("indicator,region,period,value,note\n");
            String[] types = {"order_brushing", "fake_investment", "fake_loan", "romance", "other"};
            String[] channels = {"local_warning", "sms_12381", "app", "phone_call", "visit"};
            for (int i = 0; i < 800; i++) {
                String region = PROVINCES.get(random.nextInt(PROVINCES.size()));
                LocalDate day = first.plusDays(random.nextInt(730));
                long loss = 1_000 + random.nextInt(2_000_000);
                c.write(uuid(random) + ",PT-" + i + "," + day + "," + region + "," + types[random.nextInt(types.length)]
                        + "," + loss + "," + random.nextLong(loss) + "," + (random.nextBoolean() ? "open" : "solved")
                        + "\n");
            }
            for (int i = 0; i < 300; i++) {
                d.write(uuid(random) + "," + first.plusDays(random.nextInt(730)) + ","
                        + PROVINCES.get(random.nextInt(PROVINCES.size())) + ",,,," + random.nextInt(40) + ","
                        + random.nextInt(30) + "," + random.nextInt(500) + "," + random.nextInt(300) + ",\n");
                w.write(uuid(random) + "," + first.plusDays(random.nextInt(730)) + ","
                        + PROVINCES.get(random.nextInt(PROVINCES.size())) + "," + channels[random.nextInt(channels.length)]
                        + "," + (1_000 + random.nextInt(50_000)) + "," + random.nextInt(500) + ","
                        + random.nextInt(3_000_000) + "\n");
            }
            for (String region : PROVINCES) {
                for (int day = 0; day < 730; day += 5) {
                    m.write("publicity_sessions," + region + "," + first.plusDays(day) + "," + random.nextInt(90)
                            + ",parity\n");
                }
            }
        }
        return List.of(cases, dens, warnings, measurements);
    }

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Test
    void everyPeriodAndRegionHasTheSameFiguresOnPostgreSqlAsOnH2() {
        int figures = 0;
        for (String period : List.of("2022", "2021", "2022-Q2", "2021-11", "2022-02-28", "2021-12-20..2022-01-10")) {
            for (String region : List.of("CN", "ZONE-SOUTH", "CN-GD", "CN-XZ", "CN-HL")) {
                JsonNode expected = stats(onH2("stats", "--period", period, "--region", region, "--format", "json"));
                JsonNode actual = stats(onPostgres("stats", "--period", period, "--region", region, "--format", "json"));
                assertThat(actual).as(period + " " + region).isEqualTo(expected);
                figures += expected.get("indicators").size();
            }
        }
        assertThat(figures).isGreaterThan(500);
        JsonNode year = stats(onPostgres("stats", "--period", "2022", "--region", "CN-GD", "--format", "json"));
        assertThat(CliRun.indicator(year, "cases_registered").get("value").asLong())
                .as("the imported cases are counted, not only the report").isPositive();
    }

    private static JsonNode stats(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void aBadAddressIsBadInputNamingIt() {
        run("--data-dir", tmp.resolve("bad").toString(), "--db", "postgresql://host/cc?password=x", "stats",
                "--period", "2022").assertBadInput("postgresql://host/cc?password=x");
    }

    @Test
    void aSchemaMigratedByANewerVersionIsRefusedInOneLine() throws Exception {
        SharedDatabase newer = SharedPostgres.newDatabase("newer");
        Path desk = tmp.resolve("newer-desk");
        assertThat(run("--data-dir", desk.toString(), "--db", newer.toString(), "init", "--empty").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + newer.host() + ":" + newer.port() + "/"
                + newer.database(), newer.user(), ""); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 0, 'postgres', 0, TRUE)");
        }

        run("--data-dir", desk.toString(), "--lang", "en", "--db", newer.toString(), "stats", "--period", "2022")
                .assertBadInput("newer schema");
    }

    @Test
    void aServerThatDoesNotAnswerIsOneLine() {
        run("--data-dir", tmp.resolve("none").toString(), "--db", "postgresql://127.0.0.1:1/cc?user=li", "stats",
                "--period", "2022").assertBadInput("postgresql://127.0.0.1:1/cc?user=li");
    }
}
