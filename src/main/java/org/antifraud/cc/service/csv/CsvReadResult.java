package org.antifraud.cc.service.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.antifraud.cc.domain.EntryRecord;

/**
 * What reading one CSV file gave: either its records in file order (and no problems), or every problem found
 * (and no records). At most the reader's problem limit are listed; {@link #moreProblems()} counts the rest.
 */
public final class CsvReadResult {
    private final String file;
    private final CsvFileType type;
    private final List<EntryRecord> records;
    private final int[] lines;
    private final int rows;
    private final List<CsvProblem> problems;
    private final int moreProblems;

    CsvReadResult(String file, CsvFileType type, List<EntryRecord> records, int[] lines, int rows,
                  List<CsvProblem> problems, int moreProblems) {
        this.file = file;
        this.type = type;
        this.records = problems.isEmpty() ? List.copyOf(records) : List.of();
        this.lines = problems.isEmpty() ? lines : new int[0];
        this.rows = rows;
        this.problems = List.copyOf(problems);
        this.moreProblems = moreProblems;
    }

    /** The type of the file, given or told from its header; null when it could not be told. */
    public CsvFileType type() {
        return type;
    }

    /** Whether the file may be imported: no problem at all. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * The records in file order, when {@link #ok()}; empty otherwise, and empty when they were handed to a
     * {@link CsvRowSink} instead of collected.
     */
    public List<EntryRecord> records() {
        return records;
    }

    /** The line the {@code index}-th record of {@link #records()} starts on. */
    public int lineOf(int index) {
        return lines[index];
    }

    /** How many data rows were read without a problem (all of them when {@link #ok()}). */
    public int rows() {
        return rows;
    }

    /** The problems listed, in file order (at most the reader's limit). */
    public List<CsvProblem> problems() {
        return problems;
    }

    /** How many problems were found beyond those listed. */
    public int moreProblems() {
        return moreProblems;
    }

    /** Every problem as a line {@code FILE:LINE: COLUMN: message}, and a last line "… N more" if some were left out. */
    public List<String> render(ResourceBundle bundle) {
        List<String> out = new ArrayList<>(problems.size() + 1);
        for (CsvProblem p : problems) {
            out.add(p.render(bundle));
        }
        if (moreProblems > 0) {
            out.add(new CsvProblem(file, 0, null, CsvProblem.Kind.MORE, List.of(moreProblems)).render(bundle));
        }
        return out;
    }

    @Override
    public String toString() {
        return "CsvReadResult[" + file + ", " + type + ", " + (ok() ? rows + " rows" : problems.size()
                + moreProblems + " problems") + "]";
    }
}
