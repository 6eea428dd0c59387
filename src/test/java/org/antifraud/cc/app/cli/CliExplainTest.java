package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain}: a figure, its basis and the records behind it (issue 16). */
@IntegrationTest
class CliExplainTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;

    @BeforeAll
    static void threeDensInGuangdongAndOneInZhejiang() throws Exception {
        Path dens = work.resolve("dens.csv");
        Files.writeString(dens, """
                id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note
                00000000-0000-0000-0000-000000000001,2018-03-01,CN-GD,,,=HYPERLINK("x"),2,0,0,0,
                00000000-0000-0000-0000-000000000002,2018-03-09,CN-GD,,,,5,0,0,0,
                00000000-0000-0000-0000-000000000003,2018-04-02,CN-GD,,,,1,0,0,0,
                00000000-0000-0000-0000-000000000004,2018-03-05,CN-ZJ,,,,4,0,0,0,
                """, StandardCharsets.UTF_8);
        CliRun imported = in(dataDir, "import", dens.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @Test
    void jsonGivesTheFigureAndExactlyTheRecordsBehindIt() {
        CliRun run = in(dataDir, "explain", "--indicator", "suspects_arrested", "--period", "2018-03",
                "--region", "ZONE-SOUTH", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode e = run.json();
        assertThat(e.get("basis").asText()).isEqualTo("computed");
        assertThat(e.get("value").asInt()).isEqualTo(7);
        assertThat(e.get("records_count").asInt()).isEqualTo(2);
        int sum = 0;
        for (JsonNode r : e.get("records")) {
            assertThat(r.get("region").asText()).isEqualTo("CN-GD");
            sum += r.get("adds").asInt();
        }
        assertThat(sum).isEqualTo(7);
    }

    @Test
    void textSaysHowManyAndShowsUpToTheLimit() {
        CliRun run = in(dataDir, "--lang", "en", "explain", "--indicator", "dens_destroyed", "--period", "2018",
                "--region", "CN-GD", "--limit", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("basis: computed").contains("records: 3 (the first 1 shown");
        assertThat(run.out().lines().filter(l -> l.startsWith("  2018-")).count()).isEqualTo(1);
        CliRun zh = in(dataDir, "--lang", "zh", "explain", "--indicator", "dens_destroyed", "--period", "2018",
                "--region", "CN-GD");
        assertThat(zh.out()).contains("计算数").contains("记录：3 条");
    }

    @Test
    void outWritesEveryRecordAsTheExportsCsvFormulaGuarded() throws Exception {
        Path csv = work.resolve("behind.csv");
        CliRun run = in(dataDir, "--lang", "en", "explain", "--indicator", "dens_destroyed", "--period", "2018",
                "--region", "CN-GD", "--out", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("records: 3, written to " + csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo(
                "id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note");
        assertThat(lines).hasSize(4);
        assertThat(String.join("\n", lines)).contains("'=HYPERLINK");
    }

    @Test
    void aReportedFigureGivesItsSourceAndBadInputIsOneLineAndExit2() {
        CliRun reported = in(dataDir, "--lang", "en", "explain", "--indicator", "dens_destroyed", "--period", "2022");
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("basis: reported").contains("source: ");

        for (String[] args : List.of(
                new String[]{"explain", "--indicator", "nope", "--period", "2022"},
                new String[]{"explain", "--indicator", "dens_destroyed", "--period", "20x"},
                new String[]{"explain", "--indicator", "dens_destroyed", "--period", "2022", "--region", "XX"},
                new String[]{"explain", "--indicator", "dens_destroyed", "--period", "2022", "--format", "xml"},
                new String[]{"explain", "--indicator", "dens_destroyed", "--period", "2022", "--out",
                        work.resolve("no/such/dir.csv").toString()})) {
            CliRun bad = in(dataDir, args);
            assertThat(bad.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(bad.err().strip().lines().count()).as(bad.err()).isEqualTo(1);
        }
    }
}
