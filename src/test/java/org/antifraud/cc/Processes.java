package org.antifraud.cc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private Processes() {
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
