package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the database: with the report and the demo breakdown, or with --empty the catalogs only.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--empty", description = "Catalogs only: no report figures, no demo data.")
    boolean empty;

    @Override
    public Integer call() {
        try (AppServices services = root.openServices(false)) {
            if (empty) {
                services.datasets().initialiseEmpty();
                services.audit().adoptBaseline();
                root.out().println("initialised an empty database in " + services.dataDir().toAbsolutePath());
            } else {
                boolean loaded = services.datasets().initialiseIfNew();
                services.audit().adoptBaseline();
                root.out().println(loaded
                        ? "initialised " + services.dataDir().toAbsolutePath() + " with the 2022 report and the demo breakdown"
                        : "already initialised: " + services.dataDir().toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }
}
