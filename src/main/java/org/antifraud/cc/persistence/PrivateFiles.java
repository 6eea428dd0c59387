package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner may read: folders 0700, files 0600 (issue 13). On a file system without POSIX
 * permissions (Windows) the per-user folders' own access rules apply and these calls change nothing.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) and makes it 0700. */
    public static Path directory(Path dir) {
        try {
            if (POSIX) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
                }
                Files.setPosixFilePermissions(dir, DIR);
            } else {
                Files.createDirectories(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private folder " + dir, e);
        }
    }

    /** Makes an existing file 0600 (a folder 0700); a missing one is left alone. */
    public static void restrict(Path path) {
        if (!POSIX || !Files.exists(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " private", e);
        }
    }

    /** {@link #restrict} for {@code dir} and everything under it. */
    public static void restrictTree(Path dir) {
        if (!POSIX || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    restrict(p);
                } catch (UncheckedIOException e) {
                    // a file that vanished meanwhile (H2's temporary files) needs no protection
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " private", e);
        }
    }

    /** Writes {@code bytes} to {@code file} atomically (a 0600 temporary file beside it, then a move). */
    public static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path tmp = POSIX
                    ? Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether permissions can be checked here at all (tests skip their permission checks on Windows). */
    public static boolean posix() {
        return POSIX;
    }
}
