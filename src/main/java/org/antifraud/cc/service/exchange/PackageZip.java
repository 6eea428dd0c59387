package org.antifraud.cc.service.exchange;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.antifraud.cc.domain.Problem;

/**
 * Reads a package's zip within {@link PackageLimits}: counts entries, refuses a name seen before, and counts the
 * bytes of each entry while inflating it (never trusting the sizes the zip declares), with its SHA-256. A limit
 * passed ends the reading: the stream fails, and {@link #exceeded()} holds the Problem to report.
 */
final class PackageZip implements Closeable {
    private final Path file;
    private final PackageLimits limits;
    private final Counting raw;
    private final ZipInputStream zip;
    private final Set<String> names = new HashSet<>();
    private long total;
    private Problem exceeded;
    private Entry current;

    PackageZip(Path file, PackageLimits limits) throws IOException {
        this(file, limits, null);
    }

    /** The zip in {@code bytes} (a decrypted package), named {@code file} in problems; null: read {@code file}. */
    PackageZip(Path file, PackageLimits limits, byte[] bytes) throws IOException {
        this.file = file;
        this.limits = limits;
        if ((bytes == null ? Files.size(file) : bytes.length) > limits.maxPackageBytes()) {
            throw tooLarge();
        }
        this.raw = new Counting(bytes == null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes));
        this.zip = new ZipInputStream(raw);
    }

    /** One entry being read: its bytes as they inflate, counted and hashed. */
    final class Entry extends InputStream {
        private final String name;
        private final long startCompressed;
        private final MessageDigest sha256;
        private long size;
        private boolean done;
        private String hex;

        private Entry(String name) {
            this.name = name;
            this.startCompressed = raw.count;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String name() {
            return name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (exceeded != null) {
                throw new IOException(exceeded.getMessage());
            }
            if (done) {
                return -1;
            }
            int n = zip.read(b, off, len);
            if (n < 0) {
                done = true;
                return -1;
            }
            sha256.update(b, off, n);
            size += n;
            total += n;
            check();
            return n;
        }

        private void check() throws IOException {
            long compressed = Math.max(1, raw.count - startCompressed);
            if (size > limits.maxEntryBytes()) {
                exceeded = new Problem("package_entry_too_large", file + "!" + name + ": larger than "
                        + limits.maxEntryBytes() + " bytes when inflated", file.toString(), name, limits.maxEntryBytes());
            } else if (total > limits.maxTotalBytes()) {
                exceeded = new Problem("package_total_too_large", file + ": its entries are larger than "
                        + limits.maxTotalBytes() + " bytes together when inflated", file.toString(), limits.maxTotalBytes());
            } else if (size > limits.ratioFrom() && size / compressed > limits.maxRatio()) {
                exceeded = new Problem("package_ratio", file + "!" + name + ": inflates more than " + limits.maxRatio()
                        + " times its compressed size (a zip bomb?)", file.toString(), name, limits.maxRatio());
            } else if (raw.count > limits.maxPackageBytes()) {
                exceeded = tooLarge();
            }
            if (exceeded != null) {
                throw new IOException(exceeded.getMessage());
            }
        }

        /** Reads what the parser left (within the limits), then the entry's size and SHA-256 in hex. */
        String finish() throws IOException {
            if (hex != null) {
                return hex;
            }
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // counted and hashed
            }
            hex = HexFormat.of().formatHex(sha256.digest());
            return hex;
        }

        long size() {
            return size;
        }

        /** All of a small entry (a manifest, a signature): at most {@code limit} bytes, else a Problem. */
        byte[] readAll(int limit) throws IOException {
            byte[] bytes = readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new Problem("package_entry_too_large", file + "!" + name + ": larger than " + limit
                        + " bytes when inflated", file.toString(), name, limit);
            }
            return bytes;
        }

        @Override
        public void close() {
            // the zip goes on to its next entry
        }
    }

    /** The next entry, or null at the end; a Problem for one entry too many or a name seen before. */
    Entry next() throws IOException {
        if (current != null && !current.done) {
            current.finish(); // within the limits: the zip itself would inflate the rest unbounded to skip it
        }
        ZipEntry e = zip.getNextEntry();
        if (e == null) {
            return null;
        }
        if (!names.add(e.getName())) {
            throw new Problem("package_duplicate_entry", file + ": the entry " + e.getName()
                    + " appears twice in the package", file.toString(), e.getName());
        }
        if (names.size() > limits.maxEntries()) {
            throw new Problem("package_too_many_entries", file + ": more than " + limits.maxEntries() + " entries",
                    file.toString(), limits.maxEntries());
        }
        current = new Entry(e.getName());
        return current;
    }

    /** The limit that ended the reading, or null. */
    Problem exceeded() {
        return exceeded;
    }

    private Problem tooLarge() {
        return new Problem("package_too_large", file + ": larger than " + limits.maxPackageBytes() + " bytes",
                file.toString(), limits.maxPackageBytes());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts the compressed bytes read from the file. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
