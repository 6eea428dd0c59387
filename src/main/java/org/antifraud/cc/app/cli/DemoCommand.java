package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Manage synthetic demo data (basis synthetic-demo).")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--remove", required = true,
                description = "Delete every synthetic-demo figure, in one transaction.")
        boolean remove;
    }

    @Override
    public Integer call() {
        try (AppServices services = root.openServices(true)) {
            int removed = services.datasets().removeDemo();
            root.out().println("removed " + removed + " synthetic demo figures");
        }
        return ExitCodes.OK;
    }
}
