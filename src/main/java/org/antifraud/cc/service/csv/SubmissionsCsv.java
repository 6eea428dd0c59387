package org.antifraud.cc.service.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.ReadLimits;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.csv.CsvProblem.Kind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A field-station package's {@code submissions.csv} (docs/csv-format.md): one row per province, month and kind
 * ever submitted, with its state, who changed it when, and a reopening's reason. Read with limits (at most
 * {@value #MAX_ROWS} rows and {@value #MAX_BYTES} bytes, the columns' widths) and every problem as
 * {@code FILE:LINE: COLUMN: message}, like the package's other files. No database: codes are checked against
 * the catalog given, months against {@code today}.
 */
public final class SubmissionsCsv {
    public static final List<String> COLUMNS = List.of("region", "month", "kind", "state", "changed_by", "changed_at",
            "reason");
    /** 31 provinces × 3 kinds × 12 months for 50 years, and more. */
    public static final int MAX_ROWS = (int) ReadLimits.SUBMISSIONS.maxRows();
    private static final String TYPE = "submissions";
    private static final int REGION = 0;
    private static final int MONTH = 1;
    private static final int KIND = 2;
    private static final int STATE = 3;
    private static final int CHANGED_BY = 4;
    private static final int CHANGED_AT = 5;
    private static final int REASON = 6;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private SubmissionsCsv() {
    }

    /** Either every row (and no problems) or every problem (and no rows); at most {@code problemLimit} listed. */
    public record Read(List<Submission> submissions, List<CsvProblem> problems, int moreProblems) {
        public Read {
            submissions = problems.isEmpty() ? List.copyOf(submissions) : List.of();
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Writes the rows, text cells neutralised against spreadsheet formulas. */
    public static void write(Writer out, List<Submission> submissions) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        for (Submission s : submissions) {
            printer.printRecord(s.regionCode(), s.month(), s.kind().code(), s.state().code(),
                    FormulaGuard.neutralise(s.changedBy()), s.changedAt(),
                    s.reason() == null ? "" : FormulaGuard.neutralise(s.reason()));
        }
        printer.flush();
    }

    /** Reads a stream (to its end, not closed), naming it {@code fileName} in problems. */
    public static Read read(String fileName, InputStream in, Catalog catalog, LocalDate today) throws IOException {
        Problems problems = new Problems(fileName, CsvReader.DEFAULT_PROBLEM_LIMIT);
        List<Submission> rows = new ArrayList<>();
        ReadLimits limits = ReadLimits.SUBMISSIONS;
        try (Reader reader = LimitedInput.text(CsvReader.utf8(LimitedInput.bytes(uncloseable(in), limits.maxFileBytes())),
                limits);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long linesBefore = 0;
            int[] at = null;
            int width = 0;
            Map<String, Integer> seen = new HashMap<>();
            int dataRows = 0;
            while (true) {
                int line = (int) linesBefore + 1;
                CSVRecord row;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    row = records.next();
                } catch (UncheckedIOException e) {
                    LimitedInput.Exceeded limit = LimitedInput.Exceeded.in(e);
                    if (limit != null) {
                        problems.add(limit.line() > 0 ? limit.line() : line, null, limit.kind(), limit.limit());
                    } else {
                        problems.add(line, null, Kind.BAD_CSV, String.valueOf(e.getCause().getMessage()));
                    }
                    break;
                }
                linesBefore = parser.getCurrentLineNumber();
                if (at == null) {
                    at = header(row, problems);
                    if (at == null) {
                        break;
                    }
                    width = row.size();
                    continue;
                }
                if (row.size() == 1 && width > 1 && row.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (++dataRows > MAX_ROWS) {
                    problems.add(line, null, Kind.TOO_MANY_ROWS, MAX_ROWS);
                    break;
                }
                if (row.size() != width) {
                    problems.add(line, null, Kind.CELL_COUNT, row.size(), width);
                    continue;
                }
                Submission s = row(row, at, line, catalog, today, problems);
                if (s != null) {
                    Integer first = seen.putIfAbsent(s.entityId(), line);
                    if (first != null) {
                        problems.add(line, null, Kind.DUPLICATE_SUBMISSION, first);
                    } else {
                        rows.add(s);
                    }
                }
            }
            if (at == null && problems.none()) {
                problems.add(1, null, Kind.EMPTY_FILE);
            }
        }
        return new Read(rows, problems.listed(), problems.more());
    }

    /** Where each column is; null (problems reported) when the rows cannot be read. */
    private static int[] header(CSVRecord row, Problems problems) {
        int[] at = new int[COLUMNS.size()];
        Arrays.fill(at, -1);
        for (int i = 0; i < row.size(); i++) {
            String name = CsvFileType.normalise(row.get(i));
            int column = COLUMNS.indexOf(name);
            if (name.isEmpty()) {
                problems.add(1, null, Kind.UNNAMED_COLUMN, i + 1);
            } else if (column < 0) {
                problems.add(1, CsvProblem.quote(name), Kind.UNKNOWN_COLUMN, TYPE, String.join(", ", COLUMNS));
            } else if (at[column] >= 0) {
                problems.add(1, name, Kind.DUPLICATE_COLUMN, at[column] + 1, i + 1);
            } else {
                at[column] = i;
            }
        }
        for (int c = 0; c < at.length; c++) {
            if (at[c] < 0 && c != REASON) {
                problems.add(1, COLUMNS.get(c), Kind.MISSING_COLUMN, TYPE);
            }
        }
        return problems.none() ? at : null;
    }

    /** One row's submission, or null with its problems reported. */
    private static Submission row(CSVRecord row, int[] at, int line, Catalog catalog, LocalDate today,
                                  Problems problems) {
        int before = problems.total();
        String[] cell = new String[COLUMNS.size()];
        for (int c = 0; c < cell.length; c++) {
            cell[c] = at[c] < 0 ? "" : row.get(at[c]);
            if (cell[c].indexOf('\uFFFD') >= 0) {
                problems.add(line, COLUMNS.get(c), Kind.NOT_UTF8);
            } else if (cell[c].strip().isEmpty() && c != REASON) {
                problems.add(line, COLUMNS.get(c), Kind.REQUIRED);
            }
        }
        if (problems.total() > before) {
            return null;
        }
        String region = cell[REGION].strip();
        Region r = catalog.region(region).orElse(null);
        if (r == null) {
            problems.add(line, "region", Kind.UNKNOWN_REGION, CsvProblem.quote(region));
        } else if (r.kind() != RegionKind.PROVINCE) {
            problems.add(line, "region", Kind.NOT_REPORTING_UNIT, region);
        }
        YearMonth month = month(cell[MONTH].strip());
        if (month == null) {
            problems.add(line, "month", Kind.BAD_MONTH, CsvProblem.quote(cell[MONTH]));
        } else if (month.isAfter(YearMonth.from(today))) {
            problems.add(line, "month", Kind.FUTURE_PERIOD, month.toString(), today.toString());
        }
        SubmissionKind kind = null;
        for (SubmissionKind k : SubmissionKind.values()) {
            if (k.code().equals(cell[KIND].strip())) {
                kind = k;
            }
        }
        if (kind == null) {
            problems.add(line, "kind", Kind.UNKNOWN_SUBMISSION_KIND, CsvProblem.quote(cell[KIND]), "dens, warnings, cases, instructions");
        }
        String stateCode = cell[STATE].strip();
        SubmissionState state = stateCode.equals(SubmissionState.SUBMITTED.code()) ? SubmissionState.SUBMITTED
                : stateCode.equals(SubmissionState.REOPENED.code()) ? SubmissionState.REOPENED : null;
        if (state == null) {
            problems.add(line, "state", Kind.UNKNOWN_SUBMISSION_STATE, CsvProblem.quote(cell[STATE]), "submitted, reopened");
        }
        String by = FormulaGuard.unneutralise(cell[CHANGED_BY].strip());
        if (by.length() > Submission.MAX_CHANGED_BY) {
            problems.add(line, "changed_by", Kind.TOO_LONG, Submission.MAX_CHANGED_BY);
        }
        Instant changedAt = null;
        try {
            changedAt = Instant.parse(cell[CHANGED_AT].strip()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            problems.add(line, "changed_at", Kind.BAD_INSTANT, CsvProblem.quote(cell[CHANGED_AT]));
        }
        String reason = FormulaGuard.unneutralise(cell[REASON].strip());
        if (reason.length() > Submission.MAX_REASON) {
            problems.add(line, "reason", Kind.TOO_LONG, Submission.MAX_REASON);
        } else if (state == SubmissionState.REOPENED && reason.isEmpty()) {
            problems.add(line, "reason", Kind.REASON_REQUIRED);
        }
        if (problems.total() > before) {
            return null;
        }
        return new Submission(region, month, kind, state, by, changedAt,
                state == SubmissionState.REOPENED ? reason : null);
    }

    /** {@code YYYY-MM} from 1900 on, or null. */
    private static YearMonth month(String s) {
        if (s.length() != 7 || s.charAt(4) != '-') {
            return null;
        }
        for (int i = 0; i < 7; i++) {
            if (i != 4 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return null;
            }
        }
        int year = Integer.parseInt(s.substring(0, 4));
        int m = Integer.parseInt(s.substring(5));
        return year < 1900 || m < 1 || m > 12 ? null : YearMonth.of(year, m);
    }

    /** The stream, not closed with the reader: the zip goes on to its next entry. */
    private static InputStream uncloseable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // left open
            }
        };
    }
}
