package org.antifraud.cc.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Benchmarks whose last line of output is one JSON object of their figures, for tracking. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Each ends its output with one line of JSON holding its figures.",
        subcommands = {BenchDashboardCommand.class, BenchStartupCommand.class, BenchImportCommand.class,
                BenchBriefingCommand.class, BenchWritersCommand.class})
final class BenchCommand {
    @ParentCommand
    CommandCenterCli root;
}
