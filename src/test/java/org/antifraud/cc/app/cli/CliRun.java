package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One in-process run of the command line, with what it printed. */
record CliRun(CliResult result, String out, String err) {

    static final List<String> CATALOG_ORDER = List.of(
            "cases_registered", "cases_solved", "suspects_arrested", "ringleaders_arrested", "dens_destroyed",
            "cluster_battles", "property_loss", "warning_instructions_issued", "warnings_local",
            "sms_12381_warnings", "app_warnings", "warning_calls", "warning_visits", "persons_dissuaded", "funds_intercepted",
            "warning_instructions", "instructions_dissuaded", "dissuasion_rate_pct", "contact_minutes_median",
            "sla_breaches", "funds_protected", "phone_cards_disposed", "calls_intercepted", "sms_intercepted", "publicity_sessions",
            "publicity_sms", "short_videos", "video_views");

    static final List<String> INDICATOR_KEYS = List.of(
            "code", "value", "qualifier", "basis", "previous", "change_pct", "change_basis", "complete", "coverage",
            "change_of");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static {
        // Keep the log out of the test data dirs (LogSetup only sets the folder when none is set).
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, Path.of("target", "test-logs").toAbsolutePath().toString());
        }
    }

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliResult result;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            result = CommandCenterCli.run(args, o, e);
        }
        return new CliRun(result, out.toString(), err.toString());
    }

    /** Runs with {@code --data-dir dir} before the other arguments. */
    static CliRun in(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** {@code stats --format json} for a period and region, which must succeed. */
    static JsonNode stats(Path dataDir, String period, String region) {
        CliRun run = in(dataDir, "stats", "--period", period, "--region", region, "--format", "json");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        return run.json();
    }

    int exitCode() {
        return result.exitCode();
    }

    /** stdout as exactly one JSON value (trailing tokens are an error). */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (JsonProcessingException e) {
            throw new AssertionError("stdout is not one JSON value: " + out, e);
        }
    }

    /** The indicator entry with this code. */
    static JsonNode indicator(JsonNode report, String code) {
        for (JsonNode i : report.get("indicators")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }

    static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("indicators").forEach(i -> codes.add(i.get("code").asText()));
        return codes;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Bad input: exit 2, one line on stderr naming the bad value, no stack trace, nothing on stdout. */
    void assertBadInput(String badValue) {
        assertThat(result.launchGui()).isFalse();
        assertThat(exitCode()).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out).as("stdout").isEmpty();
        assertThat(err).as("stderr").endsWith(System.lineSeparator());
        assertThat(err.strip()).as("stderr").isNotEmpty().doesNotContain("\n", "\r")
                .contains(badValue)
                .doesNotContain("at org.", "Exception", "\tat ");
    }
}
