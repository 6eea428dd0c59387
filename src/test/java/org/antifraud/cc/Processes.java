package org.antifraud.cc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Child processes of tests are waited for with a limit: one that hangs is killed and fails its test. */
public final class Processes {
    /** Far above a child JVM that builds a database on a loaded 2-CPU machine (well under a minute). */
    public static final long LIMIT_SECONDS = 180;

    /** The test's own JDK. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /**
     * A child JVM runs for seconds: C1 only and the serial collector spend about half the CPU of the defaults on a
     * 2-CPU machine, and change nothing the product does.
     */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    public static final String SMALL_GC = "-XX:+UseSerialGC";

    /**
     * Set by failsafe, which runs after {@code package}: the jar a user runs and its ahead-of-time cache. Child JVMs
     * of the product then run that jar with that cache (about a third less CPU for a run of seconds); surefire,
     * which runs before the jar is built, leaves them unset and children run the classes folder.
     */
    static final String JAR_PROPERTY = "cc.test.jar";
    static final String AOT_PROPERTY = "cc.test.aot";

    private Processes() {
    }

    /** The built jar when this test runs after {@code package} (failsafe), else empty. */
    private static Optional<Path> productJar() {
        return Optional.ofNullable(System.getProperty(JAR_PROPERTY)).map(Path::of).filter(Files::isRegularFile)
                .map(Path::toAbsolutePath);
    }

    /**
     * The options that load the jar's ahead-of-time cache when {@code classpath} is the jar and the cache exists:
     * one left from an earlier build is refused by the JVM and the child runs without it, silently (a mismatch
     * would otherwise be logged on the child's standard output).
     */
    public static List<String> aotOptions(String classpath) {
        Optional<Path> cache = Optional.ofNullable(System.getProperty(AOT_PROPERTY)).map(Path::of)
                .filter(Files::isRegularFile);
        if (cache.isEmpty() || productJar().filter(jar -> jar.toString().equals(classpath)).isEmpty()) {
            return List.of();
        }
        return List.of("-XX:AOTCache=" + cache.get().toAbsolutePath(), "-Xlog:aot*=off", "-Xlog:cds*=off");
    }

    /**
     * The command line of a child JVM that runs {@code main} on {@code classpath}: the quick flags above, the native
     * access the jar's manifest grants, UTF-8, a temp folder under {@code workDir}, and then {@code options}.
     * The list is the caller's to extend with the program's arguments.
     */
    public static List<String> java(Path workDir, List<String> options, String classpath, String main)
            throws IOException {
        Path javaTmp = Files.createDirectories(workDir.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(JAVA, QUICK_JIT, SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp));
        command.addAll(aotOptions(classpath));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath, main));
        return command;
    }

    /**
     * The product's class path: the built jar after {@code package} (failsafe), else the test class path without
     * the test classes; either way the product's own logging (LogConfiguration), not logback-test.xml.
     */
    public static String productClasspath() {
        Optional<Path> jar = productJar();
        if (jar.isPresent()) {
            return jar.get().toString();
        }
        try {
            Path testClasses = Path.of(Processes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a child ended: its exit code and all it printed. */
    public record Finished(int code, String out, String err) {
    }

    /**
     * Starts {@code builder} with its standard output and error going to files in {@code workDir} and its input
     * closed, waits for it with the limit and returns what it printed.
     */
    public static Finished run(ProcessBuilder builder, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            int code = await(process);
            return new Finished(code, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** Waits for {@code process} to end and returns its exit code; kills it and fails after the limit. */
    public static int await(Process process) throws InterruptedException {
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child process did not end within " + LIMIT_SECONDS + " s: " + process.info());
        }
        return process.exitValue();
    }

    /** The next line the child prints, or {@code null} at its end; kills it and fails after the limit. */
    public static String readLine(Process process, BufferedReader out) throws InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly(); // closes the pipe, which ends the read
            throw new AssertionError("the child process printed nothing within " + LIMIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
