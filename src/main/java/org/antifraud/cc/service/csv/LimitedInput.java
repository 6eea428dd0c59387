package org.antifraud.cc.service.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;

import org.antifraud.cc.domain.ReadLimits;

/**
 * Guards a CSV parser against a hostile file: the bytes of the file, the characters of a cell and of a line are
 * counted <em>under</em> the parser, which fails as soon as one exceeds its {@link ReadLimits} — commons-csv buffers
 * a whole cell before handing it over, so a limit checked on its records would come after the memory is gone.
 *
 * <p>Cells are followed with RFC 4180's quoting (a quote opens a quoted cell only as its first character; {@code ""}
 * inside is one quote), so that a line break inside quotes keeps the cell going and a comma inside quotes does not
 * end it.
 */
public final class LimitedInput {
    private LimitedInput() {
    }

    /** A limit exceeded: which one, its value, and the line (of the file, 1-based) where it was. */
    public static final class Exceeded extends IOException {
        /** Which limit. */
        public enum What { FILE, CELL, LINE }

        private final What what;
        private final long limit;
        private final int line;

        Exceeded(What what, long limit, int line) {
            super(what.name().toLowerCase(Locale.ROOT) + " larger than " + limit
                    + (what == What.FILE ? " bytes" : " characters") + (line > 0 ? " at line " + line : ""));
            this.what = what;
            this.limit = limit;
            this.line = line;
        }

        public What what() {
            return what;
        }

        public long limit() {
            return limit;
        }

        /** The line where the limit was exceeded (a cell: the line its row starts on); 0 when not known. */
        public int line() {
            return line;
        }

        /** The problem of a CSV file this makes (one; nothing more of the file is read). */
        CsvProblem.Kind kind() {
            return switch (what) {
                case FILE -> CsvProblem.Kind.TOO_MANY_BYTES;
                case CELL -> CsvProblem.Kind.CELL_TOO_LONG;
                case LINE -> CsvProblem.Kind.LINE_TOO_LONG;
            };
        }

        /** The exceeded limit among the causes of {@code e}, or null. */
        public static Exceeded in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Exceeded x) {
                    return x;
                }
            }
            return null;
        }
    }

    /** The stream, failing once it has given more than {@code maxBytes}. */
    public static InputStream bytes(InputStream in, long maxBytes) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long n) throws IOException {
                count += n;
                if (count > maxBytes) {
                    throw new Exceeded(Exceeded.What.FILE, maxBytes, 0);
                }
            }
        };
    }

    /** The text, failing as soon as a cell or a line is longer than the limits allow. */
    public static Reader text(Reader in, ReadLimits limits) {
        return new CellReader(in, limits);
    }

    /** Counts cells and lines as the parser reads. */
    private static final class CellReader extends Reader {
        private static final int START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;

        private final Reader in;
        private final int maxCell;
        private final int maxLine;
        private int state = START;
        private int line = 1;
        private int rowLine = 1;
        private long lineChars;
        private long cellChars;
        private boolean afterCr;

        CellReader(Reader in, ReadLimits limits) {
            this.in = in;
            this.maxCell = limits.maxCellChars();
            this.maxLine = limits.maxLineChars();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(buf, off, len);
            } catch (Exceeded e) {
                throw e.line() == 0 ? new Exceeded(e.what(), e.limit(), line) : e;
            }
            for (int i = off; i < off + n; i++) {
                follow(buf[i]);
            }
            return n;
        }

        private void follow(char c) throws Exceeded {
            if (c == '\n' || c == '\r') {
                if (!(c == '\n' && afterCr)) {
                    line++;
                }
                afterCr = c == '\r';
                lineChars = 0;
                if (state == QUOTED) {
                    cell(); // a line break inside quotes belongs to the cell
                } else {
                    state = START;
                    cellChars = 0;
                    rowLine = line;
                }
                return;
            }
            afterCr = false;
            if (++lineChars > maxLine) {
                throw new Exceeded(Exceeded.What.LINE, maxLine, line);
            }
            switch (state) {
                case START -> {
                    state = c == '"' ? QUOTED : UNQUOTED;
                    if (c == ',') {
                        state = START;
                        return;
                    }
                    cell();
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                    cell();
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        state = QUOTED; // "" inside quotes
                        cell();
                    } else if (c == ',') {
                        state = START;
                        cellChars = 0;
                    } else {
                        state = UNQUOTED; // the parser reports the text after the closing quote
                        cell();
                    }
                }
                default -> {
                    if (c == ',') {
                        state = START;
                        cellChars = 0;
                    } else {
                        cell();
                    }
                }
            }
        }

        private void cell() throws Exceeded {
            if (++cellChars > maxCell) {
                throw new Exceeded(Exceeded.What.CELL, maxCell, rowLine);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
