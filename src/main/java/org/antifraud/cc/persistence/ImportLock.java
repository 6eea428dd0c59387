package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.antifraud.cc.domain.Problem;

/**
 * One bulk import at a time per data folder, across processes: the window and the command line share the database
 * (through H2's server), and two imports at once would meet on the audit trail's head and fail with H2's lock
 * timeout. The second import waits here instead, told so, until the first has committed or rolled back.
 *
 * <p>Two locks: one per folder inside this process (a {@link FileLock} is held by the whole JVM, so threads need
 * their own), then an exclusive {@link FileLock} on {@code import.lock} (0600) in the data folder, which the
 * operating system releases if the holder dies.
 */
public final class ImportLock {
    public static final String FILE_NAME = "import.lock";
    /** How often a waiting import looks again (and whether it was cancelled). */
    private static final long POLL_MILLIS = 100;
    private static final ConcurrentHashMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock local;

    private ImportLock(Path file, String key) {
        this.file = file;
        this.local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    }

    /** The lock of a data folder ({@code import.lock} in it). */
    public static ImportLock of(Path dataDir) {
        Path f = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        return new ImportLock(f, f.toString());
    }

    /** A lock inside this process only (a database of its own, in memory), named {@code name}. */
    public static ImportLock inProcess(String name) {
        return new ImportLock(null, "memory:" + name);
    }

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock, waiting for another import to finish: {@code onWait} runs once (on this thread) when it has
     * to wait. Gives up with a {@link CancellationException} when {@code cancelled} turns true, and with a
     * {@code import_busy} problem after {@code maxWait}.
     */
    public Held acquire(Duration maxWait, Runnable onWait, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean told = false;
        try {
            if (!local.tryLock()) {
                onWait.run();
                told = true;
                while (!local.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    giveUpIf(cancelled, deadline, maxWait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for another import");
        }
        if (file == null) {
            return local::unlock;
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    FileChannel held = channel;
                    return () -> {
                        try {
                            lock.release();
                            held.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot release " + file, e);
                        } finally {
                            local.unlock();
                        }
                    };
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                giveUpIf(cancelled, deadline, maxWait);
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // another process holds it: FileChannel has no timed lock
            }
        } catch (IOException e) {
            close(channel);
            local.unlock();
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (InterruptedException e) {
            close(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for another import");
        } catch (RuntimeException e) {
            close(channel);
            local.unlock();
            throw e;
        }
    }

    private static void giveUpIf(BooleanSupplier cancelled, long deadline, Duration maxWait) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while waiting for another import");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new Problem("import_busy", "another import has been running for more than " + maxWait.toMinutes()
                    + " minutes: try again when it has finished", maxWait.toMinutes());
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (PrivateFiles.posix() && !Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
            } catch (FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock's own problem is the one reported
            }
        }
    }
}
