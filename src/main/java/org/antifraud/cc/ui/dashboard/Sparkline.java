package org.antifraud.cc.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * A small line of a series scaled to its own range: a null value is a gap in the line (no data, never zero);
 * a known point with no known neighbour is a dot, so it does not vanish.
 */
public final class Sparkline extends Region {
    private final Path line = new Path();
    private final List<Circle> dots = new ArrayList<>();
    private List<Double> values = List.of();

    public Sparkline() {
        getStyleClass().add(StyleClasses.SPARKLINE);
        line.getStyleClass().add(StyleClasses.SPARKLINE_LINE);
        line.setManaged(false);
        getChildren().add(line);
        setMinSize(40, 14);
        setPrefSize(120, 22);
    }

    public void setValues(List<Double> values) {
        this.values = values == null ? List.of() : new ArrayList<>(values);
        requestLayout();
    }

    public List<Double> getValues() {
        return List.copyOf(values.stream().map(v -> v == null ? Double.NaN : v).toList());
    }

    /** How many line runs are drawn (a gap splits a run); for tests. */
    int runs() {
        return (int) line.getElements().stream().filter(MoveTo.class::isInstance).count();
    }

    @Override
    protected void layoutChildren() {
        line.getElements().clear();
        getChildren().removeAll(dots);
        dots.clear();
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty() || w <= 0 || h <= 0 || values.size() < 1) {
            return;
        }
        double min = known.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = known.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double step = values.size() == 1 ? 0 : w / (values.size() - 1);
        boolean drawing = false;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                drawing = false;
                continue;
            }
            double x = snappedLeftInset() + i * step;
            double y = snappedTopInset() + (max == min ? h / 2 : h - (v - min) / (max - min) * h);
            boolean alone = (i == 0 || values.get(i - 1) == null) && (i == values.size() - 1 || values.get(i + 1) == null);
            if (alone) {
                Circle dot = new Circle(x, y, 1.8);
                dot.getStyleClass().add(StyleClasses.SPARKLINE_DOT);
                dot.setManaged(false);
                dots.add(dot);
            }
            line.getElements().add(drawing ? new LineTo(x, y) : new MoveTo(x, y));
            drawing = true;
        }
        getChildren().addAll(dots);
    }
}
