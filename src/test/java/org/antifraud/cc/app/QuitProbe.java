package org.antifraud.cc.app;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.antifraud.cc.domain.Lang;

/**
 * The desktop application as a user starts it (in a JVM of its own, headless), pressing Ctrl+Q once its first figures
 * are in: {@code security.AttackQuitWindowTest} reads what it printed. Not a test itself.
 */
public final class QuitProbe {
    private QuitProbe() {
    }

    public static void main(String[] args) {
        DesktopApp.launch(new LaunchOptions(Path.of(args[0]), Lang.EN), window -> window.firstLoad().thenRun(() ->
                Platform.runLater(() -> {
                    Node target = window.scene().getFocusOwner() != null ? window.scene().getFocusOwner()
                            : window.scene().getRoot();
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q, false, true, false,
                            false));
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.Q, false, true, false,
                            false));
                })));
    }
}
