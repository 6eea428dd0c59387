package org.antifraud.cc.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.ui.common.I18n;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backup} and {@code restore} (issue 13). */
final class BackupCommands {
    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Writes a consistent backup of the database to a zip, also while the window has it open.",
                    "An encrypted database stays encrypted in its backup. The file may not be in the data folder."})
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The backup to write (replaced).")
        Path out;

        @Override
        public Integer call() {
            OutputPaths.check(root.dataDir(), out); // before the database is even opened
            if (!BackupService.hasDatabase(root.dataDir())) {
                throw new Problem("no_database", "there is no database to back up in " + root.dataDir(),
                        root.dataDir().toString());
            }
            try (AppServices services = root.openServices(false)) {
                BackupService.Written w = services.backups().backup(out);
                root.out().println(new I18n(root.messageLocale()).get("backup.done", w.bytes(), w.file().toString()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replaces the database with a backup, after checking the backup is whole and opens.",
                    "The current database (even a damaged one) is first kept in the data folder's backups folder.",
                    "Refused while the window or another command has the database open."})
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Parameters(index = "0", paramLabel = "FILE.zip", description = "The backup (from backup, or the backups folder).")
        Path file;

        @Override
        public Integer call() {
            LogSetup.toDataDir(root.dataDir());
            BackupService.Restored r = BackupService.restore(root.dataDir(), file, Clock.systemUTC(),
                    () -> root.passphrase().read("passphrase of the backup " + file));
            I18n i18n = new I18n(root.messageLocale());
            root.out().println(r.previous() == null
                    ? i18n.get("restore.done_new", file.toString(), r.bytes())
                    : i18n.get("restore.done", file.toString(), r.bytes(), r.previous().toString()));
            return ExitCodes.OK;
        }
    }
}
