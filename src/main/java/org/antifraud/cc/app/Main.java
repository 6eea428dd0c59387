package org.antifraud.cc.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.app.cli.CliResult;

/**
 * Entry point. No subcommand: the desktop application opens. A subcommand: the CLI runs, no window opens.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliResult result = CommandCenterCli.run(args, out, err);
        out.flush();
        err.flush();
        if (result.launchGui()) {
            DesktopApp.launch(result.options());
        } else {
            System.exit(result.exitCode());
        }
    }
}
