package org.antifraud.cc.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread's clock; the action runs on the FX thread. */
public final class FxDebouncer implements Debouncer {
    private final Duration quiet;
    private PauseTransition pause;

    public FxDebouncer(Duration quiet) {
        this.quiet = quiet;
    }

    @Override
    public void poke(Runnable action) {
        if (pause == null) {
            pause = new PauseTransition(quiet);
        }
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }
}
