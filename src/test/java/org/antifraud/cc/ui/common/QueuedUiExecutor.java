package org.antifraud.cc.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A synchronous executor for ViewModel tests: work runs when the test says so ({@link #runAll()}, or only the
 * quick work with {@link #runQuick()}), on the test's thread, or at once when {@code immediate}. No toolkit,
 * no sleeps.
 */
public final class QueuedUiExecutor implements UiExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Deque<Runnable> longQueue = new ArrayDeque<>();
    private final boolean immediate;
    private int submitted;
    private int submittedLong;

    private QueuedUiExecutor(boolean immediate) {
        this.immediate = immediate;
    }

    public static QueuedUiExecutor immediate() {
        return new QueuedUiExecutor(true);
    }

    public static QueuedUiExecutor queued() {
        return new QueuedUiExecutor(false);
    }

    @Override
    public <T> Request run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(queue, work, onSuccess, onFailure);
    }

    @Override
    public <T> Request runLong(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        submittedLong++;
        return submit(longQueue, work, onSuccess, onFailure);
    }

    private <T> Request submit(Deque<Runnable> into, Callable<T> work, Consumer<? super T> onSuccess,
                               Consumer<Throwable> onFailure) {
        submitted++;
        boolean[] cancelled = {false};
        Runnable task = () -> {
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        Request request = new Request() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        if (immediate) {
            task.run();
        } else {
            into.add(task);
        }
        return request;
    }

    /** Runs every queued piece of work, the quick work first, each kind in submission order. */
    public void runAll() {
        while (!queue.isEmpty() || !longQueue.isEmpty()) {
            runQuick();
            if (!longQueue.isEmpty()) {
                longQueue.poll().run();
            }
        }
    }

    /** Runs the quick work queued (and what it queues in turn); long work stays queued, as if still running. */
    public void runQuick() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** All the work asked for, quick and long. */
    public int submitted() {
        return submitted;
    }

    /** The long work asked for ({@link #runLong}). */
    public int submittedLong() {
        return submittedLong;
    }
}
