package org.antifraud.cc.ui.dashboard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.TextAlignment;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.antifraud.cc.domain.ProvinceGrid;
import org.antifraud.cc.domain.ProvinceGrid.Cell;
import org.antifraud.cc.domain.ValueBuckets;
import org.antifraud.cc.ui.common.StyleClasses;

/**
 * A tile-grid cartogram of China: one square per province-level region of the catalog, in its rough
 * geographic place, coloured by value in {@value #LEVELS} equal-count levels (see {@link ValueBuckets}).
 * A region without a figure is striped ({@code tile-no-data}), never painted as a low value.
 *
 * <p>Keyboard: the map is one tab stop (the selected tile, else the last focused one); the arrow keys
 * move the focus to the nearest tile in that direction, Enter or Space selects. A click selects too.
 * Selecting by hand calls {@link #setOnSelect}; {@link #setSelected} only shows the selection.
 *
 * <p>The tiles scale with the node; the legend sits in the empty south-west corner of the grid when it
 * fits there, otherwise beside or below the grid, whichever leaves the larger tiles. The title sits in
 * the empty north-west corner.
 */
public final class ProvinceTileMap extends Region implements ShowsNoData {

    /**
     * What one tile shows, already localized. {@code value} null means no figure (not zero);
     * {@code synthetic} when synthetic demo data contributes to it.
     */
    public record Tile(String code, String label, Double value, String valueText, String tooltip, boolean synthetic) {
        public Tile {
            Objects.requireNonNull(code, "code");
        }
    }

    public static final int COLUMNS = ProvinceGrid.COLUMNS;
    public static final int ROWS = ProvinceGrid.ROWS;
    public static final int LEVELS = 6;

    /** Free rectangles in the south-west corner that reach the bottom-left: {columns wide, rows high}. */
    private static final int[][] LEGEND_CORNERS = {{3, 3}, {2, 4}};
    private static final int TITLE_COLUMNS = 4;
    private static final int TITLE_ROWS = 2;
    private static final double SPACING = 12;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    static final Map<String, Cell> LAYOUT = ProvinceGrid.CELLS;

    private final Map<String, TileNode> nodes = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty noDataText = new SimpleStringProperty(this, "noDataText", "");
    /** The word in the corner of a tile whose figure is synthetic demo data (issue 12: it says so where it stands). */
    private final StringProperty demoText = new SimpleStringProperty(this, "demoText", "DEMO");
    private final Label titleLabel = new Label();
    private final VBox legend = new VBox();
    private final List<LegendRow> levelRows = new ArrayList<>();
    private final LegendRow noDataRow;
    private Function<Double, String> legendFormatter = ProvinceTileMap::plainNumber;
    private Consumer<String> onSelect = code -> { };
    private ValueBuckets buckets = ValueBuckets.quantile(List.of(), LEVELS);
    private TileNode tabStop;
    private String sizeClass;

    public ProvinceTileMap() {
        getStyleClass().add(StyleClasses.PROVINCE_MAP);
        titleLabel.getStyleClass().add(StyleClasses.MAP_TITLE);
        titleLabel.setWrapText(true);
        titleLabel.textProperty().bind(title);
        titleLabel.visibleProperty().bind(title.isNotEmpty());
        titleLabel.setMinSize(0, 0);

        legend.getStyleClass().addAll(StyleClasses.CHART_LEGEND);
        for (int level = LEVELS - 1; level >= 0; level--) {
            LegendRow row = new LegendRow(StyleClasses.TILE_LEVEL_PREFIX + level);
            levelRows.addFirst(row);
            legend.getChildren().add(row);
        }
        noDataRow = new LegendRow(StyleClasses.TILE_NO_DATA);
        noDataRow.text.textProperty().bind(noDataText);
        legend.getChildren().add(noDataRow);
        legend.setManaged(false);

        LAYOUT.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Cell> e) -> e.getValue().row())
                        .thenComparingInt(e -> e.getValue().column()))
                .forEach(e -> nodes.put(e.getKey(), new TileNode(e.getKey())));
        getChildren().add(titleLabel);
        getChildren().addAll(nodes.values());
        getChildren().add(legend);
        selected.addListener((obs, old, now) -> {
            if (old != null && nodes.containsKey(old)) {
                nodes.get(old).pseudoClassStateChanged(SELECTED, false);
                nodes.get(old).raise();
            }
            if (now != null && nodes.containsKey(now)) {
                nodes.get(now).pseudoClassStateChanged(SELECTED, true);
                nodes.get(now).raise();
                makeTabStop(nodes.get(now));
            }
        });
        makeTabStop(nodes.values().iterator().next());
        setTiles(List.of());
    }

    /** The region codes the map places, in reading order (north to south, west to east). */
    public static List<String> codes() {
        return LAYOUT.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Cell> e) -> e.getValue().row())
                        .thenComparingInt(e -> e.getValue().column()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Shows the figures. Regions missing from the list show their code's suffix and no data; unknown
     * codes are ignored. Calling again updates the existing tiles in place.
     */
    public void setTiles(List<Tile> tiles) {
        Map<String, Tile> byCode = new HashMap<>();
        for (Tile t : tiles) {
            if (nodes.containsKey(t.code())) {
                byCode.put(t.code(), t);
            }
        }
        buckets = ValueBuckets.quantile(byCode.values().stream().map(Tile::value).toList(), LEVELS);
        boolean anyMissing = false;
        for (TileNode node : nodes.values()) {
            Tile t = byCode.get(node.code);
            int level = t == null || t.value() == null || t.value().isNaN() ? -1 : buckets.level(t.value());
            anyMissing |= level < 0;
            node.show(t, level);
        }
        noDataRow.setVisible(anyMissing);
        noDataRow.setManaged(anyMissing);
        updateLegend();
    }

    /** Shows {@code code} as selected (null for none) without calling the select handler. */
    public void setSelected(String code) {
        selected.set(code != null && nodes.containsKey(code) ? code : null);
    }

    public String getSelected() {
        return selected.get();
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Called with the region code when the user selects a tile by mouse or keyboard. */
    public void setOnSelect(Consumer<String> handler) {
        this.onSelect = handler == null ? code -> { } : handler;
    }

    /** Formats the legend's range bounds (万/亿 or K/M/B, by the caller). */
    public void setLegendFormatter(Function<Double, String> formatter) {
        this.legendFormatter = formatter == null ? ProvinceTileMap::plainNumber : formatter;
        updateLegend();
    }

    /** The title in the map's empty north-west corner; empty hides it. */
    public StringProperty titleProperty() {
        return title;
    }

    public void setTitle(String text) {
        title.set(text == null ? "" : text);
    }

    public String getTitle() {
        return title.get();
    }

    /** The legend's text for striped tiles (e.g. "No data"). */
    public void setDemoText(String text) {
        demoText.set(text == null ? "" : text);
    }

    @Override
    public StringProperty noDataTextProperty() {
        return noDataText;
    }


    /** The level (0 = lowest) a tile shows, or -1 for no data. */
    int levelOf(String code) {
        TileNode node = nodes.get(code);
        return node == null ? -1 : node.level;
    }

    private void choose(String code) {
        setSelected(code);
        onSelect.accept(code);
    }

    private void updateLegend() {
        for (LegendRow row : levelRows) {
            row.setVisible(false);
            row.setManaged(false);
        }
        for (ValueBuckets.Range range : buckets.ranges()) {
            LegendRow row = levelRows.get(range.level());
            String min = legendFormatter.apply(range.min());
            String max = legendFormatter.apply(range.max());
            row.text.setText(min.equals(max) ? min : min + " \u2013 " + max);
            row.setVisible(true);
            row.setManaged(true);
        }
    }

    private void makeTabStop(TileNode node) {
        if (tabStop != null && tabStop != node) {
            tabStop.setFocusTraversable(false);
        }
        tabStop = node;
        node.setFocusTraversable(true);
    }

    /** The nearest tile in a direction, within a 45° cone, preferring straight lines; null if there is none. */
    static String neighbour(String code, int dx, int dy) {
        Cell from = LAYOUT.get(code);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : codes()) {
            Cell to = LAYOUT.get(candidate);
            int along = dx != 0 ? (to.column() - from.column()) * dx : (to.row() - from.row()) * dy;
            int across = dx != 0 ? Math.abs(to.row() - from.row()) : Math.abs(to.column() - from.column());
            if (along <= 0 || across > along) {
                continue;
            }
            int score = along * along + 4 * across * across;
            if (score < bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + COLUMNS * 58 + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + ROWS * 58 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + COLUMNS * 24 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + ROWS * 24 + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (w <= 0 || h <= 0) {
            return;
        }
        applySizeClass(Math.min(w / COLUMNS, h / ROWS));

        double lw = Math.ceil(legend.prefWidth(-1));
        double lh = Math.ceil(legend.prefHeight(lw));
        double inside = Math.min(w / COLUMNS, h / ROWS);
        boolean fitsInside = false;
        for (int[] corner : LEGEND_CORNERS) {
            fitsInside |= lw <= corner[0] * inside - gap(inside) && lh <= corner[1] * inside - gap(inside);
        }
        double right = Math.min((w - lw - SPACING) / COLUMNS, h / ROWS);
        double below = Math.min(w / COLUMNS, (h - lh - SPACING) / ROWS);
        double cell;
        int placement; // 0 inside, 1 right, 2 below
        if (fitsInside && inside >= right && inside >= below) {
            cell = inside;
            placement = 0;
        } else if (right >= below) {
            cell = right;
            placement = 1;
        } else {
            cell = below;
            placement = 2;
        }
        cell = Math.max(1, Math.floor(cell));
        double gridW = cell * COLUMNS;
        double gridH = cell * ROWS;
        double blockW = placement == 1 ? gridW + SPACING + lw : gridW;
        double blockH = placement == 2 ? gridH + SPACING + lh : gridH;
        double gx = snapPositionX(in.getLeft() + (w - blockW) / 2);
        // at the top: on a narrow desk (1366×768) the panel is taller than the grid, and a centred grid left a band of
        // nothing between the indicator chooser and the tiles
        double gy = snapPositionY(in.getTop());
        double gap = gap(cell);

        for (TileNode node : nodes.values()) {
            Cell c = LAYOUT.get(node.code);
            node.resizeRelocate(snapPositionX(gx + c.column() * cell + gap / 2),
                    snapPositionY(gy + c.row() * cell + gap / 2),
                    snapSizeX(cell - gap), snapSizeY(cell - gap));
        }
        switch (placement) {
            case 0 -> legend.resizeRelocate(gx + gap / 2, gy + ROWS * cell - gap / 2 - lh, lw, lh);
            case 1 -> legend.resizeRelocate(gx + gridW + SPACING, gy + gridH - lh, lw, lh);
            default -> legend.resizeRelocate(gx + gap / 2, gy + gridH + SPACING, lw, lh);
        }
        double tw = TITLE_COLUMNS * cell - gap;
        double th = Math.min(titleLabel.prefHeight(tw), TITLE_ROWS * cell - gap);
        titleLabel.resizeRelocate(gx + gap / 2, gy + gap / 2, tw, th);
    }

    private static double gap(double cell) {
        return Math.clamp(Math.round(cell * 0.07), 2, 6);
    }

    private void applySizeClass(double cell) {
        String wanted = cell < 44 ? StyleClasses.TILES_SMALL
                : cell < 64 ? StyleClasses.TILES_MEDIUM
                : cell < 96 ? StyleClasses.TILES_LARGE : StyleClasses.TILES_XLARGE;
        if (!wanted.equals(sizeClass)) {
            if (sizeClass != null) {
                getStyleClass().remove(sizeClass);
            }
            getStyleClass().add(wanted);
            sizeClass = wanted;
            applyCss(); // fonts depend on the size class; measure with the new ones in this pass
        }
    }

    private static String plainNumber(Double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static final class LegendRow extends HBox {
        final Region swatch = new Region();
        final Label text = new Label();

        LegendRow(String swatchClass) {
            getStyleClass().add(StyleClasses.LEGEND_ITEM);
            swatch.getStyleClass().addAll(StyleClasses.LEGEND_SWATCH, swatchClass);
            text.getStyleClass().add(StyleClasses.LEGEND_TEXT);
            text.setMinWidth(Region.USE_PREF_SIZE);
            setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(swatch, text);
        }
    }

    /**
     * A long name on two lines, so that a small tile need not shrink it to nothing: "Inner / Mongolia", and a long
     * pinyin word hyphenated at the syllable nearest its middle ("Heilong- / jiang", "Guang- / dong"). The
     * tooltip keeps the whole name.
     */
    static String twoLines(String name) {
        if (name.length() < 9) {
            return name;
        }
        int space = name.indexOf(' ');
        if (space > 0) {
            return name.substring(0, space) + "\n" + name.substring(space + 1);
        }
        int middle = name.length() / 2;
        for (int d = 0; d < middle - 1; d++) {
            for (int i : new int[] {middle + d, middle - d}) {
                if (i >= 3 && i <= name.length() - 3 && syllableStarts(name, i)) {
                    return name.substring(0, i) + "-\n" + name.substring(i);
                }
            }
        }
        return name;
    }

    /** Whether a pinyin syllable starts at {@code i}: a consonant (not n, not the h of ch / sh / zh) after a vowel or a final n / ng. */
    private static boolean syllableStarts(String word, int i) {
        char c = Character.toLowerCase(word.charAt(i));
        char before = Character.toLowerCase(word.charAt(i - 1));
        boolean vowelBefore = "aeiouv".indexOf(before) >= 0;
        boolean finalBefore = before == 'n' && c != 'g' || before == 'g' && Character.toLowerCase(word.charAt(i - 2)) == 'n';
        boolean initial = "bcdfghjklmpqrstwxyz".indexOf(c) >= 0 && !(c == 'h' && "csz".indexOf(before) >= 0);
        return initial && (vowelBefore || finalBefore);
    }

    private final class TileNode extends Region {
        final String code;
        final Label label = new Label();
        final Label value = new Label();
        final Label demoMark = new Label();
        // the demo word is a line of the tile's text, under its figure: never on top of the name (issue 16)
        final VBox text = new VBox(label, value, demoMark);
        final Tooltip tip = new Tooltip();
        int level = -1;
        private String levelClass;
        private boolean tipInstalled;

        TileNode(String code) {
            this.code = code;
            setId("tile-" + code);
            getStyleClass().add(StyleClasses.PROVINCE_TILE);
            label.getStyleClass().add(StyleClasses.TILE_LABEL);
            value.getStyleClass().add(StyleClasses.TILE_VALUE);
            text.setAlignment(Pos.CENTER);
            text.setMinSize(0, 0);
            text.setMouseTransparent(true);
            demoMark.getStyleClass().add(StyleClasses.TILE_DEMO_MARK);
            demoMark.textProperty().bind(demoText);
            demoMark.setManaged(false);
            demoMark.setVisible(false);
            label.setTextAlignment(TextAlignment.CENTER);
            getChildren().add(text);
            setMinSize(0, 0);
            setFocusTraversable(false);
            setAccessibleRole(AccessibleRole.BUTTON);
            tip.setShowDelay(Duration.millis(250));
            tip.setShowDuration(Duration.INDEFINITE);
            tip.setWrapText(true);
            tip.setMaxWidth(420);

            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    requestFocus();
                    choose(code);
                }
            });
            addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
            focusedProperty().addListener((obs, old, now) -> {
                if (now) {
                    makeTabStop(this);
                }
                raise();
            });
        }

        void show(Tile tile, int level) {
            this.level = level;
            label.setText(twoLines(tile == null || tile.label() == null ? code.substring(3) : tile.label()));
            String valueText = tile == null || tile.valueText() == null ? "" : tile.valueText();
            value.setText(valueText);
            value.setVisible(!valueText.isEmpty());
            value.setManaged(!valueText.isEmpty());
            String wanted = level < 0 ? StyleClasses.TILE_NO_DATA : StyleClasses.TILE_LEVEL_PREFIX + level;
            if (!wanted.equals(levelClass)) {
                if (levelClass != null) {
                    getStyleClass().remove(levelClass);
                }
                getStyleClass().add(wanted);
                levelClass = wanted;
            }
            boolean synthetic = tile != null && tile.synthetic();
            demoMark.setVisible(synthetic);
            demoMark.setManaged(synthetic);
            if (synthetic != getStyleClass().contains(StyleClasses.SYNTHETIC)) {
                if (synthetic) {
                    getStyleClass().add(StyleClasses.SYNTHETIC);
                } else {
                    getStyleClass().remove(StyleClasses.SYNTHETIC);
                }
            }
            String tooltip = tile == null ? null : tile.tooltip();
            if (tooltip == null || tooltip.isEmpty()) {
                if (tipInstalled) {
                    Tooltip.uninstall(this, tip);
                    tipInstalled = false;
                }
            } else {
                tip.setText(tooltip);
                if (!tipInstalled) {
                    Tooltip.install(this, tip);
                    tipInstalled = true;
                }
            }
            setAccessibleText(label.getText() + " " + (tooltip != null && !tooltip.isEmpty() ? tooltip : valueText));
        }

        /** The text at its natural size, scaled down as a whole when a small tile cannot hold a long name. */
        @Override
        protected void layoutChildren() {
            // the padding only: the demo and selection outlines must not shrink the text
            Insets pad = getPadding();
            double w = getWidth() - pad.getLeft() - pad.getRight();
            double h = getHeight() - pad.getTop() - pad.getBottom();
            double pw = Math.ceil(text.prefWidth(-1));
            double ph = Math.ceil(text.prefHeight(pw));
            double scale = pw <= 0 || ph <= 0 || w <= 0 || h <= 0 ? 1 : Math.min(1, Math.min(w / pw, h / ph));
            text.resizeRelocate(pad.getLeft() + (w - pw) / 2, pad.getTop() + (h - ph) / 2, pw, ph);
            text.setScaleX(scale);
            text.setScaleY(scale);
        }

        /** The outlines of the focused and the selected tile reach into the gap: draw them above their neighbours. */
        void raise() {
            setViewOrder(isFocused() ? -2 : code.equals(selected.get()) ? -1 : 0);
        }

        private void onKey(KeyEvent e) {
            switch (e.getCode()) {
                case LEFT, KP_LEFT -> move(-1, 0);
                case RIGHT, KP_RIGHT -> move(1, 0);
                case UP, KP_UP -> move(0, -1);
                case DOWN, KP_DOWN -> move(0, 1);
                case ENTER, SPACE -> choose(code);
                default -> {
                    return;
                }
            }
            e.consume();
        }

        private void move(int dx, int dy) {
            String next = neighbour(code, dx, dy);
            if (next != null) {
                nodes.get(next).requestFocus();
            }
        }
    }
}
