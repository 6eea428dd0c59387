package org.antifraud.cc.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Problem;
import org.jooq.DSLContext;

/**
 * Plain SQL against the database for an administrator ({@code db shell}), each statement committed on its own,
 * outside the services and so outside the audit trail: what it changes, {@code audit verify} reports (ADR 0027).
 * Runs on the database's own connections, whatever its credentials.
 */
public final class SqlShell {
    /** At most this many characters of SQL are read. */
    public static final int MAX_INPUT = 4 * 1024 * 1024;

    private final DSLContext dsl;

    SqlShell(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Where the results go: each result set's column names, then its rows; an update's count; an error. */
    public interface Output {
        void columns(List<String> names);

        void row(List<String> cells);

        void updated(int rows);

        /** Statement {@code number} (from 1) failed; the others still run. */
        void error(int number, String message);
    }

    /**
     * The statements of {@code in}: a statement ends with a line that ends with {@code ;} (the {@code ;} is not
     * part of it); a last statement without one is run too. Blank statements are skipped.
     */
    public static List<String> statements(Reader in) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        long read = 0;
        try (BufferedReader lines = new BufferedReader(in)) {
            for (String line; (line = lines.readLine()) != null; ) {
                read += line.length() + 1;
                if (read > MAX_INPUT) {
                    throw new Problem("db_shell_too_long", "the SQL given is longer than " + MAX_INPUT + " characters",
                            MAX_INPUT);
                }
                String trimmed = line.stripTrailing();
                if (trimmed.endsWith(";")) {
                    current.append(trimmed, 0, trimmed.length() - 1);
                    add(out, current);
                } else {
                    current.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SQL", e);
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        statement.setLength(0);
    }

    /** Runs each statement in order, each committed on its own; returns how many failed. */
    public int run(List<String> statements, Output out) {
        int[] failed = {0};
        dsl.connection(c -> {
            c.setAutoCommit(true);
            for (int i = 0; i < statements.size(); i++) {
                try (Statement st = c.createStatement()) {
                    if (st.execute(statements.get(i))) {
                        try (ResultSet rs = st.getResultSet()) {
                            print(rs, out);
                        }
                    } else {
                        out.updated(st.getUpdateCount());
                    }
                } catch (SQLException e) {
                    failed[0]++;
                    String message = String.valueOf(e.getMessage());
                    int nl = message.indexOf('\n');
                    out.error(i + 1, nl < 0 ? message : message.substring(0, nl));
                }
            }
        });
        return failed[0];
    }

    private static void print(ResultSet rs, Output out) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnLabel(i));
        }
        out.columns(names);
        while (rs.next()) {
            List<String> cells = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                cells.add(rs.getString(i));
            }
            out.row(cells);
        }
    }
}
