package org.antifraud.cc.ui.briefing;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.completeness.CompletenessGrid;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;

/**
 * The wall screen's reporting-completeness page: the title with the period, the summary (months, late after N days,
 * how many late), the grid in large type in two blocks side by side (all 31 provinces at 1920×1080, no scrolling),
 * each late cell marked in words as well as in colour, and the legend.
 */
public final class CompletenessWallPage extends VBox {
    /** Wide enough for a province and three "12/12 2022-12-28" cells at the wall's size: two blocks on 1920 px. */
    static final double BLOCK_WIDTH = 760;
    static final int MAX_BLOCKS = 2;

    private final CompletenessViewModel view;
    private final CompletenessGrid grid;
    private final ListChangeListener<CompletenessViewModel.Row> rowsListener = c -> show();

    public CompletenessWallPage(WallboardViewModel.CompletenessPage page, I18n i18n) {
        this.view = page.view();
        getStyleClass().add(StyleClasses.COMPLETENESS_WALL_PAGE);
        Label title = new Label(page.title());
        title.getStyleClass().add(StyleClasses.COMPLETENESS_WALL_TITLE);
        Label summary = new Label();
        summary.getStyleClass().add(StyleClasses.COMPLETENESS_WALL_SUMMARY);
        summary.textProperty().bind(view.summaryProperty());
        grid = new CompletenessGrid(i18n.bundle(), view::kindName, BLOCK_WIDTH, MAX_BLOCKS);
        grid.getStyleClass().add(StyleClasses.COMPLETENESS_WALL);
        grid.setLateMark(i18n.get("completeness.late.mark"));
        VBox.setVgrow(grid, Priority.ALWAYS);
        Label legend = new Label(i18n.get("completeness.legend"));
        legend.getStyleClass().add(StyleClasses.COMPLETENESS_WALL_LEGEND);
        getChildren().addAll(title, summary, grid, legend);
        view.rows().addListener(rowsListener);
        show();
    }

    private void show() {
        grid.show(view.rows());
    }

    public CompletenessGrid grid() {
        return grid;
    }
}
