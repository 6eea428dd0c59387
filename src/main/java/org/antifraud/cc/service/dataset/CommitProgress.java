package org.antifraud.cc.service.dataset;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * The progress of a commit that reports none (H2 writes one big transaction's changes at once): estimated from
 * how long the work before it took and the share of the whole the commit was measured to take, so that the bar
 * moves on instead of standing still and then jumping to the end. It never reaches 1 by itself: only the
 * finished commit does.
 */
final class CommitProgress implements AutoCloseable {
    /** The estimate never passes this: the last step belongs to the real end. */
    static final double CEILING = 0.99;
    private static final long TICK_MILLIS = 250;

    private final ScheduledExecutorService ticker;

    /**
     * Starts reporting from {@code from} towards {@code CEILING} every quarter of a second, on a daemon thread.
     *
     * @param beforeNanos how long the work before the commit took
     * @param commitShare the commit's measured share of the whole (after {@code from})
     */
    CommitProgress(double from, long beforeNanos, double commitShare, DoubleConsumer progress) {
        long expected = Math.max(1, Math.round(beforeNanos * commitShare / from));
        long start = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "commit-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(fraction(from, System.nanoTime() - start, expected)),
                TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * From {@code from} at no time elapsed, linearly to nine tenths of the rest at the expected time, then ever more
     * slowly towards {@link #CEILING} when the commit takes longer than estimated; never decreasing.
     */
    static double fraction(double from, long elapsedNanos, long expectedNanos) {
        double x = Math.max(0, (double) elapsedNanos / expectedNanos);
        double done = x <= 0.9 ? x : 1 - 0.1 * Math.exp(-(x - 0.9) / 0.3);
        return Math.min(CEILING, from + (1 - from) * done);
    }

    /** Stops the estimates; returns when none is being reported any more. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
