package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, encryption at rest: someone with the database file but not the passphrase, a wrong passphrase, a
 * missing one, a re-key while the window holds the database, and the backup of an encrypted database.
 */
@IntegrationTest
class AttackEncryptionTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    /** Text the plain database holds in the clear (an indicator code of the 2022 report). */
    private static final String KNOWN_TEXT = "cases_registered";

    @TempDir
    static Path templates;
    @TempDir
    Path tmp;

    private static Path encryptedTemplate;
    private static Path plainTemplate;

    @BeforeAll
    static void folders() throws IOException {
        encryptedTemplate = templates.resolve("encrypted");
        StoreCli init = StoreCli.in(encryptedTemplate, "--passphrase-file",
                passphraseFile(templates, "template", PASSPHRASE).toString(), "init", "--encrypt");
        assertThat(init.code()).as(init.err()).isZero();
        plainTemplate = templates.resolve("plain");
        assertThat(StoreCli.in(plainTemplate, "init").code()).isZero();
    }

    private static Path passphraseFile(Path dir, String name, String passphrase) throws IOException {
        Path file = dir.resolve(name + ".passphrase");
        Files.writeString(file, passphrase + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Path copy(Path template) throws IOException {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        try (var files = Files.list(template)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static Path dbFile(Path dir) {
        return dir.resolve(Database.FILE_BASE_NAME + ".mv.db");
    }

    private static boolean contains(byte[] haystack, String text) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void someoneWithTheFileButNotThePassphraseReadsIt() throws IOException {
        assertThat(contains(Files.readAllBytes(dbFile(plainTemplate)), KNOWN_TEXT))
                .as("the plain database shows it in the clear").isTrue();
        byte[] encrypted = Files.readAllBytes(dbFile(encryptedTemplate));
        assertThat(new String(encrypted, 0, 10, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt\n");
        assertThat(contains(encrypted, KNOWN_TEXT)).isFalse();
        assertThat(contains(encrypted, "CN-GD")).isFalse();
    }

    @Test
    void openingAnEncryptedDatabaseWithoutAPassphrase() throws IOException {
        Path dir = copy(encryptedTemplate);
        byte[] before = Files.readAllBytes(dbFile(dir));
        StoreCli run = StoreCli.in(dir, "stats", "--period", "2022");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLine()).contains("--passphrase-file").contains("CC_PASSPHRASE");
        assertThat(Files.readAllBytes(dbFile(dir))).isEqualTo(before);
    }

    @Test
    void wrongPassphraseOpensOrReplacesTheDatabase() throws IOException {
        Path dir = copy(encryptedTemplate);
        byte[] before = Files.readAllBytes(dbFile(dir));
        for (String[] command : new String[][] {{"stats", "--period", "2022"}, {"init"}, {"init", "--encrypt"}}) {
            String[] args = Stream.concat(
                    Stream.of("--passphrase-file",
                            passphraseFile(tmp, "wrong", "incorrect horse battery staple").toString()),
                    Arrays.stream(command)).toArray(String[]::new);
            StoreCli run = StoreCli.in(dir, args);
            assertThat(run.code()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(run.errLine()).startsWith("wrong passphrase").contains(dbFile(dir).toString());
            assertThat(Files.readAllBytes(dbFile(dir))).isEqualTo(before);
        }
    }

    @Test
    void wrongPassphraseThroughTheServerOfTheOpenWindow() throws Exception {
        Path dir = copy(encryptedTemplate);
        try (var held = StoreProcesses.hold(tmp, dir, PASSPHRASE)) {
            StoreCli wrong = StoreCli.in(dir, "--passphrase-file",
                    passphraseFile(tmp, "wrong", "incorrect horse battery staple").toString(), "stats", "--period",
                    "2022");
            assertThat(wrong.code()).isEqualTo(2);
            assertThat(wrong.errLine()).startsWith("wrong passphrase");
            StoreCli right = StoreCli.in(dir, "--passphrase-file", passphraseFile(tmp, "right", PASSPHRASE).toString(),
                    "stats", "--period", "2022");
            assertThat(right.code()).as(right.err()).isZero();
        }
    }

    @Test
    void passphraseFromTheEnvironmentOfAnotherProcess() throws Exception {
        Path dir = copy(encryptedTemplate);
        var right = StoreProcesses.cli(tmp, Map.of("CC_PASSPHRASE", PASSPHRASE),
                "--data-dir", dir.toString(), "stats", "--period", "2022");
        assertThat(right.code()).as(right.err()).isZero();
        assertThat(right.out()).contains(KNOWN_TEXT);
        var wrong = StoreProcesses.cli(tmp, Map.of("CC_PASSPHRASE", "incorrect horse battery staple"),
                "--lang", "en", "--data-dir", dir.toString(), "stats", "--period", "2022");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip()).startsWith("wrong passphrase").doesNotContain("\n");
        var none = StoreProcesses.cli(tmp, Map.of(), "--lang", "en", "--data-dir", dir.toString(), "stats",
                "--period", "2022");
        assertThat(none.code()).as("no console, no passphrase").isEqualTo(2);
        assertThat(none.err().strip()).contains("CC_PASSPHRASE").doesNotContain("\n");
    }

    @Test
    void oldPassphraseStillOpensAfterAChange() throws IOException {
        Path dir = copy(encryptedTemplate);
        Path old = passphraseFile(tmp, "old", PASSPHRASE);
        Path next = passphraseFile(tmp, "next", "a brand new passphrase");
        String statsBefore = StoreCli.in(dir, "--passphrase-file", old.toString(), "stats", "--period", "2022").out();
        StoreCli change = StoreCli.in(dir, "--passphrase-file", old.toString(), "passphrase", "change",
                "--new-passphrase-file", next.toString());
        assertThat(change.code()).as(change.err()).isZero();
        StoreCli withOld = StoreCli.in(dir, "--passphrase-file", old.toString(), "stats", "--period", "2022");
        assertThat(withOld.code()).isEqualTo(2);
        assertThat(withOld.errLine()).startsWith("wrong passphrase");
        StoreCli withNew = StoreCli.in(dir, "--passphrase-file", next.toString(), "stats", "--period", "2022");
        assertThat(withNew.code()).as(withNew.err()).isZero();
        assertThat(withNew.out()).isEqualTo(statsBefore);
    }

    @Test
    void passphraseChangeWhileTheWindowHoldsTheDatabase() throws Exception {
        Path dir = copy(encryptedTemplate);
        Path old = passphraseFile(tmp, "old", PASSPHRASE);
        Path next = passphraseFile(tmp, "next", "a brand new passphrase");
        try (var held = StoreProcesses.hold(tmp, dir, PASSPHRASE)) {
            StoreCli change = StoreCli.in(dir, "--passphrase-file", old.toString(), "passphrase", "change",
                    "--new-passphrase-file", next.toString());
            assertThat(change.code()).isEqualTo(2);
            assertThat(change.errLine()).contains("open in another process");
        }
        StoreCli withOld = StoreCli.in(dir, "--passphrase-file", old.toString(), "stats", "--period", "2022");
        assertThat(withOld.code()).as("still the old passphrase: %s", withOld.err()).isZero();
    }

    @Test
    void passphraseChangeWithTheWrongCurrentPassphrase() throws IOException {
        Path dir = copy(encryptedTemplate);
        byte[] before = Files.readAllBytes(dbFile(dir));
        StoreCli change = StoreCli.in(dir, "--passphrase-file",
                passphraseFile(tmp, "wrong", "incorrect horse battery staple").toString(), "passphrase", "change",
                "--new-passphrase-file", passphraseFile(tmp, "next", "a brand new passphrase").toString());
        assertThat(change.code()).isEqualTo(2);
        assertThat(change.errLine()).startsWith("wrong passphrase");
        assertThat(Files.readAllBytes(dbFile(dir))).isEqualTo(before);
    }

    @Test
    void encryptingUnderAShortPassphrase() throws IOException {
        Path dir = tmp.resolve("new");
        StoreCli init = StoreCli.in(dir, "--passphrase-file", passphraseFile(tmp, "short", "abc").toString(), "init",
                "--encrypt");
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.errLine()).contains("at least 8 characters");
        assertThat(dbFile(dir)).doesNotExist();
    }

    @Test
    void initEncryptOverAPlainDatabaseLeavesItPlainSilently() throws IOException {
        Path dir = copy(plainTemplate);
        byte[] before = Files.readAllBytes(dbFile(dir));
        StoreCli init = StoreCli.in(dir, "--passphrase-file", passphraseFile(tmp, "p", PASSPHRASE).toString(), "init",
                "--encrypt");
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.errLine()).contains("not encrypted").contains("passphrase change");
        assertThat(Files.readAllBytes(dbFile(dir))).isEqualTo(before);
        // the way it names works: the plain database becomes encrypted, same content
        StoreCli change = StoreCli.in(dir, "passphrase", "change", "--new-passphrase-file",
                passphraseFile(tmp, "p", PASSPHRASE).toString());
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(contains(Files.readAllBytes(dbFile(dir)), KNOWN_TEXT)).isFalse();
        StoreCli stats = StoreCli.in(dir, "--passphrase-file", passphraseFile(tmp, "p", PASSPHRASE).toString(),
                "stats", "--period", "2022");
        assertThat(stats.code()).as(stats.err()).isZero();
        assertThat(stats.out()).contains(KNOWN_TEXT);
    }

    @Test
    void backupOfAnEncryptedDatabaseHoldsThePlainText() throws Exception {
        Path dir = copy(encryptedTemplate);
        Path zip = tmp.resolve("backup.zip");
        try (Database db = Database.open(dir, PASSPHRASE.toCharArray(), "");
             Connection c = db.jdbcConnection(); Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        boolean sawDatabase = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = readAll(in);
                if (entry.getName().endsWith(".mv.db")) {
                    sawDatabase = true;
                    assertThat(new String(bytes, 0, 10, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt\n");
                }
                assertThat(contains(bytes, KNOWN_TEXT)).as(entry.getName()).isFalse();
            }
        }
        assertThat(sawDatabase).isTrue();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
