package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench import} on a small file: both imports run, and the last line is the JSON of their figures. */
@IntegrationTest
class BenchImportTest {
    @TempDir
    Path tmp;

    @Test
    void endsWithAJsonLineOfBothRates() {
        CliRun run = in(tmp.resolve("cc"), "bench", "import", "--rows", "2000", "--runs", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode json = new CliRun(null, lines.getLast(), "").json();
        assertThat(json.get("vendor").asText()).isEqualTo("h2");
        assertThat(json.get("rows").asLong()).isEqualTo(2000);
        assertThat(json.get("runs").asInt()).isEqualTo(2);
        assertThat(run.out()).contains("run 2: import", "median of 2");
        assertThat(json.get("rows_per_s").asDouble()).isPositive();
        assertThat(json.get("csvread_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("ratio").asDouble()).isPositive();
        assertThat(run.out()).contains("CSVREAD", "audit trail");
    }
}
