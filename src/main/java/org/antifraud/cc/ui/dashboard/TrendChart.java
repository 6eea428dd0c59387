package org.antifraud.cc.ui.dashboard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * A time series panel drawn with plain shapes, styled only by CSS: stacked bars (e.g. dens destroyed
 * per month, stacked by zone) or lines (e.g. warnings per channel). A null value is a month without a
 * figure: no bar and a break in the line, never a zero. A month where every series is null gets a
 * dashed mark on the baseline.
 *
 * <p>Live refresh: calling {@link #setSeries} again with the same categories and series names only
 * moves the existing shapes (no node is created or removed), so a refresh every two seconds does not
 * flicker. Hovering a month shows a tooltip with the exact values of every series.
 */
public final class TrendChart extends Region implements ShowsNoData {

    public enum Kind { STACKED_BARS, LINES }

    /** One series: its name (for the legend) and one value per category, null where there is no figure. */
    public record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf would refuse the nulls
        }
    }

    private static final int PALETTE_SIZE = 6;
    private static final double TICK_SPACING = 64;
    private static final double LEGEND_GAP = 10;
    private static final double MIN_BAND_FOR_POINTS = 16;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.LINES);
    private final StringProperty noDataText = new SimpleStringProperty(this, "noDataText", "");
    private final StringProperty totalText = new SimpleStringProperty(this, "totalText", "");
    private Function<Double, String> tickFormatter = TrendChart::plainNumber;
    private boolean wholeNumbers;
    private Function<Double, String> valueFormatter = TrendChart::plainNumber;

    private List<String> categories = List.of();
    private List<Series> series = List.of();

    private final FlowPane legend = new FlowPane(16, 4);
    private final Group gridLayer = new Group();
    private final Group hoverLayer = new Group();
    private final Group seriesLayer = new Group();
    private final Group markLayer = new Group();
    private final Group tickLayer = new Group();
    private final Group categoryLayer = new Group();
    private final Line baseline = new Line();
    private final Label placeholder = new Label();

    private final List<SeriesView> views = new ArrayList<>();
    private final List<Rectangle> hoverColumns = new ArrayList<>();
    private final List<Tooltip> hoverTips = new ArrayList<>();
    private final List<Line> noDataMarks = new ArrayList<>();
    private final List<Label> categoryLabels = new ArrayList<>();
    /** A word under each category's label ("DEMO", "partial", or empty), and whether the category is demo. */
    private List<String> categoryMarks = List.of();
    private List<Boolean> demoCategories = List.of();
    /** What a click or Enter on a bar / point opens: (category, series); null: the chart is not a drill target. */
    private BiConsumer<Integer, Integer> onPick;
    /** The bar or point the keyboard is on (arrows move it); -1 before the chart had the focus. */
    private int cursorCategory = -1;
    private int cursorSeries;

    public TrendChart() {
        getStyleClass().add(StyleClasses.TREND_CHART);
        legend.getStyleClass().add(StyleClasses.CHART_LEGEND);
        legend.setManaged(false);
        baseline.getStyleClass().add(StyleClasses.TREND_AXIS);
        seriesLayer.setMouseTransparent(true);
        markLayer.setMouseTransparent(true);
        tickLayer.setMouseTransparent(true);
        categoryLayer.setMouseTransparent(true);
        placeholder.getStyleClass().add(StyleClasses.CHART_PLACEHOLDER);
        placeholder.textProperty().bind(noDataText);
        placeholder.setManaged(false);
        placeholder.setWrapText(true);
        getChildren().addAll(gridLayer, hoverLayer, seriesLayer, baseline, markLayer, tickLayer, categoryLayer,
                legend, placeholder);
        kind.addListener((obs, old, now) -> rebuild());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        focusedProperty().addListener((obs, was, focused) -> {
            if (focused && cursorCategory < 0 && !categories.isEmpty()) {
                moveCursor(categories.size() - 1, 0); // the latest month first
            }
            showCursor();
        });
        rebuild();
    }

    /**
     * Makes every bar or point a drill target: a click on one, or Enter on the one the arrow keys moved to,
     * calls {@code handler} with its category and series index (issue 16). The chart then takes the focus by Tab.
     */
    public void setOnPick(BiConsumer<Integer, Integer> handler) {
        this.onPick = handler;
        setFocusTraversable(handler != null);
    }

    /** The category and series the keyboard cursor is on, or null before it is placed. */
    int[] cursor() {
        return cursorCategory < 0 ? null : new int[] {cursorCategory, cursorSeries};
    }

    private void onKey(KeyEvent e) {
        if (onPick == null || categories.isEmpty() || series.isEmpty()) {
            return;
        }
        int c = Math.max(0, cursorCategory);
        switch (e.getCode()) {
            case LEFT -> moveCursor(c - 1, cursorSeries);
            case RIGHT -> moveCursor(c + 1, cursorSeries);
            case UP -> moveCursor(c, cursorSeries + 1);
            case DOWN -> moveCursor(c, cursorSeries - 1);
            case HOME -> moveCursor(0, cursorSeries);
            case END -> moveCursor(categories.size() - 1, cursorSeries);
            case ENTER, SPACE -> {
                if (cursorCategory >= 0) {
                    onPick.accept(cursorCategory, cursorSeries);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void moveCursor(int category, int seriesIndex) {
        cursorCategory = Math.clamp(category, 0, Math.max(0, categories.size() - 1));
        cursorSeries = Math.clamp(seriesIndex, 0, Math.max(0, series.size() - 1));
        showCursor();
    }

    /** The keyboard's column and bar / point drawn while the chart has the focus, and read out to a screen reader. */
    private void showCursor() {
        boolean on = isFocused() && cursorCategory >= 0;
        for (int i = 0; i < hoverColumns.size(); i++) {
            toggle(hoverColumns.get(i), StyleClasses.TREND_CURSOR, on && i == cursorCategory);
        }
        for (int s = 0; s < views.size(); s++) {
            SeriesView view = views.get(s);
            List<? extends Node> shapes = view.bars.isEmpty() ? view.points : view.bars;
            for (int i = 0; i < shapes.size(); i++) {
                toggle(shapes.get(i), StyleClasses.TREND_PICKED, on && s == cursorSeries && i == cursorCategory);
            }
        }
        if (on && cursorCategory < categories.size() && cursorSeries < series.size()) {
            Double v = series.get(cursorSeries).values().get(cursorCategory);
            setAccessibleText(categories.get(cursorCategory) + ", " + series.get(cursorSeries).name() + ": "
                    + (v == null || v.isNaN() ? noDataText.get() : valueFormatter.apply(v)));
        }
    }

    private static void toggle(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** A click in a category's column picks the bar under the pointer, or the point nearest it. */
    private void pickAt(int category, double y) {
        if (onPick == null || series.isEmpty()) {
            return;
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int s = 0; s < views.size(); s++) {
            SeriesView view = views.get(s);
            Node shape = view.bars.isEmpty() ? view.points.get(category) : view.bars.get(category);
            if (!shape.isVisible()) {
                continue; // a gap has nothing behind it to pick
            }
            var b = shape.getBoundsInParent();
            double distance = y < b.getMinY() ? b.getMinY() - y : y > b.getMaxY() ? y - b.getMaxY() : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = s;
            }
        }
        if (best >= 0) {
            requestFocus();
            moveCursor(category, best);
            onPick.accept(category, best);
        }
    }

    public TrendChart(Kind kind) {
        this();
        setKind(kind);
    }

    /**
     * Shows the series over the categories (x labels, e.g. "2022-01" or "1月"). Each series has exactly one
     * value per category. Same categories and names as before: the shapes are updated in place.
     */
    public void setSeries(List<String> categories, List<Series> series) {
        List<String> cats = List.copyOf(categories);
        List<Series> ss = List.copyOf(series);
        for (Series s : ss) {
            if (s.values().size() != cats.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + cats.size() + " categories");
            }
        }
        boolean sameShape = cats.equals(this.categories)
                && ss.stream().map(Series::name).toList().equals(this.series.stream().map(Series::name).toList());
        this.categories = cats;
        this.series = ss;
        if (sameShape) {
            applyDemoCategories();
            updateTooltips();
            updatePlaceholder();
            requestLayout();
        } else {
            rebuild();
        }
    }

    public List<String> getCategories() {
        return categories;
    }

    public List<Series> getSeries() {
        return series;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public Kind getKind() {
        return kind.get();
    }

    public void setKind(Kind value) {
        kind.set(Objects.requireNonNull(value, "kind"));
    }

    /** Whether the series are counts (dens, warnings): then the y axis has whole-number ticks only. */
    public void setWholeNumbers(boolean whole) {
        this.wholeNumbers = whole;
        requestLayout();
    }

    /** Text of the y axis ticks (万/亿 or K/M/B, by the caller). */
    public void setTickFormatter(Function<Double, String> formatter) {
        this.tickFormatter = formatter == null ? TrendChart::plainNumber : formatter;
        requestLayout();
    }

    /** Exact values in the hover tooltip; grouped digits by default. */
    public void setValueFormatter(Function<Double, String> formatter) {
        this.valueFormatter = formatter == null ? TrendChart::plainNumber : formatter;
        updateTooltips();
    }

    /** Shown instead of the chart when there is nothing to draw, and in tooltips for a missing value. */
    @Override
    public StringProperty noDataTextProperty() {
        return noDataText;
    }

    public void setNoDataText(String text) {
        noDataText.set(text == null ? "" : text);
        updateTooltips();
    }

    /** For stacked bars: the name of the total line in the tooltip (e.g. "Total"); empty for none. */
    public StringProperty totalTextProperty() {
        return totalText;
    }

    public void setTotalText(String text) {
        totalText.set(text == null ? "" : text);
        updateTooltips();
    }

    public String getTotalText() {
        return totalText.get();
    }

    private boolean hasFigures() {
        return !categories.isEmpty()
                && series.stream().anyMatch(s -> s.values().stream().anyMatch(v -> v != null && !v.isNaN()));
    }

    private void updatePlaceholder() {
        boolean empty = !hasFigures();
        placeholder.setVisible(empty);
        for (Node layer : List.of(gridLayer, hoverLayer, seriesLayer, baseline, markLayer, tickLayer, categoryLayer)) {
            layer.setVisible(!empty);
        }
    }

    private void rebuild() {
        views.clear();
        seriesLayer.getChildren().clear();
        legend.getChildren().clear();
        for (int i = 0; i < series.size(); i++) {
            SeriesView view = new SeriesView(i, categories.size());
            views.add(view);
            seriesLayer.getChildren().add(view.group);
            legend.getChildren().add(legendItem(series.get(i).name(), i));
        }
        legend.setVisible(!series.isEmpty());

        hoverColumns.clear();
        hoverTips.clear();
        noDataMarks.clear();
        categoryLabels.clear();
        List<Node> hovers = new ArrayList<>();
        List<Node> marks = new ArrayList<>();
        List<Node> labels = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            String category = categories.get(c);
            int index = c;
            Rectangle column = new Rectangle();
            column.getStyleClass().add(StyleClasses.TREND_HOVER);
            column.setPickOnBounds(true);
            column.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    pickAt(index, e.getY());
                }
            });
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(120));
            tip.setShowDuration(Duration.INDEFINITE);
            Tooltip.install(column, tip);
            hoverColumns.add(column);
            hoverTips.add(tip);
            hovers.add(column);

            Line mark = new Line();
            mark.getStyleClass().add(StyleClasses.TREND_NO_DATA_MARK);
            noDataMarks.add(mark);
            marks.add(mark);

            Label label = new Label(category);
            label.getStyleClass().add(StyleClasses.TREND_CATEGORY);
            categoryLabels.add(label);
            labels.add(label);
        }
        hoverLayer.getChildren().setAll(hovers);
        if (cursorCategory >= categories.size()) {
            cursorCategory = categories.size() - 1;
        }
        showCursor();
        markLayer.getChildren().setAll(marks);
        categoryLayer.getChildren().setAll(labels);
        applyDemoCategories();
        updateTooltips();
        updatePlaceholder();
        requestLayout();
    }

    private HBox legendItem(String name, int index) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(StyleClasses.LEGEND_SWATCH, seriesClass(index));
        if (kind.get() == Kind.LINES) {
            swatch.getStyleClass().add(StyleClasses.LEGEND_SWATCH_LINE);
        }
        Label text = new Label(name);
        text.getStyleClass().add(StyleClasses.LEGEND_TEXT);
        text.setMinWidth(Region.USE_PREF_SIZE);
        HBox item = new HBox(swatch, text);
        item.getStyleClass().add(StyleClasses.LEGEND_ITEM);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static String seriesClass(int index) {
        return StyleClasses.SERIES_PREFIX + (index % PALETTE_SIZE + 1);
    }

    /**
     * Marks categories under their label and first in their tooltip: "DEMO" where a category is drawn from synthetic
     * demo data, "partial" where its real figures do not cover every province-month (issue 12: a bar or point says so
     * where it stands). A category is all demo or all real (ADR 0026).
     */
    public void setCategoryMarks(List<String> marks, List<Boolean> demo) {
        categoryMarks = List.copyOf(marks);
        demoCategories = List.copyOf(demo);
        applyDemoCategories();
        updateTooltips();
        requestLayout();
    }

    private String mark(int category) {
        return category < categoryMarks.size() ? categoryMarks.get(category) : "";
    }

    private boolean isDemo(int category) {
        return category < demoCategories.size() && demoCategories.get(category);
    }

    private void applyDemoCategories() {
        for (int i = 0; i < categoryLabels.size() && i < categories.size(); i++) {
            Label label = categoryLabels.get(i);
            boolean demo = isDemo(i);
            String mark = mark(i);
            label.setText(mark.isEmpty() ? categories.get(i) : categories.get(i) + "\n" + mark);
            if (demo != label.getStyleClass().contains(StyleClasses.TREND_CATEGORY_DEMO)) {
                if (demo) {
                    label.getStyleClass().add(StyleClasses.TREND_CATEGORY_DEMO);
                } else {
                    label.getStyleClass().remove(StyleClasses.TREND_CATEGORY_DEMO);
                }
            }
        }
    }

    private void updateTooltips() {
        for (int i = 0; i < hoverTips.size() && i < categories.size(); i++) {
            StringBuilder text = new StringBuilder(mark(i).isEmpty() ? categories.get(i)
                    : mark(i) + " \u00b7 " + categories.get(i));
            double total = 0;
            boolean anyValue = false;
            for (Series s : series) {
                Double v = s.values().get(i);
                text.append('\n').append(s.name()).append(": ")
                        .append(v == null || v.isNaN() ? noDataText.get() : valueFormatter.apply(v));
                if (v != null && !v.isNaN()) {
                    total += v;
                    anyValue = true;
                }
            }
            if (kind.get() == Kind.STACKED_BARS && !totalText.get().isEmpty() && series.size() > 1) {
                text.append('\n').append(totalText.get()).append(": ")
                        .append(anyValue ? valueFormatter.apply(total) : noDataText.get());
            }
            hoverTips.get(i).setText(text.toString());
        }
    }

    /** The hover tooltip's text for one category. */
    String tooltipText(int category) {
        return hoverTips.get(category).getText();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + 520 + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 300 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + 160 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + 120 + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft();
        double top = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (w <= 0 || h <= 0) {
            return;
        }
        double legendH = legend.isVisible() ? Math.ceil(legend.prefHeight(w)) : 0;
        legend.resizeRelocate(left, top, w, legendH);
        double plotTop = top + (legendH > 0 ? legendH + LEGEND_GAP : 0);

        if (!hasFigures()) {
            double pw = Math.min(w, placeholder.prefWidth(-1));
            double ph = placeholder.prefHeight(pw);
            placeholder.resizeRelocate(left + (w - pw) / 2, plotTop + (top + h - plotTop - ph) / 2, pw, ph);
            return;
        }

        int n = categories.size();
        double[] domain = domain();
        double categoryH = 0;
        for (Label label : categoryLabels) {
            categoryH = Math.max(categoryH, Math.ceil(label.prefHeight(-1))); // a demo category's label has two lines
        }
        double plotBottom = top + h - categoryH - 6;
        double firstTickHalf = 8; // room for the top tick's label
        double usable = Math.max(20, plotBottom - plotTop - firstTickHalf);
        double[] ticks = ticks(domain[0], domain[1], Math.max(2, (int) (usable / TICK_SPACING)), wholeNumbers);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        double yTop = plotTop + firstTickHalf;

        List<Label> tickLabels = pool(tickLayer.getChildren(), ticks.length, () -> {
            Label l = new Label();
            l.getStyleClass().add(StyleClasses.TREND_TICK);
            return l;
        });
        List<Line> gridLines = pool(gridLayer.getChildren(), ticks.length, () -> {
            Line l = new Line();
            l.getStyleClass().add(StyleClasses.TREND_GRID);
            return l;
        });
        double tickW = 0;
        for (int i = 0; i < ticks.length; i++) {
            tickLabels.get(i).setText(tickFormatter.apply(ticks[i]));
            tickW = Math.max(tickW, tickLabels.get(i).prefWidth(-1));
        }
        double x0 = snapPositionX(left + Math.ceil(tickW) + 10);
        double x1 = left + w - 2;
        double span = hi - lo;
        DoubleUnaryOperator y = v -> plotBottom - (v - lo) / span * (plotBottom - yTop);

        for (int i = 0; i < ticks.length; i++) {
            double ty = snapPositionY(y.applyAsDouble(ticks[i])) + 0.5;
            Label label = tickLabels.get(i);
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(-1);
            label.resizeRelocate(x0 - 8 - lw, ty - lh / 2, lw, lh);
            Line grid = gridLines.get(i);
            grid.setStartX(x0);
            grid.setEndX(x1);
            grid.setStartY(ty);
            grid.setEndY(ty);
        }
        double zeroY = snapPositionY(y.applyAsDouble(Math.clamp(0, lo, hi))) + 0.5;
        baseline.setStartX(x0);
        baseline.setEndX(x1);
        baseline.setStartY(zeroY);
        baseline.setEndY(zeroY);

        double band = (x1 - x0) / n;
        double labelW = 0;
        for (Label label : categoryLabels) {
            labelW = Math.max(labelW, label.prefWidth(-1));
        }
        int every = Math.max(1, (int) Math.ceil((labelW + 10) / band));
        for (int i = 0; i < n; i++) {
            Label label = categoryLabels.get(i);
            boolean shown = (n - 1 - i) % every == 0; // the latest month is always labelled
            label.setVisible(shown);
            double lw = label.prefWidth(-1);
            double cx = x0 + band * (i + 0.5);
            double lx = Math.clamp(cx - lw / 2, left, left + w - lw);
            label.resizeRelocate(lx, plotBottom + 6, lw, categoryH);

            Rectangle column = hoverColumns.get(i);
            column.setX(x0 + band * i);
            column.setY(yTop);
            column.setWidth(band);
            column.setHeight(plotBottom - yTop);
        }

        double barW = Math.max(2, Math.min(band * 0.62, 56));
        for (int i = 0; i < n; i++) {
            double cx = x0 + band * (i + 0.5);
            boolean any = false;
            for (Series s : series) {
                Double v = s.values().get(i);
                any |= v != null && !v.isNaN();
            }
            Line mark = noDataMarks.get(i);
            mark.setVisible(!any);
            double half = Math.max(3, Math.min(barW, 24) / 2);
            mark.setStartX(cx - half);
            mark.setEndX(cx + half);
            mark.setStartY(zeroY - 3);
            mark.setEndY(zeroY - 3);
        }

        if (kind.get() == Kind.STACKED_BARS) {
            layoutBars(n, x0, band, barW, y);
        } else {
            layoutLines(n, x0, band, y);
        }
    }

    private void layoutBars(int n, double x0, double band, double barW, DoubleUnaryOperator y) {
        for (int i = 0; i < n; i++) {
            double cx = x0 + band * (i + 0.5);
            double up = 0;
            double down = 0;
            for (int s = 0; s < views.size(); s++) {
                Double v = series.get(s).values().get(i);
                Rectangle bar = views.get(s).bars.get(i);
                if (v == null || v.isNaN() || v == 0) {
                    bar.setVisible(false);
                    continue;
                }
                double from = v > 0 ? up : down;
                double to = from + v;
                if (v > 0) {
                    up = to;
                } else {
                    down = to;
                }
                double ya = snapPositionY(y.applyAsDouble(from));
                double yb = snapPositionY(y.applyAsDouble(to));
                bar.setX(snapPositionX(cx - barW / 2));
                bar.setWidth(snapSizeX(barW));
                bar.setY(Math.min(ya, yb));
                bar.setHeight(Math.max(1, Math.abs(ya - yb)));
                bar.setVisible(true);
            }
        }
    }

    private void layoutLines(int n, double x0, double band, DoubleUnaryOperator y) {
        for (int s = 0; s < views.size(); s++) {
            SeriesView view = views.get(s);
            List<Double> values = series.get(s).values();
            List<PathElement> elements = new ArrayList<>();
            boolean penDown = false;
            boolean dense = band < MIN_BAND_FOR_POINTS;
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                Circle point = view.points.get(i);
                if (v == null || v.isNaN()) {
                    penDown = false;
                    point.setVisible(false);
                    continue;
                }
                // crowded points are noise, but a month alone between gaps has nothing else to show it
                boolean alone = !penDown && (i == n - 1 || values.get(i + 1) == null || values.get(i + 1).isNaN());
                double px = x0 + band * (i + 0.5);
                double py = y.applyAsDouble(v);
                elements.add(penDown ? new LineTo(px, py) : new MoveTo(px, py));
                penDown = true;
                point.setCenterX(px);
                point.setCenterY(py);
                point.setVisible(!dense || alone);
            }
            view.line.getElements().setAll(elements);
        }
    }

    /** The range to show: always includes zero; the stacks' sums for bars. */
    private double[] domain() {
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < categories.size(); i++) {
            double up = 0;
            double down = 0;
            for (Series s : series) {
                Double v = s.values().get(i);
                if (v == null || v.isNaN()) {
                    continue;
                }
                if (kind.get() == Kind.STACKED_BARS) {
                    if (v > 0) {
                        up += v;
                    } else {
                        down += v;
                    }
                } else {
                    up = Math.max(up, v);
                    down = Math.min(down, v);
                }
            }
            hi = Math.max(hi, up);
            lo = Math.min(lo, down);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        return new double[]{lo, hi};
    }

    /** Round tick values from at or below {@code lo} to at or above {@code hi}, about {@code count} steps. */
    static double[] ticks(double lo, double hi, int count) {
        return ticks(lo, hi, count, false);
    }

    /** As {@link #ticks(double, double, int)}; {@code whole}: the values are counts, so no tick falls between two. */
    static double[] ticks(double lo, double hi, int count, boolean whole) {
        double step = niceStep((hi - lo) / count);
        if (whole) {
            step = Math.max(1, step); // 0, 1, 2 dens, never 0.5 of one
        }
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        int steps = (int) Math.round((last - first) / step);
        double[] out = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double v = first + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    private static double niceStep(double raw) {
        if (raw <= 0 || Double.isNaN(raw) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        // the nearest of 1, 2, 5 (by ratio), not the next larger: 5.03M a step is 5M, not 10M, which would
        // leave a third of the plot empty; no 2.5, whose ticks read 7.5M, 12.5M …
        double nice = fraction < Math.sqrt(2) ? 1 : fraction < Math.sqrt(10) ? 2 : fraction < Math.sqrt(50) ? 5 : 10;
        return nice * magnitude;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> List<T> pool(ObservableList<Node> children, int size,
                                                 Supplier<T> create) {
        while (children.size() < size) {
            children.add(create.get());
        }
        if (children.size() > size) {
            children.remove(size, children.size());
        }
        return (List<T>) (List<?>) children;
    }

    private static String plainNumber(Double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** The shapes of one series, created once per shape of the data and reused on every refresh. */
    private final class SeriesView {
        final Group group = new Group();
        final Path line = new Path();
        final List<Circle> points = new ArrayList<>();
        final List<Rectangle> bars = new ArrayList<>();

        SeriesView(int index, int categoryCount) {
            group.getStyleClass().addAll(StyleClasses.TREND_SERIES, seriesClass(index));
            if (kind.get() == Kind.LINES) {
                line.getStyleClass().add(StyleClasses.TREND_LINE);
                group.getChildren().add(line);
                for (int i = 0; i < categoryCount; i++) {
                    Circle point = new Circle(3.5);
                    point.getStyleClass().add(StyleClasses.TREND_POINT);
                    points.add(point);
                }
                group.getChildren().addAll(points);
            } else {
                for (int i = 0; i < categoryCount; i++) {
                    Rectangle bar = new Rectangle();
                    bar.getStyleClass().add(StyleClasses.TREND_BAR);
                    bar.setVisible(false);
                    bars.add(bar);
                }
                group.getChildren().addAll(bars);
            }
        }
    }
}
