package org.antifraud.cc.service.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ReadLimits;
import org.antifraud.cc.service.csv.CsvProblem.Kind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates one CSV file of records ({@code docs/csv-format.md}) without touching the database: UTF-8
 * with or without a byte-order mark, RFC 4180, a header row, columns in any order. Gives either every record, in
 * file order, or every problem ({@code FILE:LINE: COLUMN: message}), never a part of the file.
 *
 * <p>Codes are checked against the catalog given; dates and periods against today by the clock. Thread-safe: each
 * read keeps its state to itself.
 */
public final class CsvReader {
    /** How many problems are listed before the rest are only counted. */
    public static final int DEFAULT_PROBLEM_LIMIT = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // skipped below, so that line numbers stay exact
            .get();

    /** How long the checking thread waits for a batch before it looks whether the parsing thread is still alive. */
    private static final long PARSER_CHECK_MILLIS = 500;

    private final CatalogIndex catalog;
    private final Clock clock;
    private final int problemLimit;
    private final ReadLimits limits;

    public CsvReader(Catalog catalog, Clock clock) {
        this(new CatalogIndex(catalog), clock, DEFAULT_PROBLEM_LIMIT, ReadLimits.RECORD_FILES);
    }

    private CsvReader(CatalogIndex catalog, Clock clock, int problemLimit, ReadLimits limits) {
        this.catalog = catalog;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.problemLimit = problemLimit;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The same reader with other limits (a file beyond one is one problem, and nothing more of it is read). */
    public CsvReader withLimits(ReadLimits other) {
        return new CsvReader(catalog, clock, problemLimit, other);
    }

    /** The same reader listing at most {@code limit} problems of a file (and counting the rest). */
    public CsvReader withProblemLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new CsvReader(catalog, clock, limit, limits);
    }

    /** The result of a file larger than the limits, told before reading it: one problem, nothing read. */
    public CsvReadResult tooLarge(String fileName) {
        return new CsvReadResult(fileName, null, List.of(), new int[0], 0, List.of(new CsvProblem(fileName, 1, null,
                Kind.TOO_MANY_BYTES, List.of(limits.maxFileBytes()))), 0);
    }

    /** Reads a file, its type told from its header; problems name it as {@code file.toString()}. */
    public CsvReadResult read(Path file) throws IOException {
        return read(file, null);
    }

    /** Reads a file of the given type ({@code null}: told from the header). */
    public CsvReadResult read(Path file, CsvFileType type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        }
    }

    /** Reads a stream, naming it {@code fileName} in problems; the stream is read to its end, not closed. */
    public CsvReadResult read(String fileName, InputStream in, CsvFileType type) throws IOException {
        List<EntryRecord> records = new ArrayList<>();
        int[][] lines = {new int[1024]};
        CsvReadResult result = read(fileName, in, type, (line, record) -> {
            if (records.size() == lines[0].length) {
                lines[0] = Arrays.copyOf(lines[0], lines[0].length * 2);
            }
            lines[0][records.size()] = line;
            records.add(record);
        });
        return new CsvReadResult(fileName, result.type(), records, Arrays.copyOf(lines[0], records.size()),
                result.rows(), result.problems(), result.moreProblems());
    }

    /**
     * Reads a stream and hands each good record to {@code sink} as it goes (see {@link CsvRowSink}: whatever it
     * got must be discarded when the result is not {@link CsvReadResult#ok()}). The result holds no records.
     */
    public CsvReadResult read(String fileName, InputStream in, CsvFileType type, CsvRowSink sink) throws IOException {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        Problems problems = new Problems(fileName, problemLimit);
        try (Reader reader = LimitedInput.text(utf8(LimitedInput.bytes(in, limits.maxFileBytes())), limits);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord headerRow = next(records, problems, 1);
            if (headerRow == null) {
                if (problems.none()) {
                    problems.add(1, null, Kind.EMPTY_FILE);
                }
                return result(fileName, type, 0, problems);
            }
            Header header = Header.read(headerRow, type, problems);
            if (header.columnAt() == null) {
                return result(fileName, header.type(), 0, problems);
            }
            RowReader rows = RowReader.of(header.type(), header.columnAt(), catalog, today, now, problems);
            int width = headerRow.size();
            int good = 0;
            long dataRows = 0;
            long linesBefore = parser.getCurrentLineNumber();
            // the CSV syntax is parsed on another thread, a batch ahead, while this one checks the rows
            try (Parsed parsed = new Parsed(records, parser)) {
                while (true) {
                    Parsed.Batch batch = parsed.next();
                    for (int i = 0; i < batch.size(); i++) {
                        int line = (int) linesBefore + 1;
                        CSVRecord row = batch.rows()[i];
                        linesBefore = batch.linesAfter()[i];
                        if (row.size() == 1 && width > 1 && row.get(0).isEmpty()) {
                            continue; // an empty line
                        }
                        if (++dataRows > limits.maxRows()) {
                            problems.add(line, null, Kind.TOO_MANY_ROWS, limits.maxRows());
                            return result(fileName, header.type(), good, problems);
                        }
                        if (row.size() != width) {
                            problems.add(line, null, Kind.CELL_COUNT, row.size(), width);
                            continue;
                        }
                        EntryRecord record = rows.read(row, line);
                        if (record != null) {
                            good++;
                            if (problems.none()) {
                                sink.accept(line, record);
                            }
                        }
                    }
                    if (batch.error() != null) {
                        if (!(batch.error() instanceof UncheckedIOException syntax)) {
                            throw failure(fileName, batch.error()); // cancelled, out of memory, or a bug
                        }
                        syntaxProblem(syntax, problems, (int) linesBefore + 1);
                        break;
                    }
                    if (batch.last()) {
                        break;
                    }
                }
            }
            return result(fileName, header.type(), good, problems);
        }
    }

    /**
     * CSV records parsed by a thread of their own ({@code csv-parse}), handed over in batches with the line number
     * after each: parsing is about half of reading a file, checking the rows the other half.
     */
    private static final class Parsed implements AutoCloseable {
        private static final int BATCH = 2048;

        /** Up to {@link #BATCH} records; the last batch may carry the error that ended the parsing. */
        record Batch(CSVRecord[] rows, long[] linesAfter, int size, Throwable error, boolean last) {
        }

        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        private volatile boolean stopped;
        private final Thread thread;

        Parsed(Iterator<CSVRecord> records, CSVParser parser) {
            thread = Thread.ofPlatform().daemon().name("csv-parse").start(() -> {
                try {
                    boolean more = true;
                    while (more && !stopped) {
                        CSVRecord[] rows = new CSVRecord[BATCH];
                        long[] after = new long[BATCH];
                        int n = 0;
                        try {
                            while (n < BATCH && (more = records.hasNext())) {
                                rows[n] = records.next();
                                after[n++] = parser.getCurrentLineNumber();
                            }
                        } catch (Throwable e) { // an Error too: the checking thread must hear of it, never wait on
                            put(new Batch(rows, after, n, e, true));
                            return;
                        }
                        put(new Batch(rows, after, n, null, !more));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the reader gave up
                }
            });
        }

        private void put(Batch batch) throws InterruptedException {
            while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy with the batches before
            }
        }

        /** The next batch; never waits on a parsing thread that has ended without handing over its last one. */
        Batch next() {
            try {
                while (true) {
                    Batch b = queue.poll(PARSER_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    if (b != null) {
                        return b;
                    }
                    if (!thread.isAlive() && queue.isEmpty()) {
                        return new Batch(new CSVRecord[0], new long[0], 0,
                                new IllegalStateException("the CSV parsing thread ended without a result"), true);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("reading interrupted");
            }
        }

        /** Stops the parsing thread and waits for it, so that the parser can be closed. */
        @Override
        public void close() {
            stopped = true;
            queue.clear();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the parsing thread's failure becomes on the calling thread: a cancellation stays one; running out of
     * memory is a {@link Problem} (the file is too large for the memory given); anything else is a bug, thrown with
     * its cause so that the stack trace reaches the log.
     */
    private static RuntimeException failure(String fileName, Throwable e) {
        if (e instanceof CancellationException c) {
            return c;
        }
        if (e instanceof OutOfMemoryError) {
            LoggerFactory.getLogger(CsvReader.class).error("out of memory reading {}", fileName, e);
            return new Problem("csv_out_of_memory", "not enough memory to read " + fileName
                    + ": split the file, or give the program more memory (-Xmx)", e, fileName);
        }
        return new IllegalStateException("reading " + fileName + " failed on the parsing thread: " + e, e);
    }

    private static CsvReadResult result(String fileName, CsvFileType type, int rows, Problems problems) {
        return new CsvReadResult(fileName, type, List.of(), new int[0], rows, problems.listed(), problems.more());
    }

    /** The next record; null at the end, or after reporting a syntax error (which ends the reading). */
    private static CSVRecord next(Iterator<CSVRecord> records, Problems problems, int line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            syntaxProblem(e, problems, line);
            return null;
        }
    }

    private static void syntaxProblem(UncheckedIOException e, Problems problems, int line) {
        LimitedInput.Exceeded limit = LimitedInput.Exceeded.in(e);
        if (limit != null) {
            problems.add(limit.line() > 0 ? limit.line() : line, null, limit.kind(), limit.limit());
            return;
        }
        String message = e.getCause() == null || e.getCause().getMessage() == null ? "" : e.getCause().getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            problems.add(line, null, Kind.UNCLOSED_QUOTE);
        } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
            problems.add(line, null, Kind.BAD_QUOTE);
        } else {
            problems.add(line, null, Kind.BAD_CSV, message);
        }
    }

    /**
     * The stream as UTF-8 text, a leading byte-order mark skipped. Bytes that are not UTF-8 become U+FFFD, which
     * the rows report where they are (a decoder that throws would report them where it had read ahead to).
     */
    static Reader utf8(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8);
    }

    /** The header row: the file's type and where each of its columns is. */
    private record Header(CsvFileType type, int[] columnAt) {

        /** Reports every problem of the header; {@code columnAt} is null when the rows cannot be read. */
        static Header read(CSVRecord row, CsvFileType given, Problems problems) {
            List<String> names = new ArrayList<>(row.size());
            for (String raw : row) {
                names.add(CsvFileType.normalise(raw));
            }
            Optional<CsvFileType> detected = given != null ? Optional.of(given) : CsvFileType.detect(names);
            if (detected.isEmpty()) {
                problems.add(1, null, Kind.UNKNOWN_TYPE, CsvFileType.codes());
                return new Header(null, null);
            }
            CsvFileType type = detected.get();
            int[] at = new int[type.columns().size()];
            Arrays.fill(at, -1);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                int column = type.columns().indexOf(name);
                if (name.indexOf('\uFFFD') >= 0) {
                    problems.add(1, null, Kind.NOT_UTF8);
                } else if (name.isEmpty()) {
                    problems.add(1, null, Kind.UNNAMED_COLUMN, i + 1);
                } else if (column < 0) {
                    problems.add(1, name, Kind.UNKNOWN_COLUMN, type.code(), String.join(", ", type.columns()));
                } else if (at[column] >= 0) {
                    problems.add(1, name, Kind.DUPLICATE_COLUMN, at[column] + 1, i + 1);
                } else {
                    at[column] = i;
                }
            }
            boolean missing = false;
            for (int c = 0; c < at.length; c++) {
                String name = type.columns().get(c);
                if (at[c] < 0 && type.required().contains(name)) {
                    problems.add(1, name, Kind.MISSING_COLUMN, type.code());
                    missing = true;
                }
            }
            return new Header(type, missing ? null : at);
        }
    }
}
