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
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.persistence.Database;
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
                "The two take turns --runs times; the medians are compared.",
                "Ends with one JSON line: {\"rows\":…,\"runs\":…,\"rows_per_s\":…,\"csvread_rows_per_s\":…,\"ratio\":…}."})
final class BenchImportCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows of the generated file (default: ${DEFAULT-VALUE}).")
    int rows;

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
        Path work = Files.createTempDirectory("cc-bench-import");
        try {
            var out = root.out();
            Catalog catalog;
            try (Database db = Database.open(work.resolve("catalog"))) {
                catalog = db.repositories().catalog().load();
            }
            Path small = work.resolve("warmup.csv");
            Path big = work.resolve("measurements.csv");
            generate(catalog, Math.min(50_000, rows / 4), small);
            long t0 = System.nanoTime();
            generate(catalog, rows, big);
            out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(big), (System.nanoTime() - t0) / 1e9);

            importWithApp(work.resolve("warm-app"), small);
            csvread(work.resolve("warm-csvread"), small);
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
                csv[i] = csvread(csvDir, big);
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
            out.printf(Locale.ROOT, "{\"bench\":\"import\",\"rows\":%d,\"runs\":%d,\"rows_per_s\":%.0f,"
                    + "\"csvread_rows_per_s\":%.0f,\"ratio\":%.2f}%n", rows, runs, rows / appMedian, rows / csvMedian,
                    ratio);
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
            long t0 = System.nanoTime();
            InterchangeService.FileImport result = services.interchange().importFile(file);
            double s = (System.nanoTime() - t0) / 1e9;
            if (!result.ok()) {
                throw new IllegalStateException("the generated file has problems: " + result.read().problems().getFirst());
            }
            return s;
        }
    }

    /** Seconds for H2's INSERT … SELECT … FROM CSVREAD into a table like measurement, in a new database. */
    private static double csvread(Path dataDir, Path file) throws SQLException {
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
     * none), month after month from 2010-01, deterministic.
     */
    static void generate(Catalog catalog, int rows, Path file) throws IOException {
        List<Indicator> indicators = catalog.indicators();
        List<String> regions = catalog.regions().stream().map(Region::code).toList();
        List<String> campaigns = new ArrayList<>();
        campaigns.add("");
        catalog.campaigns().forEach(c -> campaigns.add(c.code()));
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator,region,period,value,campaign,note\r\n");
            int written = 0;
            YearMonth month = YearMonth.of(2010, 1);
            while (written < rows) {
                String period = month.toString();
                for (Indicator i : indicators) {
                    for (String r : regions) {
                        for (String c : campaigns) {
                            if (written == rows) {
                                return;
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
        }
    }
}
