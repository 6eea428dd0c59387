package org.antifraud.cc.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;
import org.antifraud.cc.persistence.Database;

/** Processes of the store attacks: the product's CLI as a user runs it, and a process holding a database open. */
final class StoreProcesses {

    private StoreProcesses() {
    }

    /** {@code Main args} in a JVM of its own on the product's class path; waited for with a limit. */
    static Processes.Finished cli(Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = java(Processes.productClasspath(), Main.class.getName(), workDir);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("CC_PASSPHRASE");
        builder.environment().putAll(env);
        return Processes.run(builder, workDir);
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
        // no -Dh2.bindAddress here: the product must set it itself
        return Processes.java(workDir,
                List.of("-Dcc.config.dir=" + System.getProperty("cc.config.dir", workDir.resolve("config").toString())),
                classpath, main);
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
