package org.antifraud.cc.persistence;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The two database profiles (ADR 0032): the embedded H2 file of one workstation, and a shared PostgreSQL (15 or
 * newer) for many. Each has its jOOQ dialect and its Flyway folders: the common migrations plus its own, where a
 * statement cannot be written once for both ({@code BLOB} / {@code BYTEA}).
 */
public enum Vendor {
    H2(SQLDialect.H2, "h2"),
    POSTGRESQL(SQLDialect.POSTGRES, "postgresql");

    private final SQLDialect dialect;
    private final String folder;

    Vendor(SQLDialect dialect, String folder) {
        this.dialect = dialect;
        this.folder = folder;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Flyway's locations: the common migrations, then this vendor's own. */
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/" + folder);
    }

    /** The profile a repository's statements are rendered for. */
    public static Vendor of(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES ? POSTGRESQL : H2;
    }
}
