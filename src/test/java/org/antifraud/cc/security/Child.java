package org.antifraud.cc.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;

/**
 * {@code Main} in a JVM of its own, as a user runs it: the product's class path (its own logging, LogConfiguration), stderr to a
 * file the test reads while it runs; the caller waits for it with a limit. The key folder comes from
 * {@code CC_CONFIG_DIR}, inherited from the build.
 */
final class Child {
    private Child() {
    }

    static Process start(Path workDir, Path stderr, String... args) throws IOException {
        String config = System.getProperty("cc.config.dir");
        List<String> options = config == null ? List.of() : List.of("-Dcc.config.dir=" + config);
        List<String> command = Processes.java(workDir, options, Processes.productClasspath(), Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
