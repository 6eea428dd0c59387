package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.PrivateFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup}, {@code restore}, and every command that writes a file refusing the data folder (issue 13). */
@IntegrationTest
class CliBackupTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void initialise() {
        data = shared.resolve("cc");
        CliRun init = CliRun.in(data, "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @Test
    void everyCommandThatWritesAFileRefusesTheDatabaseAndTheDataFolder() throws Exception {
        Path db = Database.file(data);
        String before = sha256(db);
        List<List<String>> commands = List.of(
                List.of("export", "--type", "measurements", "--out"),
                List.of("export-package", "--out"),
                List.of("briefing", "--period", "2022", "--out"),
                List.of("snapshot", "--out"),
                List.of("backup", "--out"));
        for (List<String> command : commands) {
            String suffix = switch (command.getFirst()) {
                case "briefing" -> ".md";
                case "snapshot" -> ".png";
                default -> ".out";
            };
            Path inside = data.resolve("logs").resolve("..").resolve("written" + suffix);
            for (Path out : List.of(db, inside)) {
                String[] args = Stream.concat(command.stream(), Stream.of(out.toString()))
                        .toArray(String[]::new);
                CliRun run = CliRun.in(data, args);
                run.assertBadInput(out.toString());
                assertThat(run.err()).as(String.join(" ", command)).contains("inside the data folder");
            }
            assertThat(data.resolve("written" + suffix)).as(command.getFirst()).doesNotExist();
        }
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void backupIsOnlineWhileAnotherProcessHoldsTheDatabaseAndRestoreIsRefusedMeanwhile() throws Exception {
        Path own = tmp.resolve("cc");
        assertThat(CliRun.in(own, "init").exitCode()).isZero();
        Path backup = tmp.resolve("online.zip");
        try (DatabaseHolder window = DatabaseHolder.hold(own, ";AUTO_SERVER=TRUE")) {
            CliRun run = CliRun.in(own, "--lang", "en", "backup", "--out", backup.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            Matcher printed = Pattern.compile("backed up the database \\((\\d+) bytes\\) to (.+)").matcher(run.out().strip());
            assertThat(printed.matches()).as(run.out()).isTrue();
            assertThat(Long.parseLong(printed.group(1))).isEqualTo(Files.size(backup));
            assertThat(Path.of(printed.group(2))).isEqualTo(backup.toAbsolutePath());

            CliRun restore = CliRun.in(own, "--lang", "en", "restore", backup.toString());
            restore.assertBadInput(Database.file(own).toString());
            assertThat(restore.err()).contains("open in another process");
            assertThat(own.resolve("backups")).as("refused before anything was unpacked or kept").doesNotExist();
        }
        if (PrivateFiles.posix()) {
            assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PrivateFiles.FILE);
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            // the database and the account it opens with (so that it restores into another data folder)
            assertThat(zip.stream().map(e -> e.getName()).toList())
                    .containsExactly("command-center.mv.db", "db.credentials");
        }
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.startsWith(".backup-"));
        }
        // the backup made online restores into another data folder and has the data
        Path elsewhere = tmp.resolve("restored");
        CliRun restored = CliRun.in(elsewhere, "--lang", "en", "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).startsWith("restored " + backup);
        JsonAssert.report(CliRun.stats(elsewhere, "2022", "CN"));
    }

    @Test
    void backupOfAMissingDatabaseIsRefusedAndCreatesNone() {
        Path empty = tmp.resolve("none");
        CliRun run = CliRun.in(empty, "backup", "--out", tmp.resolve("b.zip").toString());
        run.assertBadInput(empty.toString());
        assertThat(Database.file(empty)).doesNotExist();
        assertThat(tmp.resolve("b.zip")).doesNotExist();
    }

    /** The report the restored database gives: the 2022 figures are there. */
    private static final class JsonAssert {
        static void report(JsonNode report) {
            assertThat(CliRun.indicator(report, "dens_destroyed").get("value").asInt()).isEqualTo(1800);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
