package org.antifraud.cc.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
