package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.antifraud.cc.domain.Problem;

/**
 * What the database file of a data folder is, read from its first bytes before H2 sees it (issue 13). H2 silently
 * starts a new empty database over a 0-byte file and rolls a cut-off one back to an older state; this check turns
 * both, and a file that is not H2's at all, into {@code database_damaged} and leaves the file as it is.
 */
public final class DatabaseFile {
    /** What a database file holds. */
    public enum Kind { ABSENT, PLAIN, ENCRYPTED }

    static final int BLOCK = 4096;
    /** H2's {@code FileEncrypt} header: the whole file is AES-encrypted under the file password. */
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    /** An MVStore file header block. */
    private static final byte[] PLAIN_MAGIC = "H:2,".getBytes(StandardCharsets.US_ASCII);
    /** The footer every MVStore chunk ends with. */
    private static final int FOOTER_LENGTH = 128;

    private DatabaseFile() {
    }

    /** The database file of {@code dataDir}. */
    public static Path of(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(Database.FILE_BASE_NAME + ".mv.db");
    }

    /** Whether the H2 file {@code file} is encrypted (it starts with H2's encryption header); a missing one is not. */
    public static boolean isEncrypted(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.size() >= ENCRYPTED_MAGIC.length && startsWith(read(ch, 0, ENCRYPTED_MAGIC.length), ENCRYPTED_MAGIC);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** H2's lock file: present while a process holds the database (or after one died holding it). */
    static Path lockOf(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(Database.FILE_BASE_NAME + ".lock.db");
    }

    /**
     * The kind of {@code dataDir}'s database file, or {@code database_damaged} when it is empty, cut short or not an
     * H2 database. While another process may be writing it (its lock file is there) only the start is checked.
     */
    public static Kind inspect(Path dataDir) {
        Path file = of(dataDir);
        if (!Files.exists(file)) {
            return Kind.ABSENT;
        }
        boolean inUse = Files.exists(lockOf(dataDir));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw damaged(file, "it is empty");
            }
            byte[] first = read(ch, 0, (int) Math.min(size, 2L * BLOCK));
            if (startsWith(first, ENCRYPTED_MAGIC)) {
                // the encryption header, two header blocks and a chunk, in whole blocks
                if (!inUse && (size % BLOCK != 0 || size < 4L * BLOCK)) {
                    throw damaged(file, "it is cut short");
                }
                return Kind.ENCRYPTED;
            }
            if (!startsWith(first, PLAIN_MAGIC)) {
                throw damaged(file, "it is not an H2 database");
            }
            if (!inUse) {
                checkPlainLength(ch, file, size, first);
            }
            return Kind.PLAIN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A closed plain file: whole blocks, the newest chunk inside the file and a chunk footer at its very end. */
    private static void checkPlainLength(FileChannel ch, Path file, long size, byte[] first) throws IOException {
        if (size % BLOCK != 0 || size < 3L * BLOCK) {
            throw damaged(file, "it is cut short");
        }
        Map<String, String> header = newestHeader(first);
        long blocks = size / BLOCK;
        Long newestChunkBlock = hex(header.get("block"));
        if (newestChunkBlock == null || newestChunkBlock >= blocks) {
            throw damaged(file, "it is cut short");
        }
        String footer = new String(read(ch, size - FOOTER_LENGTH, FOOTER_LENGTH), StandardCharsets.ISO_8859_1);
        if ("1".equals(header.get("clean")) && !footer.startsWith("chunk:")) {
            // a cleanly closed store ends where its last chunk ends; anything else was cut off
            throw damaged(file, "it is cut short");
        }
    }

    /** Of the two header copies in blocks 0 and 1, the one with the higher version. */
    private static Map<String, String> newestHeader(byte[] first) {
        Map<String, String> a = fields(first, 0);
        Map<String, String> b = first.length >= 2 * BLOCK ? fields(first, BLOCK) : Map.of();
        Long va = hex(a.get("version"));
        Long vb = hex(b.get("version"));
        if (vb != null && (va == null || vb > va)) {
            return b;
        }
        return a;
    }

    private static Map<String, String> fields(byte[] bytes, int from) {
        Map<String, String> fields = new HashMap<>();
        int end = from;
        while (end < bytes.length && end < from + BLOCK && bytes[end] != '\n' && bytes[end] != 0) {
            end++;
        }
        String line = new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).strip();
        for (String part : line.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                fields.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return fields;
    }

    private static Long hex(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                break;
            }
        }
        return buf.array();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The one-line problem the CLI prints and the window answers with an offer to restore a backup. */
    static Problem damaged(Path file, String why) {
        return new Problem("database_damaged",
                "the database file " + file + " is damaged (" + why + ") and was left as it is;"
                        + " restore a backup with: restore FILE", file);
    }
}
