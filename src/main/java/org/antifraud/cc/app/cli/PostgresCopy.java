package org.antifraud.cc.app.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

import org.antifraud.cc.persistence.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The baseline of {@code bench import} on PostgreSQL: the server's own {@code COPY … FROM STDIN} (pgjdbc's
 * {@link CopyManager}) of the same rows into {@code bench_copy_measurement}, a table made like {@code measurement}
 * (columns, defaults, identity, checks, indexes, and its foreign keys, which {@code LIKE} does not copy), dropped on
 * {@link #close()}. Strings of SQL, like H2's CSVREAD beside it: they are the baseline, not the product.
 */
final class PostgresCopy implements AutoCloseable {
    private static final String TABLE = "bench_copy_measurement";
    private final Database db;

    private PostgresCopy(Database db) {
        this.db = db;
    }

    static PostgresCopy create(Database db) throws SQLException {
        try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (LIKE measurement INCLUDING ALL)");
            s.execute("ALTER TABLE " + TABLE + " ADD FOREIGN KEY (indicator_code) REFERENCES indicator (code),"
                    + " ADD FOREIGN KEY (region_code) REFERENCES region (code),"
                    + " ADD FOREIGN KEY (campaign_code) REFERENCES campaign (code)");
        }
        return new PostgresCopy(db);
    }

    /** "PostgreSQL 15.14 …", as the server says. */
    static String serverVersion(Database db) throws SQLException {
        try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Whether month figures from {@code first} on, before 2000, are already there (an earlier bench's). */
    static boolean holdsBenchFigures(Database db, YearMonth first) throws SQLException {
        try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM measurement WHERE grain = 'M'"
                     + " AND period_start >= DATE '" + first.atDay(1) + "' AND period_start < DATE '2000-01-01')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /**
     * Seconds to COPY the rows of the measurements CSV {@code file} in one transaction. The rows are first written
     * in the table's columns (dates, grain and basis worked out, as CSVREAD's SELECT does on H2), before the clock.
     */
    double copy(Path file) throws IOException, SQLException {
        Path rows = file.resolveSibling(file.getFileName() + ".copy");
        tableRows(file, rows);
        try (Connection c = db.jdbcConnection()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                copy.copyIn("COPY " + TABLE + " (indicator_code, region_code, period, period_start, period_end,"
                        + " campaign_code, amount, basis, note, grain) FROM STDIN (FORMAT csv)", in, 1 << 16);
            }
            c.commit();
            double s = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            return s;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /** indicator,region,period,value,campaign,note → the table's columns; an empty field is NULL to COPY. */
    private static void tableRows(Path file, Path rows) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            in.readLine(); // the header
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                YearMonth month = YearMonth.parse(f[2]);
                out.write(f[0] + ',' + f[1] + ',' + f[2] + ',' + month.atDay(1) + ',' + month.atEndOfMonth() + ','
                        + f[4] + ',' + f[3] + ",computed," + f[5] + ",M\n");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }
}
