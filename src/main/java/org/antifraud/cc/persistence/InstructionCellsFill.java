package org.antifraud.cc.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * V26: fills the warning instructions' month and day rows that V25 made (ADR 0040) from the instructions themselves,
 * entered and the demo's, as {@code rollups --rebuild} does — in the migration's transaction, so that no database
 * opens with the instructions' figures missing. Derived data only; a new database has nothing to fill.
 *
 * <p>It runs the application's own summing ({@link InstructionCellRepository#rebuild()}) against the schema at V26:
 * a later migration that changes these tables must bring its own copy of what it needs.
 */
final class InstructionCellsFill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26");
    }

    @Override
    public String getDescription() {
        return "instruction cells filled from the instructions";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        SQLDialect dialect = connection.getMetaData().getURL().startsWith("jdbc:postgresql")
                ? Vendor.POSTGRESQL.dialect() : Vendor.H2.dialect();
        new InstructionCellRepository(DSL.using(connection, dialect, new Settings().withExecuteLogging(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER))).rebuild();
    }
}
