package org.antifraud.cc.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A private in-memory H2 opened as the product opens it, with a plain JDBC connection beside it through which a
 * test looks at (or tampers with) the tables. Closing closes both.
 * <p>
 * With the system property {@value #PROFILE}{@code =postgresql} (the failsafe execution {@code postgresql-profile}
 * sets it) the same tests run on a database of their own in the embedded PostgreSQL instead (issue 15): the
 * persistence and service suites on both profiles.
 */
public record MemoryStore(Database database, Connection sql) implements AutoCloseable {

    /** The system property that chooses the profile the service tests run on: h2 (the default) or postgresql. */
    public static final String PROFILE = "cc.test.profile";

    /** Whether this test JVM runs the service tests on PostgreSQL. */
    public static boolean onPostgreSql() {
        return "postgresql".equals(System.getProperty(PROFILE));
    }

    /** A new store named {@code name} plus a random part, so tests never share one. */
    public static MemoryStore open(String name) throws SQLException {
        if (onPostgreSql()) {
            SharedDatabase shared = SharedPostgres.newDatabase(name.replaceAll("[^a-z0-9_]", "_"));
            return new MemoryStore(Database.openShared(shared, null), DriverManager.getConnection(
                    "jdbc:postgresql://" + shared.host() + ":" + shared.port() + "/" + shared.database(),
                    shared.user(), ""));
        }
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Database database = Database.openUrl(url, "test");
        return new MemoryStore(database, DriverManager.getConnection(url, "sa", ""));
    }

    /** Only the database of a new store (see {@link #open}); closing it is the caller's. */
    public static Database database(String name) {
        if (onPostgreSql()) {
            return Database.openShared(SharedPostgres.newDatabase(name.replaceAll("[^a-z0-9_]", "_")), null);
        }
        return Database.openUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
    }

    @Override
    public void close() throws SQLException {
        sql.close();
        database.close();
    }
}
