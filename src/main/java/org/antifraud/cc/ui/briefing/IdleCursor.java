package org.antifraud.cc.ui.briefing;

import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/** Hides the mouse pointer over a full-screen scene after it has been still for a while; a move shows it again. */
final class IdleCursor {
    static final Duration DEFAULT_IDLE = Duration.seconds(3);

    /** Runs its action once, a set time after each {@link #restart}: the FX animation clock, or a test's hand. */
    interface Countdown {
        void restart();

        void stop();
    }

    private final Scene scene;
    private final Countdown idle;

    IdleCursor(Scene scene, Duration after) {
        this(scene, hide -> countdown(after, hide));
    }

    /** With the countdown made from the action that hides the pointer (tests hand in one they run themselves). */
    IdleCursor(Scene scene, Function<Runnable, Countdown> countdown) {
        this.scene = scene;
        this.idle = countdown.apply(() -> scene.setCursor(Cursor.NONE));
        scene.addEventFilter(MouseEvent.ANY, e -> {
            if (e.getEventType() == MouseEvent.MOUSE_MOVED || e.getEventType() == MouseEvent.MOUSE_DRAGGED
                    || e.getEventType() == MouseEvent.MOUSE_PRESSED) {
                wake();
            }
        });
        wake();
    }

    /** A countdown on the JavaFX animation clock. */
    static Countdown countdown(Duration after, Runnable action) {
        PauseTransition pause = new PauseTransition(after);
        pause.setOnFinished(e -> action.run());
        return new Countdown() {
            @Override
            public void restart() {
                pause.playFromStart();
            }

            @Override
            public void stop() {
                pause.stop();
            }
        };
    }

    private void wake() {
        scene.setCursor(Cursor.DEFAULT);
        idle.restart();
    }

    void stop() {
        idle.stop();
    }
}
