package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.CATALOG_ORDER;
import static org.antifraud.cc.app.cli.CliRun.codes;
import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init --empty} and {@code demo --remove}. */
@IntegrationTest
class CliInitDemoTest {
    private static final Pattern REMOVED = Pattern.compile("removed (\\d+) synthetic demo figures");

    @TempDir
    Path tmp;

    @Test
    void initEmptyCreatesACatalogOnlyDatabase() {
        Path dataDir = tmp.resolve("new-dir");

        CliRun init = in(dataDir, "init", "--empty");

        assertThat(init.exitCode()).as("stderr: %s", init.err()).isZero();
        assertThat(init.err()).isEmpty();
        assertThat(dataDir.resolve("command-center.mv.db")).isRegularFile();
        for (String[] key : new String[][]{{"2022", "CN"}, {"2021", "CN"}, {"2022", "CN-GD"}, {"2022-03", "CN"},
                {"2022-Q1", "ZONE-EAST"}}) {
            assertAllUnknown(CliRun.stats(dataDir, key[0], key[1]));
        }
    }

    @Test
    void secondInitEmptyIsRefusedWithOneLine() {
        Path dataDir = tmp.resolve("cc");
        assertThat(in(dataDir, "init", "--empty").exitCode()).isZero();

        CliRun again = in(dataDir, "--lang", "en", "init", "--empty");

        again.assertBadInput("already holds a database (empty)");
        assertAllUnknown(CliRun.stats(dataDir, "2022", "CN"));
    }

    @Test
    void initEmptyIsRefusedOnADataDirThatAlreadyHoldsTheReport() {
        Path dataDir = tmp.resolve("cc");
        assertThat(in(dataDir, "init").exitCode()).isZero();

        in(dataDir, "--lang", "en", "init", "--empty").assertBadInput("already holds a database (report+demo)");

        assertThat(indicator(CliRun.stats(dataDir, "2022", "CN"), "dens_destroyed").get("value").asInt()).isEqualTo(1800);
    }

    @Test
    void demoRemoveDeletesTheSyntheticFiguresAndKeepsTheReported() {
        Path dataDir = tmp.resolve("cc");
        JsonNode provinceBefore = CliRun.stats(dataDir, "2022", "CN-GD"); // first use loads report + demo
        assertThat(indicator(provinceBefore, "dens_destroyed").get("basis").asText()).isEqualTo("synthetic-demo");
        JsonNode nationBefore = CliRun.stats(dataDir, "2022", "CN");
        assertThat(indicator(nationBefore, "cases_solved").get("value").isNumber()).isTrue();

        CliRun remove = in(dataDir, "demo", "--remove");

        assertThat(remove.exitCode()).as("stderr: %s", remove.err()).isZero();
        assertThat(remove.err()).isEmpty();
        Matcher m = REMOVED.matcher(remove.out().strip());
        assertThat(m.matches()).as(remove.out()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThan(1000);

        assertAllUnknown(CliRun.stats(dataDir, "2022", "CN-GD"));
        assertAllUnknown(CliRun.stats(dataDir, "2022-03", "CN"));
        JsonNode nation = CliRun.stats(dataDir, "2022", "CN");
        assertThat(indicator(nation, "dens_destroyed").get("value").asInt()).isEqualTo(1800);
        assertThat(indicator(nation, "dens_destroyed").get("basis").asText()).isEqualTo("reported");
        assertThat(indicator(nation, "calls_intercepted").get("value").asLong()).isEqualTo(1_820_000_000L);
        assertThat(indicator(nation, "suspects_arrested").get("change_pct").decimalValue())
                .isEqualByComparingTo("64.4");
        // figures that only the demo gave are gone
        assertThat(indicator(nation, "cases_solved").get("value").isNull()).isTrue();
        for (JsonNode i : nation.get("indicators")) {
            assertThat(i.get("basis").asText("")).isNotEqualTo("synthetic-demo");
        }

        CliRun again = in(dataDir, "demo", "--remove");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).isEqualTo("removed 0 synthetic demo figures");
    }

    @Test
    void demoWithoutRemoveIsBadInputAndRemovesNothing() {
        Path dataDir = tmp.resolve("cc");
        JsonNode before = CliRun.stats(dataDir, "2022", "CN-GD");

        in(dataDir, "demo").assertBadInput("--remove");

        assertThat(CliRun.stats(dataDir, "2022", "CN-GD")).isEqualTo(before);
    }

    @Test
    void initWithoutEmptyLoadsTheReportOnce() {
        Path dataDir = tmp.resolve("cc");

        CliRun init = in(dataDir, "init");
        CliRun again = in(dataDir, "init");

        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).contains("with the 2022 report");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already initialised");
        assertThat(Files.exists(dataDir.resolve("command-center.mv.db"))).isTrue();
        assertThat(indicator(CliRun.stats(dataDir, "2022", "CN"), "sms_intercepted").get("value").asLong())
                .isEqualTo(2_150_000_000L);
    }

    static void assertAllUnknown(JsonNode report) {
        assertThat(codes(report)).containsExactlyElementsOf(CATALOG_ORDER);
        for (JsonNode i : report.get("indicators")) {
            for (String field : new String[]{"value", "qualifier", "basis", "previous", "change_pct", "change_basis"}) {
                assertThat(i.get(field).isNull()).as("%s of %s", field, i).isTrue();
            }
        }
    }
}
