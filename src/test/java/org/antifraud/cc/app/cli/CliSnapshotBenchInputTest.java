package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code snapshot} and {@code bench startup}: exit 2, one line naming it, no picture written, and
 * (unless the catalogs are needed to tell) nothing opened. No toolkit starts in these cases.
 */
@IntegrationTest
class CliSnapshotBenchInputTest {
    @TempDir
    Path tmp;

    /** The bad value the message must name, whether the catalogs are needed to find it out, the arguments after the out file. */
    static Stream<Arguments> badSnapshots() {
        return Stream.of(
                bad("1920", false, "--size", "1920"),
                bad("10x10", false, "--size", "10x10"),
                bad("99999x1080", false, "--size", "99999x1080"),
                bad("1920x0", false, "--size", "1920x0"),
                bad("wide", false, "--size", "wide"),
                bad("-1920x1080", false, "--size", "-1920x1080"),
                bad("7681x4320", false, "--size", "7681x4320"),
                bad("sepia", false, "--theme", "sepia"),
                bad("xx", false, "--lang", "xx"),
                bad("minimap", false, "--view", "minimap"),
                bad("8", false, "--view", "wall", "--wall-page", "8"),
                bad("0", false, "--view", "wall", "--wall-page", "0"),
                bad("--wall-page", false, "--wall-page", "2"),
                bad("2022-13", false, "--period", "2022-13"),
                bad("0", false, "--timeout", "0"),
                bad("CN-XX", true, "--region", "CN-XX"));
    }

    private static Arguments bad(String badValue, boolean needsCatalogs, String... args) {
        return Arguments.of(badValue, needsCatalogs, List.of(args));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badSnapshots")
    void badSnapshotInputWritesNoPictureAndLoadsNothing(String badValue, boolean needsCatalogs, List<String> args)
            throws Exception {
        Path dataDir = tmp.resolve("cc");
        Path out = tmp.resolve("dashboard.png");
        List<String> all = new ArrayList<>(List.of("snapshot", "--out", out.toString()));
        all.addAll(args);

        in(dataDir, all.toArray(String[]::new)).assertBadInput(badValue);

        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).as("no picture, no temporary file").allMatch(p -> p.equals(dataDir));
        }
        if (!needsCatalogs) {
            assertThat(dataDir).as("checked before the database is opened").doesNotExist();
        } else {
            CliRun init = in(dataDir, "init", "--empty");
            assertThat(init.exitCode()).as("no figure was loaded; stderr: %s", init.err()).isZero();
        }
    }

    @Test
    void anOutFileThatIsNotAPngOrHasNoFolderIsBadInput() throws Exception {
        Path dataDir = tmp.resolve("cc");

        in(dataDir, "snapshot", "--out", tmp.resolve("dashboard.jpg").toString()).assertBadInput("dashboard.jpg");
        in(dataDir, "snapshot", "--out", tmp.resolve("no-such-folder").resolve("d.png").toString())
                .assertBadInput("no-such-folder");
        Path folder = Files.createDirectory(tmp.resolve("taken.png"));
        in(dataDir, "snapshot", "--out", folder.toString()).assertBadInput("taken.png");

        assertThat(dataDir).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aMissingOutFileIsBadInput() {
        in(tmp.resolve("cc"), "snapshot").assertBadInput("--out");
        assertThat(tmp.resolve("cc")).doesNotExist();
    }

    @Test
    void badBenchOptionsAreBadInput() {
        Path dataDir = tmp.resolve("cc");

        in(dataDir, "bench", "startup", "--runs", "0").assertBadInput("0");
        in(dataDir, "bench", "startup", "--warmup", "-1").assertBadInput("-1");
        in(dataDir, "bench", "startup", "--platform", "opengl").assertBadInput("opengl");
        in(dataDir, "bench", "startup", "--runs", "many").assertBadInput("many");
        in(dataDir, "bench", "dashboard", "--settle", "-1").assertBadInput("-1");
        in(dataDir, "bench", "dashboard", "--settle", "101").assertBadInput("101");
        in(dataDir, "bench").assertBadInput("subcommand");

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void helpNamesTheNewCommandsAndTheirOptions() {
        CliRun help = run("--help");
        CliRun snapshot = run("snapshot", "--help");
        CliRun bench = run("bench", "startup", "--help");

        assertThat(help.out()).contains("snapshot", "bench");
        assertThat(snapshot.exitCode()).isZero();
        assertThat(snapshot.out()).contains("--out", "--size", "--theme", "--period", "--region", "--view");
        assertThat(bench.exitCode()).isZero();
        assertThat(bench.out()).contains("--runs", "--platform", "--aot", "JSON");
    }
}
