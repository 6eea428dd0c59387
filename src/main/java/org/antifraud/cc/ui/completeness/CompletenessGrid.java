package org.antifraud.cc.ui.completeness;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.ui.common.StyleClasses;

/**
 * The reporting-completeness grid (province × kind) of {@link CompletenessViewModel}'s rows, laid out in as many
 * side-by-side blocks as the width holds ({@code blockWidth} each, at most {@code maxBlocks}): all 31 provinces
 * visible at once on the dashboard and on the wall screen. A cell is "9/12 · 2022-12-28"; a late one carries the
 * {@link StyleClasses#LATE} class and a tooltip naming its late months.
 */
public final class CompletenessGrid extends GridPane {
    private final ResourceBundle resources;
    private final Function<SubmissionKind, String> kindName;
    private final double blockWidth;
    private final int maxBlocks;
    private List<CompletenessViewModel.Row> rows = List.of();
    private int blocks;
    private String lateMark;

    public CompletenessGrid(ResourceBundle resources, Function<SubmissionKind, String> kindName, double blockWidth,
                            int maxBlocks) {
        this.resources = resources;
        this.kindName = kindName;
        this.blockWidth = blockWidth;
        this.maxBlocks = maxBlocks;
        getStyleClass().add(StyleClasses.COMPLETENESS_GRID);
        widthProperty().addListener((obs, old, now) -> {
            if (blocksFor(now.doubleValue()) != blocks) {
                build();
            }
        });
    }

    private int blocksFor(double width) {
        return (int) Math.max(1, Math.min(maxBlocks, Math.floor(width / blockWidth)));
    }

    /** Each late cell also says so in {@code word} (the wall screen, read from afar: not colour alone); null: not. */
    public void setLateMark(String word) {
        this.lateMark = word;
        build();
    }

    public void show(List<CompletenessViewModel.Row> rows) {
        this.rows = List.copyOf(rows);
        build();
    }

    private void build() {
        getChildren().clear();
        getColumnConstraints().clear();
        blocks = blocksFor(getWidth() > 0 ? getWidth() : blockWidth * maxBlocks);
        int kinds = SubmissionKind.values().length;
        int perBlock = Math.max(1, (rows.size() + blocks - 1) / blocks);
        int usedBlocks = Math.max(1, (rows.size() + perBlock - 1) / perBlock);
        for (int b = 0; b < usedBlocks; b++) {
            ColumnConstraints name = new ColumnConstraints();
            name.setHgrow(Priority.SOMETIMES);
            getColumnConstraints().add(name);
            for (int k = 0; k < kinds; k++) {
                ColumnConstraints c = new ColumnConstraints();
                c.setHgrow(Priority.SOMETIMES);
                c.setHalignment(HPos.LEFT);
                getColumnConstraints().add(c);
            }
            int col = b * (kinds + 1);
            Label province = header(resources.getString("completeness.column.province"));
            add(province, col, 0);
            for (SubmissionKind kind : SubmissionKind.values()) {
                add(header(kindName.apply(kind)), col + 1 + kind.ordinal(), 0);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            CompletenessViewModel.Row row = rows.get(i);
            int col = (i / perBlock) * (kinds + 1);
            int line = 1 + i % perBlock;
            Label name = new Label(row.name());
            name.getStyleClass().add(StyleClasses.COMPLETENESS_PROVINCE);
            name.setMinWidth(USE_PREF_SIZE);
            add(name, col, line);
            for (CompletenessViewModel.Cell cell : row.cells()) {
                add(cell(row, cell), col + 1 + cell.kind().ordinal(), line);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.COMPLETENESS_HEADER);
        label.setMinWidth(USE_PREF_SIZE);
        return label;
    }

    private HBox cell(CompletenessViewModel.Row row, CompletenessViewModel.Cell cell) {
        Label count = new Label(cell.countText());
        count.getStyleClass().add(StyleClasses.COMPLETENESS_COUNT);
        count.setMinWidth(USE_PREF_SIZE);
        Label latest = new Label(cell.latestText());
        latest.getStyleClass().add(StyleClasses.COMPLETENESS_LATEST);
        latest.setMinWidth(USE_PREF_SIZE);
        HBox box = new HBox(6, count, latest);
        box.setId("completeness-" + row.regionCode() + "-" + cell.kind().code());
        box.getStyleClass().add(StyleClasses.COMPLETENESS_CELL);
        if (cell.complete()) {
            box.getStyleClass().add(StyleClasses.COMPLETE);
        }
        if (cell.late()) {
            box.getStyleClass().add(StyleClasses.LATE);
            if (lateMark != null) {
                Label mark = new Label(lateMark);
                mark.getStyleClass().add(StyleClasses.COMPLETENESS_LATE_MARK);
                mark.setMinWidth(USE_PREF_SIZE);
                box.getChildren().add(mark);
            }
        }
        Tooltip.install(box, new Tooltip(cell.tooltip()));
        return box;
    }
}
