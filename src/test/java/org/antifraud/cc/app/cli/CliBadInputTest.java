package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliInitDemoTest.assertAllUnknown;
import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input: exit 2, one line on stderr naming it, no stack trace, nothing on stdout, nothing changed. */
@IntegrationTest
class CliBadInputTest {
    /** First use loaded the report and the demo breakdown. */
    @TempDir
    static Path seeded;
    /** Initialised with {@code init --empty}. */
    @TempDir
    static Path empty;

    private static JsonNode seededNation;
    private static JsonNode seededProvince;

    @TempDir
    Path tmp;

    @BeforeAll
    static void prepareDataDirs() {
        seededNation = CliRun.stats(seeded, "2022", "CN");
        seededProvince = CliRun.stats(seeded, "2022", "CN-GD");
        assertThat(in(empty, "init", "--empty").exitCode()).isZero();
    }

    /** The bad value the message must name, whether it needs the catalogs to be found out, and the arguments. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("CN-XX", true, "stats", "--period", "2022", "--region", "CN-XX", "--format", "json"),
                bad("nope", true, "stats", "--period", "2022", "--indicator", "nope"),
                bad("nope", true, "stats", "--period", "2022", "--indicator", "dens_destroyed,nope"),
                bad("no_such_campaign", true, "stats", "--period", "2022", "--campaign", "no_such_campaign"),
                bad("2022-13", false, "stats", "--period", "2022-13", "--format", "json"),
                bad("22", false, "stats", "--period", "22"),
                bad("2022-Q5", false, "stats", "--period", "2022-Q5", "--region", "CN-GD"),
                bad("2022-02-30", false, "stats", "--period", "2022-02-30"),
                bad("xml", false, "stats", "--period", "2022", "--format", "xml"),
                bad("xx", false, "--lang", "xx", "stats", "--period", "2022", "--format", "json"),
                bad("xx", false, "stats", "--period", "2022", "--lang", "xx"),
                bad("xx", false, "--lang", "xx", "demo", "--remove"),
                bad("xx", false, "--lang", "xx", "init", "--empty"),
                bad("xx", false, "--lang", "xx", "init"),
                bad("--bogus", false, "stats", "--period", "2022", "--bogus"),
                bad("--bogus", false, "--bogus", "stats", "--period", "2022"),
                bad("--bogus", false, "demo", "--remove", "--bogus"),
                bad("frobnicate", false, "frobnicate"),
                bad("--period", false, "stats", "--format", "json"),
                bad("--remove", false, "demo"));
    }

    private static Arguments bad(String badValue, boolean needsCatalogs, String... args) {
        return Arguments.of(badValue, needsCatalogs, List.of(args));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void badInputChangesNothingInADataDirWithTheReport(String badValue, boolean needsCatalogs, List<String> args) {
        in(seeded, args.toArray(String[]::new)).assertBadInput(badValue);

        assertThat(CliRun.stats(seeded, "2022", "CN")).isEqualTo(seededNation);
        assertThat(CliRun.stats(seeded, "2022", "CN-GD")).isEqualTo(seededProvince);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void badInputChangesNothingInAnEmptyDataDir(String badValue, boolean needsCatalogs, List<String> args) {
        in(empty, args.toArray(String[]::new)).assertBadInput(badValue);

        assertAllUnknown(CliRun.stats(empty, "2022", "CN"));
        assertAllUnknown(CliRun.stats(empty, "2022", "CN-GD"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void badInputOnANewDataDirLoadsNothing(String badValue, boolean needsCatalogs, List<String> args) {
        Path dataDir = tmp.resolve("new-dir");

        in(dataDir, args.toArray(String[]::new)).assertBadInput(badValue);

        if (!needsCatalogs) {
            assertThat(dataDir).as("checked before the database is opened").doesNotExist();
        }
        // whatever was opened to check the input, no figure was loaded: the dir can still be made empty
        CliRun init = in(dataDir, "init", "--empty");
        assertThat(init.exitCode()).as("init --empty afterwards; stderr: %s", init.err()).isZero();
    }

    @Test
    void dataDirThatIsARegularFile() throws Exception {
        Path file = plainFile("cc-data");

        for (String[] args : commands()) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data-dir", file.toString()));
            run(all.toArray(String[]::new)).assertBadInput(file.toString());
        }

        assertOnlyUntouched(file);
    }

    @Test
    void dataDirThatCannotBeCreated() throws Exception {
        Path file = plainFile("plain-file");
        Path under = file.resolve("cc-data");

        for (String[] args : commands()) {
            in(under, args).assertBadInput(under.toString());
        }

        assertOnlyUntouched(file);
    }

    @Test
    void databaseLockedByAnotherProcess() throws Exception {
        Path dataDir = tmp.resolve("cc");
        JsonNode before = CliRun.stats(dataDir, "2022", "CN-GD");

        // In this JVM H2 would share the open file; the lock only bites across processes.
        try (DatabaseHolder holder = DatabaseHolder.hold(dataDir)) {
            for (String[] args : commands()) {
                List<String> all = new ArrayList<>(List.of("--lang", "en"));
                all.addAll(List.of(args));
                CliRun run = in(dataDir, all.toArray(String[]::new));
                run.assertBadInput("locked");
                assertThat(run.err()).contains(dataDir.resolve("command-center").toString());
            }
        }

        assertThat(CliRun.stats(dataDir, "2022", "CN-GD")).isEqualTo(before);
    }

    /** Commands that open the data dir. */
    /** A regular file in the temp folder where a folder might be expected. */
    private Path plainFile(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "not a folder");
    }

    /** The plain file is as it was and nothing was created beside it. */
    private void assertOnlyUntouched(Path file) throws IOException {
        assertThat(file).isRegularFile().hasContent("not a folder");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static List<String[]> commands() {
        return List.of(
                new String[]{"stats", "--period", "2022", "--format", "json"},
                new String[]{"init", "--empty"},
                new String[]{"init"},
                new String[]{"demo", "--remove"});
    }
}
