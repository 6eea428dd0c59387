package org.antifraud.cc.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs service work off the FX thread and hands its result or error back on it. ViewModels receive
 * one by constructor; tests pass a synchronous one.
 */
public interface UiExecutor {

    /** Quick work: a query the window waits for (a dashboard load, a list, a save). */
    <T> Request run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Long work (an export, an import, a backup): on threads of its own, so that it never delays quick work.
     * An executor without such threads runs it as quick work.
     */
    default <T> Request runLong(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return run(work, onSuccess, onFailure);
    }

    /** A running piece of work; once cancelled, neither of its callbacks runs. */
    interface Request {
        void cancel();

        boolean isCancelled();
    }
}
