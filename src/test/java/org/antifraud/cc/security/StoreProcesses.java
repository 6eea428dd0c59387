package org.antifraud.cc.security;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;
import org.antifraud.cc.persistence.Database;

/** Processes of the store attacks: the product's CLI as a user runs it, and a process holding a database open. */
final class StoreProcesses {
    private static final long LIMIT_SECONDS = 180;

    private StoreProcesses() {
    }

    record Result(int code, String out, String err) {
    }

    /** {@code Main args} in a JVM of its own on the product's class path; waited for with a limit. */
    static Result cli(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        List<String> command = java(productClasspath(), Main.class.getName(), workDir);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("CC_PASSPHRASE");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the CLI did not end within " + LIMIT_SECONDS + " s: " + List.of(args));
        }
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** Another process (nothing but the product's {@link Database#open}) holding {@code dataDir}'s database. */
    static Held hold(Path workDir, Path dataDir, String passphrase) throws IOException {
        List<String> command = java(System.getProperty("java.class.path"), HeldDatabase.class.getName(), workDir);
        command.add(dataDir.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (passphrase != null) {
            builder.environment().put("CC_PASSPHRASE", passphrase);
        }
        Process process = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = reader.readLine()) != null) { // ends when the process ends: no wait without a limit
            if (line.equals(HeldDatabase.READY)) {
                return new Held(process);
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IllegalStateException("the holder did not open " + dataDir + ": " + seen);
    }

    /** Closing ends the holder (its standard input closes) and waits for it with a limit. */
    record Held(Process process) implements AutoCloseable {
        @Override
        public void close() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> java(String classpath, String main, Path workDir) throws IOException {
        Path javaTmp = Files.createDirectories(workDir.resolve("java-tmp"));
        // no -Dh2.bindAddress here: the product must set it itself
        return new ArrayList<>(List.of(Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp,
                "-Dcc.config.dir=" + System.getProperty("cc.config.dir", workDir.resolve("config").toString()),
                "-cp", classpath, main));
    }

    /** The test class path without the test classes: the product's own logback.xml. */
    private static String productClasspath() {
        try {
            Path testClasses = Path.of(StoreProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String oneLine(String text) {
        return text.strip();
    }

    static Map<String, String> env(String... keyValues) {
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }
}
