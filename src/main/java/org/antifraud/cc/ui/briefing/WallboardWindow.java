package org.antifraud.cc.ui.briefing;

import java.util.List;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.WallPages;

/**
 * The wall screen's window: full screen on the chosen monitor, the wall's pages (ADR 0036) rotated by
 * {@link WallboardViewModel} on its interval, their clock ticking, the rotation's status in their footer and the red
 * band while the data cannot be read. Esc closes it; the pointer hides.
 */
public final class WallboardWindow {
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final WallboardViewModel viewModel;
    private final Timeline ticker;

    public WallboardWindow(WallboardViewModel viewModel, WallPages wall, List<String> stylesheets, Screen screen,
                           boolean fullScreen) {
        this.viewModel = viewModel;
        wall.follow(viewModel.statusProperty(), viewModel.connectionLostProperty(), viewModel.problemProperty());
        wall.show(viewModel.indexProperty().get());
        viewModel.indexProperty().addListener((obs, old, now) -> wall.show(now.intValue()));
        Parent root = wall.node() instanceof Parent p ? p : new StackPane(wall.node());
        Rectangle2D bounds = screen.getBounds();
        Scene scene = new Scene(root, fullScreen ? bounds.getWidth() : Math.min(960, bounds.getWidth()),
                fullScreen ? bounds.getHeight() : Math.min(540, bounds.getHeight()));
        scene.getStylesheets().setAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        if (fullScreen) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        IdleCursor cursor = new IdleCursor(scene, IdleCursor.DEFAULT_IDLE);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            viewModel.tick();
            wall.tick();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> {
            ticker.stop();
            cursor.stop();
            viewModel.stop();
        });
    }

    public void show() {
        viewModel.start();
        ticker.play();
        stage.show();
        stage.requestFocus();
        // nothing on a wall screen shows a caret or a focus ring: the focus rests on the window's root
        stage.getScene().getRoot().setFocusTraversable(true);
        stage.getScene().getRoot().requestFocus();
    }

    public Stage stage() {
        return stage;
    }
}
