package org.antifraud.cc.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.service.exchange.InterchangeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
                "Generates a measurements CSV of --rows rows (month figures of every indicator, region and campaign) "
                        + "and imports it as `import` does: parsed, fully validated, one transaction, audited. In the "
                        + "same run, H2's own INSERT … SELECT … FROM CSVREAD of the same file into a table equivalent "
                        + "to measurement (same columns, constraints and indexes). Each into a fresh database in a "
                        + "temporary folder, after a warm-up of both on a small file.",
                "With --db (PostgreSQL): the imports go into that database, each run a file of months no other run "
                        + "used (from 1901-01: give it a database of its own), and PostgreSQL's COPY … FROM STDIN of "
                        + "the same rows goes into an equivalent table (columns, constraints, indexes, foreign keys) "
                        + "dropped at the end.",
                "With --type instructions (H2 only): an instructions CSV of --rows warning instructions (issue 17) in "
                        + "2020-2022 over every province, and CSVREAD into a table equivalent to warning_instruction.",
                "The two take turns --runs times; the medians are compared.",
                "Ends with one JSON line: {\"bench\":\"import\",\"vendor\":\"h2\",\"rows\":…,\"runs\":…,\"rows_per_s\":…,"
                        + "\"csvread_rows_per_s\":…,\"ratio\":…}; on PostgreSQL \"vendor\":\"postgresql\" and "
                        + "\"copy_rows_per_s\" instead of \"csvread_rows_per_s\"."})
final class BenchImportCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    private static final YearMonth H2_FIRST_MONTH = YearMonth.of(2010, 1);
    /** On PostgreSQL the files stay in the database: months long before any real figure, and never in the future. */
    private static final YearMonth PG_FIRST_MONTH = YearMonth.of(1901, 1); // 1900 has no year before it for `stats`

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows of the generated file (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--type", defaultValue = "measurements", paramLabel = "TYPE",
            description = "measurements (default) or instructions.")
    String type;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Runs of each, taking turns; their medians are compared (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException, SQLException {
        CommandCenterCli root = bench.root;
        if (rows < 1000 || rows > 20_000_000) {
            throw new Problem("bad_option", "--rows out of range: " + rows + " (1000 to 20000000)", "--rows",
                    String.valueOf(rows));
        }
        if (runs < 1 || runs > 20) {
            throw new Problem("bad_option", "--runs out of range: " + runs + " (1 to 20)", "--runs",
                    String.valueOf(runs));
        }
        boolean instructions = switch (type) {
            case "measurements" -> false;
            case "instructions" -> true;
            default -> throw new Problem("bad_option", "--type: measurements or instructions, not " + type, "--type",
                    type);
        };
        Optional<SharedDatabase> shared = root.shared();
        if (shared.isPresent()) {
            if (instructions) {
                throw new Problem("bad_option", "--type instructions is measured on H2 only", "--type", type);
            }
            return onPostgres(root, shared.get());
        }
        Path work = Files.createTempDirectory("cc-bench-import");
        try {
            var out = root.out();
            Catalog catalog;
            try (Database db = Database.open(work.resolve("catalog"))) {
                catalog = db.repositories().catalog().load();
            }
            Path small = work.resolve("warmup.csv");
            Path big = work.resolve(type + ".csv");
            long t0 = System.nanoTime();
            if (instructions) {
                InstructionsFile.generate(catalog, Math.min(50_000, rows / 4), small, 7);
                t0 = System.nanoTime();
                InstructionsFile.generate(catalog, rows, big, 42);
            } else {
                generate(catalog, Math.min(50_000, rows / 4), small, H2_FIRST_MONTH);
                t0 = System.nanoTime();
                generate(catalog, rows, big, H2_FIRST_MONTH);
            }
            out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(big), (System.nanoTime() - t0) / 1e9);
            out.println("database: H2, a new file for each run");

            importWithApp(work.resolve("warm-app"), small);
            csvread(work.resolve("warm-csvread"), small, instructions);
            // the two take turns, each into a new database (deleted after its run), so that a busy moment of a
            // shared machine does not decide the ratio; the medians are compared
            double[] app = new double[runs];
            double[] csv = new double[runs];
            for (int i = 0; i < runs; i++) {
                Path appDir = work.resolve("app-" + i);
                app[i] = importWithApp(appDir, big);
                delete(appDir);
                out.printf("run %d: import (parse, validate, one transaction, rollups, audit trail): %.1f s, %,.0f rows/s%n",
                        i + 1, app[i], rows / app[i]);
                Path csvDir = work.resolve("csvread-" + i);
                csv[i] = csvread(csvDir, big, instructions);
                delete(csvDir);
                out.printf("run %d: H2 INSERT … SELECT FROM CSVREAD into an equivalent table: %.1f s, %,.0f rows/s%n",
                        i + 1, csv[i], rows / csv[i]);
            }
            double appMedian = median(app);
            double csvMedian = median(csv);
            out.printf("import, median of %d: %.1f s, %,.0f rows/s%n", runs, appMedian, rows / appMedian);
            out.printf("CSVREAD, median of %d: %.1f s, %,.0f rows/s%n", runs, csvMedian, rows / csvMedian);
            double ratio = csvMedian / appMedian;
            out.printf("ratio import / CSVREAD: %.2f (target at least 1.0)%n", ratio);
            out.printf(Locale.ROOT, "{\"bench\":\"import\",\"vendor\":\"h2\",\"type\":\"%s\",\"rows\":%d,\"runs\":%d,"
                    + "\"rows_per_s\":%.0f,\"csvread_rows_per_s\":%.0f,\"ratio\":%.2f}%n", type, rows, runs,
                    rows / appMedian, rows / csvMedian, ratio);
            return ExitCodes.OK;
        } finally {
            delete(work);
        }
    }

    /**
     * The shared database's side: each run imports a file of months no earlier run used (all new figures, as into
     * H2's fresh file), then COPYs the same rows into an equivalent table that lives as long as the bench.
     */
    private int onPostgres(CommandCenterCli root, SharedDatabase shared) throws IOException, SQLException {
        var out = root.out();
        Path work = Files.createTempDirectory("cc-bench-import");
        LogSetup.toDataDir(root.dataDir());
        try (AppServices services = AppServices.openShared(root.dataDir(), shared, null, false)) {
            Database db = services.database();
            if (PostgresCopy.holdsBenchFigures(db, PG_FIRST_MONTH)) {
                throw new Problem("bench_needs_own_database", "bench import writes month figures from "
                        + PG_FIRST_MONTH + " into " + shared + ", which already holds some: give it a database of its"
                        + " own (db init on a new one)", shared.toString());
            }
            Catalog catalog = services.catalog();
            out.printf("database: PostgreSQL %s (%s); the imported figures stay in it (periods from %s)%n",
                    PostgresCopy.serverVersion(db), shared, PG_FIRST_MONTH);
            int warmRows = Math.min(50_000, rows / 4);
            YearMonth next = PG_FIRST_MONTH;
            List<Path> files = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i <= runs; i++) {
                Path file = work.resolve("measurements-" + i + ".csv");
                next = generate(catalog, i == 0 ? warmRows : rows, file, next);
                files.add(file);
            }
            if (next.isAfter(YearMonth.now())) {
                throw new Problem("bad_option", "--rows × --runs need months after today: fewer rows or runs",
                        "--rows", String.valueOf(rows));
            }
            out.printf("generated %d files of %,d rows (and a warm-up of %,d) in %.1f s%n", runs, rows, warmRows,
                    (System.nanoTime() - t0) / 1e9);
            try (PostgresCopy copy = PostgresCopy.create(db)) {
                // the warm-up: both sides once on a small file (classes loaded, plans cached, the JIT at work)
                importWithApp(services, files.getFirst());
                copy.copy(files.getFirst());
                double[] app = new double[runs];
                double[] copied = new double[runs];
                for (int i = 0; i < runs; i++) {
                    Path file = files.get(i + 1);
                    app[i] = importWithApp(services, file);
                    out.printf("run %d: import (parse, validate, one transaction, rollups, audit trail): %.1f s, "
                            + "%,.0f rows/s%n", i + 1, app[i], rows / app[i]);
                    copied[i] = copy.copy(file);
                    out.printf("run %d: PostgreSQL COPY … FROM STDIN of the same rows into an equivalent table: "
                            + "%.1f s, %,.0f rows/s%n", i + 1, copied[i], rows / copied[i]);
                }
                double appMedian = median(app);
                double copyMedian = median(copied);
                out.printf("import, median of %d: %.1f s, %,.0f rows/s%n", runs, appMedian, rows / appMedian);
                out.printf("COPY, median of %d: %.1f s, %,.0f rows/s%n", runs, copyMedian, rows / copyMedian);
                double ratio = copyMedian / appMedian;
                out.printf("ratio import / COPY: %.2f (target at least 0.8)%n", ratio);
                out.printf(Locale.ROOT, "{\"bench\":\"import\",\"vendor\":\"postgresql\",\"rows\":%d,\"runs\":%d,"
                        + "\"rows_per_s\":%.0f,\"copy_rows_per_s\":%.0f,\"ratio\":%.2f}%n", rows, runs,
                        rows / appMedian, rows / copyMedian, ratio);
            }
            return ExitCodes.OK;
        } finally {
            delete(work);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Seconds for {@code import file} into a new database (opened and initialised before the clock starts). */
    private static double importWithApp(Path dataDir, Path file) {
        try (AppServices services = AppServices.open(dataDir)) {
            return importWithApp(services, file);
        }
    }

    /** Seconds for {@code import file} through services already open. */
    private static double importWithApp(AppServices services, Path file) {
        long t0 = System.nanoTime();
        InterchangeService.FileImport result = services.interchange().importFile(file);
        double s = (System.nanoTime() - t0) / 1e9;
        if (!result.ok()) {
            throw new IllegalStateException("the generated file has problems: " + result.read().problems().getFirst());
        }
        return s;
    }

    /** Seconds for H2's INSERT … SELECT … FROM CSVREAD into a table like measurement, in a new database. */
    private static double csvread(Path dataDir, Path file, boolean instructions) throws SQLException {
        if (instructions) {
            return InstructionsFile.csvread(dataDir, file);
        }
        try (Database db = Database.open(dataDir)) {
            try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE csv_measurement (
                            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                            indicator_code VARCHAR(48) NOT NULL, region_code VARCHAR(16) NOT NULL,
                            period VARCHAR(10) NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL,
                            campaign_code VARCHAR(48), amount DECIMAL(20, 2), change_pct DECIMAL(8, 1),
                            basis VARCHAR(16) NOT NULL, value_qualifier VARCHAR(16), source_title VARCHAR(300),
                            source_sentence VARCHAR(4000), note VARCHAR(1000), grain CHAR(1) NOT NULL,
                            row_version INTEGER DEFAULT 0 NOT NULL,
                            FOREIGN KEY (indicator_code) REFERENCES indicator (code),
                            FOREIGN KEY (region_code) REFERENCES region (code),
                            FOREIGN KEY (campaign_code) REFERENCES campaign (code),
                            CHECK (amount IS NULL OR amount >= 0), CHECK (period_start <= period_end))""");
                s.execute("CREATE INDEX csv_measurement_grain_ix ON csv_measurement (grain, indicator_code, region_code,"
                        + " period_start)");
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                Database.BulkWrites bulk = db.bulkWrites(); // as the import runs: H2's settings for a bulk load
                s.executeUpdate("""
                        INSERT INTO csv_measurement (indicator_code, region_code, period, period_start, period_end,
                                                     campaign_code, amount, basis, note, grain)
                        SELECT indicator, region, period, CAST(period || '-01' AS DATE),
                               DATEADD(DAY, -1, DATEADD(MONTH, 1, CAST(period || '-01' AS DATE))),
                               NULLIF(campaign, ''), CAST(\"VALUE\" AS DECIMAL(20, 2)), 'computed', NULLIF(note, ''), 'M'
                          FROM CSVREAD('%s', NULL, 'charset=UTF-8')""".formatted(file.toAbsolutePath().toString()
                        .replace("'", "''")));
                c.commit();
                bulk.close();
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }

    /**
     * A measurements file of month figures: every indicator × region (nation, provinces, zones) × campaign (or
     * none), month after month from {@code first}, deterministic; returns the month after the last one written.
     */
    static YearMonth generate(Catalog catalog, int rows, Path file, YearMonth first) throws IOException {
        List<Indicator> indicators = catalog.indicators();
        List<String> regions = catalog.regions().stream().map(Region::code).toList();
        List<String> campaigns = new ArrayList<>();
        campaigns.add("");
        catalog.campaigns().forEach(c -> campaigns.add(c.code()));
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator,region,period,value,campaign,note\r\n");
            int written = 0;
            YearMonth month = first;
            while (written < rows) {
                String period = month.toString();
                for (Indicator i : indicators) {
                    for (String r : regions) {
                        for (String c : campaigns) {
                            if (written == rows) {
                                return month.plusMonths(1);
                            }
                            long whole = random.nextLong(1_000_000);
                            String value = i.unit() == Indicator.Unit.CNY
                                    ? whole + "." + (random.nextInt(90) + 10) : Long.toString(whole);
                            w.write(i.code());
                            w.write(',');
                            w.write(r);
                            w.write(',');
                            w.write(period);
                            w.write(',');
                            w.write(value);
                            w.write(',');
                            w.write(c);
                            w.write(",\r\n");
                            written++;
                        }
                    }
                }
                month = month.plusMonths(1);
            }
            return month;
        }
    }
}
