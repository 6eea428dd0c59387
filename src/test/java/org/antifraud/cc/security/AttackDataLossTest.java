package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.cli.CliResult;
import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.app.cli.ExitCodes;
import org.antifraud.cc.app.cli.LogSetup;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.DatabaseCredentials;
import org.antifraud.cc.persistence.PrivateFiles;
import org.antifraud.cc.persistence.Vendor;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "nothing lost by a mistake": an output aimed at the database, a backup made to escape its folder, cut
 * short or not a database at all, and a migration that goes wrong all leave the user's data where it was.
 */
@IntegrationTest
class AttackDataLossTest {
    private static final Pattern REMOVED = Pattern.compile("removed (\\d+) ");

    @TempDir
    Path tmp;

    @BeforeAll
    static void logsOutOfTheDataDirs() {
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, Path.of("target", "test-logs").toAbsolutePath().toString());
        }
    }

    @Test
    void exportOverTheDatabaseFileIsRefusedAndTheDatabaseIsUnchanged() throws Exception {
        Path data = initialised("cc");
        Path db = Database.file(data);
        String before = sha256(db);

        Run run = cli(data, "export", "--type", "measurements", "--out", db.toString());

        run.assertRefused("output_in_data_dir", db.toString());
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(cli(data, "export", "--type", "measurements", "--out", tmp.resolve("ok.csv").toString()).code())
                .as("the database still opens").isZero();
    }

    @Test
    void outputInsideTheDataFolderByDotDotOrLinkIsRefused() throws Exception {
        Path data = initialised("cc");
        Path sneaky = tmp.resolve("elsewhere").resolve("..").resolve("cc").resolve("settings.properties");
        Files.createDirectories(tmp.resolve("elsewhere"));

        cli(data, "export", "--type", "measurements", "--out", sneaky.toString())
                .assertRefused("output_in_data_dir", sneaky.toString());
        cli(data, "export", "--type", "measurements", "--out", data.toString())
                .assertRefused("output_in_data_dir", data.toString());

        Assumptions.assumeTrue(PrivateFiles.posix(), "symbolic links");
        Path link = Files.createSymbolicLink(tmp.resolve("innocent"), data);
        Path viaLink = link.resolve("backups").resolve("mine.zip");
        cli(data, "backup", "--out", viaLink.toString()).assertRefused("output_in_data_dir", viaLink.toString());
        Path fileLink = Files.createSymbolicLink(tmp.resolve("report.csv"), Database.file(data));
        String before = sha256(Database.file(data));
        cli(data, "export", "--type", "measurements", "--out", fileLink.toString())
                .assertRefused("output_in_data_dir", fileLink.toString());
        assertThat(sha256(Database.file(data))).isEqualTo(before);
    }

    @Test
    void restoreOfAZipWithPathTraversalIsRefusedAndWritesNothingOutside() throws Exception {
        Path data = initialised("cc");
        String before = sha256(Database.file(data));
        Path evil = zip("evil.zip", "../../escaped.mv.db", Files.readAllBytes(Database.file(data)));
        Path absolute = zip("absolute.zip", tmp.resolve("abs.mv.db").toString(), new byte[]{1, 2, 3});

        cli(data, "restore", evil.toString()).assertRefused("backup_unsafe_entry", evil.toString());
        cli(data, "restore", absolute.toString()).assertRefused("backup_unsafe_entry", absolute.toString());

        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith("escaped")
                    || p.getFileName().toString().startsWith("abs.mv"))).isEmpty();
        }
        assertThat(sha256(Database.file(data))).isEqualTo(before);
        assertThat(backupsOf(data)).as("nothing kept: nothing was replaced").isEmpty();
    }

    @Test
    void restoreOfATruncatedBackupIsRefused() throws Exception {
        Path data = initialised("cc");
        Path backup = tmp.resolve("whole.zip");
        assertThat(cli(data, "backup", "--out", backup.toString()).code()).isZero();
        byte[] whole = Files.readAllBytes(backup);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
        String before = sha256(Database.file(data));

        cli(data, "restore", cut.toString()).assertRefused("backup_damaged", cut.toString());

        assertThat(sha256(Database.file(data))).isEqualTo(before);
    }

    @Test
    void restoreOfSomethingThatIsNotOurDatabaseIsRefused() throws Exception {
        Path data = initialised("cc");
        String before = sha256(Database.file(data));
        Path garbage = zip("garbage.zip", "command-center.mv.db", "not a database at all".repeat(500).getBytes());
        Path notZip = Files.writeString(tmp.resolve("notes.zip"), "hello");
        Path twoDatabases = tmp.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(twoDatabases))) {
            for (String name : List.of("a.mv.db", "b.mv.db")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(Database.file(data)));
            }
        }
        Path otherH2 = tmp.resolve("other").resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + otherH2, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t(x INT)");
        }
        Path otherH2Zip = zip("other.zip", "command-center.mv.db", Files.readAllBytes(Path.of(otherH2 + ".mv.db")));

        cli(data, "restore", garbage.toString()).assertRefused("backup_not_database", garbage.toString());
        cli(data, "restore", notZip.toString()).assertRefused("backup_damaged", notZip.toString());
        cli(data, "restore", twoDatabases.toString()).assertRefused("backup_entries", twoDatabases.toString());
        cli(data, "restore", otherH2Zip.toString()).assertRefused("backup_not_database", otherH2Zip.toString());

        assertThat(sha256(Database.file(data))).isEqualTo(before);
        assertThat(backupsOf(data)).isEmpty();
    }

    @Test
    void restoreOfABackupFromANewerVersionIsRefused() throws Exception {
        Path data = initialised("cc");
        Path backup = tmp.resolve("today.zip");
        assertThat(cli(data, "backup", "--out", backup.toString()).code()).isZero();
        Path unpacked = Files.createDirectories(tmp.resolve("future"));
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Files.write(unpacked.resolve("command-center.mv.db"),
                    zip.getInputStream(zip.getEntry("command-center.mv.db")).readAllBytes());
        }
        var account = DatabaseCredentials.of(data);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + unpacked.resolve("command-center"),
                account.user(), account.password())) {
            c.createStatement().execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") SELECT MAX(\"installed_rank\") + 1, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 0, 'sa', 0, TRUE FROM \"flyway_schema_history\"");
        }
        Path future = zip("future.zip", "command-center.mv.db", Files.readAllBytes(unpacked.resolve("command-center.mv.db")));
        String before = sha256(Database.file(data));

        cli(data, "restore", future.toString()).assertRefused("backup_newer", future.toString());

        assertThat(sha256(Database.file(data))).isEqualTo(before);
        assertThat(cli(data, "restore", backup.toString()).code()).as("today's own backup restores").isZero();
    }

    @Test
    void restoreKeepsTheCurrentDatabaseFirstSoTheRestoreCanBeUndone() throws Exception {
        Path data = initialised("cc");
        Path withDemo = tmp.resolve("with-demo.zip");
        assertThat(cli(data, "backup", "--out", withDemo.toString()).code()).isZero();
        assertThat(removedDemoFigures(data)).isPositive(); // the current database now has no demo figures

        Run restore = cli(data, "restore", withDemo.toString());

        assertThat(restore.code()).as(restore.err()).isZero();
        List<Path> kept = backupsOf(data);
        assertThat(kept).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .matches("before-restore-\\d{8}-\\d{6}-\\d{3}\\.zip"));
        assertThat(restore.out()).contains(withDemo.toString(), kept.getFirst().toString());
        if (PrivateFiles.posix()) {
            assertThat(Files.getPosixFilePermissions(kept.getFirst())).isEqualTo(PrivateFiles.FILE);
            assertThat(Files.getPosixFilePermissions(kept.getFirst().getParent())).isEqualTo(PrivateFiles.DIR);
        }
        // the kept copy is the database without demo figures: restoring it undoes the restore
        assertThat(cli(data, "restore", kept.getFirst().toString()).code()).isZero();
        assertThat(removedDemoFigures(data)).isZero();
    }

    @Test
    void restoreReplacesADamagedDatabaseWithoutOpeningIt() throws Exception {
        Path data = initialised("cc");
        Path backup = tmp.resolve("good.zip");
        assertThat(cli(data, "backup", "--out", backup.toString()).code()).isZero();
        Files.write(Database.file(data), "scribbled over".repeat(1000).getBytes());
        String damaged = sha256(Database.file(data));

        Run restore = cli(data, "restore", backup.toString());

        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(removedDemoFigures(data)).as("the backup's data are back").isPositive();
        Path kept = backupsOf(data).getFirst();
        try (ZipFile zip = new ZipFile(kept.toFile())) {
            byte[] inside = zip.getInputStream(zip.getEntry("command-center.mv.db")).readAllBytes();
            assertThat(sha256(inside)).as("the damaged file is kept as it was").isEqualTo(damaged);
        }
    }

    @Test
    void restoreWhileTheDatabaseIsOpenIsRefused() throws Exception {
        Path data = initialised("cc");
        Path backup = tmp.resolve("good.zip");
        assertThat(cli(data, "backup", "--out", backup.toString()).code()).isZero();

        try (Database open = Database.open(data)) {
            cli(data, "restore", backup.toString()).assertRefused("database_in_use", Database.file(data).toString());
            assertThat(open.repositories()).isNotNull();
        }
        assertThat(backupsOf(data)).isEmpty();
    }

    @Test
    void migrationBacksUpFirstAndKeepsTheLastFiveAutomaticBackupsOnly() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("old"));
        migrateTo(data, "12");
        Path folder = Files.createDirectories(data.resolve("backups"));
        List<Path> older = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            older.add(Files.writeString(folder.resolve("before-migration-2020010" + i + "-000000-000-V" + i + ".zip"), "x"));
        }
        Path usersOwn = Files.writeString(folder.resolve("my-backup.zip"), "mine");
        Path usersRestore = Files.writeString(folder.resolve("before-restore-20190101-000000-000.zip"), "kept");

        try (Database db = Database.open(data)) {
            assertThat(db.repositories()).isNotNull();
        }

        List<Path> automatic = backupsOf(data).stream()
                .filter(p -> p.getFileName().toString().startsWith("before-migration-")).toList();
        assertThat(automatic).hasSize(5).doesNotContain(older.getFirst()).containsAll(older.subList(1, 5));
        Path made = automatic.stream().filter(p -> p.getFileName().toString().endsWith("-V12.zip")).findFirst()
                .orElseThrow();
        assertThat(usersOwn).hasContent("mine");
        assertThat(usersRestore).hasContent("kept");
        if (PrivateFiles.posix()) {
            assertThat(Files.getPosixFilePermissions(made)).isEqualTo(PrivateFiles.FILE);
            assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        // the automatic backup is the database as it was at V12: restoring it gives back that version
        Path restoredHere = Files.createDirectories(tmp.resolve("check"));
        assertThat(cli(restoredHere, "restore", made.toString()).code()).isZero();
        JdbcConnectionPool pool = pool(restoredHere);
        try {
            assertThat(Flyway.configure().dataSource(pool).locations(Vendor.H2.migrationLocations().toArray(String[]::new)).load().info().current()
                    .getVersion().getVersion()).isEqualTo("12");
        } finally {
            pool.dispose();
        }
        // an up-to-date database is not backed up again on open
        try (Database db = Database.open(data)) {
            assertThat(db.repositories()).isNotNull();
        }
        assertThat(backupsOf(data)).hasSize(7);
    }

    @Test
    void migrationIsNotRunWhenItsBackupCannotBeMade() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("old"));
        migrateTo(data, "12");
        Files.writeString(data.resolve("backups"), "a file where the backups folder should be");

        Assertions.assertThatThrownBy(() -> Database.open(data).close())
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("migration_backup_failed"));

        JdbcConnectionPool pool = pool(data);
        try {
            assertThat(Flyway.configure().dataSource(pool).locations(Vendor.H2.migrationLocations().toArray(String[]::new)).load().info().current()
                    .getVersion().getVersion()).as("still at the version it had").isEqualTo("12");
        } finally {
            pool.dispose();
        }
    }

    // ---- helpers

    private Path initialised(String name) {
        Path data = tmp.resolve(name);
        Run init = cli(data, "init");
        assertThat(init.code()).as(init.err()).isZero();
        return data;
    }

    /** {@code demo --remove}: how many demo figures the database had. */
    private static long removedDemoFigures(Path data) {
        Run run = cli(data, "demo", "--remove");
        assertThat(run.code()).as(run.err()).isZero();
        Matcher m = REMOVED.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void migrateTo(Path data, String version) {
        JdbcConnectionPool pool = pool(data);
        try {
            Flyway.configure().dataSource(pool).locations(Vendor.H2.migrationLocations().toArray(String[]::new)).target(version).load().migrate();
        } finally {
            pool.dispose();
        }
    }

    private static JdbcConnectionPool pool(Path data) {
        var account = DatabaseCredentials.of(data); // the folder's own (issue 13)
        return JdbcConnectionPool.create("jdbc:h2:file:" + data.toAbsolutePath().resolve(Database.FILE_BASE_NAME),
                account.user(), account.password());
    }

    private static List<Path> backupsOf(Path data) throws IOException {
        Path folder = data.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(o)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
        }
        return zip;
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Run cli(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString(), "--lang", "en"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliResult result;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            result = CommandCenterCli.run(all.toArray(String[]::new), o, e);
        }
        return new Run(result.exitCode(), out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
        /** Exit 2 and one line naming the refused path, nothing on stdout. */
        void assertRefused(String key, String named) {
            assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(out).as("stdout").isEmpty();
            assertThat(err.strip()).as("stderr (%s)", key).isNotEmpty().doesNotContain("\n").contains(named)
                    .doesNotContain("Exception", "\tat ");
            assertThat(err).contains(expected(key));
        }

        private static String expected(String key) {
            return switch (key) {
                case "output_in_data_dir" -> "inside the data folder";
                case "backup_unsafe_entry" -> "outside itself";
                case "backup_damaged" -> "not a whole zip file";
                case "backup_entries" -> "exactly one database file";
                case "backup_not_database" -> "not a Command Center database";
                case "database_in_use" -> "open in another process";
                case "backup_newer" -> "newer version of the application";
                default -> throw new IllegalArgumentException(key);
            };
        }
    }
}
