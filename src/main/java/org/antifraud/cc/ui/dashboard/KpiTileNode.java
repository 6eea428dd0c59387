package org.antifraud.cc.ui.dashboard;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.StyleClasses;

/** One KPI tile: name, value (compact; full on hover), change with its basis, basis badge, demo marker. */
final class KpiTileNode extends VBox {

    KpiTileNode(KpiTile tile, String syntheticText) {
        getStyleClass().add(StyleClasses.KPI_TILE);
        if (tile.headline()) {
            getStyleClass().add(StyleClasses.KPI_TILE_HEADLINE);
        }
        if (tile.synthetic()) {
            getStyleClass().add(StyleClasses.SYNTHETIC);
        }
        setId("kpi-" + tile.code());
        setFocusTraversable(true);

        Label name = new Label(tile.name());
        name.getStyleClass().add(StyleClasses.KPI_NAME);
        name.setWrapText(true);

        Label value = new Label(tile.valueText());
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.getStyleClass().add(StyleClasses.KPI_VALUE);
        value.setId("kpi-value-" + tile.code());
        if (!tile.known()) {
            value.getStyleClass().add(StyleClasses.KPI_VALUE_UNKNOWN);
        }
        Label unit = new Label(tile.unitText());
        unit.getStyleClass().add(StyleClasses.KPI_UNIT);
        HBox valueRow = new HBox(6, value, unit);
        valueRow.setAlignment(Pos.BASELINE_LEFT);

        HBox changeRow = new HBox(8);
        changeRow.setAlignment(Pos.CENTER_LEFT);
        if (tile.changeText() != null) {
            Label change = new Label(tile.changeText());
            change.setId("kpi-change-" + tile.code());
            change.getStyleClass().addAll(StyleClasses.KPI_CHANGE, tile.changeGood() == null
                    ? StyleClasses.KPI_CHANGE_NEUTRAL
                    : tile.changeGood() ? StyleClasses.KPI_CHANGE_GOOD : StyleClasses.KPI_CHANGE_BAD);
            change.setMinWidth(Region.USE_PREF_SIZE);
            Label changeBasis = new Label(tile.changeBasisText());
            changeBasis.getStyleClass().add(StyleClasses.BASIS_BADGE);
            changeRow.getChildren().addAll(change, changeBasis);
        }

        Region spacer = new Region();
        VBox.setVgrow(spacer, javafx.scene.layout.Priority.ALWAYS);

        HBox badges = new HBox(6);
        badges.setAlignment(Pos.CENTER_LEFT);
        if (tile.basisText() != null && !tile.basisText().isEmpty()) {
            Label basis = new Label(tile.basisText());
            basis.getStyleClass().addAll(StyleClasses.BASIS_BADGE, StyleClasses.BASIS_PREFIX + tile.basisCode());
            badges.getChildren().add(basis);
        }
        if (tile.synthetic()) {
            Label demo = new Label(syntheticText);
            demo.getStyleClass().add(StyleClasses.SYNTHETIC_BADGE);
            badges.getChildren().add(demo);
        }

        getChildren().addAll(name, valueRow, changeRow, spacer, badges);

        Tooltip tip = new Tooltip(tile.tooltip());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.INDEFINITE);
        Tooltip.install(this, tip);
        setAccessibleText(tile.name() + " " + tile.fullValueText());
    }
}
