package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.antifraud.cc.domain.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {
                "Time from JVM start to the first painted frame: the application (dashboard loaded, on the default "
                        + "database or --data-dir) against a bare JavaFX window with one label, each launched "
                        + "--runs times in a fresh JVM, alternately, after --warmup launches of each that do not count.",
                "Prints a table (median, min, max) and ends with one JSON line."})
final class BenchStartupCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Launches of each (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N",
            description = "Launches of each before the measured ones, not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--platform", defaultValue = "auto", paramLabel = "auto|headless|display",
            description = "JavaFX platform of both kinds of launch: headless (JavaFX's Headless platform, software "
                    + "rendering) or display (the real one); auto: display when there is one (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--aot", defaultValue = "auto", paramLabel = "auto|off|all",
            description = "The ahead-of-time cache beside the jar (command-center.aot, made by mvn package): auto "
                    + "starts the application with it, as the fast launch in the README does, and the bare window "
                    + "without; all starts both with it; off neither (default: ${DEFAULT-VALUE}).")
    String aot;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandCenterCli root = bench.root;
        if (runs < 1 || runs > 100) {
            throw new Problem("bad_option", "--runs out of range: " + runs + " (1 to 100)", "--runs", String.valueOf(runs));
        }
        if (warmup < 0 || warmup > 10) {
            throw new Problem("bad_option", "--warmup out of range: " + warmup + " (0 to 10)", "--warmup", String.valueOf(warmup));
        }
        StartupBench.Platform chosen = StartupBench.Platform.choose(platform);
        StartupBench bench = new StartupBench(chosen, root.dataDir, root.lang);
        bench.useAot(aot);
        StartupBench.Result result = bench.run(runs, warmup);
        root.out().print(StartupBench.table(result, root.messageLocale()));
        root.out().println(StartupBench.json(result));
        root.out().flush();
        return ExitCodes.OK;
    }
}
