package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.service.csv.CsvProblem.Kind;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the rows of one file into records, reporting every problem of a row. One instance per file: it holds the
 * caches and the keys seen so far.
 */
abstract class RowReader {
    /** Where each of the type's columns is in the file's rows; -1 when the file has not got it. */
    private final int[] at;
    private final CsvFileType type;
    final CatalogIndex catalog;
    final LocalDate today;
    final Problems problems;
    final Cells cells = new Cells();
    final FieldRules.Parser numbers = new FieldRules.Parser();
    private final Map<UUID, Integer> ids = new HashMap<>();

    /** The line of the row being read. */
    int line;
    private CSVRecord row;

    RowReader(CsvFileType type, int[] at, CatalogIndex catalog, LocalDate today, Problems problems) {
        this.type = type;
        this.at = at;
        this.catalog = catalog;
        this.today = today;
        this.problems = problems;
    }

    static RowReader of(CsvFileType type, int[] at, CatalogIndex catalog, LocalDate today, LocalDateTime now,
                        Problems problems) {
        return switch (type) {
            case MEASUREMENTS -> new MeasurementRows(at, catalog, today, problems);
            case DENS -> new DenRows(at, catalog, today, problems);
            case WARNINGS -> new WarningRows(at, catalog, today, problems);
            case CASES -> new CaseRows(at, catalog, today, problems);
            case INSTRUCTIONS -> new InstructionRows(at, catalog, today, now, problems);
        };
    }

    /** The row's record, or null when the row has a problem (reported). */
    final EntryRecord read(CSVRecord record, int lineNumber) {
        this.row = record;
        this.line = lineNumber;
        int before = problems.total();
        EntryRecord r = readRow();
        return problems.total() == before ? r : null;
    }

    /** The record of the current row; anything (null) when a problem was reported. */
    abstract EntryRecord readRow();

    /** A column's position among the type's columns, for the subclasses' constants. */
    static int column(CsvFileType type, String name) {
        int i = type.columns().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(type + " has no column " + name);
        }
        return i;
    }

    String name(int column) {
        return type.columns().get(column);
    }

    void problem(int column, Kind kind, Object... args) {
        problems.add(line, column < 0 ? null : name(column), kind, args);
    }

    /** A cell exactly as in the file; "" when the file has no such column. */
    private String raw(int column) {
        int i = at[column];
        if (i < 0) {
            return "";
        }
        String s = row.get(i);
        if (s.indexOf('\uFFFD') >= 0) {
            problem(column, Kind.NOT_UTF8); // the decoder put it where the bytes were not UTF-8
        }
        return s;
    }

    /** A cell as written, its formula guard removed. */
    String text(int column) {
        return FormulaGuard.unneutralise(raw(column));
    }

    /** A cell holding a code, a number or a date: trimmed, its formula guard removed. */
    String code(int column) {
        return FormulaGuard.unneutralise(raw(column).strip());
    }

    /** Free text: as written, null when blank; a problem when longer than {@code max}. */
    String freeText(int column, int max) {
        String s = text(column);
        if (s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            problem(column, Kind.TOO_LONG, max);
        }
        return s;
    }

    /** A required code: a problem when empty. */
    String required(int column) {
        String s = code(column);
        if (s.isEmpty()) {
            problem(column, Kind.REQUIRED);
        }
        return s;
    }

    UUID id(int column) {
        String s = required(column);
        if (s.isEmpty()) {
            return null;
        }
        UUID id = Cells.uuid(s);
        if (id == null) {
            problem(column, Kind.BAD_UUID, CsvProblem.quote(s));
            return null;
        }
        Integer first = ids.putIfAbsent(id, line);
        if (first != null) {
            problem(column, Kind.DUPLICATE_ID, id.toString(), first);
        }
        return id;
    }

    /** A date not after today. */
    LocalDate date(int column) {
        String s = required(column);
        if (s.isEmpty()) {
            return null;
        }
        LocalDate d = cells.date(s);
        if (d == null) {
            problem(column, Kind.BAD_DATE, CsvProblem.quote(s));
        } else if (d.isAfter(today)) {
            problem(column, Kind.FUTURE_DATE, s, today.toString());
        }
        return d;
    }

    /** A region's code (the catalog's own string): the nation, a province or a battle zone. */
    String region(int column) {
        Region r = regionOf(column);
        return r == null ? null : r.code();
    }

    private Region regionOf(int column) {
        String s = required(column);
        if (s.isEmpty()) {
            return null;
        }
        Region r = catalog.region(s);
        if (r == null) {
            problem(column, Kind.UNKNOWN_REGION, CsvProblem.quote(s));
        }
        return r;
    }

    /** A province's code (a den is taken down in a province, never in the nation or a battle zone). */
    String province(int column) {
        return province(column, Kind.NOT_PROVINCE);
    }

    /** As {@link #province(int)}, saying {@code notProvince} for a region that is not a province. */
    String province(int column, Kind notProvince) {
        Region r = regionOf(column);
        if (r == null) {
            return null;
        }
        if (r.kind() != RegionKind.PROVINCE) {
            problem(column, notProvince, r.code());
            return null;
        }
        return r.code();
    }

    /** An optional campaign's code (the catalog's own string), null when empty. */
    String campaign(int column) {
        String s = code(column);
        if (s.isEmpty()) {
            return null;
        }
        CatalogIndex.Ref<?> c = catalog.campaign(s);
        if (c == null) {
            problem(column, Kind.UNKNOWN_CAMPAIGN, CsvProblem.quote(s));
            return null;
        }
        return c.code();
    }

    /** A required count: a non-negative whole number; -1 after a problem. */
    long count(int column) {
        String s = required(column);
        if (s.isEmpty()) {
            return -1;
        }
        long v = numbers.count(s);
        if (v < 0) {
            numberProblem(column, s);
        }
        return v;
    }

    /** A required amount of money: non-negative, at most two decimals. */
    BigDecimal money(int column) {
        String s = required(column);
        return s.isEmpty() ? null : money(column, s);
    }

    BigDecimal money(int column, String s) {
        BigDecimal v = numbers.parse(FieldRules.Amount.MONEY, s, null);
        if (v == null) {
            numberProblem(column, s, Kind.MONEY_DECIMALS);
        }
        return v;
    }

    void numberProblem(int column, String s) {
        numberProblem(column, s, Kind.VALUE_DECIMALS);
    }

    /** The problem of the number {@code numbers} just refused; {@code decimals}: the kind for too many decimals. */
    void numberProblem(int column, String s, Kind decimals) {
        Kind kind = switch (numbers.error()) {
            case THOUSANDS -> Kind.THOUSANDS_SEPARATOR;
            case NEGATIVE -> Kind.NEGATIVE;
            case TOO_LARGE -> Kind.TOO_LARGE;
            case NOT_WHOLE -> Kind.NOT_WHOLE;
            case TOO_MANY_DECIMALS -> decimals;
            default -> Kind.NOT_NUMBER;
        };
        // the decimals' messages show the cell as written; the others quote it (cut when long)
        problem(column, kind, kind == decimals ? s : CsvProblem.quote(s));
    }
}
