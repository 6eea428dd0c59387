package org.antifraud.cc.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Work on a small pool of daemon threads, callbacks on the FX application thread. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private final ExecutorService pool;

    public FxUiExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cc-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Request run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future;
        try {
            future = submit(work, onSuccess, onFailure, cancelled);
        } catch (RejectedExecutionException closed) {
            // the window is closing (a timer's last tick after close()): nothing more runs, nothing is called back
            cancelled.set(true);
            future = java.util.concurrent.CompletableFuture.completedFuture(null);
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

    private <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                                 AtomicBoolean cancelled) {
        return pool.submit(() -> {
            if (cancelled.get()) {
                return;
            }
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable t) {
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(t);
                    }
                });
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
