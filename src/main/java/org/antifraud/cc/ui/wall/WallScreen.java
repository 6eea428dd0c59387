package org.antifraud.cc.ui.wall;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.ui.alerts.AlertRow;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.common.WallPages;
import org.antifraud.cc.ui.completeness.CompletenessGrid;
import org.antifraud.cc.ui.dashboard.DashboardPanels;
import org.antifraud.cc.ui.dashboard.KpiTile;
import org.antifraud.cc.ui.dashboard.ProvinceTileMap;
import org.antifraud.cc.ui.dashboard.Sparkline;
import org.antifraud.cc.ui.dashboard.TrendChart;

/**
 * The wall screen: laid out once on a 1920×1080 canvas and scaled uniformly to the screen it is on (3840×2160 is
 * the same picture, sharper; another aspect is letterboxed), so its type sizes are the ones made for being read from
 * across a room. A header on every page (title, region and period, data as of, page name and dots, the clock, DEMO
 * while demo data is shown), the page, a footer (basis legend, rotation status), the red band while the data cannot
 * be read. Nothing to type into, choose or scroll.
 */
public final class WallScreen extends Region implements WallPages {
    /** The canvas every size and font is designed on. */
    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;
    private static final double SPARK_W = 520;

    private final WallScreenViewModel vm;
    private final I18n i18n;
    private final BorderPane canvas = new BorderPane();
    private final StackPane pages = new StackPane();
    private final List<Node> pageNodes = new ArrayList<>();
    private final List<Circle> dots = new ArrayList<>();
    private final Label pageName = new Label();
    private final Label status = new Label();
    private final Label lost = new Label();
    private final GridPane kpiGrid = new GridPane();
    private final GridPane leagueGrid = new GridPane();
    private final GridPane alertGrid = new GridPane();
    private final GridPane instructionGrid = new GridPane();
    private final HBox instructionFigures = new HBox(48);
    private final Label instructionBacklog = new Label();
    private final ProvinceTileMap map = new ProvinceTileMap();
    private final TrendChart dens = new TrendChart(TrendChart.Kind.STACKED_BARS);
    private final TrendChart warnings = new TrendChart(TrendChart.Kind.LINES);

    public WallScreen(WallScreenViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        getStyleClass().add(StyleClasses.WALL_ROOT);
        canvas.getStyleClass().add(StyleClasses.WALL_CANVAS);
        canvas.setMinSize(WIDTH, HEIGHT);
        canvas.setPrefSize(WIDTH, HEIGHT);
        canvas.setMaxSize(WIDTH, HEIGHT);
        canvas.setTop(header());
        pages.getStyleClass().add(StyleClasses.WALL_PAGE);
        pages.setMinSize(0, 0); // the header and footer keep their height; a page never pushes them off
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pages.widthProperty());
        clip.heightProperty().bind(pages.heightProperty());
        pages.setClip(clip);
        pageNodes.addAll(List.of(kpiPage(), battlesPage(), chartPage(dens, "dashboard.panel.dens"),
                chartPage(warnings, "dashboard.panel.warnings"), instructionsPage(), alertsPage(), completenessPage()));
        pages.getChildren().setAll(pageNodes);
        canvas.setCenter(pages);
        canvas.setBottom(footer());
        getChildren().add(canvas);
        vm.pageProperty().addListener((obs, old, now) -> showPage(now.intValue()));
        vm.panelsProperty().addListener((obs, old, now) -> showPanels(now));
        vm.kpis().addListener((ListChangeListener<WallScreenViewModel.Kpi>) c -> showKpis());
        vm.league().addListener((ListChangeListener<DashboardPanels.LeagueRow>) c -> showLeague());
        vm.alerts().addListener((ListChangeListener<AlertRow>) c -> showAlerts());
        showPanels(vm.panelsProperty().get());
        showKpis();
        showLeague();
        showAlerts();
        showPage(vm.pageProperty().get());
    }

    // ------------------------------------------------------------------ WallPages

    @Override
    public Node node() {
        return this;
    }

    @Override
    public int count() {
        return WallScreenViewModel.pageCount();
    }

    @Override
    public void show(int index) {
        vm.showPage(index);
    }

    @Override
    public void tick() {
        vm.tick();
    }

    @Override
    public void follow(ObservableStringValue statusText, ObservableBooleanValue lostNow, ObservableStringValue problem) {
        status.textProperty().bind(statusText);
        lost.textProperty().bind(problem);
        lost.visibleProperty().bind(lostNow);
    }

    public WallScreenViewModel viewModel() {
        return vm;
    }

    /** The canvas (1920×1080, before scaling); for tests. */
    Region canvas() {
        return canvas;
    }

    /** The factor the canvas is drawn at. */
    double scale() {
        return canvas.getScaleX();
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth() / WIDTH, getHeight() / HEIGHT);
        canvas.resize(WIDTH, HEIGHT);
        // scaled about its centre: placed so that the scaled canvas sits in the middle
        canvas.relocate((getWidth() - WIDTH) / 2, (getHeight() - HEIGHT) / 2);
        canvas.setScaleX(s);
        canvas.setScaleY(s);
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEIGHT;
    }

    // ------------------------------------------------------------------ the frame

    private Node header() {
        Label title = label(i18n.get("wall.title"), StyleClasses.WALL_TITLE);
        Label scope = label("", StyleClasses.WALL_SCOPE);
        scope.textProperty().bind(vm.scopeProperty().concat("  \u00b7  ").concat(vm.dataAsOfProperty()));
        VBox left = new VBox(4, title, scope);
        left.setAlignment(Pos.CENTER_LEFT);

        pageName.getStyleClass().add(StyleClasses.WALL_PAGE_NAME);
        HBox dotRow = new HBox(14);
        dotRow.setAlignment(Pos.CENTER);
        for (int i = 0; i < WallScreenViewModel.pageCount(); i++) {
            Circle dot = new Circle(9);
            dot.getStyleClass().add(StyleClasses.WALL_DOT);
            dots.add(dot);
            dotRow.getChildren().add(dot);
        }
        VBox middle = new VBox(8, pageName, dotRow);
        middle.setAlignment(Pos.CENTER);

        Label demo = label(i18n.get("kpi.synthetic"), StyleClasses.WALL_DEMO);
        demo.visibleProperty().bind(vm.syntheticProperty());
        demo.managedProperty().bind(demo.visibleProperty());
        Label clock = label("", StyleClasses.WALL_CLOCK);
        clock.textProperty().bind(vm.clockTextProperty());
        HBox right = new HBox(24, demo, clock);
        right.setAlignment(Pos.CENTER_RIGHT);

        // three parts over each other, each at its own edge: the page name exactly in the middle
        StackPane row = new StackPane(left, middle, right);
        row.getStyleClass().add(StyleClasses.WALL_HEADER);
        StackPane.setAlignment(left, Pos.CENTER_LEFT);
        StackPane.setAlignment(middle, Pos.CENTER);
        StackPane.setAlignment(right, Pos.CENTER_RIGHT);
        left.setMaxWidth(Region.USE_PREF_SIZE);
        middle.setMaxWidth(Region.USE_PREF_SIZE);
        right.setMaxWidth(Region.USE_PREF_SIZE);

        lost.getStyleClass().add(StyleClasses.WALL_LOST);
        lost.setMaxWidth(Double.MAX_VALUE);
        lost.setVisible(false);
        lost.managedProperty().bind(lost.visibleProperty());
        return new VBox(lost, row);
    }

    private Node footer() {
        Label legend = label(vm.basisLegend(), StyleClasses.WALL_LEGEND);
        status.getStyleClass().add(StyleClasses.WALL_STATUS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(24, legend, gap, status);
        footer.getStyleClass().add(StyleClasses.WALL_FOOTER);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private void showPage(int index) {
        for (int i = 0; i < pageNodes.size(); i++) {
            pageNodes.get(i).setVisible(i == index);
            dots.get(i).getStyleClass().remove(StyleClasses.WALL_DOT_ON);
            if (i == index) {
                dots.get(i).getStyleClass().add(StyleClasses.WALL_DOT_ON);
            }
        }
        pageName.setText(vm.pageName(index));
    }

    // ------------------------------------------------------------------ 1: the headline figures

    private Node kpiPage() {
        kpiGrid.getStyleClass().add(StyleClasses.WALL_TABLE);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(100.0 / 3);
            col.setFillWidth(true);
            kpiGrid.getColumnConstraints().add(col);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / 3);
            row.setFillHeight(true);
            kpiGrid.getRowConstraints().add(row);
        }
        return kpiGrid;
    }

    private void showKpis() {
        kpiGrid.getChildren().clear();
        List<WallScreenViewModel.Kpi> kpis = vm.kpis();
        for (int i = 0; i < kpis.size(); i++) {
            kpiGrid.add(kpi(kpis.get(i)), i % 3, i / 3);
        }
    }

    private Node kpi(WallScreenViewModel.Kpi k) {
        Label name = label(k.name(), StyleClasses.WALL_KPI_NAME);
        Region nameGap = new Region();
        HBox.setHgrow(nameGap, Priority.ALWAYS);
        HBox top = new HBox(12, name, nameGap);
        top.setAlignment(Pos.BASELINE_LEFT);
        if (k.synthetic()) {
            top.getChildren().add(label(i18n.get("kpi.synthetic"), StyleClasses.WALL_DEMO));
        }
        Label value = label(k.value(), StyleClasses.WALL_KPI_VALUE);
        Label unit = label(k.unit(), StyleClasses.WALL_KPI_UNIT);
        Label change = label(k.change(), StyleClasses.WALL_KPI_CHANGE);
        change.getStyleClass().add(k.changeGood() == null ? StyleClasses.WALL_CELL_MUTED
                : k.changeGood() ? StyleClasses.WALL_GOOD : StyleClasses.WALL_BAD);
        Label basis = label(k.basis(), StyleClasses.WALL_KPI_BASIS);
        // the change and the basis beside the value, right-aligned: the tile stays three lines high
        VBox aside = new VBox(0, change, basis);
        aside.setAlignment(Pos.BOTTOM_RIGHT);
        Region valueGap = new Region();
        HBox.setHgrow(valueGap, Priority.ALWAYS);
        HBox amount = new HBox(10, value, unit);
        amount.setAlignment(Pos.BASELINE_LEFT);
        HBox figure = new HBox(0, amount, valueGap, aside);
        figure.setAlignment(Pos.BOTTOM_LEFT);
        Sparkline line = sparkline(k.months(), SPARK_W, 56);
        Node history = line;
        if (k.monthsSynthetic() && !k.synthetic()) {
            // a reported total above a line of demo months: the line says what it is
            Label demo = label(i18n.get("wall.kpi.months_demo"), StyleClasses.WALL_DEMO);
            HBox.setHgrow(line, Priority.ALWAYS);
            line.setMinWidth(0); // the tag takes its room from the line, never widens the tile
            line.setPrefWidth(0);
            demo.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(12, line, demo);
            row.setMinWidth(0);
            row.setAlignment(Pos.CENTER_RIGHT);
            history = row;
        }
        VBox tile = new VBox(0, top, figure, history);
        tile.getStyleClass().add(StyleClasses.WALL_KPI);
        tile.setId("wall-kpi-" + k.code());
        return tile;
    }

    private static Sparkline sparkline(List<Double> months, double width, double height) {
        Sparkline line = new Sparkline();
        line.getStyleClass().add(StyleClasses.WALL_SPARKLINE);
        line.setValues(months);
        line.setPrefSize(width, height);
        line.setMinSize(width, height);
        line.setMaxSize(Double.MAX_VALUE, height);
        return line;
    }

    // ------------------------------------------------------------------ 2: regional battles

    private Node battlesPage() {
        map.setId("wallMap");
        map.setNoDataText(i18n.get("dashboard.map.none"));
        map.setDemoText(i18n.get("kpi.synthetic"));
        map.setLegendFormatter(compact());
        map.setMouseTransparent(true);
        map.setPrefSize(900, 800);
        leagueGrid.getStyleClass().add(StyleClasses.WALL_TABLE);
        leagueGrid.setId("wallLeague");
        Label leagueTitle = label(i18n.get("dashboard.panel.league"), StyleClasses.WALL_PANEL_TITLE);
        VBox league = new VBox(12, leagueTitle, leagueGrid);
        league.setPrefWidth(900);
        HBox.setHgrow(map, Priority.ALWAYS);
        HBox page = new HBox(40, map, league);
        return page;
    }

    private void showPanels(DashboardPanels p) {
        map.setTitle(p.mapTitle());
        map.setTiles(p.map().stream().map(t -> new ProvinceTileMap.Tile(t.code(), t.label(), t.value(), t.valueText(),
                t.tooltip(), t.synthetic())).toList());
        chart(dens, p.denTrend());
        chart(warnings, p.warnings());
        showInstructions(p.instructions());
    }

    private void showLeague() {
        leagueGrid.getChildren().clear();
        leagueGrid.add(label(i18n.get("dashboard.league.rank"), StyleClasses.WALL_COLUMN), 0, 0);
        leagueGrid.add(label(i18n.get("dashboard.league.province"), StyleClasses.WALL_COLUMN), 1, 0);
        leagueGrid.add(label(i18n.get("dashboard.league.value"), StyleClasses.WALL_COLUMN), 2, 0);
        leagueGrid.add(label(i18n.get("dashboard.league.change"), StyleClasses.WALL_COLUMN), 3, 0);
        leagueGrid.add(label(i18n.get("dashboard.league.trend"), StyleClasses.WALL_COLUMN), 4, 0);
        int r = 1;
        for (DashboardPanels.LeagueRow row : vm.league()) {
            DashboardPanels.Cell v = row.value();
            HBox value = new HBox(12, label(v.text(), StyleClasses.WALL_CELL_STRONG));
            value.setAlignment(Pos.BASELINE_LEFT);
            if (v.synthetic()) {
                value.getChildren().add(label(i18n.get("kpi.synthetic"), StyleClasses.WALL_DEMO_WORD));
            }
            Label change = label(v.changeText(), StyleClasses.WALL_CELL);
            change.getStyleClass().add(v.changeGood() == null ? StyleClasses.WALL_CELL_MUTED
                    : v.changeGood() ? StyleClasses.WALL_GOOD : StyleClasses.WALL_BAD);
            leagueGrid.addRow(r++, label(row.rank() == null ? "\u2013" : String.valueOf(row.rank()),
                            StyleClasses.WALL_CELL_MUTED), label(row.name(), StyleClasses.WALL_CELL), value, change,
                    sparkline(row.months(), 200, 40));
        }
        if (vm.league().isEmpty()) {
            leagueGrid.add(label(i18n.get("dashboard.league.none"), StyleClasses.WALL_EMPTY), 0, 1, 5, 1);
        }
    }

    // ------------------------------------------------------------------ 3, 4: dens, warnings

    private Node chartPage(TrendChart chart, String titleKey) {
        chart.setNoDataText(i18n.get("dashboard.trend.none"));
        chart.setTickFormatter(compact());
        chart.setWholeNumbers(true);
        chart.setValueFormatter(v -> v == null ? "" : NumberFormats.full(BigDecimal.valueOf(v), null,
                i18n.isChinese()));
        chart.setMouseTransparent(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return new VBox(16, label(i18n.get(titleKey), StyleClasses.WALL_PANEL_TITLE), chart);
    }

    private static void chart(TrendChart chart, DashboardPanels.ChartData data) {
        chart.setSeries(data.categories(), !data.hasData() ? List.of() : data.series().stream()
                .map(s -> new TrendChart.Series(s.name(), s.values())).toList());
        chart.setCategoryMarks(data.categoryMarks(), data.demoCategories());
    }

    private Function<Double, String> compact() {
        return v -> v == null ? "" : NumberFormats.compact(BigDecimal.valueOf(v), null, i18n.isChinese());
    }

    // ------------------------------------------------------------------ 5: warning instructions (issue 17)

    private Node instructionsPage() {
        instructionGrid.getStyleClass().add(StyleClasses.WALL_TABLE);
        instructionGrid.setId("wallInstructions");
        instructionGrid.setHgap(56);
        instructionGrid.setVgap(12);
        instructionBacklog.getStyleClass().add(StyleClasses.WALL_CELL);
        instructionBacklog.setWrapText(true);
        return new VBox(28, label(i18n.get("wall.instructions.title"), StyleClasses.WALL_PANEL_TITLE), instructionGrid,
                instructionFigures, instructionBacklog);
    }

    private void showInstructions(DashboardPanels.InstructionPanel panel) {
        instructionGrid.getChildren().clear();
        instructionFigures.getChildren().clear();
        if (panel.empty()) {
            instructionGrid.add(label(i18n.get("dashboard.instructions.none"), StyleClasses.WALL_EMPTY), 0, 0);
            instructionBacklog.setText("");
            return;
        }
        if (panel.synthetic()) {
            // a board of the demo's instructions says so where it stands
            instructionGrid.add(label(i18n.get("kpi.synthetic"), StyleClasses.WALL_DEMO), 0, 0);
        }
        for (int t = 0; t < panel.tiers().size(); t++) {
            instructionGrid.add(label(panel.tiers().get(t), StyleClasses.WALL_COLUMN), t + 1, 0);
        }
        for (int r = 0; r < panel.risks().size(); r++) {
            instructionGrid.add(label(panel.risks().get(r), StyleClasses.WALL_COLUMN), 0, r + 1);
            for (int t = 0; t < panel.tiers().size(); t++) {
                instructionGrid.add(label(panel.cells().get(r).get(t), StyleClasses.WALL_CELL_STRONG), t + 1, r + 1);
            }
        }
        for (KpiTile tile : panel.figures()) {
            Label value = label(tile.known() ? tile.valueText() : i18n.get("kpi.no_data"), StyleClasses.WALL_KPI_VALUE);
            Label unit = label(tile.known() ? tile.unitText() : "", StyleClasses.WALL_KPI_UNIT);
            HBox figure = new HBox(8, value, unit);
            figure.setAlignment(Pos.BASELINE_LEFT);
            // every figure with its basis (computed from the instructions, or synthetic demo) and what it covers
            String basis = tile.noteText().isEmpty() ? tile.basisText() : tile.basisText() + " \u00b7 " + tile.noteText();
            Label basisLabel = tile.synthetic() ? label(i18n.get("kpi.synthetic"), StyleClasses.WALL_DEMO)
                    : label(basis, StyleClasses.WALL_CELL_MUTED);
            basisLabel.setMaxWidth(Region.USE_PREF_SIZE);
            instructionFigures.getChildren().add(new VBox(4, label(tile.name(), StyleClasses.WALL_KPI_NAME), figure,
                    basisLabel));
        }
        instructionBacklog.setText(panel.backlog());
    }

    // ------------------------------------------------------------------ 6: alerts

    private Node alertsPage() {
        alertGrid.getStyleClass().add(StyleClasses.WALL_TABLE);
        alertGrid.setId("wallAlerts");
        return new VBox(16, label(i18n.get("wall.alerts.title"), StyleClasses.WALL_PANEL_TITLE), alertGrid);
    }

    private void showAlerts() {
        alertGrid.getChildren().clear();
        if (vm.alerts().isEmpty()) {
            alertGrid.add(label(i18n.get("wall.alerts.none"), StyleClasses.WALL_EMPTY), 0, 0);
            return;
        }
        alertGrid.addRow(0, label(i18n.get("alerts.column.raised"), StyleClasses.WALL_COLUMN),
                label(i18n.get("alerts.column.indicator"), StyleClasses.WALL_COLUMN),
                label(i18n.get("alerts.column.region"), StyleClasses.WALL_COLUMN),
                label(i18n.get("alerts.column.period"), StyleClasses.WALL_COLUMN),
                label(i18n.get("alerts.column.value"), StyleClasses.WALL_COLUMN),
                label(i18n.get("alerts.column.limit"), StyleClasses.WALL_COLUMN));
        int r = 1;
        for (AlertRow a : vm.alerts()) {
            Label value = label(a.value(), StyleClasses.WALL_CELL_STRONG);
            value.getStyleClass().add(StyleClasses.WALL_BAD);
            alertGrid.addRow(r++, label(a.raisedAt(), StyleClasses.WALL_CELL_MUTED),
                    label(a.indicator(), StyleClasses.WALL_CELL), label(a.region(), StyleClasses.WALL_CELL),
                    label(a.period(), StyleClasses.WALL_CELL), value, label(a.limit(), StyleClasses.WALL_CELL_MUTED));
        }
    }

    // ------------------------------------------------------------------ 7: reporting completeness

    private Node completenessPage() {
        VBox page = new VBox(8);
        page.getStyleClass().add(StyleClasses.COMPLETENESS_WALL_PAGE);
        if (vm.completeness() == null) {
            return page;
        }
        Label summary = label("", StyleClasses.COMPLETENESS_WALL_SUMMARY);
        summary.textProperty().bind(vm.completeness().summaryProperty());
        CompletenessGrid grid = new CompletenessGrid(i18n.bundle(), vm.completeness()::kindName, 900, 2);
        grid.getStyleClass().add(StyleClasses.COMPLETENESS_WALL);
        grid.setLateMark(i18n.get("completeness.late.mark"));
        grid.setMouseTransparent(true);
        vm.completeness().rows().addListener((ListChangeListener<Object>) c -> grid.show(vm.completeness().rows()));
        grid.show(vm.completeness().rows());
        page.getChildren().addAll(summary, fitted(grid), label(i18n.get("completeness.legend"),
                StyleClasses.COMPLETENESS_WALL_LEGEND));
        return page;
    }

    /**
     * {@code content} at its own size where it fits the page, else scaled down evenly until it does: the grid of 31
     * provinces × four kinds (issue 17 added the instructions) is wider than a 1366 or even 1920 pixel wall, and a
     * wall screen must not cut a province or a column off.
     */
    private static Node fitted(Region content) {
        javafx.scene.Group scaled = new javafx.scene.Group(content);
        StackPane fit = new StackPane(scaled);
        fit.setAlignment(Pos.TOP_LEFT);
        fit.setMinSize(0, 0);
        VBox.setVgrow(fit, Priority.ALWAYS);
        Runnable rescale = () -> {
            javafx.geometry.Bounds own = content.getLayoutBounds();
            if (own.getWidth() <= 0 || own.getHeight() <= 0 || fit.getWidth() <= 0 || fit.getHeight() <= 0) {
                return;
            }
            double scale = Math.min(1, Math.min(fit.getWidth() / own.getWidth(), fit.getHeight() / own.getHeight()));
            content.setScaleX(scale);
            content.setScaleY(scale);
        };
        fit.widthProperty().addListener((obs, old, now) -> rescale.run());
        fit.heightProperty().addListener((obs, old, now) -> rescale.run());
        content.layoutBoundsProperty().addListener((obs, old, now) -> rescale.run());
        return fit;
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
