package org.antifraud.cc.ui.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.layout.StackPane;

import org.antifraud.cc.domain.NumberFormats;

/**
 * Places the province tile map and the two trend charts into their panes and feeds them
 * each refresh in place (the components update their shapes, so live refresh does not flicker).
 */
final class DashboardCharts {
    private final ProvinceTileMap map = new ProvinceTileMap();
    private final TrendChart denTrend = new TrendChart(TrendChart.Kind.STACKED_BARS);
    private final TrendChart warningTrend = new TrendChart(TrendChart.Kind.LINES);
    private final boolean chinese;

    DashboardCharts(StackPane mapPane, StackPane denPane, StackPane warningPane,
                    ResourceBundle resources, Consumer<String> onRegion, BiConsumer<Integer, Integer> onDenBar,
                    BiConsumer<Integer, Integer> onWarningPoint) {
        this.chinese = resources.getLocale().getLanguage().equals("zh");
        map.setId("provinceMap");
        denTrend.setId("denTrend");
        warningTrend.setId("warningTrend");
        map.setNoDataText(resources.getString("dashboard.map.none"));
        map.setDemoText(resources.getString("kpi.synthetic"));
        map.setOnSelect(onRegion);
        denTrend.setOnPick(onDenBar);
        warningTrend.setOnPick(onWarningPoint);
        denTrend.setNoDataText(resources.getString("dashboard.trend.none"));
        warningTrend.setNoDataText(resources.getString("dashboard.trend.none"));
        Function<Double, String> compact = v -> v == null ? "" : NumberFormats.compact(BigDecimal.valueOf(v), null, chinese);
        denTrend.setTickFormatter(compact);
        warningTrend.setTickFormatter(compact);
        denTrend.setWholeNumbers(true); // both trends count: dens, warnings
        warningTrend.setWholeNumbers(true);
        denTrend.setValueFormatter(v -> v == null ? "" : NumberFormats.full(BigDecimal.valueOf(v), null, chinese));
        warningTrend.setValueFormatter(v -> v == null ? "" : NumberFormats.full(BigDecimal.valueOf(v), null, chinese));
        map.setLegendFormatter(compact);
        mapPane.getChildren().setAll(map);
        denPane.getChildren().setAll(denTrend);
        warningPane.getChildren().setAll(warningTrend);
    }

    void show(DashboardPanels panels, String selectedRegion) {
        map.setTitle(panels.mapTitle());
        map.setTiles(panels.map().stream()
                .map(t -> new ProvinceTileMap.Tile(t.code(), t.label(), t.value(), t.valueText(), t.tooltip(),
                        t.synthetic()))
                .toList());
        map.setSelected(selectedRegion != null && selectedRegion.startsWith("CN-") ? selectedRegion : null);
        denTrend.setSeries(panels.denTrend().categories(), series(panels.denTrend()));
        denTrend.setCategoryMarks(panels.denTrend().categoryMarks(), panels.denTrend().demoCategories());
        warningTrend.setSeries(panels.warnings().categories(), series(panels.warnings()));
        warningTrend.setCategoryMarks(panels.warnings().categoryMarks(), panels.warnings().demoCategories());
    }

    private static List<TrendChart.Series> series(DashboardPanels.ChartData data) {
        if (!data.hasData()) {
            return List.of();
        }
        return data.series().stream().map(s -> new TrendChart.Series(s.name(), s.values())).toList();
    }
}
