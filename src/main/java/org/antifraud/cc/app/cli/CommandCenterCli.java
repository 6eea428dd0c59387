package org.antifraud.cc.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.app.BuildInfo;
import org.antifraud.cc.app.DataDirs;
import org.antifraud.cc.app.LaunchOptions;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SharedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** The command line. Global options are accepted before or after the subcommand. */
@Command(name = "command-center", mixinStandardHelpOptions = true, versionProvider = CommandCenterCli.Version.class,
        description = "Anti-fraud Command Center. Without a subcommand the desktop application opens.",
        usageHelpAutoWidth = true)
public final class CommandCenterCli implements Callable<Integer> {
    /**
     * The subcommands, added by {@link #run} unless the command line only opens the window: picocli reads their
     * annotations in about a quarter of a second, which the desktop start saves (issue 16).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InitCommand.class, StatsCommand.class,
            ExplainCommand.class, DemoCommand.class, SnapshotCommand.class, BenchCommand.class, RollupsCommand.class,
            AuditCommand.class, ImportCommand.class, ExportCommand.class, PackageCommands.Export.class,
            PackageCommands.Import.class, BriefingCommand.class, SubmissionCommands.Submit.class,
            SubmissionCommands.Reopen.class, SubmissionCommands.Show.class, StationCommand.class,
            BackupCommands.Backup.class, BackupCommands.Restore.class, PassphraseCommand.class, DbCommand.class,
            UserCommand.class, SlaCommand.class);
    /** The global options, each with a value: a command line of these alone opens the window. */
    static final Set<String> GLOBAL_OPTIONS = Set.of("--data-dir", "--passphrase-file", "--db", "--lang");

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of the database, settings and logs (default: the per-user application data folder).")
    Path dataDir;

    @Option(names = "--passphrase-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "File whose first line is the passphrase of an encrypted database"
                    + " (else the environment variable CC_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "postgresql://HOST[:PORT]/DB?user=U",
            description = "A shared PostgreSQL database (15 or newer) instead of the data folder's own: the password"
                    + " from PGPASSWORD or ~/.pgpass, never in the address (ADR 0032).")
    String db;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "zh|en",
            description = "Language of the application and of messages (default: the system's).")
    String lang;

    private PrintWriter out;
    private PrintWriter err;
    private InputStream in = System.in;
    private boolean launchGui;

    /** Runs the command line; never throws, never exits. */
    public static CliResult run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** The same with {@code in} as standard input ({@code db shell} reads it). */
    public static CliResult run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandCenterCli root = new CommandCenterCli();
        root.in = in;
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        if (!opensWindow(args)) {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> root.handle(ex));
        cl.setExecutionStrategy(parseResult -> {
            // a bad --lang is bad input for every subcommand, found before anything is opened
            try {
                root.locale();
            } catch (Problem p) {
                throw new CommandLine.ExecutionException(cl, p.getMessage(), p);
            }
            // A data folder that exists gets the log before any library's first logger could fix it elsewhere
            // (FontBox, H2, ...): an unexpected failure's stack trace must land where "details in the log" points.
            LogSetup.ifDataDirExists(root.dataDir());
            return new CommandLine.RunLast().execute(parseResult);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (RuntimeException | Error e) { // an Error from a command escapes picocli: logged and said the same way
            code = root.handle(e);
        }
        if (root.launchGui && code == ExitCodes.OK) {
            return new CliResult(code, new LaunchOptions(root.dataDir(), root.locale(), root.db));
        }
        return new CliResult(code, null);
    }

    /**
     * Whether {@code args} are global options and their values alone ({@code --lang en}, {@code --data-dir=D}): the
     * window opens, and no subcommand is needed to parse them. Anything else (a subcommand, {@code --help}, a value
     * that looks like an option) is parsed with every subcommand, so its help and errors are the full ones.
     */
    static boolean opensWindow(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (equals > 0 && GLOBAL_OPTIONS.contains(arg.substring(0, equals))) {
                continue;
            }
            if (!GLOBAL_OPTIONS.contains(arg) || i + 1 >= args.length || args[i + 1].startsWith("-")) {
                return false;
            }
            i++; // its value
        }
        return true;
    }

    @Override
    public Integer call() {
        locale(); // reject a bad --lang before any window opens
        shared(); // and a bad --db address: the window opens it (issue 15)
        launchGui = true;
        return ExitCodes.OK;
    }

    Path dataDir() {
        return dataDir != null ? dataDir : DataDirs.defaultDataDir();
    }

    /** The --lang locale, or null when not given (the GUI then follows its settings or the system). */
    Locale locale() {
        if (lang == null) {
            return null;
        }
        try {
            return Lang.fromTag(lang);
        } catch (IllegalArgumentException e) {
            throw new Problem("unknown_language", "unknown language: " + lang + " (zh or en)", lang);
        }
    }

    Locale messageLocale() {
        Locale chosen = lang == null ? null : locale();
        return chosen != null ? chosen : Lang.closest(Locale.getDefault());
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    /** The shared database of {@code --db}, which {@code what} needs ({@code shared_only} without it). */
    SharedDatabase requireShared(String what) {
        return shared().orElseThrow(() -> new Problem("shared_only", what + " belongs to a shared database: give it"
                + " with --db postgresql://HOST[:PORT]/DB?user=NAME", what));
    }

    /** The shared database of {@code --db}, or empty for the data folder's own; a bad address is bad input. */
    Optional<SharedDatabase> shared() {
        return db == null ? Optional.empty() : Optional.of(SharedDatabase.parse(db));
    }

    /**
     * Opens the data dir (setting up logging there first), or the shared database of {@code --db} for it; first use
     * loads the report and the demo.
     */
    AppServices openServices(boolean seedIfNew) {
        Optional<SharedDatabase> shared = shared();
        LogSetup.toDataDir(dataDir());
        if (shared.isPresent()) {
            return AppServices.openShared(dataDir(), shared.get(), null, seedIfNew);
        }
        char[] passphrase = passphraseIfEncrypted();
        try {
            return seedIfNew ? AppServices.open(dataDir(), passphrase)
                    : AppServices.openWithoutSeeding(dataDir(), passphrase);
        } finally {
            Passphrase.clear(passphrase);
        }
    }

    /** The data dir's database alone (benches), with the passphrase when it is encrypted. */
    Database openDatabase(String urlSettings) {
        Optional<SharedDatabase> shared = shared();
        LogSetup.toDataDir(dataDir());
        if (shared.isPresent()) {
            return Database.openShared(shared.get(), null);
        }
        char[] passphrase = passphraseIfEncrypted();
        try {
            return Database.open(dataDir(), passphrase, urlSettings);
        } finally {
            Passphrase.clear(passphrase);
        }
    }

    /** The passphrase when the data dir's database is encrypted, else null (nothing is asked). */
    char[] passphraseIfEncrypted() {
        return Database.encrypted(dataDir()) ? passphrase().read("passphrase of " + dataDir().toAbsolutePath()) : null;
    }

    /** Where a passphrase comes from: --passphrase-file, CC_PASSPHRASE, the console. */
    Passphrase passphrase() {
        return new Passphrase(passphraseFile, System.getenv(Passphrase.ENV), System.console());
    }

    /**
     * Where every failure of a command ends: a {@link Problem} is one line and exit 2; anything else is a bug, its
     * stack trace written to the data folder's log (the message says "details in the log", so it must be there,
     * also when the command failed before opening the data folder), one line on stderr and exit 1.
     */
    private int handle(Throwable ex) {
        Throwable shown = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
        if (shown instanceof Problem p) {
            err.println(CliMessages.problem(p, safeLocale()));
            return ExitCodes.BAD_INPUT;
        }
        try {
            LogSetup.toDataDir(dataDir());
        } catch (RuntimeException e) {
            ex.addSuppressed(e); // the log stays where it is (the temp folder)
        }
        Logger log = LoggerFactory.getLogger(CommandCenterCli.class);
        log.error("unexpected failure", shown);
        err.println(CliMessages.unexpected(shown, safeLocale()));
        err.flush();
        return ExitCodes.FAILURE;
    }

    private Locale safeLocale() {
        try {
            return messageLocale();
        } catch (Problem | MissingResourceException e) {
            return Lang.EN;
        }
    }

    /** {@code --version}: the version and the commit of this build (picocli instantiates it). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{BuildInfo.current().line()};
        }
    }
}
