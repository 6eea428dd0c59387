package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.cli.CliResult;
import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.app.cli.LogSetup;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ReadLimits;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.service.csv.CsvReadResult;
import org.antifraud.cc.service.csv.CsvReader;
import org.antifraud.cc.service.dataset.DatasetService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on what the application reads (issue 13): a hostile CSV file must fail with one line-numbered problem
 * and exit 2, promptly, without the memory it asks for; a failure on a worker thread must reach the caller; two
 * imports at once must take turns. Each test is one attack.
 */
@IntegrationTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AttackInputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T08:00:00Z"), ZoneOffset.UTC);
    private static final String CASES_HEADER = "id,case_number,registered_on,region,fraud_type,loss,recovered,status";

    @TempDir
    static Path dataDir;
    @TempDir
    Path tmp;

    private static Database database;
    private static Catalog catalog;

    static {
        // as CliRun: the log of in-process runs goes to target/test-logs, not into the data folders
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, Path.of("target", "test-logs").toAbsolutePath().toString());
        }
    }

    @BeforeAll
    static void catalog() {
        database = Database.openUrl("jdbc:h2:mem:attack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "attack");
        new DatasetService(database, CLOCK).initialiseIfNew();
        catalog = database.repositories().catalog().load();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static CsvReader reader() {
        return new CsvReader(catalog, CLOCK);
    }

    /** {@code size} bytes of {@code fill} after {@code head}, made as read (never held in memory), counting what was read. */
    private static final class Endless extends InputStream {
        private final byte[] head;
        private final long size;
        private final byte fill;
        long read;

        Endless(String head, long size, char fill) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.size = size;
            this.fill = (byte) fill;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                long at = read + i;
                b[off + i] = at < head.length ? head[(int) at] : fill;
            }
            read += n;
            return n;
        }
    }

    private static String caseRow(int i, String loss) {
        return UUID.nameUUIDFromBytes(("case-" + i).getBytes(StandardCharsets.UTF_8)) + ",A-" + i
                + ",2024-05-05,CN-GD,romance," + loss + ",0,open";
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(Path dir, Writer errSink, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Writer errors = errSink == null ? err : new TeeWriter(err, errSink);
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        all[2] = "--lang";
        all[3] = "en";
        System.arraycopy(args, 0, all, 4, args.length);
        CliResult result;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(errors, true)) {
            result = CommandCenterCli.run(all, o, e);
        }
        return new Run(result.exitCode(), out.toString(), err.toString());
    }

    @Test
    void aCellOfHalfAGigabyteIsOneLineNumberedProblemReadInAMomentWithoutHoldingTheCell() throws IOException {
        long halfGig = 512L * 1024 * 1024;
        Endless in = new Endless(CASES_HEADER + "\n" + caseRow(1, "1") + "\n\"", halfGig, 'x');
        CsvReadResult result = reader().read("huge.csv", in, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(CsvProblem::toString)
                .containsExactly("huge.csv:3: a cell longer than 65536 characters: nothing more is read");
        assertThat(in.read).as("bytes read before stopping").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aHugeCellInAnImportedFileIsExit2WithFileAndLineAndNothingWritten() throws IOException {
        Path f = tmp.resolve("cell.csv");
        Files.writeString(f, CASES_HEADER + "\n" + caseRow(1, "1") + "\n" + caseRow(2, "1").replace("A-2",
                "A-" + "9".repeat(200_000)) + "\n");
        Run run = cli(dataDir, null, "import", f.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(f + ":3: a cell longer than 65536 characters: nothing more is read")
                .doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("imported");
    }

    @Test
    void aHugeLineOfShortCellsIsOneProblemOnItsLine() throws IOException {
        // a million commas: every cell short, the line beyond the limit
        Endless in = new Endless(CASES_HEADER + "\n" + caseRow(1, "1") + "\n", 64L * 1024 * 1024, ',');
        CsvReadResult result = reader().read("wide.csv", in, null);
        assertThat(result.problems()).extracting(CsvProblem::toString)
                .containsExactly("wide.csv:3: a line longer than 1048576 characters: nothing more is read");
        assertThat(in.read).isLessThan(4L * 1024 * 1024);
    }

    @Test
    void tooManyRowsStopAtTheLimitWithTheLineOfTheFirstRowTooMany() throws IOException {
        StringBuilder file = new StringBuilder(CASES_HEADER).append('\n');
        for (int i = 0; i < 10; i++) {
            file.append(caseRow(i, "1")).append('\n');
        }
        CsvReadResult result = reader().withLimits(ReadLimits.RECORD_FILES.withMaxRows(5))
                .read("rows.csv", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), null);
        assertThat(result.problems()).extracting(CsvProblem::toString)
                .containsExactly("rows.csv:7: more than 5 rows: nothing more is read");
        assertThat(ReadLimits.RECORD_FILES.maxRows()).as("bench import's largest file still fits").isEqualTo(20_000_000);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Endless in = new Endless(CASES_HEADER + "\n", 3L * 1024 * 1024, '\n');
        CsvReadResult result = reader().withLimits(ReadLimits.RECORD_FILES.withMaxFileBytes(1024 * 1024))
                .read("big.csv", in, null);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().getFirst().kind()).isEqualTo(CsvProblem.Kind.TOO_MANY_BYTES);
        assertThat(in.read).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aNumberBeyondTheColumnsDigitsIsALineNumberedProblemNotAStackTrace() throws IOException {
        Path f = tmp.resolve("range.csv");
        Files.writeString(f, CASES_HEADER + "\n" + caseRow(1, "12345678901234567890") + "\n"
                + caseRow(2, "1").replace(",0,open", ",99999999999999999999.5,open") + "\n");
        Run run = cli(dataDir, null, "import", f.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(f + ":2: loss: too large: 12345678901234567890")
                .contains(f + ":3: recovered: too large: 99999999999999999999.5").doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // ten thousand rows through a whole import, on a busy machine
    void totalsBeyondTheRollupsDigitsAreExit2AndNothingIsImported() throws IOException {
        // each loss fits DECIMAL(20, 2); ten thousand of them on one day and region do not fit the rollups' (24, 2)
        Path f = tmp.resolve("totals.csv");
        StringBuilder file = new StringBuilder(CASES_HEADER).append('\n');
        for (int i = 0; i < 10_001; i++) {
            file.append(caseRow(100_000 + i, "999999999999999999.99")).append('\n');
        }
        Files.writeString(f, file);
        Run run = cli(dataDir, null, "import", f.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("the totals would exceed what can be stored (at most 22 digits before "
                + "the point); nothing was imported");
        Run again = cli(dataDir, null, "export", "--type", "cases", "--out", tmp.resolve("back.csv").toString());
        assertThat(again.code()).isZero();
        assertThat(Files.readString(tmp.resolve("back.csv"))).doesNotContain("999999999999999999.99");
    }

    @Test
    void moneyWithThreeWrittenDecimalsIsRefusedInAFileAsInTheForm() throws IOException {
        CsvReadResult result = reader().read("dec.csv", new ByteArrayInputStream((CASES_HEADER + "\n"
                + caseRow(1, "12.500") + "\n").getBytes(StandardCharsets.UTF_8)), null);
        assertThat(result.problems()).extracting(CsvProblem::toString)
                .containsExactly("dec.csv:2: loss: money has at most 2 decimals: 12.500");
    }

    @Test
    void anErrorOnTheParsingThreadReachesTheCallerAtOnce() {
        StringBuilder rows = new StringBuilder(CASES_HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            rows.append(caseRow(i, "1")).append('\n');
        }
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() {
                        throw new StackOverflowError("injected: the parser's thread dies mid-file");
                    }
                });
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                reader().read("dies.csv", failing, null);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable thrown = outcome.orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dies.csv").hasRootCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void runningOutOfMemoryOnTheParsingThreadIsAProblemNotAHang() {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream((CASES_HEADER + "\n" + caseRow(1, "1")
                + "\n").getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() {
                        throw new OutOfMemoryError("injected");
                    }
                });
        assertThatThrownBy(() -> reader().read("oom.csv", failing, null)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).key()).isEqualTo("csv_out_of_memory");
    }

    @Test
    void aSecondImportWaitsForTheFirstSaysSoAndThenRuns() throws Exception {
        Path f = tmp.resolve("second.csv");
        Files.writeString(f, CASES_HEADER + "\n" + caseRow(7, "70") + "\n");
        CountDownLatch waiting = new CountDownLatch(1);
        Writer watch = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                if (new String(c, off, len).contains("waiting for another import to finish")) {
                    waiting.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CompletableFuture<Run> second;
        // the first import: the data folder's lock, held as an import holds it
        try (ImportLock.Held first = ImportLock.of(dataDir).acquire(Duration.ofSeconds(5), () -> { },
                () -> false)) {
            second = CompletableFuture.supplyAsync(() -> cli(dataDir, watch, "import", f.toString()));
            assertThat(waiting.await(60, TimeUnit.SECONDS)).as("the second import says it waits").isTrue();
            assertThat(second).isNotDone();
        }
        Run run = second.get(60, TimeUnit.SECONDS);
        assertThat(run.code()).isZero();
        assertThat(run.err()).containsOnlyOnce("second.csv: waiting for another import to finish…")
                .doesNotContain("Timeout").doesNotContain("\tat ");
        assertThat(run.out()).contains("imported 1 rows (1 new");
    }

    @Test
    void anImportInAnotherProcessWaitsForTheLockFileAndThenRuns() throws Exception {
        Path dir = tmp.resolve("shared");
        Files.createDirectories(dir);
        Path f = tmp.resolve("other.csv");
        Files.writeString(f, CASES_HEADER + "\n" + caseRow(8, "80") + "\n");
        Path err = tmp.resolve("child-err.txt");
        Process child;
        try (ImportLock.Held held = ImportLock.of(dir).acquire(Duration.ofSeconds(5), () -> { },
                () -> false)) {
            child = Child.start(tmp, err, "--data-dir", dir.toString(), "--lang", "en", "import", f.toString());
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!Files.readString(err).contains("waiting for another import to finish")) {
                    assertThat(child.isAlive()).as("the child waits, it does not fail: " + Files.readString(err)).isTrue();
                    assertThat(System.nanoTime() < deadline).as("the child said it waits within 90 s").isTrue();
                    Thread.onSpinWait();
                    TimeUnit.MILLISECONDS.sleep(50); // polling a file another process writes
                }
            } catch (Throwable t) {
                child.destroyForcibly();
                throw t;
            }
        }
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child finished after the lock was released").isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).containsOnlyOnce("waiting for another import to finish");
    }

    @Test
    void anUnexpectedFailureWritesItsStackTraceToTheDataFoldersLog() throws Exception {
        Path dir = tmp.resolve("broken");
        Files.createDirectories(dir.resolve(ImportLock.FILE_NAME)); // the lock file cannot be opened: a failure no check foresees
        Path f = tmp.resolve("one.csv");
        Files.writeString(f, CASES_HEADER + "\n" + caseRow(9, "90") + "\n");
        Path err = tmp.resolve("broken-err.txt");
        Process child = Child.start(tmp, err, "--data-dir", dir.toString(), "--lang", "en", "import", f.toString());
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr.strip()).startsWith("unexpected error: UncheckedIOException").endsWith("(details in the log)")
                .doesNotContain("\tat ");
        String log = Files.readString(dir.resolve("logs").resolve("command-center.log"));
        assertThat(log).contains("unexpected failure").contains("java.io.UncheckedIOException: cannot lock")
                .contains("\tat org.antifraud.cc.persistence.ImportLock");
    }

    /** Writes to two writers. */
    private static final class TeeWriter extends Writer {
        private final Writer a;
        private final Writer b;

        TeeWriter(Writer a, Writer b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            a.write(c, off, len);
            b.write(c, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            a.close();
            b.close();
        }
    }
}
