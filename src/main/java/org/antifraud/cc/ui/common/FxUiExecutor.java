package org.antifraud.cc.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Work on small pools of daemon threads, callbacks on the FX application thread. Quick work and long work
 * ({@link #runLong}) have a pool each, so an export or an import never holds up a dashboard refresh.
 */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    static final int QUICK_THREADS = 2;
    static final int LONG_THREADS = 2;
    /** How long {@link #close()} lets running work finish. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final ExecutorService quick;
    private final ExecutorService slow;
    private final Executor callbacks;

    public FxUiExecutor() {
        this(Platform::runLater);
    }

    /** @param callbacks where results and errors are handed back (the FX thread; tests: the calling thread) */
    FxUiExecutor(Executor callbacks) {
        this.quick = pool("cc-worker-", QUICK_THREADS);
        this.slow = pool("cc-long-", LONG_THREADS);
        this.callbacks = callbacks;
    }

    private static ExecutorService pool(String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Request run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return request(quick, work, onSuccess, onFailure);
    }

    @Override
    public <T> Request runLong(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return request(slow, work, onSuccess, onFailure);
    }

    private <T> Request request(ExecutorService pool, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future;
        try {
            future = submit(pool, work, onSuccess, onFailure, cancelled);
        } catch (RejectedExecutionException closed) {
            // the window is closing (a timer's last tick after close()): nothing more runs, nothing is called back
            cancelled.set(true);
            future = CompletableFuture.completedFuture(null);
        }
        Future<?> submitted = future;
        return new Request() {
            @Override
            public void cancel() {
                cancelled.set(true);
                submitted.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    private <T> Future<?> submit(ExecutorService pool, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<Throwable> onFailure, AtomicBoolean cancelled) {
        return pool.submit(() -> {
            if (cancelled.get()) {
                return;
            }
            try {
                T result = work.call();
                callbacks.execute(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable t) {
                callbacks.execute(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(t);
                    }
                });
            }
        });
    }

    /**
     * Takes no more work and lets the work running finish, for a few seconds, before interrupting it: an interrupted
     * thread in the middle of the embedded database's file I/O closes its file channel, and with it the database
     * (an H2 "IO Exception" for every later statement). Seen as a test class whose first test's left-over dashboard
     * load was interrupted by the test's end, failing every later test of the class.
     */
    @Override
    public void close() {
        quick.shutdown();
        slow.shutdown();
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            quick.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            slow.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quick.shutdownNow();
        slow.shutdownNow();
    }
}
