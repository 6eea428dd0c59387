package org.antifraud.cc.ui.common;

/** Style-class names used from Java, in one place. */
public final class StyleClasses {
    // Dashboard panels (ui.dashboard: PanelFrame, ProvinceTileMap, TrendChart)
    public static final String CC_PANEL = "cc-panel";
    public static final String PANEL_HEADER = "panel-header";
    public static final String PANEL_TITLE = "panel-title";
    public static final String PANEL_SUBTITLE = "panel-subtitle";
    public static final String PANEL_CONTENT = "panel-content";
    public static final String PANEL_BUSY = "panel-busy";
    public static final String PROVINCE_MAP = "province-map";
    public static final String PROVINCE_TILE = "province-tile";
    public static final String TILE_LEVEL_PREFIX = "tile-level-";
    public static final String TILE_NO_DATA = "tile-no-data";
    public static final String TILE_LABEL = "tile-label";
    public static final String TILE_VALUE = "tile-value";
    public static final String TILES_SMALL = "tiles-small";
    public static final String TILES_MEDIUM = "tiles-medium";
    public static final String TILES_LARGE = "tiles-large";
    public static final String TILES_XLARGE = "tiles-xlarge";
    public static final String MAP_TITLE = "map-title";
    public static final String CHART_LEGEND = "cc-legend";
    public static final String LEGEND_ITEM = "legend-item";
    public static final String LEGEND_SWATCH = "legend-swatch";
    public static final String LEGEND_SWATCH_LINE = "legend-swatch-line";
    public static final String LEGEND_TEXT = "legend-text";
    public static final String CHART_PLACEHOLDER = "chart-placeholder";
    public static final String TREND_CHART = "trend-chart";
    public static final String TREND_SERIES = "trend-series";
    public static final String SERIES_PREFIX = "series-";
    public static final String TREND_BAR = "trend-bar";
    public static final String TREND_LINE = "trend-line";
    public static final String TREND_POINT = "trend-point";
    public static final String TREND_GRID = "trend-grid";
    public static final String TREND_AXIS = "trend-axis";
    public static final String TREND_TICK = "trend-tick";
    public static final String TREND_CATEGORY = "trend-category";
    public static final String TREND_HOVER = "trend-hover";
    public static final String TREND_NO_DATA_MARK = "trend-no-data-mark";
    /** The column and the bar / point of a chart's keyboard cursor (issue 16: charts are drill targets). */
    public static final String TREND_CURSOR = "trend-cursor";
    public static final String TREND_PICKED = "trend-picked";
    public static final String CAMPAIGN_PROGRESS = "campaign-progress";
    public static final String ALERT_OPEN = "alert-open";

    public static final String KPI_TILE = "kpi-tile";
    public static final String KPI_TILE_HEADLINE = "kpi-tile-headline";
    public static final String KPI_NAME = "kpi-name";
    public static final String KPI_VALUE = "kpi-value";
    public static final String KPI_VALUE_UNKNOWN = "kpi-value-unknown";
    public static final String KPI_UNIT = "kpi-unit";
    public static final String KPI_CHANGE = "kpi-change";
    public static final String KPI_CHANGE_GOOD = "kpi-change-good";
    public static final String KPI_CHANGE_BAD = "kpi-change-bad";
    public static final String KPI_CHANGE_NEUTRAL = "kpi-change-neutral";
    public static final String BASIS_BADGE = "basis-badge";
    public static final String BASIS_PREFIX = "basis-";
    public static final String SYNTHETIC = "synthetic";
    public static final String SYNTHETIC_BADGE = "synthetic-badge";
    /** A chart category drawn from synthetic demo data. */
    public static final String TREND_CATEGORY_DEMO = "trend-category-demo";
    /** The demo word in the corner of a province tile whose figure is synthetic. */
    public static final String TILE_DEMO_MARK = "tile-demo-mark";
    /** A KPI tile whose value is partial: a lower bound, not the key's total. */
    public static final String KPI_PARTIAL = "kpi-partial";
    /** What a KPI's computed value covers, or the records so far beside a reported total. */
    public static final String KPI_NOTE = "kpi-note";
    /** A change that belongs to a reported total, not to the value beside it. */
    public static final String KPI_CHANGE_OF_TOTAL = "kpi-change-of-total";
    public static final String SECTION_TITLE = "section-title";
    public static final String TILE_ROW = "tile-row";
    public static final String CRUMB = "crumb";
    public static final String CRUMB_CURRENT = "crumb-current";
    public static final String CRUMB_SEPARATOR = "crumb-separator";
    public static final String CELL_GOOD = "cell-good";
    public static final String CELL_BAD = "cell-bad";
    public static final String CELL_UNKNOWN = "cell-unknown";
    // The province league table (issue 16)
    public static final String LEAGUE_TABLE = "league-table";
    public static final String LEAGUE_RANK = "league-rank";
    public static final String SPARKLINE = "sparkline";
    public static final String SPARKLINE_LINE = "sparkline-line";
    public static final String SPARKLINE_DOT = "sparkline-dot";
    public static final String ALERT_NOTIFICATION = "alert-notification";

    // Reporting completeness (issue 12): the dashboard's grid, the wall screen's page, the Submit month dialog
    public static final String COMPLETENESS_GRID = "completeness-grid";
    public static final String COMPLETENESS_WALL = "completeness-wall";
    public static final String COMPLETENESS_HEADER = "completeness-header";
    public static final String COMPLETENESS_PROVINCE = "completeness-province";
    public static final String COMPLETENESS_CELL = "completeness-cell";
    public static final String COMPLETENESS_COUNT = "completeness-count";
    public static final String COMPLETENESS_LATEST = "completeness-latest";
    /** The word beside a late cell's figures where colour alone would not do (the wall screen). */
    public static final String COMPLETENESS_LATE_MARK = "completeness-late-mark";
    public static final String COMPLETENESS_WALL_PAGE = "completeness-wall-page";
    public static final String COMPLETENESS_WALL_TITLE = "completeness-wall-title";
    public static final String COMPLETENESS_WALL_SUMMARY = "completeness-wall-summary";
    public static final String COMPLETENESS_WALL_LEGEND = "completeness-wall-legend";
    /** Every month of the cell submitted. */
    public static final String COMPLETE = "complete";
    /** A cell with a month not submitted N days after it ended. */
    public static final String LATE = "late";

    private StyleClasses() {
    }

    // the drill panel (issue 16)
    public static final String FIGURE_DRILL = "figure-drill";
    public static final String FIGURE_DRILL_TITLE = "figure-drill-title";
    public static final String FIGURE_DRILL_VALUE = "figure-drill-value";
    public static final String FIGURE_DRILL_SOURCE = "figure-drill-source";
    public static final String FIGURE_DRILL_HINT = "figure-drill-hint";
    public static final String FIGURE_DRILL_ERROR = "figure-drill-error";
    /** A form field's problem written under it (issue 16), in the error colour. */
    public static final String FIELD_PROBLEM = "field-problem";
    /** The ring around the chosen figure of a slide (issue 16). */
    public static final String SLIDE_FIGURE_RING = "slide-figure-ring";

    // the wall screen (issue 16): ui/wall, styles/wall.css
    public static final String WALL_ROOT = "wall-root";
    public static final String WALL_CANVAS = "wall-canvas";
    public static final String WALL_HEADER = "wall-header";
    public static final String WALL_TITLE = "wall-title";
    public static final String WALL_SCOPE = "wall-scope";
    public static final String WALL_PAGE_NAME = "wall-page-name";
    public static final String WALL_DOT = "wall-dot";
    public static final String WALL_DOT_ON = "wall-dot-on";
    public static final String WALL_CLOCK = "wall-clock";
    public static final String WALL_DEMO = "wall-demo";
    public static final String WALL_DEMO_WORD = "wall-demo-word";
    public static final String WALL_FOOTER = "wall-footer";
    public static final String WALL_STATUS = "wall-status";
    public static final String WALL_LEGEND = "wall-legend";
    public static final String WALL_LOST = "wall-lost";
    public static final String WALL_PAGE = "wall-page";
    public static final String WALL_PANEL_TITLE = "wall-panel-title";
    public static final String WALL_KPI = "wall-kpi";
    public static final String WALL_KPI_NAME = "wall-kpi-name";
    public static final String WALL_KPI_VALUE = "wall-kpi-value";
    public static final String WALL_KPI_UNIT = "wall-kpi-unit";
    public static final String WALL_KPI_CHANGE = "wall-kpi-change";
    public static final String WALL_KPI_BASIS = "wall-kpi-basis";
    public static final String WALL_SPARKLINE = "wall-sparkline";
    public static final String WALL_GOOD = "wall-good";
    public static final String WALL_BAD = "wall-bad";
    public static final String WALL_TABLE = "wall-table";
    public static final String WALL_COLUMN = "wall-column";
    public static final String WALL_CELL = "wall-cell";
    public static final String WALL_CELL_STRONG = "wall-cell-strong";
    public static final String WALL_CELL_MUTED = "wall-cell-muted";
    public static final String WALL_EMPTY = "wall-empty";
}
