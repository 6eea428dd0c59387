package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, damaged database files: H2 starts a new empty database over a 0-byte file and quietly goes back to an
 * older state of a cut-off one. Each is refused with one line naming the file and the way back (restore), exit 2,
 * and the file is left byte for byte as it was, whatever command runs, {@code init} included.
 */
@IntegrationTest
class AttackDamagedDatabaseTest {
    private static final int BLOCK = 4096;
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path templates;
    @TempDir
    Path tmp;

    private static Path plain;
    private static Path encrypted;
    private static Path passphraseFile;

    @BeforeAll
    static void initialisedFolders() throws IOException {
        plain = templates.resolve("plain");
        assertThat(StoreCli.in(plain, "init").code()).isZero();
        passphraseFile = templates.resolve("passphrase.txt");
        Files.writeString(passphraseFile, PASSPHRASE + "\n");
        encrypted = templates.resolve("encrypted");
        StoreCli enc = StoreCli.in(encrypted, "--passphrase-file", passphraseFile.toString(), "init", "--encrypt");
        assertThat(enc.code()).as(enc.err()).isZero();
    }

    /** A copy of {@code template} whose database file {@code damage} rewrote. */
    private Path damagedCopy(Path template, UnaryOperator<byte[]> damage) throws IOException {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(template)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path db = dir.resolve(Database.FILE_BASE_NAME + ".mv.db");
        Files.write(db, damage.apply(Files.readAllBytes(db)));
        return dir;
    }

    /** Every command refuses with one line, exit 2, and leaves the file exactly as it was. */
    private void assertRefusedAndUntouched(Path dir, String... extra) throws IOException {
        Path db = dir.resolve(Database.FILE_BASE_NAME + ".mv.db");
        byte[] before = Files.readAllBytes(db);
        for (String[] command : new String[][] {{"stats", "--period", "2022"}, {"init"}}) {
            String[] args = Stream.concat(Arrays.stream(extra), Arrays.stream(command)).toArray(String[]::new);
            StoreCli run = StoreCli.in(dir, args);
            assertThat(run.code()).as("%s: %s", String.join(" ", command), run.err()).isEqualTo(2);
            assertThat(run.errLine()).contains("damaged").contains(db.toString()).contains("restore FILE");
            assertThat(Files.readAllBytes(db)).as("the file after %s", String.join(" ", command)).isEqualTo(before);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).toList())
                    .as("no new database beside it").containsExactly(Database.FILE_BASE_NAME + ".mv.db");
        }
    }

    @Test
    void emptyDatabaseFileIsReplacedByANewDatabase() throws IOException {
        assertRefusedAndUntouched(damagedCopy(plain, bytes -> new byte[0]));
    }

    @Test
    void databaseFileCutInTheMiddleOfABlockOpensAnOlderState() throws IOException {
        assertRefusedAndUntouched(damagedCopy(plain, bytes -> Arrays.copyOf(bytes, bytes.length / 2 + 13)));
    }

    @Test
    void databaseFileCutAtABlockBoundaryOpensAnOlderState() throws IOException {
        assertRefusedAndUntouched(damagedCopy(plain,
                bytes -> Arrays.copyOf(bytes, bytes.length / 2 / BLOCK * BLOCK)));
    }

    @Test
    void databaseFileCutToItsHeaderBlocksIsReplacedByANewDatabase() throws IOException {
        assertRefusedAndUntouched(damagedCopy(plain, bytes -> Arrays.copyOf(bytes, 2 * BLOCK)));
    }

    @Test
    void fileThatIsNotAnH2DatabaseIsReplaced() throws IOException {
        assertRefusedAndUntouched(damagedCopy(plain,
                bytes -> "this is not a database\n".repeat(1000).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encryptedDatabaseFileCutShortIsReplaced() throws IOException {
        assertRefusedAndUntouched(damagedCopy(encrypted, bytes -> Arrays.copyOf(bytes, bytes.length / 2 + 13)),
                "--passphrase-file", passphraseFile.toString());
    }

    @Test
    void emptyEncryptedDatabaseFileIsReplaced() throws IOException {
        assertRefusedAndUntouched(damagedCopy(encrypted, bytes -> new byte[0]),
                "--passphrase-file", passphraseFile.toString());
    }

    @Test
    void anIntactCopyStillOpens() throws IOException {
        // the check refuses only damage: the same copy, undamaged, answers
        Path dir = damagedCopy(plain, bytes -> bytes);
        StoreCli run = StoreCli.in(dir, "stats", "--period", "2022");
        assertThat(run.code()).as(run.err()).isZero();
        Path enc = tmp.resolve("enc");
        Files.createDirectories(enc);
        try (Stream<Path> files = Files.list(encrypted)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, enc.resolve(f.getFileName()));
            }
        }
        StoreCli encRun = StoreCli.in(enc, "--passphrase-file", passphraseFile.toString(), "stats", "--period", "2022");
        assertThat(encRun.code()).as(encRun.err()).isZero();
    }
}
