package org.antifraud.cc.ui.dashboard;

import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Draws the map, the trends and the funnel into their panes (placeholder until the components land). */
final class DashboardCharts {
    private final StackPane mapPane;

    DashboardCharts(StackPane mapPane, StackPane denPane, StackPane warningPane, StackPane funnelPane,
                    ResourceBundle resources, Consumer<String> onRegion) {
        this.mapPane = mapPane;
        mapPane.getChildren().setAll(new Label("map"));
    }

    void show(DashboardPanels panels, String selectedRegion, boolean money) {
        // placeholder
    }
}
