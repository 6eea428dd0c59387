package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.service.dataset.InstructionSlaService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sla}: the time limits to reach the person of a warning instruction, by risk level (issue 17); kept in the
 * database, so every workstation on it counts breaches alike.
 */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = "Time limits of warning instructions by risk level (minutes): a later contact is a breach.",
        subcommands = {SlaCommand.Show.class, SlaCommand.Set.class})
final class SlaCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Override
    public Integer call() {
        root.err().println("sla: give a subcommand (show, set); see sla --help");
        return ExitCodes.BAD_INPUT;
    }

    static String render(InstructionSla sla) {
        return "high " + sla.highMinutes() + " min, medium " + sla.mediumMinutes() + " min, low " + sla.lowMinutes()
                + " min";
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the time limits in force.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        SlaCommand sla;

        @Override
        public Integer call() {
            try (AppServices services = sla.root.openServices(true)) {
                sla.root.out().println(render(new InstructionSlaService(services.database(), services.datasets())
                        .current()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Sets one risk level's limit, e.g. sla set high 30 (1 to 10080 minutes).")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        SlaCommand sla;

        @Parameters(index = "0", paramLabel = "RISK", description = "high, medium or low.")
        String risk;

        @Parameters(index = "1", paramLabel = "MINUTES", description = "Whole minutes, 1 to 10080 (a week).")
        String minutes;

        @Override
        public Integer call() {
            try (AppServices services = sla.root.openServices(true)) {
                InstructionSla now = new InstructionSlaService(services.database(), services.datasets())
                        .set(risk, minutes);
                sla.root.out().println("time limits: " + render(now));
            }
            return ExitCodes.OK;
        }
    }
}
