package org.antifraud.cc.app.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;

/**
 * {@code Main} in a JVM of its own, as a user runs the jar: the product's class path (not the test classes),
 * no JavaFX platform chosen on the command line, no DISPLAY.
 */
record ChildJvm(int code, String out, String err) {

    static ChildJvm run(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Path javaTmp = Files.createDirectories(workDir.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", // what the jar's manifest grants
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp,
                "-cp", productClasspath(), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        int code = Processes.await(process);
        try {
            return new ChildJvm(code, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** Starts {@code Main} with {@code args} and returns at once: the caller waits or kills (kill -9 tests). */
    static Process start(Path workDir, String... args) throws IOException {
        Path javaTmp = Files.createDirectories(workDir.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp,
                "-cp", productClasspath(), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** The test class path without the test classes: the product's own logback.xml, not logback-test.xml. */
    private static String productClasspath() {
        try {
            Path testClasses = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
