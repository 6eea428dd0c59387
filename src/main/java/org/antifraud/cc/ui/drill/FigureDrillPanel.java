package org.antifraud.cc.ui.drill;

import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * The drill panel beside the dashboard (issue 16): the figure, its basis and coverage, the report sentence, and the
 * records behind it in a sortable, filterable table. Thin: binds to {@link FigureDrillViewModel}; Esc closes it.
 */
public final class FigureDrillPanel extends VBox {

    public FigureDrillPanel(FigureDrillViewModel model, java.util.ResourceBundle resources) {
        getStyleClass().addAll(StyleClasses.FIGURE_DRILL);
        setId("figure-drill");
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(440);
        setMinWidth(360);

        Label title = bound("drill-title", model.titleProperty());
        title.getStyleClass().add(StyleClasses.FIGURE_DRILL_TITLE);
        title.setWrapText(true);
        Button close = new Button(resources.getString("drill.close"));
        close.setId("drill-close");
        close.setOnAction(e -> model.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        HBox head = new HBox(8, title, gap, busy, close);

        Label value = bound("drill-value", model.valueTextProperty());
        value.getStyleClass().add(StyleClasses.FIGURE_DRILL_VALUE);
        Label basis = bound("drill-basis", model.basisTextProperty());
        Label coverage = bound("drill-coverage", model.coverageTextProperty());
        Label source = bound("drill-source", model.sourceTextProperty());
        source.setWrapText(true);
        source.getStyleClass().add(StyleClasses.FIGURE_DRILL_SOURCE);
        Label error = bound("drill-error", model.errorProperty());
        error.getStyleClass().add(StyleClasses.FIGURE_DRILL_ERROR);

        TextField filter = new TextField();
        filter.setId("drill-filter");
        filter.setPromptText(resources.getString("drill.filter_prompt"));
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button export = new Button(resources.getString("drill.export"));
        export.setId("drill-export");
        export.setOnAction(e -> model.exportCsv());
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows()));
        HBox tools = new HBox(8, filter, export);

        TableView<FigureDrillViewModel.Row> table = new TableView<>();
        table.setId("drill-table");
        SortedList<FigureDrillViewModel.Row> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column(resources.getString("drill.column.day"), FigureDrillViewModel.Row::day, 90));
        table.getColumns().add(column(resources.getString("drill.column.region"), FigureDrillViewModel.Row::region, 70));
        table.getColumns().add(column(resources.getString("drill.column.kind"), FigureDrillViewModel.Row::kind, 90));
        TableColumn<FigureDrillViewModel.Row, String> adds = column(resources.getString("drill.column.adds"),
                FigureDrillViewModel.Row::adds, 70);
        adds.setComparator(FigureDrillPanel::numerically);
        table.getColumns().add(adds);
        table.getColumns().add(column(resources.getString("drill.column.fields"), FigureDrillViewModel.Row::fields, 240));
        table.getColumns().add(column(resources.getString("drill.column.key"), FigureDrillViewModel.Row::key, 120));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = bound("drill-count", model.countTextProperty());
        Label hint = new Label(resources.getString("drill.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(StyleClasses.FIGURE_DRILL_HINT);

        VBox records = new VBox(8, tools, table, count, hint);
        VBox.setVgrow(records, Priority.ALWAYS);
        records.visibleProperty().bind(model.hasRecordsProperty());
        records.managedProperty().bind(model.hasRecordsProperty());

        getChildren().addAll(head, value, basis, coverage, source, error, records);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.close();
                e.consume();
            }
        });
    }

    /**
     * Hosts a drill panel on the right of {@code page} while {@code model} is shown (a page of its own, as the
     * Briefing's): Esc anywhere on the page closes it, and closing gives the focus back to what opened it.
     */
    public static void hostRightOf(BorderPane page, FigureDrillViewModel model, java.util.ResourceBundle resources) {
        FigureDrillPanel panel = new FigureDrillPanel(model, resources);
        Node[] opener = new Node[1];
        ChangeListener<Boolean> shown = (obs, was, now) -> {
            if (now) {
                opener[0] = page.getScene() == null ? null : page.getScene().getFocusOwner();
                page.setRight(panel);
                // once the page has made room (the Briefing hides its narrative): a figure opened from there by
                // keyboard has left the scene, and the panel takes the keyboard, so that Esc still closes it
                Node from = opener[0];
                Platform.runLater(() -> {
                    if (page.getScene() != null && model.shownProperty().get() && (from == null || from.getScene() == null)) {
                        panel.requestFocus();
                    }
                });
            } else {
                page.setRight(null);
                Node back = opener[0];
                opener[0] = null;
                // after the page has put back what the panel's room held: the opener may be there again
                Platform.runLater(() -> {
                    if (back != null && back.getScene() != null && !model.shownProperty().get()) {
                        back.requestFocus();
                    }
                });
            }
        };
        page.getProperties().put(FigureDrillPanel.class, shown); // the model outlives the page: it holds the listener weakly
        model.shownProperty().addListener(new WeakChangeListener<>(shown));
        if (model.shownProperty().get()) {
            page.setRight(panel);
        }
        page.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.shownProperty().get()) {
                model.close();
                e.consume();
            }
        });
    }

    private static Label bound(String id, ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        // an empty line takes no room
        label.managedProperty().bind(text.isNotEmpty());
        label.visibleProperty().bind(text.isNotEmpty());
        return label;
    }

    private static TableColumn<FigureDrillViewModel.Row, String> column(String name,
            Function<FigureDrillViewModel.Row, String> cell, double width) {
        TableColumn<FigureDrillViewModel.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new SimpleStringProperty(cell.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static int numerically(String a, String b) {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
    }
}
