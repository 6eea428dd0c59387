package org.antifraud.cc.ui.briefing;

import java.util.List;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;

/**
 * The wall screen's window: full screen on the chosen monitor, the current page (the live dashboard, the
 * reporting-completeness grid or a slide), a small countdown and "last updated" in a corner, and a red band while
 * the data cannot be read. Esc closes it; the pointer hides.
 */
public final class WallboardWindow {
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final WallboardViewModel viewModel;
    private final Timeline ticker;

    /** @param dashboard the live dashboard page to rotate with the slides, or null */
    public WallboardWindow(WallboardViewModel viewModel, SlidePainter painter, SlidePalette palette,
                           List<String> stylesheets, Screen screen, boolean fullScreen,
                           Node dashboard) {
        this.viewModel = viewModel;
        SlideView view = new SlideView(painter);
        Label status = new Label();
        status.getStyleClass().add("wallboard-status");
        status.textProperty().bind(viewModel.statusProperty());

        Label problem = new Label();
        problem.getStyleClass().add("wallboard-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.connectionLostProperty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMaxWidth(Double.MAX_VALUE);
        // over a slide at the top, in the middle: its title sits left, its demo badge right, its footer at the bottom
        VBox top = new VBox(6, problem, status);
        top.setAlignment(Pos.TOP_CENTER);
        top.setPadding(new Insets(0, 0, 0, 0));
        top.setPickOnBounds(false);
        top.setMouseTransparent(true);
        StackPane.setAlignment(top, Pos.TOP_CENTER);
        StackPane root = new StackPane(view, top);
        root.getStyleClass().add("wallboard-root");
        if (dashboard != null) {
            dashboard.getStyleClass().add("wallboard-dashboard");
            dashboard.setFocusTraversable(false);
            root.getChildren().add(1, dashboard);
        }
        CompletenessWallPage completeness = viewModel.completeness() == null ? null
                : new CompletenessWallPage(viewModel.completeness(), viewModel.i18n());
        if (completeness != null) {
            completeness.setFocusTraversable(false);
            root.getChildren().add(1, completeness);
        }
        Runnable show = () -> {
            boolean board = viewModel.showsDashboard();
            boolean grid = viewModel.showsCompleteness();
            // the dashboard's own toolbar is at its top: the countdown goes to its bottom-right corner instead
            StackPane.setAlignment(top, board ? Pos.BOTTOM_RIGHT : Pos.TOP_CENTER);
            top.setAlignment(board ? Pos.BOTTOM_RIGHT : Pos.TOP_CENTER);
            StackPane.setMargin(top, board ? new Insets(0, 16, 24, 0) : Insets.EMPTY);
            if (dashboard != null) {
                dashboard.setVisible(board);
            }
            if (completeness != null) {
                completeness.setVisible(grid);
            }
            view.setVisible(!board && !grid);
            if (!board && !grid) {
                view.show(viewModel.deckProperty().get(), viewModel.slideIndex(), palette);
            }
        };
        viewModel.deckProperty().addListener((obs, old, now) -> show.run());
        viewModel.indexProperty().addListener((obs, old, now) -> show.run());
        show.run();
        Rectangle2D bounds = screen.getBounds();
        Scene scene = new Scene(root, fullScreen ? bounds.getWidth() : Math.min(960, bounds.getWidth()),
                fullScreen ? bounds.getHeight() : Math.min(600, bounds.getHeight()));
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
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
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
