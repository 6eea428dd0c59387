package org.antifraud.cc.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.antifraud.cc.domain.Problem;

/**
 * Opens a shared database for the window (issue 15): first with PostgreSQL's own places for the password
 * ({@code PGPASSWORD}, {@code ~/.pgpass}); when the server refuses that login ({@code shared_login_refused}), with a
 * password asked in the window, again after a wrong one, until it opens or the user cancels. Opening runs on
 * {@code background}, the asking on the FX thread ({@code fx}).
 */
final class SharedStart {
    static final String LOGIN_REFUSED = "shared_login_refused";

    /** Opens with a password (null: PostgreSQL's own places); runs off the FX thread. */
    interface Opener<T> {
        T open(char[] password);
    }

    /** Asks for the password (FX thread); {@code wrongBefore}: the last one typed was refused. */
    interface Asker {
        void ask(boolean wrongBefore, Consumer<Optional<char[]>> answer);
    }

    private final Executor background;
    private final Executor fx;

    SharedStart(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** What was opened, or empty when the user cancelled; fails with anything but a refused login. */
    <T> CompletableFuture<Optional<T>> open(Opener<T> opener, Asker asker) {
        CompletableFuture<Optional<T>> done = new CompletableFuture<>();
        attempt(opener, asker, null, done);
        return done;
    }

    private <T> void attempt(Opener<T> opener, Asker asker, char[] password, CompletableFuture<Optional<T>> done) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open(password);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, background).whenComplete((opened, error) -> {
            if (error == null) {
                done.complete(Optional.of(opened));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof Problem p && p.key().equals(LOGIN_REFUSED))) {
                done.completeExceptionally(cause);
                return;
            }
            fx.execute(() -> asker.ask(password != null, typed -> {
                if (typed.isEmpty()) {
                    done.complete(Optional.empty());
                } else {
                    attempt(opener, asker, typed.get(), done);
                }
            }));
        });
    }
}
