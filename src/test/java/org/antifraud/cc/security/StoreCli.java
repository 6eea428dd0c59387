package org.antifraud.cc.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.app.cli.CliResult;
import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.app.cli.LogSetup;

/** One in-process run of the command line in English, with what it printed. */
record StoreCli(int code, String out, String err) {
    static {
        // the log stays out of the attacked data folders (LogSetup only sets the folder when none is set)
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, Path.of("target", "test-logs").toAbsolutePath().toString());
        }
    }

    static StoreCli in(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--lang", "en", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliResult result;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            result = CommandCenterCli.run(all.toArray(String[]::new), o, e);
        }
        return new StoreCli(result.exitCode(), out.toString(), err.toString());
    }

    /** stderr is exactly one line (no stack trace). */
    String errLine() {
        String stripped = err.strip();
        if (stripped.isEmpty() || stripped.contains("\n")) {
            throw new AssertionError("expected one line on stderr, got: " + err);
        }
        return stripped;
    }
}
