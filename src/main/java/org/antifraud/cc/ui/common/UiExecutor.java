package org.antifraud.cc.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs service work off the FX thread and hands its result or error back on it. ViewModels receive
 * one by constructor; tests pass a synchronous one.
 */
public interface UiExecutor {

    <T> Request run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** A running piece of work; once cancelled, neither of its callbacks runs. */
    interface Request {
        void cancel();

        boolean isCancelled();
    }
}
