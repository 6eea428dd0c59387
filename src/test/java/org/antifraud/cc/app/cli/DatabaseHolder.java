package org.antifraud.cc.app.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.antifraud.cc.Processes;
import org.antifraud.cc.persistence.DatabaseCredentials;
import org.h2.Driver;

/**
 * Another process that holds a data dir's H2 file open, as an SQL tool would (no AUTO_SERVER):
 * prints {@code holding} once the file is open and keeps it until its standard input closes.
 */
final class DatabaseHolder implements AutoCloseable {
    static final String READY = "holding";

    private final Process process;

    private DatabaseHolder(Process process) {
        this.process = process;
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.createStatement().execute("SELECT 1");
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the file until the test closes our standard input
            }
        }
    }

    /** Starts the holder and returns once it holds the file. */
    static DatabaseHolder hold(Path dataDir) throws IOException {
        return hold(dataDir, "");
    }

    /** The same with H2 URL settings, e.g. {@code ;AUTO_SERVER=TRUE} to hold it as the window does (others join). */
    static DatabaseHolder hold(Path dataDir, String urlSettings) throws IOException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("command-center") + urlSettings;
        // the folder's own account (issue 13): SA without a password no longer opens it
        var credentials = DatabaseCredentials.of(dataDir);
        String classpath = String.join(File.pathSeparator,
                location(DatabaseHolder.class), location(Driver.class));
        Process process = new ProcessBuilder(
                List.of(Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                        "-Dh2.bindAddress=127.0.0.1", "-cp", classpath, DatabaseHolder.class.getName(), url, credentials.user(),
                        credentials.password()))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first;
        try {
            first = Processes.readLine(process, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        if (!READY.equals(first)) {
            process.destroyForcibly();
            throw new IllegalStateException("holder did not open " + url + ": " + first);
        }
        return new DatabaseHolder(process);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the holder close the file and waits until it has exited. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            Processes.await(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
