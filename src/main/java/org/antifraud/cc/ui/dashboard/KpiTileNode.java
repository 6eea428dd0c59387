package org.antifraud.cc.ui.dashboard;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * One KPI tile: name, value (compact; full on hover), change with its basis, basis badge, demo marker.
 * {@link #update} changes it in place, so that a live refresh neither flickers nor steals focus.
 */
final class KpiTileNode extends VBox {
    private final String syntheticText;
    private final Label name = new Label();
    private final Label value = new Label();
    private final Label unit = new Label();
    private final Label note = new Label();
    private final Label change = new Label();
    private final Label changeBasis = new Label();
    private final Label basis = new Label();
    private final Label demo = new Label();
    private final Tooltip tip = new Tooltip();
    private KpiTile shown;

    KpiTileNode(KpiTile tile, String syntheticText) {
        this.syntheticText = syntheticText;
        getStyleClass().add(StyleClasses.KPI_TILE);
        setId("kpi-" + tile.code());
        setFocusTraversable(true);
        // the width is set in code, not CSS: rows share their width among their tiles (a stylesheet would win)
        setPrefWidth(tile.headline() ? 160 : 216);

        name.getStyleClass().add(StyleClasses.KPI_NAME);
        name.setWrapText(true);
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.setId("kpi-value-" + tile.code());
        unit.getStyleClass().add(StyleClasses.KPI_UNIT);
        HBox valueRow = new HBox(6, value, unit);
        valueRow.setAlignment(Pos.BASELINE_LEFT);

        change.setId("kpi-change-" + tile.code());
        change.setMinWidth(Region.USE_PREF_SIZE);
        changeBasis.getStyleClass().add(StyleClasses.BASIS_BADGE);
        demo.getStyleClass().add(StyleClasses.SYNTHETIC_BADGE);
        for (Label badge : new Label[] {changeBasis, basis, demo}) {
            badge.setMinWidth(Region.USE_PREF_SIZE); // a badge is read whole or not at all
        }
        // change, its basis, the value's basis and the demo marker share one row: nine tiles fit a wall screen
        // a narrow tile (nine in a row at 1366 px) puts the badges under the change rather than cutting them
        FlowPane changeRow = new FlowPane(6, 3, change, changeBasis, basis, demo);
        changeRow.setAlignment(Pos.CENTER_LEFT);

        note.getStyleClass().add(StyleClasses.KPI_NOTE);
        note.setId("kpi-note-" + tile.code());
        note.setWrapText(true);

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        getChildren().addAll(name, valueRow, note, spacer, changeRow);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.INDEFINITE);
        Tooltip.install(this, tip);
        update(tile);
    }

    void update(KpiTile tile) {
        if (tile.equals(shown)) {
            return;
        }
        shown = tile;
        toggle(this, StyleClasses.KPI_TILE_HEADLINE, tile.headline());
        toggle(this, StyleClasses.SYNTHETIC, tile.synthetic());
        toggle(this, StyleClasses.KPI_PARTIAL, tile.partial());
        boolean hasNote = tile.noteText() != null && !tile.noteText().isEmpty();
        note.setText(hasNote ? tile.noteText() : "");
        note.setVisible(hasNote);
        note.setManaged(hasNote);
        name.setText(tile.name());
        value.setText(tile.valueText());
        value.getStyleClass().setAll(StyleClasses.KPI_VALUE);
        if (!tile.known()) {
            value.getStyleClass().add(StyleClasses.KPI_VALUE_UNKNOWN);
        }
        unit.setText(tile.unitText());
        boolean hasChange = tile.changeText() != null;
        change.setVisible(hasChange);
        change.setManaged(hasChange);
        // on a demo tile the DEMO badge speaks for the change too (the tooltip names each basis): one badge fits
        // "reported total" names the change's basis already
        boolean changeBadge = hasChange && !tile.synthetic() && !tile.changeOfTotal();
        changeBasis.setVisible(changeBadge);
        changeBasis.setManaged(changeBadge);
        if (hasChange) {
            change.setText(tile.changeText());
            change.getStyleClass().setAll(StyleClasses.KPI_CHANGE, tile.changeGood() == null
                    ? StyleClasses.KPI_CHANGE_NEUTRAL
                    : tile.changeGood() ? StyleClasses.KPI_CHANGE_GOOD : StyleClasses.KPI_CHANGE_BAD);
            if (tile.changeOfTotal()) {
                change.getStyleClass().add(StyleClasses.KPI_CHANGE_OF_TOTAL);
            }
            // a change of a reported total comes on two lines, its label above the number (see the presenter)
            changeBasis.setText(tile.changeBasisText());
        }
        boolean hasBasis = tile.basisText() != null && !tile.basisText().isEmpty();
        basis.setVisible(hasBasis);
        basis.setManaged(hasBasis);
        basis.setText(hasBasis ? tile.basisText() : "");
        basis.getStyleClass().setAll(StyleClasses.BASIS_BADGE, StyleClasses.BASIS_PREFIX + tile.basisCode());
        demo.setText(syntheticText);
        demo.setVisible(tile.synthetic());
        demo.setManaged(tile.synthetic());
        tip.setText(tile.tooltip());
        setAccessibleText(tile.name() + " " + tile.fullValueText() + (hasNote ? ", " + tile.noteText() : ""));
    }

    private static void toggle(Region node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
