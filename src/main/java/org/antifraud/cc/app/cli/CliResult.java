package org.antifraud.cc.app.cli;

import org.antifraud.cc.app.LaunchOptions;

/** Either an exit code (a subcommand ran) or the options to open the desktop application with. */
public record CliResult(int exitCode, LaunchOptions options) {
    public boolean launchGui() {
        return options != null;
    }
}
