package org.antifraud.cc.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.dataset.DatasetService.ScaleDemoResult;
import org.antifraud.cc.service.dataset.ScaleDemo;
import org.antifraud.cc.ui.common.I18n;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Manage synthetic demo data (basis synthetic-demo).")
final class DemoCommand implements Callable<Integer> {
    static final long MAX_CASES = 100_000_000L;

    @ParentCommand
    CommandCenterCli root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--remove", required = true,
                description = "Delete every synthetic-demo figure and case, in one transaction.")
        boolean remove;

        @ArgGroup(exclusive = false)
        Scale scale;
    }

    static final class Scale {
        @Option(names = "--scale", required = true, paramLabel = "N",
                description = "Replace the synthetic demo data by N fraud cases (2018-2022) and daily province figures,"
                        + " in one transaction.")
        String cases;

        @Option(names = "--seed", paramLabel = "S",
                description = "Seed of the generator: the same seed gives the same data (default: "
                        + ScaleDemo.DEFAULT_SEED + ").")
        String seed;
    }

    @Override
    public Integer call() {
        if (action.scale != null) {
            return scale(parseCases(action.scale.cases), parseSeed(action.scale.seed));
        }
        try (AppServices services = root.openServices(true)) {
            int removed = services.datasets().removeDemo();
            root.out().println("removed " + removed + " synthetic demo figures");
        }
        return ExitCodes.OK;
    }

    private int scale(long cases, long seed) {
        I18n i18n = new I18n(root.messageLocale());
        PrintWriter err = root.err();
        try (AppServices services = root.openServices(true)) {
            int[] shown = {0};
            long start = System.nanoTime();
            ScaleDemoResult result = services.datasets().generateScaleDemo(cases, seed, fraction -> {
                int tenth = (int) Math.floor(fraction * 10 + 1e-9);
                if (tenth > shown[0]) {
                    shown[0] = tenth;
                    err.println(i18n.get("cli.demo.progress", tenth * 10));
                    err.flush();
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long rowsPerSecond = Math.round(result.rows() / seconds / 1000) * 1000;
            root.out().println(i18n.get("cli.demo.generated", result.cases(), result.dailyFigures(), seconds,
                    rowsPerSecond, result.instructions()));
        }
        return ExitCodes.OK;
    }

    /** 1 to {@value #MAX_CASES}; anything else is bad input, found before the database is opened. */
    static long parseCases(String text) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 1 && n <= MAX_CASES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem("bad_scale", "not a number of cases: " + text + " (a whole number from 1 to " + MAX_CASES + ")",
                text, MAX_CASES);
    }

    static long parseSeed(String text) {
        if (text == null) {
            return ScaleDemo.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Problem("bad_seed", "not a seed: " + text + " (a whole number)", text);
        }
    }
}
