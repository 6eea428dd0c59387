package org.antifraud.cc.service.exchange;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ReadLimits;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.service.csv.CsvReadResult;
import org.antifraud.cc.service.csv.CsvReader;
import org.antifraud.cc.service.csv.CsvWriter;
import org.antifraud.cc.service.csv.LimitedInput;
import org.antifraud.cc.service.records.RecordService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.LoggerFactory;

/**
 * CSV files in and out (docs/csv-format.md). An import reads and checks the whole file first and writes
 * nothing if anything is wrong; a good file goes in as one transaction ({@link RecordService#importAll}).
 * An export writes to a temporary file beside the target and moves it into place, so that a failed export
 * never leaves half a file.
 */
public final class InterchangeService {
    private final Database database;
    private final Catalog catalog;
    private final RecordService records;
    private final Clock clock;
    private final ReadLimits limits;

    public InterchangeService(Database database, Catalog catalog, RecordService records, Clock clock) {
        this(database, catalog, records, clock, ReadLimits.RECORD_FILES);
    }

    /** With other limits for the files read (tests; docs/security.md "Input limits" gives the real ones). */
    public InterchangeService(Database database, Catalog catalog, RecordService records, Clock clock,
                              ReadLimits limits) {
        this.database = database;
        this.catalog = catalog;
        this.records = records;
        this.clock = clock;
        this.limits = limits;
    }

    /** One file's import: its problems (nothing imported), or what went in. */
    public record FileImport(CsvReadResult read, RecordService.ImportSummary summary) {
        public boolean ok() {
            return summary != null;
        }
    }

    /** Reads, checks and imports one file, whole or not at all. */
    public FileImport importFile(Path file) {
        return importFile(file, RecordService.ImportListener.NONE);
    }

    /**
     * As {@link #importFile(Path)}, followed: reading and checking is the first fifth of the progress, the
     * transaction the rest. Cancelled, it throws {@link java.util.concurrent.CancellationException} and nothing
     * of the file is stored.
     */
    public FileImport importFile(Path file, RecordService.ImportListener listener) {
        CsvReadResult read;
        long started = System.nanoTime();
        CsvReader reader = new CsvReader(catalog, clock).withLimits(limits);
        try (InputStream in = new ProgressStream(Files.newInputStream(file), Files.size(file), listener)) {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) { // said at once, before reading any of it
                return new FileImport(reader.tooLarge(file.toString()), null);
            }
            read = reader.read(file.toString(), in, null);
        } catch (IOException e) {
            throw new Problem("file_unreadable", "cannot read " + file + ": " + e.getMessage(), file.toString(),
                    String.valueOf(e.getMessage()));
        }
        if (!read.ok()) {
            return new FileImport(read, null);
        }
        long t0 = System.nanoTime();
        FileImport done = new FileImport(read, records.importAll(read.records(), "import " + file.getFileName(), repos -> { },
                new RecordService.ImportListener() {
                    @Override
                    public void progress(double fraction) {
                        listener.progress(0.2 + 0.8 * fraction);
                    }

                    @Override
                    public boolean cancelled() {
                        return listener.cancelled();
                    }

                    @Override
                    public void waiting() {
                        listener.waiting();
                    }
                }));
        LoggerFactory.getLogger(InterchangeService.class).info("imported {}: {} rows, read and checked in {} ms,"
                        + " transaction with commit {} ms", file.getFileName(), read.records().size(),
                (t0 - started) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        return done;
    }

    /** The header and the first {@code rows} rows of a CSV file as text, for a preview before importing. */
    public List<List<String>> preview(Path file, int rows) {
        List<List<String>> lines = new ArrayList<>();
        // the same limits as the import: a hostile cell in the first rows must not fill the memory either
        try (PushbackReader r = new PushbackReader(LimitedInput.text(new InputStreamReader(
                LimitedInput.bytes(Files.newInputStream(file), limits.maxFileBytes()),
                StandardCharsets.UTF_8), limits));
             CSVParser parser = CSVFormat.RFC4180.parse(skipBom(r))) {
            for (CSVRecord rec : parser) {
                lines.add(rec.toList());
                if (lines.size() > rows) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            LimitedInput.Exceeded limit = LimitedInput.Exceeded.in(e);
            if (limit != null) {
                CsvProblem p = new CsvProblem(file.toString(), Math.max(1, limit.line()), null,
                        limit.what() == LimitedInput.Exceeded.What.CELL ? CsvProblem.Kind.CELL_TOO_LONG
                                : limit.what() == LimitedInput.Exceeded.What.LINE ? CsvProblem.Kind.LINE_TOO_LONG
                                : CsvProblem.Kind.TOO_MANY_BYTES, List.of(limit.limit()));
                throw new Problem("file_beyond_limits", p.toString(), p.toString());
            }
            throw new Problem("file_unreadable", "cannot read " + file + ": " + e.getMessage(), file.toString(),
                    String.valueOf(e.getMessage()));
        }
        return lines;
    }

    private static Reader skipBom(PushbackReader r) throws IOException {
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    /** Counts the bytes read for progress and stops the read when cancelled. */
    private static final class ProgressStream extends FilterInputStream {
        private final long size;
        private final RecordService.ImportListener listener;
        private long read;
        private long reported;

        ProgressStream(InputStream in, long size, RecordService.ImportListener listener) {
            super(new BufferedInputStream(in, 1 << 16));
            this.size = Math.max(1, size);
            this.listener = listener;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                if (read - reported > (1 << 20)) {
                    reported = read;
                    if (listener.cancelled()) {
                        throw new CancellationException("import cancelled");
                    }
                    listener.progress(0.2 * read / size);
                }
            }
            return n;
        }
    }

    /**
     * Writes every record of a type (statistics: every figure that is not synthetic demo) whose day lies in
     * {@code period} (null: all) and whose region is {@code region} or inside it (null: all); returns how many.
     */
    public long export(CsvFileType type, Path out, Period period, String region) {
        Set<String> regions = region == null ? null : subtree(region);
        List<EntryRecord> chosen = new ArrayList<>();
        database.repositories().entries().forEach(type.kind(), s -> {
            EntryRecord r = s.record();
            if ((regions == null || regions.contains(regionOf(r))) && (period == null || within(r, period))) {
                chosen.add(r);
            }
        });
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            CsvWriter.write(tmp, type, chosen);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original problem is the one to report
            }
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return chosen.size();
    }

    private Set<String> subtree(String region) {
        if (catalog.region(region).isEmpty()) {
            throw new Problem("unknown_region", "unknown region: " + region, region);
        }
        Set<String> all = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(region));
        while (!todo.isEmpty()) {
            String r = todo.removeLast();
            if (all.add(r)) {
                todo.addAll(catalog.childrenOf(r));
            }
        }
        return all;
    }

    private static String regionOf(EntryRecord r) {
        return switch (r) {
            case DenTakedown d -> d.regionCode();
            case WarningBatch w -> w.regionCode();
            case FraudCase c -> c.regionCode();
            case WarningInstruction i -> i.regionCode();
            case Statistic s -> s.measurement().regionCode();
        };
    }

    private static boolean within(EntryRecord r, Period period) {
        return switch (r) {
            case DenTakedown d -> contains(period, d.takenOn());
            case WarningBatch w -> contains(period, w.batchOn());
            case FraudCase c -> contains(period, c.registeredOn());
            case WarningInstruction i -> contains(period, i.issuedAt().toLocalDate());
            case Statistic s -> period.contains(s.measurement().period());
        };
    }

    private static boolean contains(Period period, LocalDate day) {
        return !day.isBefore(period.start()) && !day.isAfter(period.end());
    }
}
