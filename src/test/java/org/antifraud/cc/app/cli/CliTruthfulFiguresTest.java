package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12's acceptance, tried as a new user would, black-box through the CLI on the default database: one den
 * takedown entered is never the national total, the report's change is never its change, demo never hides or joins
 * it, submissions make a figure complete and a reopen makes it partial again, a file's change is reported, and the
 * briefing's "data as of" is the data's date. The steps build on each other, in order.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class CliTruthfulFiguresTest {
    @TempDir
    static Path dir;

    private static JsonNode stat(String period, String region, String code) {
        return indicator(CliRun.stats(dir, period, region), code);
    }

    @Test
    @Order(1)
    void oneTakedownIsAPartialFigureAndTheReportsChangeStaysTheTotals() throws Exception {
        assertThat(in(dir, "init").exitCode()).isZero();
        Path csv = dir.resolve("den.csv");
        Files.writeString(csv, """
                id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note
                0b7c1f4e-8d2a-4f3b-9a61-5e2d7c9b1a04,2022-06-01,CN-GD,Shenzhen,,,12,0,0,0,
                """, StandardCharsets.UTF_8);
        CliRun imported = in(dir, "import", csv.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        JsonNode suspects = stat("2022", "CN", "suspects_arrested");
        assertThat(suspects.get("value").asInt()).isEqualTo(12);
        assertThat(suspects.get("basis").asText()).isEqualTo("computed");
        assertThat(suspects.get("complete").asBoolean()).isFalse();
        assertThat(suspects.get("coverage").get("submitted").asInt()).isZero();
        assertThat(suspects.get("coverage").get("expected").asInt()).isEqualTo(31 * 12);
        assertThat(suspects.get("change_pct").decimalValue()).isEqualByComparingTo("64.4");
        assertThat(suspects.get("change_basis").asText()).isEqualTo("reported");
        assertThat(suspects.get("change_of").asText()).isEqualTo("reported_total");

        // the table says the same: a lower bound, partial, the change the reported total's
        CliRun table = in(dir, "--lang", "en", "stats", "--period", "2022", "--indicator", "suspects_arrested");
        assertThat(table.out()).contains(">=12", "0/372 partial", "reported total");
    }

    @Test
    @Order(2)
    void theProvinceCountsItsTakedownAndNoDemoIsAddedOrHidesIt() {
        JsonNode dens = stat("2022", "CN-GD", "dens_destroyed");
        assertThat(dens.get("value").asInt()).as("the entered takedown, not the demo's months").isEqualTo(1);
        assertThat(dens.get("basis").asText()).isEqualTo("computed");
        assertThat(dens.get("complete").asBoolean()).isFalse();
        assertThat(dens.get("coverage").get("expected").asInt()).isEqualTo(12);
        // a province without records still shows its demo figure, marked as such
        assertThat(stat("2022", "CN-GX", "dens_destroyed").get("basis").asText()).isEqualTo("synthetic-demo");
        // the nation keeps the report's figure
        JsonNode national = stat("2022", "CN", "dens_destroyed");
        assertThat(national.get("value").asInt()).isEqualTo(1800);
        assertThat(national.get("basis").asText()).isEqualTo("reported");
        assertThat(national.get("complete").asBoolean()).isTrue();
        assertThat(national.get("coverage").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void theBriefingNeverJoinsThePartialValueAndTheReportsChangeAndIsDatedByItsData() throws Exception {
        // outside the data folder: nothing is written there but the database's own files (issue 13)
        Path md = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-briefing")).resolve("b.md");
        CliRun run = in(dir, "--lang", "en", "briefing", "--period", "2022", "--out", md.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("data as of 2022-12-31").contains("at least 12");
        for (String line : text.lines().toList()) {
            for (String sentence : line.split("(?<=[.;:|])")) {
                assertThat(sentence.contains("12 ") && sentence.contains("64.4"))
                        .as("one claim with both: %s", sentence).isFalse();
            }
        }
        Path zh = md.resolveSibling("b-zh.md");
        assertThat(in(dir, "--lang", "zh", "briefing", "--period", "2022", "--out", zh.toString()).exitCode()).isZero();
        String zhText = Files.readString(zh, StandardCharsets.UTF_8);
        assertThat(zhText).contains("数据截至 2022-12-31").contains("至少12人");
        for (String sentence : zhText.split("[。；|\n]")) {
            assertThat(sentence.contains("12人") && sentence.contains("64.4")).as(sentence).isFalse();
        }
    }

    @Test
    @Order(4)
    void removingTheDemoChangesNoRealFigure() {
        JsonNode before = CliRun.stats(dir, "2022", "CN-GD");
        assertThat(in(dir, "demo", "--remove").exitCode()).isZero();
        JsonNode after = CliRun.stats(dir, "2022", "CN-GD");
        for (String code : List.of("dens_destroyed", "suspects_arrested")) {
            assertThat(indicator(after, code).toString()).as(code).isEqualTo(indicator(before, code).toString());
        }
        assertThat(stat("2022", "CN-GX", "dens_destroyed").get("value").isNull()).isTrue();
    }

    @Test
    @Order(5)
    void submittingEveryProvinceMonthMakesTheNationalFigureCompleteAndAReopenPartialAgain() {
        CliRun submit = in(dir, "submit", "--kind", "dens", "--region", "all", "--period", "2022");
        assertThat(submit.exitCode()).as(submit.err()).isZero();

        JsonNode complete = stat("2022", "CN", "suspects_arrested");
        assertThat(complete.get("value").asInt()).isEqualTo(12);
        assertThat(complete.get("complete").asBoolean()).isTrue();
        assertThat(complete.get("coverage").get("submitted").asInt()).isEqualTo(372);
        // submitted months without records are true zeros: the province's figure is complete
        JsonNode gx = stat("2022", "CN-GX", "dens_destroyed");
        assertThat(gx.get("value").asInt()).isZero();
        assertThat(gx.get("complete").asBoolean()).isTrue();

        CliRun reopen = in(dir, "reopen", "--kind", "dens", "--region", "CN-GD", "--period", "2022-06",
                "--reason", "a late takedown report from Shenzhen");
        assertThat(reopen.exitCode()).as(reopen.err()).isZero();
        JsonNode partial = stat("2022", "CN", "suspects_arrested");
        assertThat(partial.get("complete").asBoolean()).isFalse();
        assertThat(partial.get("coverage").get("submitted").asInt()).isEqualTo(371);
        assertThat(partial.get("change_of").asText()).isEqualTo("reported_total");

        CliRun verify = in(dir, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    @Order(6)
    void aFilesChangeIsReportedNotComputed() throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, """
                indicator,region,period,campaign,value,change_pct,qualifier,note,source,sentence
                suspects_arrested,CN,2021,,,76.6,,,,
                """, StandardCharsets.UTF_8);
        CliRun imported = in(dir, "import", csv.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        JsonNode s = stat("2021", "CN", "suspects_arrested");
        assertThat(s.get("change_pct").decimalValue()).isEqualByComparingTo("76.6");
        assertThat(s.get("change_basis").asText()).isEqualTo("reported");
        assertThat(s.get("change_of").asText()).isEqualTo("reported_total");
        assertThat(s.get("value").isNull()).isTrue();
    }
}
