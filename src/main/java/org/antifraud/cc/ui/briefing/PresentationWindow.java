package org.antifraud.cc.ui.briefing;

import java.util.List;
import java.util.function.Function;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;

/**
 * Presentation mode: the slides full screen on the chosen monitor. → ↓ PageDown Space Enter (or a click) go on;
 * ← ↑ PageUp Backspace go back; Home and End jump; B (or .) blanks the screen and brings it back; Esc leaves.
 * The pointer hides after 3 s without moving.
 */
public final class PresentationWindow {
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final SlideView view;
    private final Deck deck;
    private final IdleCursor cursor;

    private PresentationWindow(Deck deck, SlidePainter painter, SlidePalette palette, int start, Screen screen,
                               boolean fullScreen, Function<Runnable, IdleCursor.Countdown> cursorIdle,
                               List<String> stylesheets) {
        this.deck = deck;
        view = new SlideView(painter);
        view.getStyleClass().add("presentation-slide");
        StackPane root = new StackPane(view);
        root.getStyleClass().add("presentation-root");
        Rectangle2D bounds = screen.getBounds();
        Scene scene = new Scene(root, fullScreen ? bounds.getWidth() : Math.min(960, bounds.getWidth()),
                fullScreen ? bounds.getHeight() : Math.min(540, bounds.getHeight()));
        scene.getStylesheets().setAll(stylesheets); // black around a letterboxed slide, as projectors expect
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                go(view.index() + 1);
            } else if (e.getButton() == MouseButton.SECONDARY) {
                go(view.index() - 1);
            }
        });
        stage.setScene(scene);
        stage.setTitle(deck.classification());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        if (fullScreen) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        cursor = new IdleCursor(scene, cursorIdle);
        stage.setOnHidden(e -> cursor.stop());
        view.show(deck, Math.max(0, Math.min(start, deck.size() - 1)), palette);
    }

    /** Opens presentation mode on {@code screen}, from slide {@code start}. */
    public static PresentationWindow open(Deck deck, SlidePainter painter, SlidePalette palette, int start, Screen screen,
                                          List<String> stylesheets) {
        PresentationWindow w = new PresentationWindow(deck, painter, palette, start, screen, true,
                hide -> IdleCursor.countdown(IdleCursor.DEFAULT_IDLE, hide), stylesheets);
        w.stage.show();
        w.stage.requestFocus();
        return w;
    }

    /** As {@link #open}, windowed and with the pointer's idle countdown given: for tests on a small headless screen. */
    static PresentationWindow openWindowed(Deck deck, SlidePainter painter, SlidePalette palette, int start,
                                           Function<Runnable, IdleCursor.Countdown> cursorIdle) {
        PresentationWindow w = new PresentationWindow(deck, painter, palette, start, Screen.getPrimary(), false,
                cursorIdle, List.of());
        w.stage.show();
        w.stage.requestFocus();
        return w;
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case RIGHT, DOWN, PAGE_DOWN, SPACE, ENTER, N -> go(view.index() + 1);
            case LEFT, UP, PAGE_UP, BACK_SPACE, P -> go(view.index() - 1);
            case HOME -> go(0);
            case END -> go(deck.size() - 1);
            case B, PERIOD -> view.setBlank(!view.isBlank());
            case ESCAPE -> stage.close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void go(int index) {
        if (index < 0 || index >= deck.size()) {
            return;
        }
        view.setBlank(false);
        view.show(deck, index, view.palette());
    }

    public int index() {
        return view.index();
    }

    public boolean isBlank() {
        return view.isBlank();
    }

    public Stage stage() {
        return stage;
    }
}
