package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it, in a JVM of its own: the real exit code, and nothing but the answer on
 * stdout (logging is configured once per JVM, so only a fresh process shows what it prints there).
 */
@IntegrationTest
class CliProcessTest {
    @TempDir
    Path tmp;

    @Test
    void statsJsonIsAloneOnStdout() throws Exception {
        Exited run = main("--data-dir", tmp.resolve("cc").toString(), "stats", "--period", "2022", "--format", "json");

        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode report = new CliRun(null, run.out(), run.err()).json();
        assertThat(CliRun.indicator(report, "dens_destroyed").get("value").asInt()).isEqualTo(1800);
        assertThat(tmp.resolve("cc").resolve("logs").resolve("command-center.log")).isRegularFile();
    }

    @Test
    void dataDirThatIsARegularFileIsOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path file = Files.writeString(tmp.resolve("cc-data"), "not a folder");

        Exited run = main("--data-dir", file.toString(), "stats", "--period", "2022");

        run.assertBadInput(file.toString());
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void dataDirThatCannotBeCreatedIsOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "not a folder");
        Path under = file.resolve("cc-data");

        Exited run = main("--data-dir", under.toString(), "demo", "--remove");

        run.assertBadInput(under.toString());
    }

    @Test
    void malformedPeriodExitsTwo() throws Exception {
        Path dataDir = tmp.resolve("cc");

        Exited run = main("--data-dir", dataDir.toString(), "stats", "--period", "2022-13");

        run.assertBadInput("2022-13");
        assertThat(dataDir).doesNotExist();
    }

    private record Exited(int code, String out, String err) {
        void assertBadInput(String badValue) {
            assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(out).as("stdout").isEmpty();
            assertThat(err.strip()).as("stderr").isNotEmpty().doesNotContain("\n").contains(badValue)
                    .doesNotContain("at org.", "Exception");
        }
    }

    private Exited main(String... args) throws IOException, InterruptedException, URISyntaxException {
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp.resolve("java-tmp"),
                "-cp", Processes.productClasspath(), Main.class.getName()));
        command.addAll(3, Processes.aotOptions(Processes.productClasspath()));
        command.addAll(List.of(args));
        Files.createDirectories(tmp.resolve("java-tmp"));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        int code = Processes.await(process);
        return new Exited(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
