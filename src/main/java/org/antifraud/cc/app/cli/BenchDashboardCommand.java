package org.antifraud.cc.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Vendor;
import org.antifraud.cc.service.figures.DashboardService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {
                "Time to compute every dashboard panel's data for --states filter states (from the rollups), "
                        + "--rounds times each after one warm-up round; and for --naive of them the same figures by a "
                        + "naive GROUP BY over the raw rows, checked to be identical.",
                "Then, unless --settle 0, more warm-up rounds until one spends less than 2% of its time in the JIT "
                        + "compiler (at most --settle rounds), and the states measured again: the cost once the "
                        + "application has run a while (settled_median_ms, settled_p95_ms), beside the first one.",
                "Opens the database with OPTIMIZE_REUSE_RESULTS=FALSE so that H2 cannot answer from a cached "
                        + "result (PostgreSQL keeps no results). With --db it runs on that PostgreSQL database. Run it as: java -Xmx512m -jar target/command-center.jar bench dashboard "
                        + "--data-dir DIR",
                "Prints its progress and ends with one JSON line."})
final class BenchDashboardCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--states", defaultValue = "40", paramLabel = "N",
            description = "Distinct filter states (default: ${DEFAULT-VALUE}, at least 30 for the record).")
    int states;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Measured rounds over all states (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--naive", defaultValue = "6", paramLabel = "N",
            description = "States also computed by the naive GROUP BY (default: ${DEFAULT-VALUE}).")
    int naive;

    @Option(names = "--settle", defaultValue = "30", paramLabel = "N",
            description = "At most this many warm-up rounds before measuring again once the JIT has settled "
                    + "(default: ${DEFAULT-VALUE}; 0: not at all).")
    int settle;

    @Override
    public Integer call() {
        CommandCenterCli root = bench.root;
        if (states < 1 || states > 500) {
            throw new Problem("bad_option", "--states out of range: " + states + " (1 to 500)", "--states",
                    String.valueOf(states));
        }
        if (rounds < 1 || rounds > 100) {
            throw new Problem("bad_option", "--rounds out of range: " + rounds + " (1 to 100)", "--rounds",
                    String.valueOf(rounds));
        }
        if (naive < 0 || naive > states) {
            throw new Problem("bad_option", "--naive out of range: " + naive + " (0 to --states)", "--naive",
                    String.valueOf(naive));
        }
        if (settle < 0 || settle > 100) {
            throw new Problem("bad_option", "--settle out of range: " + settle + " (0 to 100)", "--settle",
                    String.valueOf(settle));
        }
        try (Database database = root.openDatabase(";OPTIMIZE_REUSE_RESULTS=FALSE")) {
            Catalog catalog = database.repositories().catalog().load();
            DashboardService service = new DashboardService(database, catalog);
            LocalDate asOf = database.repositories().facts().latestDay().orElse(LocalDate.now());
            long facts = database.repositories().rollups().factCount();
            root.out().printf("database: %s %s (%,d day-grain facts in the rollups; latest day %s)%n",
                    database.vendor() == Vendor.POSTGRESQL ? "PostgreSQL" : "H2", database.description(), facts, asOf);
            root.out().printf("machine: %d cores, max heap %d MiB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
            List<StatsQuery> chosen = DashboardBench.states(asOf, states);
            DashboardBench.Result result = new DashboardBench(service, line -> {
                root.out().println(line);
                root.out().flush();
            }).run(chosen, rounds, naive, settle);
            result.differences().forEach(d -> root.out().println("DIFFERENCE " + d));
            root.out().printf(Locale.ROOT,
                    "all panels: median %.2f ms, p95 %.2f ms over %d loads; naive %.1f ms vs %.2f ms: %.0fx; identical: %s%n",
                    result.medianMs(), result.p95Ms(), result.runs(), result.naiveMedianMs(),
                    result.rollupMedianSameStatesMs(), result.speedup(), result.identical());
            if (result.settled().rounds() > 0) {
                root.out().printf(Locale.ROOT, "settled: median %.2f ms, p95 %.2f ms%n", result.settled().medianMs(),
                        result.settled().p95Ms());
            }
            root.out().println(result.json(database.vendor().name().toLowerCase(Locale.ROOT)));
            root.out().flush();
            return result.identical() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
