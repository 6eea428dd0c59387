package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to {@code demo --scale N [--seed S]}: one line, exit 2, nothing changed. The happy path writes
 * some 800,000 rows whatever N is, too slow for a unit test; ScaleDemoStoreTest covers what it stores.
 */
@IntegrationTest
class CliDemoScaleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"0", "-5", "abc", "100000001"})
    void aNumberOfCasesThatIsNotAPositiveWholeNumberIsRefusedAndNothingChanges(String n) {
        Path dataDir = tmp.resolve("cc");
        JsonNode before = CliRun.stats(dataDir, "2022", "CN-GD");

        CliRun run = in(dataDir, "--lang", "en", "demo", "--scale", n);

        run.assertBadInput("not a number of cases: " + n);
        assertThat(run.err()).contains("1 to 100000000");
        assertThat(CliRun.stats(dataDir, "2022", "CN-GD")).isEqualTo(before);
    }

    @Test
    void aBadSeedIsRefused() {
        Path dataDir = tmp.resolve("cc");
        JsonNode before = CliRun.stats(dataDir, "2022", "CN-GD");

        in(dataDir, "--lang", "en", "demo", "--scale", "1000", "--seed", "x1").assertBadInput("not a seed: x1");

        assertThat(CliRun.stats(dataDir, "2022", "CN-GD")).isEqualTo(before);
    }

    @Test
    void theMessageIsInTheChosenLanguage() {
        in(tmp.resolve("cc"), "--lang", "zh", "demo", "--scale", "0").assertBadInput("案件数无效：0");
    }

    @Test
    void scaleAndRemoveTogetherOrASeedAloneAreBadInput() {
        Path dataDir = tmp.resolve("cc");

        in(dataDir, "demo", "--scale", "10", "--remove").assertBadInput("--remove");
        in(dataDir, "demo", "--seed", "5").assertBadInput("--scale");
    }
}
