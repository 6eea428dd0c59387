package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollups", mixinStandardHelpOptions = true,
        description = "Maintenance of the rollup tables the dashboard reads (ADR 0013). They are kept current by "
                + "every write of the application; --rebuild recomputes them from the raw rows, in one "
                + "transaction, after rows were changed outside it.")
final class RollupsCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--rebuild", required = true, description = "Recompute every rollup from the raw rows.")
    boolean rebuild;

    @Override
    public Integer call() {
        try (AppServices services = root.openServices(false)) {
            long t0 = System.nanoTime();
            long facts = services.datasets().rebuildRollups();
            root.out().printf("rebuilt the rollups from %,d day-grain facts in %.1f s%n", facts,
                    (System.nanoTime() - t0) / 1e9);
        }
        return ExitCodes.OK;
    }
}
