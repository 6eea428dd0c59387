package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.service.exchange.InterchangeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Many desks importing into one shared database at once (issue 15, ADR 0034): each writer is a workstation of its own
 * (a data folder, so an audit key and a chain of its own) importing a file of den takedowns of its own province. The
 * same files, one after another from one desk, are the baseline, measured in the same run.
 */
@Command(name = "writers", mixinStandardHelpOptions = true,
        description = {
                "Rows per second of --writers workstations importing a den-takedown file each, all at once, into the"
                        + " shared database of --db; and, in the same run, of the same number of files imported one"
                        + " after another by one workstation.",
                "It writes records: it refuses a database that holds any den takedown. Give it one of its own"
                        + " (db init on an empty database). Ends with one JSON line."})
final class BenchWritersCommand implements Callable<Integer> {
    /** Provinces the writers' files are of, one each. */
    private static final List<String> PROVINCES = List.of("CN-GD", "CN-GX", "CN-ZJ", "CN-FJ", "CN-JS", "CN-SD",
            "CN-HN", "CN-SC", "CN-HB", "CN-YN", "CN-BJ", "CN-SH", "CN-AH", "CN-JX", "CN-HE", "CN-SX");

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--writers", defaultValue = "8", paramLabel = "N",
            description = "Workstations writing at once (default: ${DEFAULT-VALUE}, at most 16).")
    int writers;

    @Option(names = "--rows", defaultValue = "20000", paramLabel = "N",
            description = "Rows in each writer's file (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "15", paramLabel = "N", description = "Seed of the rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        CommandCenterCli root = bench.root;
        SharedDatabase shared = root.requireShared("bench writers");
        if (writers < 1 || writers > PROVINCES.size()) {
            throw new Problem("bad_option", "--writers out of range: " + writers + " (1 to " + PROVINCES.size() + ")",
                    "--writers", String.valueOf(writers));
        }
        if (rows < 1 || rows > 1_000_000) {
            throw new Problem("bad_option", "--rows out of range: " + rows + " (1 to 1000000)", "--rows",
                    String.valueOf(rows));
        }
        Path work = root.dataDir().resolve("bench-writers");
        Files.createDirectories(work);
        try (AppServices first = AppServices.openShared(work.resolve("desk-0"), shared, null, false)) {
            if (!first.database().repositories().entries().recent(RecordKind.DEN_TAKEDOWN, 1).isEmpty()) {
                throw new Problem("bench_needs_own_database", "bench writers writes records: give it a database of its"
                        + " own (this one holds den takedowns)");
            }
        }
        Random random = new Random(seed);
        List<Path> sequential = files(work, "one-desk", random);
        List<Path> concurrent = files(work, "at-once", random);
        root.out().printf("database: %s; %d writers, %,d rows each; machine: %d cores, Java %s%n", shared, writers,
                rows, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // baseline: one desk, the files one after another (after a warm-up file of its own, not counted)
        List<Path> warmUp = files(work, "warm-up", random);
        long t0;
        try (AppServices desk = AppServices.openShared(work.resolve("desk-0"), shared, null, false)) {
            imported(desk.interchange().importFile(warmUp.getFirst()), warmUp.getFirst());
            t0 = System.nanoTime();
            for (Path file : sequential) {
                imported(desk.interchange().importFile(file), file);
            }
        }
        double oneDeskSeconds = (System.nanoTime() - t0) / 1e9;
        root.out().printf(Locale.ROOT, "one desk, %d files one after another: %.2f s, %,.0f rows/s%n", writers,
                oneDeskSeconds, writers * (double) rows / oneDeskSeconds);

        // the writers, each a desk of its own, opened first, then importing at once
        List<AppServices> desks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                desks.add(AppServices.openShared(work.resolve("desk-" + (i + 1)), shared, null, false));
            }
            long t1 = System.nanoTime();
            List<Future<Double>> each = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                AppServices desk = desks.get(i);
                Path file = concurrent.get(i);
                each.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    imported(desk.interchange().importFile(file), file);
                    return (System.nanoTime() - s) / 1e9;
                }));
            }
            List<Double> seconds = new ArrayList<>();
            for (Future<Double> f : each) {
                seconds.add(get(f));
            }
            double atOnceSeconds = (System.nanoTime() - t1) / 1e9;
            double ratio = oneDeskSeconds / atOnceSeconds;
            root.out().printf(Locale.ROOT, "%d desks at once: %.2f s, %,.0f rows/s (each desk %.2f to %.2f s); %.2fx"
                            + " the one desk%n", writers, atOnceSeconds, writers * (double) rows / atOnceSeconds,
                    seconds.stream().mapToDouble(d -> d).min().orElse(0), seconds.stream().mapToDouble(d -> d).max()
                            .orElse(0), ratio);
            root.out().printf(Locale.ROOT, "{\"bench\":\"writers\",\"writers\":%d,\"rows_each\":%d,"
                            + "\"one_desk_s\":%.3f,\"one_desk_rows_per_s\":%.0f,\"at_once_s\":%.3f,"
                            + "\"at_once_rows_per_s\":%.0f,\"speedup\":%.2f}%n", writers, rows, oneDeskSeconds,
                    writers * (double) rows / oneDeskSeconds, atOnceSeconds, writers * (double) rows / atOnceSeconds,
                    ratio);
        } finally {
            pool.shutdownNow();
            desks.forEach(AppServices::close);
        }
        return ExitCodes.OK;
    }

    private static double get(Future<Double> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void imported(InterchangeService.FileImport result, Path file) {
        if (!result.ok()) {
            throw new IllegalStateException("bench file refused: " + file + ": " + result.read().problems());
        }
    }

    /** One file of den takedowns per writer, each of its own province. */
    private List<Path> files(Path work, String name, Random random) {
        List<Path> out = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            StringBuilder csv = new StringBuilder("id,date,region,suspects_arrested,goip_devices,phone_cards,bank_cards\n");
            for (int i = 0; i < rows; i++) {
                csv.append(new UUID(random.nextLong(), random.nextLong())).append(",2022-")
                        .append(String.format(Locale.ROOT, "%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .append(',').append(PROVINCES.get(w)).append(',').append(1 + random.nextInt(40)).append(',')
                        .append(random.nextInt(20)).append(',').append(random.nextInt(300)).append(',')
                        .append(random.nextInt(200)).append('\n');
            }
            Path file = work.resolve(name + "-" + w + ".csv");
            try {
                Files.writeString(file, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(file);
        }
        return out;
    }
}
