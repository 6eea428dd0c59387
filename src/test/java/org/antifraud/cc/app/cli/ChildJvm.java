package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;

/**
 * {@code Main} in a JVM of its own, as a user runs the jar: the product's class path (not the test classes),
 * no JavaFX platform chosen on the command line, no DISPLAY.
 */
record ChildJvm(int code, String out, String err) {

    static ChildJvm run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = Processes.java(workDir, List.of(), Processes.productClasspath(), Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Processes.Finished finished = Processes.run(builder, workDir);
        return new ChildJvm(finished.code(), finished.out(), finished.err());
    }

    /** Starts {@code Main} with {@code args} and returns at once: the caller waits or kills (kill -9 tests). */
    static Process start(Path workDir, String... args) throws IOException {
        List<String> command = Processes.java(workDir, List.of(), Processes.productClasspath(), Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
