package org.antifraud.cc.ui.common;

/** Style-class names used from Java, in one place. */
public final class StyleClasses {
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
    public static final String SECTION_TITLE = "section-title";
    public static final String TILE_ROW = "tile-row";
    public static final String CRUMB = "crumb";
    public static final String CRUMB_CURRENT = "crumb-current";
    public static final String CRUMB_SEPARATOR = "crumb-separator";
    public static final String CELL_GOOD = "cell-good";
    public static final String CELL_BAD = "cell-bad";
    public static final String CELL_UNKNOWN = "cell-unknown";
    public static final String NO_DATA_LABEL = "no-data-label";
    public static final String HELP_OVERLAY = "help-overlay";

    private StyleClasses() {
    }
}
