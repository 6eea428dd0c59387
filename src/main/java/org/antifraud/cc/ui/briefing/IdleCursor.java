package org.antifraud.cc.ui.briefing;

import javafx.animation.PauseTransition;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/** Hides the mouse pointer over a full-screen scene after it has been still for a while; a move shows it again. */
final class IdleCursor {
    static final Duration DEFAULT_IDLE = Duration.seconds(3);

    private final Scene scene;
    private final PauseTransition idle;

    IdleCursor(Scene scene, Duration after) {
        this.scene = scene;
        this.idle = new PauseTransition(after);
        idle.setOnFinished(e -> scene.setCursor(Cursor.NONE));
        scene.addEventFilter(MouseEvent.ANY, e -> {
            if (e.getEventType() == MouseEvent.MOUSE_MOVED || e.getEventType() == MouseEvent.MOUSE_DRAGGED
                    || e.getEventType() == MouseEvent.MOUSE_PRESSED) {
                wake();
            }
        });
        wake();
    }

    private void wake() {
        scene.setCursor(Cursor.DEFAULT);
        idle.playFromStart();
    }

    void stop() {
        idle.stop();
    }
}
