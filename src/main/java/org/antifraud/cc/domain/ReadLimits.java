package org.antifraud.cc.domain;

/**
 * How much of an outside file a reader takes before it stops with one line-numbered problem (docs/security.md,
 * "Input limits"): every reader of CSV, package entries and settings files gets its limits from here, so that a
 * hostile file fails within seconds instead of filling the memory.
 *
 * @param maxFileBytes the whole file, in bytes
 * @param maxCellChars one cell (a quoted cell that spans lines counts whole)
 * @param maxLineChars one physical line
 * @param maxRows      data rows (the header not counted)
 */
public record ReadLimits(long maxFileBytes, int maxCellChars, int maxLineChars, long maxRows) {
    /** 64 KiB: sixteen times the longest text column (a source's sentence, 4,000 characters). */
    public static final int CELL_CHARS = 64 * 1024;
    /** 1 MiB: a row of the widest type (11 columns) at the cell limit still fits. */
    public static final int LINE_CHARS = 1024 * 1024;

    /**
     * Record files for {@code import} (and the record files inside a package): {@code bench import} goes up to
     * 20 million rows (56 MB a million), so 20,000,000 rows and 2 GiB.
     */
    public static final ReadLimits RECORD_FILES = new ReadLimits(2L * 1024 * 1024 * 1024, CELL_CHARS, LINE_CHARS,
            20_000_000);

    /** A package's submissions.csv: one row per province, month and kind ever submitted. */
    public static final ReadLimits SUBMISSIONS = new ReadLimits(64L * 1024 * 1024, CELL_CHARS, LINE_CHARS, 100_000);

    /** The workstation's settings file (a few dozen short lines in practice). */
    public static final ReadLimits SETTINGS = new ReadLimits(1024 * 1024, CELL_CHARS, LINE_CHARS, 10_000);

    public ReadLimits {
        if (maxFileBytes < 1 || maxCellChars < 1 || maxLineChars < 1 || maxRows < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another row limit (tests, smaller readers). */
    public ReadLimits withMaxRows(long rows) {
        return new ReadLimits(maxFileBytes, maxCellChars, maxLineChars, rows);
    }

    /** The same limits with another file size. */
    public ReadLimits withMaxFileBytes(long bytes) {
        return new ReadLimits(bytes, maxCellChars, maxLineChars, maxRows);
    }
}
