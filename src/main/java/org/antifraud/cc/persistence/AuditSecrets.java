package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the audit trail keeps outside the database (ADR 0027): the audit key (256 random bits) and the anchor (a
 * small text naming the trail's last entry, which only ever moves forward). Someone who can write the database
 * but not these files cannot rewrite the trail unnoticed. The files live in the workstation's key folder
 * ({@link Workstation#keyFile}), 0600; {@link #inMemory} keeps both in memory, for tests and in-memory databases.
 */
public interface AuditSecrets {
    /** The audit key's length in bytes. */
    int KEY_BYTES = 32;
    String KEY_FILE = "audit.key";
    String ANCHOR_FILE = "audit.anchor";

    /** The key, if there is one. */
    Optional<byte[]> key();

    /** Makes a new random key; fails if one exists (a key is never replaced behind the trail's back). */
    byte[] createKey();

    /** The anchor's text, if there is one. */
    Optional<String> anchor();

    /**
     * Replaces the anchor under a lock held across processes: {@code change} gets the current text (empty when
     * none) and returns the new one, or null to leave it as it is.
     */
    void updateAnchor(Function<Optional<String>, String> change);

    /** The files {@code audit.key} and {@code audit.anchor} of {@code workstation}'s key folder. */
    static AuditSecrets files(Workstation workstation) {
        return new KeyFolder(workstation.keyFile(KEY_FILE), workstation.keyFile(ANCHOR_FILE),
                workstation.keyFile(ANCHOR_FILE + ".lock"));
    }

    /**
     * The key {@code audit.key} of {@code workstation}'s key folder with the anchor of a shared database (ADR 0034):
     * {@code audit-<16 hex digits of SHA-256 of its address and user>.anchor}, one per database and user, since
     * each of them has a chain of its own.
     */
    static AuditSecrets files(Workstation workstation, String sharedAddress) {
        String id = sha256Hex(sharedAddress).substring(0, 16);
        String anchor = "audit-" + id + ".anchor";
        return new KeyFolder(workstation.keyFile(KEY_FILE), workstation.keyFile(anchor),
                workstation.keyFile(anchor + ".lock"));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A key and an anchor in memory only ({@code key} null: none yet). */
    static AuditSecrets inMemory(byte[] key) {
        return new InMemory(key == null ? null : key.clone());
    }

    /** In files; the anchor written atomically (a temporary file, then a move) under a file lock. */
    final class KeyFolder implements AuditSecrets {
        /** One holder of the lock per process: a second FileLock on the same file in one JVM is an error. */
        private static final Object IN_PROCESS = new Object();
        private final Path keyFile;
        private final Path anchorFile;
        private final Path lockFile;

        private KeyFolder(Path keyFile, Path anchorFile, Path lockFile) {
            this.keyFile = keyFile;
            this.anchorFile = anchorFile;
            this.lockFile = lockFile;
        }

        @Override
        public Optional<byte[]> key() {
            try {
                if (!Files.exists(keyFile)) {
                    return Optional.empty();
                }
                if (Files.size(keyFile) != KEY_BYTES) {
                    throw new IllegalStateException("the audit key is damaged (not " + KEY_BYTES + " bytes): " + keyFile);
                }
                return Optional.of(Files.readAllBytes(keyFile));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + keyFile, e);
            }
        }

        @Override
        public byte[] createKey() {
            synchronized (IN_PROCESS) {
                if (Files.exists(keyFile)) {
                    throw new IllegalStateException("an audit key exists already: " + keyFile);
                }
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                PrivateFiles.write(keyFile, key);
                return key;
            }
        }

        @Override
        public Optional<String> anchor() {
            try {
                if (!Files.exists(anchorFile)) {
                    return Optional.empty();
                }
                if (Files.size(anchorFile) > 4096) {
                    return Optional.of(""); // not an anchor: reported as damaged
                }
                return Optional.of(Files.readString(anchorFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + anchorFile, e);
            }
        }

        @Override
        public void updateAnchor(Function<Optional<String>, String> change) {
            synchronized (IN_PROCESS) {
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    PrivateFiles.restrict(lockFile);
                    String next = change.apply(anchor());
                    if (next != null) {
                        PrivateFiles.write(anchorFile, next.getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot update " + anchorFile, e);
                }
            }
        }
    }

    /** For tests and in-memory databases. */
    final class InMemory implements AuditSecrets {
        private byte[] key;
        private String anchor;

        private InMemory(byte[] key) {
            this.key = key;
        }

        @Override
        public synchronized Optional<byte[]> key() {
            return Optional.ofNullable(key).map(byte[]::clone);
        }

        @Override
        public synchronized byte[] createKey() {
            if (key != null) {
                throw new IllegalStateException("an audit key exists already");
            }
            key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return key.clone();
        }

        @Override
        public synchronized Optional<String> anchor() {
            return Optional.ofNullable(anchor);
        }

        @Override
        public synchronized void updateAnchor(Function<Optional<String>, String> change) {
            String next = change.apply(Optional.ofNullable(anchor));
            if (next != null) {
                anchor = next;
            }
        }
    }
}
