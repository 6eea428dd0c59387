package org.antifraud.cc.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A private in-memory H2 opened as the product opens it, with a plain JDBC connection beside it through which a
 * test looks at (or tampers with) the tables. Closing closes both.
 */
public record MemoryStore(Database database, Connection sql) implements AutoCloseable {

    /** A new store named {@code name} plus a random part, so tests never share one. */
    public static MemoryStore open(String name) throws SQLException {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Database database = Database.openUrl(url, "test");
        return new MemoryStore(database, DriverManager.getConnection(url, "sa", ""));
    }

    @Override
    public void close() throws SQLException {
        sql.close();
        database.close();
    }
}
