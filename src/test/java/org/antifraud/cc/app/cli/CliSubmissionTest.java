package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code submit}, {@code reopen} and {@code submissions}: summaries, states for scripts, one-line errors (exit 2). */
@IntegrationTest
class CliSubmissionTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void init() {
        assertThat(in(dir, "init", "--empty").exitCode()).isZero();
    }

    private static CliRun en(String... args) {
        List<String> all = new ArrayList<>(List.of("--lang", "en"));
        all.addAll(List.of(args));
        return in(dir, all.toArray(String[]::new));
    }

    private static JsonNode state(JsonNode report, String region, String month, String kind) {
        for (JsonNode s : report.get("submissions")) {
            if (s.get("region").asText().equals(region) && s.get("month").asText().equals(month)
                    && s.get("kind").asText().equals(kind)) {
                return s;
            }
        }
        throw new AssertionError("no " + region + " " + month + " " + kind);
    }

    @Test
    void submitAYearReopenAMonthAndListTheStates() throws SQLException {
        CliRun year = en("submit", "--kind", "dens", "--region", "CN-GD", "--period", "2022");
        assertThat(year.exitCode()).as(year.err()).isZero();
        assertThat(year.out().strip()).isEqualTo("submitted 12 months of dens for CN-GD (0 already submitted)");

        CliRun again = en("submit", "--kind", "dens", "--region", "CN-GD,CN-GX", "--period", "2022");
        assertThat(again.out().strip()).isEqualTo("submitted 24 months of dens for CN-GD,CN-GX (12 already submitted)");

        CliRun all = en("submit", "--kind", "cases", "--region", "all", "--period", "2022-06");
        assertThat(all.out().strip()).isEqualTo("submitted 31 months of cases for 31 provinces (0 already submitted)");

        CliRun reopen = en("reopen", "--kind", "dens", "--region", "CN-GD", "--period", "2022-06", "--reason",
                "a den in Foshan came in late");
        assertThat(reopen.exitCode()).as(reopen.err()).isZero();
        assertThat(reopen.out().strip()).isEqualTo("reopened 1 month of dens for CN-GD");

        CliRun json = en("submissions", "--period", "2022", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = json.json();
        assertThat(report.get("submissions")).hasSize(31 * org.antifraud.cc.domain.SubmissionKind.values().length * 12);
        assertThat(state(report, "CN-GD", "2022-05", "dens").get("state").asText()).isEqualTo("submitted");
        assertThat(state(report, "CN-GD", "2022-06", "dens").get("state").asText()).isEqualTo("reopened");
        assertThat(state(report, "CN-GD", "2022-06", "dens").get("reason").asText()).isEqualTo("a den in Foshan came in late");
        assertThat(state(report, "CN-HI", "2022-06", "cases").get("state").asText()).isEqualTo("submitted");
        assertThat(state(report, "CN-HI", "2022-07", "cases").get("state").asText()).isEqualTo("open");
        assertThat(state(report, "CN-HI", "2022-07", "cases").get("changed_by").isNull()).isTrue();

        CliRun table = en("submissions", "--period", "2022-06", "--kind", "dens");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("CN-GD  dens      R", "CN-GX  dens      S", "CN-HI  dens      -",
                "S submitted, R reopened, - open").doesNotContain("cases");

        CliRun zh = in(dir, "--lang", "zh", "submit", "--kind", "warnings", "--region", "CN-GD", "--period", "2022-01");
        assertThat(zh.out()).contains("已报送");

        CliRun verify = in(dir, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("intact");
        try (Connection c = Database.connect(dir, null); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE submission SET state = 'submitted', reason = NULL WHERE region_code = 'CN-GD'"
                    + " AND month_start = DATE '2022-06-01' AND kind = 'dens'");
        }
        CliRun tampered = in(dir, "audit", "verify");
        assertThat(tampered.exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
        assertThat(tampered.out()).contains(
                "submission CN-GD|2022-06|dens: changed outside the application (state, reason)", "NOT intact");
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineOnStderrAndExitTwo(String named, String[] args) {
        en(args).assertBadInput(named);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("den", "submit", "--kind", "den", "--region", "CN-GD", "--period", "2022"),
                bad("CN", "submit", "--kind", "dens", "--region", "CN", "--period", "2022"),
                bad("ZONE-EAST", "submit", "--kind", "dens", "--region", "CN-GD,ZONE-EAST", "--period", "2022"),
                bad("CN-XX", "submit", "--kind", "dens", "--region", "CN-XX", "--period", "2022"),
                bad("2099-01", "submit", "--kind", "dens", "--region", "CN-GD", "--period", "2099-01"),
                bad("2022-Q1", "submit", "--kind", "dens", "--region", "CN-GD", "--period", "2022-Q1"),
                bad("2022-13", "submit", "--kind", "dens", "--region", "CN-GD", "--period", "2022-13"),
                bad("--period", "submit", "--kind", "dens", "--region", "CN-GD"),
                bad("--reason", "reopen", "--kind", "dens", "--region", "CN-GD", "--period", "2021-06"),
                bad("--reason", "reopen", "--kind", "dens", "--region", "CN-GD", "--period", "2021-06", "--reason", "  "),
                bad("1000", "reopen", "--kind", "dens", "--region", "CN-GD", "--period", "2021-06", "--reason",
                        "x".repeat(1001)),
                bad("CN-SC 2021-06 dens is open", "reopen", "--kind", "dens", "--region", "CN-SC", "--period", "2021-06",
                        "--reason", "late"),
                bad("xml", "submissions", "--period", "2022", "--format", "xml"),
                bad("cash", "submissions", "--period", "2022", "--kind", "cash"));
    }

    private static Arguments bad(String named, String... args) {
        return Arguments.of(named, args);
    }
}
