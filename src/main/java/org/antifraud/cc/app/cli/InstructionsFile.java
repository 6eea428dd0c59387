package org.antifraud.cc.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.persistence.Database;

/** {@code bench import --type instructions}: the file it imports, and H2's CSVREAD of it (the baseline). */
final class InstructionsFile {
    private static final LocalDateTime FIRST = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final long MINUTES = 3L * 365 * 1440; // 2020 to 2022
    private static final String[] TIERS = {"national", "provincial", "local"};
    private static final String[] RISKS = {"high", "medium", "low"};

    private InstructionsFile() {
    }

    /** An instructions CSV of {@code rows} instructions in 2020–2022 over every province, deterministic by seed. */
    static void generate(Catalog catalog, int rows, Path file, long seed) throws IOException {
        List<String> provinces = catalog.regions().stream().filter(r -> r.kind() == RegionKind.PROVINCE)
                .map(Region::code).toList();
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,issued_at,region,tier,risk_level,contacted_at,outcome,funds_protected\r\n");
            for (int i = 0; i < rows; i++) {
                LocalDateTime issued = FIRST.plusMinutes(random.nextLong(MINUTES));
                boolean reached = random.nextInt(10) < 9;
                String outcome = reached ? (random.nextInt(5) == 0 ? "false_alarm" : "dissuaded")
                        : "unreachable";
                w.write(new UUID(random.nextLong(), random.nextLong()).toString());
                w.write(',');
                w.write(issued.toString());
                w.write(',');
                w.write(provinces.get(random.nextInt(provinces.size())));
                w.write(',');
                w.write(TIERS[random.nextInt(3)]);
                w.write(',');
                w.write(RISKS[random.nextInt(3)]);
                w.write(',');
                if (reached) {
                    w.write(issued.plusMinutes(random.nextInt(600)).toString());
                }
                w.write(',');
                w.write(outcome);
                w.write(',');
                if (reached && random.nextInt(3) == 0) {
                    w.write(random.nextInt(100_000) + "." + (random.nextInt(90) + 10));
                }
                w.write("\r\n");
            }
        }
    }

    /**
     * Seconds for H2's INSERT … SELECT … FROM CSVREAD of the file into a table with warning_instruction's columns,
     * constraints, foreign key and index, in a new database, in one transaction.
     */
    static double csvread(Path dataDir, Path file) throws SQLException {
        try (Database db = Database.open(dataDir)) {
            try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE csv_instruction (
                            id UUID NOT NULL PRIMARY KEY, issued_at TIMESTAMP NOT NULL,
                            region_code VARCHAR(16) NOT NULL, tier VARCHAR(12) NOT NULL, risk_level VARCHAR(8) NOT NULL,
                            contacted_at TIMESTAMP, outcome VARCHAR(20) NOT NULL, funds_protected DECIMAL(20, 2),
                            row_version INTEGER DEFAULT 0 NOT NULL,
                            FOREIGN KEY (region_code) REFERENCES region (code),
                            CHECK (tier IN ('national', 'provincial', 'local')),
                            CHECK (risk_level IN ('high', 'medium', 'low')),
                            CHECK (outcome IN ('pending', 'dissuaded', 'already_defrauded', 'unreachable',
                                'false_alarm')),
                            CHECK (contacted_at IS NULL OR contacted_at >= issued_at),
                            CHECK (contacted_at IS NOT NULL OR outcome IN ('pending', 'unreachable', 'false_alarm')),
                            CHECK (funds_protected IS NULL OR funds_protected >= 0))""");
                s.execute("CREATE INDEX csv_instruction_issued_ix ON csv_instruction (issued_at)");
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                Database.BulkWrites bulk = db.bulkWrites();
                s.executeUpdate("""
                        INSERT INTO csv_instruction (id, issued_at, region_code, tier, risk_level, contacted_at, outcome,
                                                     funds_protected)
                        SELECT CAST(id AS UUID), CAST(REPLACE(issued_at, 'T', ' ') AS TIMESTAMP), region, tier,
                               risk_level, CAST(REPLACE(NULLIF(contacted_at, ''), 'T', ' ') AS TIMESTAMP), outcome,
                               CAST(NULLIF(funds_protected, '') AS DECIMAL(20, 2))
                          FROM CSVREAD('%s', NULL, 'charset=UTF-8')""".formatted(file.toAbsolutePath().toString()
                        .replace("'", "''")));
                c.commit();
                bulk.close();
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }
}
