package org.antifraud.cc.service.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Backups;
import org.antifraud.cc.persistence.Database;

/**
 * Backing up the open database and restoring a backup in its place (issue 13), for the command line and the window.
 * A restore never opens the current database: it works when that file is damaged, and only while nobody holds it.
 */
public final class BackupService {
    private final Path dataDir;
    private final Database database;
    private final OutputPaths outputs;
    private final Clock clock;

    public BackupService(Path dataDir, Database database, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.outputs = new OutputPaths(dataDir);
        this.clock = clock;
    }

    /** A backup written: where, and how many bytes. */
    public record Written(Path file, long bytes) {
    }

    /** What a restore did: the backup put in place, and where the database it replaced was kept (null: none). */
    public record Restored(Path backup, Path previous, long bytes) {
    }

    /** Writes a consistent backup of the open database to {@code out} (replaced), never into the data folder. */
    public Written backup(Path out) {
        Path target = usableOut(out);
        return new Written(target, Backups.backup(dataDir, database, target));
    }

    /** The name a save dialog suggests for a backup. */
    public String suggestedName() {
        return "command-center-backup-" + LocalDate.now(clock) + ".zip";
    }

    /** The output rule every writer here follows (the window checks its save dialogs with it). */
    public OutputPaths outputs() {
        return outputs;
    }

    /**
     * Restores {@code backup} into this data folder from the process that holds the database: {@code release} (which
     * closes it) runs once the backup has been found whole and openable; the caller must not use the database after.
     */
    public Restored restore(Path backup, Runnable release) {
        Backups.Restored r = Backups.restore(dataDir, backup, clock, release);
        return new Restored(r.backup(), r.previous(), r.bytes());
    }

    /** Puts {@code backup} in place of {@code dataDir}'s database, keeping the current file in the backups folder. */
    public static Restored restore(Path dataDir, Path backup, Clock clock) {
        return restore(dataDir, backup, clock, null);
    }

    /** The same; {@code passphrase} is asked for when the backup is encrypted (null: it cannot be checked). */
    public static Restored restore(Path dataDir, Path backup, Clock clock, Supplier<char[]> passphrase) {
        Backups.Restored r = Backups.restore(dataDir, backup, clock, passphrase);
        return new Restored(r.backup(), r.previous(), r.bytes());
    }

    /** The data folder's private backups folder (automatic backups, and the databases restores replaced). */
    public static Path backupsFolder(Path dataDir) {
        return Backups.folder(dataDir);
    }

    /** Where that folder is, without creating it (what a confirmation names). */
    public static Path backupsFolderPath(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(Backups.FOLDER);
    }

    /** Whether {@code dataDir} has a database file to back up. */
    public static boolean hasDatabase(Path dataDir) {
        return Files.isRegularFile(Database.file(dataDir));
    }

    private Path usableOut(Path out) {
        Path target = outputs.check(out);
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(target)) {
            throw new Problem("out_unusable", "cannot write " + out, out.toString());
        }
        return target;
    }
}
