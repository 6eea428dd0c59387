package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.ChangeFileEncryption;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one data folder, migrated by Flyway on open. {@code AUTO_SERVER=TRUE}
 * lets the CLI and other processes open the file while the application holds it: its server listens on loopback
 * only and logs in with the folder's own random account ({@link DatabaseCredentials}), never SA without a password.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_BASE_NAME = "command-center";
    /** What H2 appends to the base name. */
    public static final String FILE_SUFFIX = ".mv.db";

    private final DataSource pool;
    private final Runnable dispose;
    private final Vendor vendor;
    private final DSLContext dsl;
    private final String description;
    private final boolean inMemory;
    private volatile Role role;
    private volatile List<String> regions;
    private volatile String sessionUser;
    /** The shared database's address and login, for the change feed's own connection (in memory only). */
    private String feedUrl;
    private final Properties feedLogin = new Properties();
    /** Where the shared database is; null for a workstation's own file. */
    private SharedDatabase shared;

    private Database(DataSource pool, Runnable dispose, Vendor vendor, String description, DSLContext dsl,
                     boolean inMemory) {
        this.inMemory = inMemory;
        this.pool = pool;
        this.dispose = dispose;
        this.vendor = vendor;
        this.description = description;
        this.dsl = dsl;
    }

    private static DSLContext dsl(DataSource pool, Vendor vendor) {
        return DSL.using(pool, vendor.dialect(), new Settings()
                .withExecuteLogging(false)
                // unquoted names: H2 folds them to upper case, PostgreSQL to lower; both find the tables
                .withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    /**
     * H2 reads {@code h2.bindAddress} once, when its {@code SysProperties} class loads; set before any H2 class is
     * used, the automatic server that lets the CLI share the window's database listens on loopback only (issue 13).
     * H2 then writes "localhost" into the lock file, which a second process of this machine still reaches.
     */
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    static {
        System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        return open(dataDir, null, "");
    }

    /**
     * Opens the database of {@code dataDir} with {@code passphrase} (null: none). An encrypted database needs it; a
     * missing database is created encrypted under it when given, plain when null. A damaged file is never replaced
     * ({@code database_damaged}), a wrong passphrase is {@code wrong_passphrase}.
     */
    public static Database open(Path dataDir, char[] passphrase, String urlSettings) {
        Path dir = usableDataDir(dataDir);
        DatabaseFile.Kind kind = DatabaseFile.inspect(dir);
        if (kind == DatabaseFile.Kind.ENCRYPTED && passphrase == null) {
            throw passphraseRequired(dir);
        }
        boolean encrypted = kind == DatabaseFile.Kind.ENCRYPTED
                || kind == DatabaseFile.Kind.ABSENT && passphrase != null;
        if (kind == DatabaseFile.Kind.ABSENT && passphrase != null) {
            Passphrases.requireStrongEnough(passphrase);
        }
        requireLoopbackServer();
        Path base = dir.resolve(FILE_BASE_NAME);
        // WRITE_DELAY=0: H2 stores at every commit, from the committing thread, and runs no background writer. Its
        // background writer snapshots the maps one after another while a transaction writes on; a kill -9 right after
        // such a store left part of a large uncommitted import behind after recovery (ImportKillTest, ADR 0024).
        // IFEXISTS=TRUE once the file is there: whatever happens to it meanwhile, H2 never starts a new one over it.
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE="
                + cacheSizeKb(Runtime.getRuntime().maxMemory())
                + (kind == DatabaseFile.Kind.ABSENT ? "" : ";IFEXISTS=TRUE")
                + (encrypted ? ";CIPHER=AES" : "") + urlSettings;
        String filePassword = filePasswordPrefix(encrypted, passphrase);
        String description = DatabaseFile.of(dir).toString();
        DatabaseCredentials credentials = DatabaseCredentials.of(dir);
        Database database;
        try {
            database = openUrl(url, credentials.user(), filePassword + credentials.password(), description, encrypted,
                    kind == DatabaseFile.Kind.ABSENT ? null : dir);
        } catch (WrongAccount e) {
            if (kind == DatabaseFile.Kind.ABSENT) {
                throw new IllegalStateException("a new database refused its own account: " + description, e.getCause());
            }
            upgradeLegacyAccount(url, filePassword, credentials, description, encrypted);
            try {
                database = openUrl(url, credentials.user(), filePassword + credentials.password(), description,
                        encrypted, dir);
            } catch (WrongAccount again) {
                throw new IllegalStateException("the upgraded account was refused: " + description, again.getCause());
            }
        }
        restrictDataFolder(dir);
        return database;
    }

    /** Opens any H2 URL (tests use private in-memory databases). */
    public static Database openUrl(String jdbcUrl, String description) {
        try {
            return openUrl(jdbcUrl, "sa", "", description, false, null);
        } catch (WrongAccount e) {
            throw new IllegalStateException("could not open " + description, e.getCause());
        }
    }

    /** The database file of a data folder. */
    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_BASE_NAME + FILE_SUFFIX);
    }

    /**
     * Connections of their own (no pool, no {@code AUTO_SERVER}) to the H2 file {@code mvDbFile}, a copy of a
     * database such as a backup being checked before a restore, with the account {@code credentials} (a backup's
     * own, which it carries) and, when the copy is encrypted, {@code passphrase} (null: none given).
     */
    public static DataSource fileDataSource(DatabaseCredentials credentials, Path mvDbFile, char[] passphrase) {
        String name = mvDbFile.toAbsolutePath().normalize().toString();
        if (!name.endsWith(FILE_SUFFIX)) {
            throw new IllegalArgumentException("not an H2 database file: " + mvDbFile);
        }
        boolean encrypted = DatabaseFile.isEncrypted(mvDbFile);
        if (encrypted && passphrase == null) {
            throw passphraseRequired(mvDbFile);
        }
        String filePassword = filePasswordPrefix(encrypted, passphrase);
        JdbcDataSource source = new JdbcDataSource();
        // IFEXISTS: a missing file is an error, never a new empty database
        source.setURL("jdbc:h2:file:" + name.substring(0, name.length() - FILE_SUFFIX.length()) + ";IFEXISTS=TRUE"
                + (encrypted ? ";CIPHER=AES" : ""));
        source.setUser(credentials.user());
        source.setPassword(filePassword + credentials.password());
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

    private static void backupTo(DataSource pool, Path zip) {
        // a file name cannot be a parameter of BACKUP; the path is ours (a temporary file), quotes doubled all the same
        String sql = "BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new UncheckedIOException("could not back up the database to " + zip,
                    new IOException(e.getMessage(), e));
        }
    }

    /** A database from before issue 13 (user SA, no password) gets the folder's account; SA gets locked out. */
    private static void upgradeLegacyAccount(String url, String filePassword, DatabaseCredentials credentials,
                                             String description, boolean encrypted) {
        DatabaseCredentials legacy = DatabaseCredentials.LEGACY;
        try (Connection c = DriverManager.getConnection(url, legacy.user(), filePassword + legacy.password());
             Statement st = c.createStatement()) {
            for (String sql : credentials.upgradeStatements()) {
                st.execute(sql);
            }
            LOG.info("database {}: account {} created, SA locked out", description, credentials.user());
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                // neither the folder's account nor the old one: through another process's server, a wrong passphrase
                throw encrypted ? wrongPassphrase(description, e)
                        : new Problem("database_credentials_wrong", "the database in " + description
                        + " does not accept the account in " + DatabaseCredentials.FILE, e, description);
            }
            throw translate(e, description, encrypted);
        }
    }

    /** Refuses to start H2's server on every interface: H2 was loaded before this class could set its bind address. */
    private static void requireLoopbackServer() {
        if (!LOOPBACK.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 was loaded before " + BIND_ADDRESS_PROPERTY + " was set; its server"
                    + " would listen on every network interface (bind address " + SysProperties.BIND_ADDRESS
                    + ")");
        }
    }

    /** The data folder 0700 and everything in it 0600, after H2 and logback made their files (issue 13). */
    private static void restrictDataFolder(Path dir) {
        try {
            PrivateFiles.restrictTree(dir);
        } catch (UncheckedIOException e) {
            LOG.warn("could not make everything in {} private", dir, e);
        }
    }

    /**
     * A bare JDBC connection to {@code dataDir}'s existing database with the folder's account (and the passphrase
     * when it is encrypted), through the other process's server when one holds it: for {@code db shell}-like tools
     * and tests that must reach past the repositories. No migration runs; the caller closes it.
     */
    public static Connection connect(Path dataDir, char[] passphrase) throws SQLException {
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean encrypted = DatabaseFile.inspect(dir) == DatabaseFile.Kind.ENCRYPTED;
        if (encrypted && passphrase == null) {
            throw passphraseRequired(dir);
        }
        requireLoopbackServer();
        DatabaseCredentials credentials = DatabaseCredentials.of(dir);
        String url = "jdbc:h2:file:" + dir.resolve(FILE_BASE_NAME) + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE"
                + (encrypted ? ";CIPHER=AES" : "");
        String filePassword = filePasswordPrefix(encrypted, passphrase);
        return DriverManager.getConnection(url, credentials.user(), filePassword + credentials.password());
    }

    /** Whether {@code dataDir}'s database is encrypted ({@code database_damaged} when its file is damaged). */
    public static boolean encrypted(Path dataDir) {
        return DatabaseFile.inspect(dataDir) == DatabaseFile.Kind.ENCRYPTED;
    }

    /** Whether {@code dataDir} holds a database file at all. */
    public static boolean exists(Path dataDir) {
        return DatabaseFile.inspect(dataDir) != DatabaseFile.Kind.ABSENT;
    }

    /**
     * Re-keys the database of {@code dataDir} from {@code current} (null: it is plain) to {@code next} with H2's
     * {@code ChangeFileEncryption}. The database must be closed: held by another process it is
     * {@code database_in_use}; a wrong {@code current} is {@code wrong_passphrase}.
     */
    public static void changePassphrase(Path dataDir, char[] current, char[] next) {
        Path dir = usableDataDir(dataDir);
        DatabaseFile.Kind kind = DatabaseFile.inspect(dir);
        String description = DatabaseFile.of(dir).toString();
        if (kind == DatabaseFile.Kind.ABSENT) {
            throw new Problem("database_missing", "there is no database in " + dir + " (run init first)", dir);
        }
        Passphrases.requireStrongEnough(next);
        boolean encrypted = kind == DatabaseFile.Kind.ENCRYPTED;
        char[] decrypt = encrypted ? Passphrases.filePassword(current) : null;
        // an embedded open without a server proves the passphrase and that no other process holds the file
        String url = "jdbc:h2:file:" + dir.resolve(FILE_BASE_NAME) + ";IFEXISTS=TRUE"
                + (encrypted ? ";CIPHER=AES" : "");
        DatabaseCredentials credentials = DatabaseCredentials.of(dir);
        String filePassword = encrypted ? new String(decrypt) + " " : "";
        try (Connection c = DriverManager.getConnection(url, credentials.user(), filePassword + credentials.password())) {
            c.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new Problem("database_in_use", "the database is open in another process (close the window"
                        + " first): " + description, e, description);
            }
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw translate(e, description, encrypted);
            }
            // the account is upgraded at the next open; the passphrase was right (the file could be read)
        }
        try {
            ChangeFileEncryption.execute(dir.toString(), FILE_BASE_NAME, "AES", decrypt,
                    Passphrases.filePassword(next), true);
        } catch (SQLException e) {
            throw translate(e, description, encrypted);
        }
        restrictDataFolder(dir);
        LOG.info("database {}: passphrase changed", description);
    }

    /** A login H2 refused for its user name or password (the caller decides what that means). */
    private static final class WrongAccount extends Exception {
        WrongAccount(SQLException cause) {
            super(cause);
        }
    }

    /** {@code dataDir}: the folder of an existing file, backed up before a migration; null for a new or in-memory one. */
    private static Database openUrl(String jdbcUrl, String user, String password, String description,
                                    boolean encrypted, Path dataDir) throws WrongAccount {
        HikariDataSource pool;
        try {
            pool = h2Pool(jdbcUrl, user, password);
        } catch (PoolInitializationException e) {
            // the pool's first connection, made at once: what H2 said of it (a wrong password, a file in use, damage)
            if (e.getCause() instanceof SQLException sql) {
                if (sql.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                    throw new WrongAccount(sql);
                }
                throw translate(sql, description, encrypted);
            }
            throw e;
        }
        // jOOQ's first use costs as much as Flyway's check of an up-to-date schema: let them overlap (start-up)
        FutureTask<DSLContext> dsl = new FutureTask<>(() -> dsl(pool, Vendor.H2));
        Thread.ofPlatform().name("cc-jooq-init").daemon().start(dsl);
        try {
            pool.getConnection().close();
            var flyway = Flyway.configure().dataSource(pool)
                    .locations(Vendor.H2.migrationLocations().toArray(String[]::new)).javaMigrations(new InstructionCellsFill());
            if (dataDir != null) {
                flyway.callbacks(new BackupBeforeMigration(pool, dataDir));
            }
            flyway.load().migrate();
        } catch (SQLException e) {
            pool.close();
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new WrongAccount(e);
            }
            throw translate(e, description, encrypted);
        } catch (FlywayException e) {
            pool.close();
            if (e.getCause() instanceof Problem p) {
                throw p; // the backup before the migration could not be made
            }
            if (e.getCause() instanceof SQLException sql) {
                throw translate(sql, description, encrypted);
            }
            throw new IllegalStateException("could not migrate " + description, e);
        } catch (RuntimeException e) {
            pool.close(); // e.g. the backup before a migration failed: nothing was migrated
            throw e;
        }
        LOG.info("opened database {}", description);
        return new Database(pool, pool::close, Vendor.H2, description, await(dsl),
                jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    /**
     * The pool of connections to an H2 database. HikariCP, not H2's own pool: H2's wraps each connection so that every
     * value read from a result set takes a fair lock first — an eighth of a dashboard load's time once the JIT has
     * settled (issue 17, docs/performance.md "Stop 27"). Its first connection is made here, at once, so that what H2
     * refuses (a wrong password, a file in use, damage) is said now and not after the pool's wait. Connections live as
     * long as the pool (an embedded database closes with its last connection), at least one always open.
     */
    private static HikariDataSource h2Pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setMaxLifetime(0);
        config.setIdleTimeout(0);
        config.setKeepaliveTime(0);
        config.setInitializationFailTimeout(1);
        config.setPoolName("cc-h2");
        return new HikariDataSource(config);
    }

    private static Flyway flyway(DataSource source) {
        return Flyway.configure().dataSource(source)
                .locations(Vendor.H2.migrationLocations().toArray(String[]::new)).javaMigrations(new InstructionCellsFill()).load();
    }

    /**
     * Opens the shared PostgreSQL database {@code target} (the profile of many workstations, ADR 0032) and brings its
     * schema up to date when this account may. {@code password} null: PostgreSQL's own places ({@code PGPASSWORD},
     * then {@code ~/.pgpass}, which the driver reads). A refused login, an unreachable server or a schema newer than
     * this application are {@link Problem}s of one line.
     */
    public static Database openShared(SharedDatabase target, char[] password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        String secret = password != null ? new String(password) : System.getenv("PGPASSWORD");
        if (secret != null) {
            config.setPassword(secret);
        }
        // one login of the driver's own first: a refused password is said at once, not after the pool's 30-second wait
        Properties login = new Properties();
        login.setProperty("user", target.user());
        if (secret != null) {
            login.setProperty("password", secret);
        }
        try (Connection first = DriverManager.getConnection(target.jdbcUrl(), login)) {
            LOG.debug("logged in to {}", target);
        } catch (SQLException e) {
            throw SqlErrors.sharedProblem(e, target.toString());
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("cc-shared");
        config.setInitializationFailTimeout(-1); // the first connection below says what is wrong, in one line
        HikariDataSource pool = new HikariDataSource(config);
        try {
            pool.getConnection().close();
            Flyway flyway = Flyway.configure().dataSource(pool)
                    .locations(Vendor.POSTGRESQL.migrationLocations().toArray(String[]::new)).javaMigrations(new InstructionCellsFill()).load();
            // a schema that a newer version of the application migrated: refused before anything is read or written
            Arrays.stream(flyway.info().applied()).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS)
                    .reduce((first, last) -> last).ifPresent(m -> {
                        throw new Problem("database_newer", "the shared database " + target + " has a newer schema"
                                + " (V" + m.getVersion() + ") than this application: update the application",
                                target.toString());
                    });
            flyway.migrate();
        } catch (SQLException e) {
            pool.close();
            throw SqlErrors.sharedProblem(e, target.toString());
        } catch (FlywayException e) {
            pool.close();
            if (e.getCause() instanceof SQLException sql) {
                throw SqlErrors.sharedProblem(sql, target.toString());
            }
            throw new Problem("database_newer", "the shared database " + target + " cannot be used by this version: "
                    + e.getMessage().lines().findFirst().orElse(""), e, target.toString());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("opened shared database {}", target);
        Database database = new Database(pool, pool::close, Vendor.POSTGRESQL, target.toString(),
                dsl(pool, Vendor.POSTGRESQL), false);
        database.shared = target;
        database.feedUrl = target.jdbcUrl();
        database.feedLogin.setProperty("user", target.user());
        if (secret != null) {
            database.feedLogin.setProperty("password", secret);
        }
        return database;
    }

    /** The shared database's address (host, port, database, user); empty for a workstation's own file. */
    public Optional<SharedDatabase> shared() {
        return Optional.ofNullable(shared);
    }

    /** The profile of this database. */
    public Vendor vendor() {
        return vendor;
    }

    /**
     * What this session's user may do: on a workstation's own H2 its owner may do everything; on a shared database
     * the role the database gives the login (read once, at the first question).
     */
    public Role role() {
        Role known = role;
        if (known == null) {
            known = vendor == Vendor.H2 ? Role.OWNER : SharedRoles.current(dsl);
            role = known;
        }
        return known;
    }

    /**
     * The database user this session logs in as on a shared database (PostgreSQL's {@code session_user}, read once):
     * the actor its audit trail records (ADR 0034). Empty on a workstation's own H2.
     */
    public Optional<String> sessionUser() {
        if (vendor == Vendor.H2) {
            return Optional.empty();
        }
        String known = sessionUser;
        if (known == null) {
            known = dsl.fetchValue("SELECT session_user").toString();
            sessionUser = known;
        }
        return Optional.of(known);
    }

    /** The regions this session may write records of; empty: every region (always so on a workstation's own). */
    public List<String> writableRegions() {
        List<String> known = regions;
        if (known == null) {
            known = vendor == Vendor.H2 ? List.of() : SharedRoles.currentRegions(dsl);
            regions = known;
        }
        return known;
    }

    /**
     * Follows commits of every workstation as they happen: on a shared database a LISTEN connection of its own
     * ({@link ChangeFeed}); empty on a workstation's own H2, whose window polls the data version instead.
     */
    public Optional<ChangeFeed> changes(Runnable onChange, Consumer<ChangeFeed.State> onState) {
        if (feedUrl == null) {
            return Optional.empty();
        }
        ChangeFeed feed = new ChangeFeed(feedUrl, feedLogin, onChange, onState);
        feed.start();
        return Optional.of(feed);
    }

    /** The users and roles of a shared database ({@code shared_only} on a workstation's own). */
    public SharedRoles sharedRoles() {
        return new SharedRoles(dsl);
    }

    /**
     * A file about to be migrated is copied first into {@code backups/before-migration-<time>-V<version>.zip}: a
     * migration that goes wrong, or a newer version the user wants to leave, loses nothing (issue 13). Flyway calls
     * it before each pending migration (never when none is pending: asking {@code Flyway.info()} at every start
     * cost as much again as the migration check itself); only the first backs up. A failed backup stops the migration.
     */
    private static final class BackupBeforeMigration implements Callback {
        private final DataSource pool;
        private final Path dataDir;
        private boolean done;

        BackupBeforeMigration(DataSource pool, Path dataDir) {
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
                zip = Backups.beforeMigration(dataDir, current, tmp -> Backups.withCredentials(dataDir, tmp,
                        h2zip -> backupTo(pool, h2zip)));
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
    private static String appliedVersion(DataSource pool) {
        try (var c = pool.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                     + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // no history table: nothing was ever migrated
        }
    }

    /**
     * What goes before the account's password in H2's password field: the file password and a space for an
     * encrypted database (H2 splits the two at the first space), nothing for a plain one.
     */
    private static String filePasswordPrefix(boolean encrypted, char[] passphrase) {
        return encrypted ? new String(Passphrases.filePassword(passphrase)) + " " : "";
    }

    private static Problem passphraseRequired(Path encrypted) {
        return new Problem("passphrase_required", "the database in " + encrypted + " is encrypted: give its passphrase"
                + " (--passphrase-file FILE or the environment variable CC_PASSPHRASE)", encrypted);
    }

    private static Problem wrongPassphrase(String description, Throwable cause) {
        return new Problem("wrong_passphrase", "wrong passphrase for the encrypted database " + description,
                cause, description);
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
            PrivateFiles.directory(dir);
        } catch (UncheckedIOException | SecurityException e) {
            throw new Problem("data_dir_unusable", "data dir cannot be created: " + dir, e, dir);
        }
        if (!Files.isWritable(dir)) {
            throw new Problem("data_dir_unusable", "data dir is not writable: " + dir, dir);
        }
        return dir;
    }

    private static RuntimeException translate(SQLException e, String description, boolean encrypted) {
        int code = e.getErrorCode();
        if (encrypted && (code == ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == ErrorCode.WRONG_USER_OR_PASSWORD)) {
            return wrongPassphrase(description, e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
            // the file changed between the check and H2's open, or H2 found it broken inside: never start anew
            return DatabaseFile.damaged(Path.of(description), "H2 cannot read it");
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new Problem("database_locked",
                    "database is locked by another process: " + description, e, description);
        }
        if (code == ErrorCode.FILE_VERSION_ERROR_1) {
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
    private final AtomicInteger bulkWriters = new AtomicInteger();

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
        if (vendor != Vendor.H2) {
            return () -> { }; // PostgreSQL's WAL needs no such care
        }
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
        try {
            return dsl.transactionResult(cfg -> work.apply(new Repositories(cfg.dsl())));
        } catch (org.jooq.exception.DataAccessException e) {
            if (vendor == Vendor.POSTGRESQL) {
                Problem meanwhile = SqlErrors.writtenMeanwhile(e, description);
                if (meanwhile != null) {
                    throw meanwhile;
                }
            }
            throw e;
        }
    }

    /** Repositories outside an explicit transaction (each statement commits on its own). */
    public Repositories repositories() {
        return new Repositories(dsl);
    }

    /** A JDBC connection from the pool for the rare string of SQL (a bench's CSVREAD); the caller closes it. */
    public Connection jdbcConnection() throws SQLException {
        return pool.getConnection();
    }

    /** What the status bar shows: the database file, or the shared database's address with its user (no password). */
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
        dispose.run();
    }
}
