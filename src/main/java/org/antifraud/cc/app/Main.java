package org.antifraud.cc.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.app.cli.CliResult;

/**
 * Entry point. No subcommand: the desktop application opens. A subcommand: the CLI runs, no window opens.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].equals(StartupProbe.BARE_WINDOW_ARG)) {
            System.exit(bareWindowProbe(out, err)); // bench startup's baseline: no command line, no database
        }
        CliResult result = CommandCenterCli.run(args, out, err);
        out.flush();
        err.flush();
        StartupTrace.mark("command line parsed");
        if (result.launchGui()) {
            DesktopApp.launch(result.options());
        } else {
            System.exit(result.exitCode());
        }
    }

    private static int bareWindowProbe(PrintWriter out, PrintWriter err) {
        try {
            out.println(StartupProbe.bareWindow(StartupProbe.TIMEOUT).line());
            return 0;
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            err.println("the bare window did not paint: " + e);
            return 1;
        }
    }
}
