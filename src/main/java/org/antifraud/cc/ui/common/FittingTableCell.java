package org.antifraud.cc.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * A table cell that never shows its text cut short (issue 16): laid out, it widens its column's minimum to what its
 * text and graphic need, so the table gives the column that width (and scrolls sideways when the columns no longer
 * fit) rather than ending the text with an ellipsis; the column's title likewise. Shows its item as the default
 * cell does.
 */
public class FittingTableCell<R, T> extends TableCell<R, T> {
    /** Room for the column's divider and sub-pixel rounding, so that the text's own width is never the last pixel. */
    private static final double SLACK = 3;
    /** The column's title whose width its minimum already holds. */
    private static final String HEADER_FITTED = FittingTableCell.class.getName() + ".header";

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
        } else if (item instanceof Node node) {
            setText(null);
            setGraphic(node);
        } else {
            setText(item.toString());
            setGraphic(null);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        TableColumn<R, T> column = getTableColumn();
        if (column == null) {
            return;
        }
        fitHeader(column);
        if (isEmpty() || getText() == null || getText().isEmpty()) {
            return;
        }
        Text probe = new Text(getText());
        probe.setFont(getFont());
        double need = probe.getLayoutBounds().getWidth() + snappedLeftInset() + snappedRightInset() + SLACK;
        Node graphic = getGraphic();
        if (graphic != null && graphic.isManaged()) {
            need += graphic.prefWidth(-1) + getGraphicTextGap();
        }
        widen(column, need);
    }

    private static void widen(TableColumn<?, ?> column, double need) {
        if (need > column.getMinWidth()) {
            column.setMinWidth(Math.ceil(need));
        }
    }

    /** The column's title whole too: measured once per title, from the header the table shows. */
    private void fitHeader(TableColumn<R, T> column) {
        String title = column.getText();
        if (title == null || title.isEmpty() || title.equals(column.getProperties().get(HEADER_FITTED))
                || getTableView() == null) {
            return;
        }
        for (Node node : getTableView().lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof Label label && title.equals(label.getText())) {
                widen(column, label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + label.getGraphicTextGap() + SLACK);
                column.getProperties().put(HEADER_FITTED, title);
            }
        }
    }
}
