package org.antifraud.cc.service.exchange;

/**
 * What a field-station package reader accepts at most (issue 13; docs/security.md, "Field-station packages").
 * Sizes are counted while reading and inflating, never taken from the zip's own headers.
 *
 * @param maxEntries      entries in the zip (a package has eight)
 * @param maxPackageBytes the zip file itself (compressed)
 * @param maxEntryBytes   one entry, inflated
 * @param maxTotalBytes   all entries together, inflated
 * @param maxRatio        inflated bytes per compressed byte of one entry, checked once it passed {@code ratioFrom}
 * @param ratioFrom       inflated bytes of an entry below which its ratio is not judged (small files compress well)
 * @param maxBatchChars   the base64 text of one audit batch
 * @param maxAuditStates  the audit trail's states together (batches expanded), in characters
 */
public record PackageLimits(int maxEntries, long maxPackageBytes, long maxEntryBytes, long maxTotalBytes, int maxRatio,
                            long ratioFrom, int maxBatchChars, long maxAuditStates) {
    private static final long MB = 1024L * 1024L;

    /** The limits of the application. */
    public static final PackageLimits DEFAULT = new PackageLimits(16, 256 * MB, 256 * MB, 1024 * MB, 100, MB,
            (int) (64 * MB), 256 * MB);
}
