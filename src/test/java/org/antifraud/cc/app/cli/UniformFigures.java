package org.antifraud.cc.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A large measurements file for the kill tests: {@code warnings_local} for every province and day, every row the
 * same {@code value} and {@code note}, so that a database holds "all of file v" or "none of it".
 */
final class UniformFigures {
    private UniformFigures() {
    }

    static Path write(Path file, List<String> provinces, LocalDate first, int days, String note, int value)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator,region,period,value,note\n");
            for (String p : provinces) {
                for (int d = 0; d < days; d++) {
                    w.write("warnings_local," + p + "," + first.plusDays(d) + "," + value + "," + note + "\n");
                }
            }
        }
        return file;
    }

    /**
     * What {@code c}'s database holds of such files: rows with {@code note}, their distinct values, the smallest
     * value (-1: none), and the sum the year rollups hold of {@code warnings_local} in provinces.
     */
    static long[] state(Connection c, String note) throws SQLException {
        try (Statement s = c.createStatement()) {
            long[] rows;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT amount), COALESCE(MIN(amount), -1)"
                    + " FROM measurement WHERE note = '" + note + "'")) {
                rs.next();
                rows = new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), 0};
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(amount), 0) FROM rollup_year"
                    + " WHERE indicator_code = 'warnings_local' AND region_code LIKE 'CN-%'")) {
                rs.next();
                rows[3] = rs.getLong(1);
            }
            return rows;
        }
    }
}
