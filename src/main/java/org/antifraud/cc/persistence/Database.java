package org.antifraud.cc.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

import javax.sql.DataSource;

import org.antifraud.cc.domain.Problem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one data folder, migrated by Flyway on open. {@code AUTO_SERVER=TRUE}
 * lets the CLI and other processes open the file while the application holds it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_BASE_NAME = "command-center";
    /** What H2 appends to the base name. */
    public static final String FILE_SUFFIX = ".mv.db";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String description;
    private final boolean inMemory;

    private Database(JdbcConnectionPool pool, String description, DSLContext dsl, boolean inMemory) {
        this.inMemory = inMemory;
        this.pool = pool;
        this.description = description;
        this.dsl = dsl;
    }

    private static DSLContext dsl(JdbcConnectionPool pool) {
        return DSL.using(pool, SQLDialect.H2, new Settings()
                .withExecuteLogging(false)
                // unquoted names: H2 folds them to upper case, PostgreSQL to lower; both find the tables
                .withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        return open(dataDir, "");
    }

    /**
     * The same with extra H2 URL settings, e.g. {@code ;OPTIMIZE_REUSE_RESULTS=FALSE} for a benchmark
     * that must measure real work (they apply when this process is the first to open the file).
     */
    public static Database open(Path dataDir, String urlSettings) {
        Path dir = usableDataDir(dataDir);
        Path base = dir.resolve(FILE_BASE_NAME).toAbsolutePath();
        // WRITE_DELAY=0: H2 stores at every commit, from the committing thread, and runs no background writer. Its
        // background writer snapshots the maps one after another while a transaction writes on; a kill -9 right after
        // such a store left part of a large uncommitted import behind after recovery (ImportKillTest, ADR 0024).
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE="
                + cacheSizeKb(Runtime.getRuntime().maxMemory()) + urlSettings;
        return openUrl(url, base + ".mv.db", dir);
    }

    /** Opens any H2 URL (tests use private in-memory databases). */
    public static Database openUrl(String jdbcUrl, String description) {
        return openUrl(jdbcUrl, description, null);
    }

    /** The database file of a data folder. */
    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_BASE_NAME + FILE_SUFFIX);
    }

    /**
     * Connections of their own (no pool, no {@code AUTO_SERVER}) to the H2 file {@code mvDbFile}, a copy of
     * {@code dataDir}'s database such as a backup being checked before a restore, with the same credentials as
     * {@link #open(Path)}. The one place a restore opens a file (the store lane's credentials apply here too).
     */
    public static DataSource fileDataSource(Path dataDir, Path mvDbFile) {
        String name = mvDbFile.toAbsolutePath().normalize().toString();
        if (!name.endsWith(FILE_SUFFIX)) {
            throw new IllegalArgumentException("not an H2 database file: " + mvDbFile);
        }
        JdbcDataSource source = new JdbcDataSource();
        // IFEXISTS: a missing file is an error, never a new empty database
        source.setURL("jdbc:h2:file:" + name.substring(0, name.length() - FILE_SUFFIX.length()) + ";IFEXISTS=TRUE");
        source.setUser("sa");
        source.setPassword("");
        return source;
    }

    /**
     * What Flyway finds in the database {@code source}: the migrations it has, those it lacks, and those of a newer
     * version of the application (checked without migrating anything).
     */
    public static MigrationInfoService migrations(DataSource source) {
        return flyway(source).info();
    }

    /**
     * Writes a consistent copy of the database, as it is on disk (an encrypted file stays encrypted), into the zip
     * {@code zip} with H2's {@code BACKUP TO}: while other connections, of this process or another, go on working.
     * Callers write to a private temporary name and move it (see {@link Backups}).
     */
    public void backupTo(Path zip) {
        backupTo(pool, zip);
    }

    private static void backupTo(JdbcConnectionPool pool, Path zip) {
        // a file name cannot be a parameter of BACKUP; the path is ours (a temporary file), quotes doubled all the same
        String sql = "BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new java.io.UncheckedIOException("could not back up the database to " + zip,
                    new java.io.IOException(e.getMessage(), e));
        }
    }

    private static Database openUrl(String jdbcUrl, String description, Path dataDir) {
        boolean existed = dataDir != null && Files.exists(file(dataDir));
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        pool.setMaxConnections(8);
        // jOOQ's first use costs as much as Flyway's check of an up-to-date schema: let them overlap (start-up)
        FutureTask<DSLContext> dsl = new FutureTask<>(() -> dsl(pool));
        Thread.ofPlatform().name("cc-jooq-init").daemon().start(dsl);
        try {
            pool.getConnection().close();
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            if (existed) {
                flyway.callbacks(new BackupBeforeMigration(pool, dataDir));
            }
            flyway.load().migrate();
        } catch (SQLException e) {
            pool.dispose();
            throw translate(e, description);
        } catch (FlywayException e) {
            pool.dispose();
            if (e.getCause() instanceof SQLException sql) {
                throw translate(sql, description);
            }
            if (e.getCause() instanceof Problem p) {
                throw p; // the backup before the migration could not be made
            }
            throw new IllegalStateException("could not migrate " + description, e);
        } catch (RuntimeException e) {
            pool.dispose(); // e.g. the backup before a migration failed: nothing was migrated
            throw e;
        }
        LOG.info("opened database {}", description);
        return new Database(pool, description, await(dsl), jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    private static Flyway flyway(DataSource source) {
        return Flyway.configure().dataSource(source).locations("classpath:db/migration").load();
    }

    /**
     * A file about to be migrated is copied first into {@code backups/before-migration-<time>-V<version>.zip}: a
     * migration that goes wrong, or a newer version the user wants to leave, loses nothing (issue 13). Flyway calls
     * it before each pending migration (never when none is pending: asking {@code Flyway.info()} at every start
     * cost as much again as the migration check itself); only the first backs up. A failed backup stops the migration.
     */
    private static final class BackupBeforeMigration implements Callback {
        private final JdbcConnectionPool pool;
        private final Path dataDir;
        private boolean done;

        BackupBeforeMigration(JdbcConnectionPool pool, Path dataDir) {
            this.pool = pool;
            this.dataDir = dataDir;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (done) {
                return;
            }
            done = true;
            String current = appliedVersion(pool);
            if (current == null) {
                return; // nothing applied yet: nothing to lose
            }
            Path zip;
            try {
                zip = Backups.beforeMigration(dataDir, current, tmp -> backupTo(pool, tmp));
            } catch (RuntimeException e) {
                Path folder = dataDir.resolve(Backups.FOLDER);
                throw new Problem("migration_backup_failed", "could not back up the database into " + folder
                        + " before upgrading it, so it was not upgraded: " + e.getMessage(), e, folder.toString());
            }
            LOG.info("backed up the database before migrating it from V{}: {}", current, zip);
        }

        @Override
        public String getCallbackName() {
            return "backup-before-migration";
        }
    }

    /** The schema version applied last, or null when there is none (a string of SQL: Flyway's own table). */
    private static String appliedVersion(JdbcConnectionPool pool) {
        try (var c = pool.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                     + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // no history table: nothing was ever migrated
        }
    }

    private static DSLContext await(FutureTask<DSLContext> dsl) {
        try {
            return dsl.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the database", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set up jOOQ", e.getCause());
        }
    }

    /**
     * H2's page cache in KB: an eighth of the heap, from H2's default 16 MB up to 256 MB. With millions of
     * rows the default cache made a big transaction read back and decode the pages it had just written.
     */
    static long cacheSizeKb(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8 / 1024;
        return Math.max(16 * 1024, Math.min(256 * 1024, eighth));
    }

    private static Path usableDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Problem("data_dir_not_directory", "data dir is not a folder: " + dir, dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new Problem("data_dir_unusable", "data dir cannot be created: " + dir, e, dir);
        }
        if (!Files.isWritable(dir)) {
            throw new Problem("data_dir_unusable", "data dir is not writable: " + dir, dir);
        }
        return dir;
    }

    private static RuntimeException translate(SQLException e, String description) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new Problem("database_locked",
                    "database is locked by another process: " + description, e, description);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1) {
            return new Problem("database_unreadable",
                    "database file cannot be read: " + description, e, description);
        }
        if (code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.FILE_CREATION_FAILED_1) {
            return new Problem("data_dir_unusable", "data dir is not usable: " + description, e, description);
        }
        return new IllegalStateException("could not open " + description, e);
    }

    /** While a bulk write runs, H2's background writer sleeps (ADR 0025). */
    private static final int BULK_WRITE_DELAY_MS = Integer.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicInteger bulkWriters = new java.util.concurrent.atomic.AtomicInteger();

    /** Undoes {@link #bulkWrites()}. */
    public interface BulkWrites extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * For a transaction of many rows (an import, the scale demo): while open, H2 stores only from the writing
     * thread (when its buffer fills, between two of its own changes) with its serialization still on the
     * background executors, instead of at every commit with none (WRITE_DELAY=0 made a million-row load several
     * times slower). Its background writer never wakes to store beside the writer, which could cut an uncommitted
     * change in half (ADR 0025). Closing puts WRITE_DELAY back to 0 and stores everything at once.
     */
    public BulkWrites bulkWrites() {
        if (bulkWriters.getAndIncrement() == 0) {
            writeDelay(BULK_WRITE_DELAY_MS, false);
        }
        return () -> {
            if (bulkWriters.decrementAndGet() == 0) {
                writeDelay(0, true);
            }
        };
    }

    private void writeDelay(int millis, boolean checkpoint) {
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            st.execute("SET WRITE_DELAY " + millis);
            if (checkpoint) {
                st.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set H2's write delay", e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T transaction(Function<Repositories, T> work) {
        return dsl.transactionResult(cfg -> work.apply(new Repositories(cfg.dsl())));
    }

    /** Repositories outside an explicit transaction (each statement commits on its own). */
    public Repositories repositories() {
        return new Repositories(dsl);
    }

    /** What the status bar shows: the database file. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (inMemory) {
            // DB_CLOSE_DELAY=-1 keeps a private in-memory database alive after its last connection: drop it
            try (var c = pool.getConnection(); var st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("in-memory database {} already closed", description, e);
            }
        }
        pool.dispose();
    }
}
