package org.antifraud.cc.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        if (args.length >= 1 && args[0].equals(StartupProbe.APPLICATION_ARG)) {
            // bench startup's measured launch: the rest of the command line as a person's, the window's path
            System.exit(applicationProbe(Arrays.copyOfRange(args, 1, args.length), out, err));
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

    private static int applicationProbe(String[] args, PrintWriter out, PrintWriter err) {
        CliResult result = CommandCenterCli.run(args, out, err);
        if (!result.launchGui()) {
            err.println("not a command line that opens the window: " + String.join(" ", args));
            return result.exitCode() != 0 ? result.exitCode() : 2;
        }
        try {
            out.println(StartupProbe.application(result.options(), StartupProbe.TIMEOUT).line());
            return 0;
        } catch (TimeoutException e) {
            err.println("the application did not paint its dashboard within " + StartupProbe.TIMEOUT.toSeconds() + " s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
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
