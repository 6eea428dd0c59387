package org.antifraud.cc.persistence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import org.antifraud.cc.domain.Problem;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the database file and restores from them (issue 13). A backup is a zip holding the one database
 * file as H2 keeps it on disk (encrypted if the database is): what {@code BACKUP TO} writes. Automatic backups
 * and the copy of the database a restore replaces go to {@code <data dir>/backups} (0700, files 0600).
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    public static final String FOLDER = "backups";
    static final String BEFORE_MIGRATION = "before-migration-";
    static final String BEFORE_RESTORE = "before-restore-";
    /** Automatic backups kept; older automatic ones are deleted, a user's own files never. */
    static final int AUTOMATIC_KEPT = 5;
    /** The largest database file a restore unpacks (a zip bomb stops here, not at a full disk). */
    static final long MAX_DATABASE_BYTES = 64L * 1024 * 1024 * 1024;
    /** A backup is one entry; a few more are read before the zip is refused as not ours. */
    private static final int MAX_ENTRIES = 16;
    private static final String DATABASE_ENTRY = Database.FILE_BASE_NAME + Database.FILE_SUFFIX;
    /** The database account a backup carries beside its file. */
    static final String CREDENTIALS_ENTRY = DatabaseCredentials.FILE;

    /**
     * Writes {@code zip}: what {@code h2} writes (H2's {@code BACKUP TO}: the database file alone) with
     * {@code dataDir}'s database account added as {@value #CREDENTIALS_ENTRY}.
     */
    static void withCredentials(Path dataDir, Path zip, ZipWriter h2) {
        Path h2zip = zip.resolveSibling("h2-" + zip.getFileName());
        try {
            h2.write(h2zip);
            try (ZipFile in = new ZipFile(h2zip.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW))) {
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    ZipEntry e = entries.nextElement();
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(CREDENTIALS_ENTRY));
                out.write(DatabaseCredentials.of(dataDir).fileBytes());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + zip, e);
        } finally {
            try {
                Files.deleteIfExists(h2zip);
            } catch (IOException e) {
                LOG.warn("could not delete {}", h2zip, e);
            }
        }
    }
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Writes a zip to the path it is given (a private temporary file). */
    @FunctionalInterface
    public interface ZipWriter {
        void write(Path zip);
    }

    /** What a restore did: the backup put in place and where the database it replaced was kept (null: none). */
    public record Restored(Path backup, Path previous, long bytes) {
    }

    /** The data folder's private backups folder, created 0700 when missing. */
    /** The marker a restore leaves for the next open, which then re-anchors the audit trail. */
    public static Path restoredMarker(Path dataDir) {
        return Workstation.of(dataDir).keyFile("audit.restored");
    }

    public static Path folder(Path dataDir) {
        return PrivateFiles.directory(dataDir.toAbsolutePath().normalize().resolve(FOLDER));
    }

    /**
     * Backs up {@code database} to {@code target} (replaced), online; returns its size in bytes. The zip carries the
     * folder's database account ({@value #CREDENTIALS_ENTRY}) beside the file: the database opens only with it, so a
     * backup restored into another data folder brings it along (issue 13).
     */
    public static long backup(Path dataDir, Database database, Path target) {
        writePrivately(target, tmp -> withCredentials(dataDir, tmp, database::backupTo));
        try {
            return Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The automatic backup before a migration from {@code version}; the oldest beyond five are deleted. */
    static Path beforeMigration(Path dataDir, String version, ZipWriter writer) {
        Path folder = folder(dataDir);
        Path target = folder.resolve(BEFORE_MIGRATION + STAMP.format(Clock.systemUTC().instant()) + "-V"
                + version.replaceAll("[^0-9A-Za-z._-]", "_") + ".zip");
        writePrivately(target, writer);
        pruneAutomatic(folder);
        return target;
    }

    /** Deletes automatic backups but the newest {@link #AUTOMATIC_KEPT} (their names sort by time). */
    static void pruneAutomatic(Path folder) {
        List<Path> automatic = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, BEFORE_MIGRATION + "*.zip")) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    automatic.add(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list the automatic backups in {}", folder, e);
            return;
        }
        automatic.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path old : automatic.subList(0, Math.max(0, automatic.size() - AUTOMATIC_KEPT))) {
            try {
                Files.deleteIfExists(old);
                LOG.info("deleted the old automatic backup {}", old);
            } catch (IOException e) {
                LOG.warn("could not delete the old automatic backup {}", old, e);
            }
        }
    }

    /**
     * The zip is written by {@code writer} into a 0700 temporary folder beside {@code target} (H2 may write it from
     * the process that holds the database), made 0600, then moved over {@code target}: never half a backup there.
     */
    static void writePrivately(Path target, ZipWriter writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path tmpDir = null;
        try {
            tmpDir = PrivateFiles.posix()
                    ? Files.createTempDirectory(absolute.getParent(), ".backup-",
                    PosixFilePermissions.asFileAttribute(PrivateFiles.DIR))
                    : Files.createTempDirectory(absolute.getParent(), ".backup-");
            Path tmp = tmpDir.resolve("backup.zip");
            writer.write(tmp);
            PrivateFiles.restrict(tmp);
            move(tmp, absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        } finally {
            deleteTree(tmpDir);
        }
    }

    /**
     * Puts the backup {@code zip} in place of {@code dataDir}'s database. Nothing changes unless the backup is
     * whole and H2 opens it as one of our databases; the current file (which may be damaged: it is never opened)
     * is first kept as {@code backups/before-restore-<time>.zip}. Refused while any process holds the database.
     * {@code passphrase} gives the passphrase of an encrypted backup when one is found (null: none).
     */
    public static Restored restore(Path dataDir, Path zip, Clock clock, Supplier<char[]> passphrase) {
        refuseIfHeld(Database.file(dataDir)); // at once, before a large backup is unpacked (again when it is kept)
        return restore(dataDir, zip, clock, () -> { }, passphrase);
    }

    /**
     * The same for the process that holds the database itself (the window): {@code release} closes it once the
     * backup has been checked, so a backup that is refused leaves the window working.
     */
    public static Restored restore(Path dataDir, Path zip, Clock clock, Runnable release) {
        return restore(dataDir, zip, clock, release, null);
    }

    private static Restored restore(Path dataDir, Path zip, Clock clock, Runnable release,
                                    Supplier<char[]> passphrase) {
        if (!Files.isRegularFile(zip)) {
            throw new Problem("file_missing", "no such file: " + zip, zip.toString());
        }
        Path current = Database.file(dataDir);
        Path folder = folder(dataDir);
        Path work = null;
        try {
            work = PrivateFiles.posix()
                    ? Files.createTempDirectory(folder, ".restore-", PosixFilePermissions.asFileAttribute(PrivateFiles.DIR))
                    : Files.createTempDirectory(folder, ".restore-");
            Path candidate = work.resolve(DATABASE_ENTRY);
            DatabaseCredentials[] carried = new DatabaseCredentials[1];
            long bytes = extract(zip, candidate, carried);
            DatabaseCredentials account = carried[0] != null ? carried[0] : DatabaseCredentials.of(dataDir);
            verify(account, zip, candidate, passphrase);
            release.run();
            Path previous = null;
            if (Files.exists(current)) {
                previous = folder.resolve(BEFORE_RESTORE + STAMP.format(clock.instant()) + ".zip");
                keepCurrent(current, previous);
            }
            move(candidate, current);
            PrivateFiles.restrict(current);
            account.writeTo(dataDir); // the restored file opens with the account it came with
            // in the key folder, out of reach of whoever can only write the data folder: the next open moves the audit
            // anchor back to the restored trail's end (AuditService.acceptRestore)
            PrivateFiles.write(restoredMarker(dataDir), (zip.toAbsolutePath() + "\n").getBytes(
                    StandardCharsets.UTF_8));
            LOG.info("restored {} from {}; the database it replaced is in {}", current, zip, previous);
            return new Restored(zip, previous, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + zip, e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Unpacks the one database entry of a backup into {@code target}, refusing anything else; {@code credentials[0]}
     * gets the account the backup carries (null: none, an older backup).
     */
    static long extract(Path zip, Path target, DatabaseCredentials[] credentials) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry database = null;
            int seen = 0;
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                if (++seen > MAX_ENTRIES) {
                    throw notOneDatabase(zip);
                }
                String name = e.getName();
                if (!safeName(name)) {
                    throw new Problem("backup_unsafe_entry",
                            "refused the backup " + zip + ": it names a file outside itself (" + name + ")",
                            zip.toString(), name);
                }
                if (name.equals(CREDENTIALS_ENTRY) && !e.isDirectory() && credentials[0] == null) {
                    try (InputStream in = file.getInputStream(e)) {
                        credentials[0] = DatabaseCredentials.parse(in.readNBytes(1001), zip);
                    }
                    continue;
                }
                if (e.isDirectory() || !name.endsWith(Database.FILE_SUFFIX) || database != null) {
                    throw notOneDatabase(zip);
                }
                database = e;
            }
            if (database == null) {
                throw notOneDatabase(zip);
            }
            if (database.getSize() > MAX_DATABASE_BYTES) {
                throw tooLarge(zip);
            }
            return copyChecked(file, database, zip, target);
        } catch (ZipException | EOFException e) {
            throw damaged(zip, e);
        } catch (IOException e) {
            throw damaged(zip, e);
        }
    }

    private static long copyChecked(ZipFile file, ZipEntry entry, Path zip, Path target) throws IOException {
        CRC32 crc = new CRC32();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getInputStream(entry);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            PrivateFiles.restrict(target);
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_DATABASE_BYTES) {
                    throw tooLarge(zip);
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if ((entry.getSize() >= 0 && total != entry.getSize()) || (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())) {
            throw damaged(zip, new ZipException("size or checksum differs from the zip's directory"));
        }
        return total;
    }

    /** A plain file name: no folders, no {@code ..}, not absolute, no drive. */
    static boolean safeName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.contains(":")
                && !name.equals(".") && !name.equals("..") && name.indexOf('\0') < 0;
    }

    /**
     * H2 must open the file with this data folder's credentials and find Flyway's history in it, with no migration
     * of a newer version of the application (this one would not understand its data).
     */
    private static void verify(DatabaseCredentials account, Path zip, Path candidate,
                               Supplier<char[]> passphrase) {
        char[] secret = passphrase != null && DatabaseFile.isEncrypted(candidate) ? passphrase.get() : null;
        DataSource source = Database.fileDataSource(account, candidate, secret);
        try (Connection c = source.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    throw notOurDatabase(zip, null);
                }
            }
            // the connection held keeps the file open while Flyway reads its history
            MigrationInfoService info = Database.migrations(source);
            if (info.current() == null) {
                throw notOurDatabase(zip, null);
            }
            for (MigrationInfo m : info.all()) {
                if (m.getState().isFailed() || m.getState() == MigrationState.FUTURE_SUCCESS) {
                    throw new Problem("backup_newer", "refused the backup " + zip + ": its schema (V"
                            + m.getVersion() + ") is from a newer version of the application, or a failed migration",
                            zip.toString(), String.valueOf(m.getVersion()));
                }
            }
        } catch (SQLException e) {
            throw notOurDatabase(zip, e);
        } catch (FlywayException e) {
            throw notOurDatabase(zip, e.getCause() instanceof SQLException sql ? sql
                    : new SQLException(e.getMessage(), e));
        }
    }

    /** Copies the current file into a zip while holding its lock: nobody may have it open meanwhile. */
    private static void keepCurrent(Path current, Path previous) throws IOException {
        try (FileChannel channel = FileChannel.open(current, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw inUse(current);
            }
            writePrivately(previous, tmp -> zipFile(channel, tmp, current.getParent()));
        }
    }

    private static void refuseIfHeld(Path current) {
        if (!Files.exists(current)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(current, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw inUse(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current, e);
        }
    }

    private static Problem inUse(Path current) {
        return new Problem("database_in_use", "the database " + current + " is open in another process (the window or"
                + " a command): close it first, then restore", current.toString());
    }

    /** The file's lock, or null when a process (this one included) holds it: H2 locks the file it has open. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void zipFile(FileChannel channel, Path zip, Path dataDir) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW))) {
            out.putNextEntry(new ZipEntry(DATABASE_ENTRY));
            channel.position(0);
            channel.transferTo(0, channel.size(), Channels.newChannel(out));
            out.closeEntry();
            if (Files.isRegularFile(dataDir.resolve(CREDENTIALS_ENTRY))) {
                out.putNextEntry(new ZipEntry(CREDENTIALS_ENTRY));
                out.write(DatabaseCredentials.of(dataDir).fileBytes());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the current database in " + zip, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not delete the temporary file {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete the temporary folder {}", dir, e);
        }
    }

    private static Problem damaged(Path zip, Exception cause) {
        return new Problem("backup_damaged", "refused the backup " + zip + ": it is not a whole zip file ("
                + cause.getMessage() + ")", cause, zip.toString());
    }

    private static Problem notOneDatabase(Path zip) {
        return new Problem("backup_entries", "refused the backup " + zip
                + ": a backup holds exactly one database file (*.mv.db) and nothing else", zip.toString());
    }

    private static Problem tooLarge(Path zip) {
        return new Problem("backup_too_large", "refused the backup " + zip + ": its database is larger than "
                + MAX_DATABASE_BYTES / (1024 * 1024 * 1024) + " GB", zip.toString());
    }

    private static Problem notOurDatabase(Path zip, SQLException cause) {
        String why = cause == null ? "it holds no Command Center schema" : "H2 cannot open it (" + cause.getMessage() + ")";
        return cause == null
                ? new Problem("backup_not_database", "refused the backup " + zip + ": " + why, zip.toString())
                : new Problem("backup_not_database", "refused the backup " + zip + ": " + why, cause, zip.toString());
    }
}
