package org.antifraud.cc.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.text.TextAlignment;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * A funnel of stages (warnings issued → persons dissuaded → funds intercepted): one band per stage,
 * each narrower than the one above, with the stage's name, value and an optional note inside.
 *
 * <p>The stages count different things (instructions, people, yuan), so the widths narrow by position
 * and do not claim to be proportional to the values. A stage without a figure is an outlined, striped
 * band with the no-data text, as wide as it would be with one, never a missing or zero-width band.
 */
public final class FunnelNode extends Region implements ShowsNoData {

    /** One stage, already localized; {@code value} null means no figure. {@code note} may be null. */
    public record Stage(String label, Double value, String valueText, String note) {
        public Stage {
            Objects.requireNonNull(label, "label");
        }
    }

    /** The narrowest band's width as a share of the widest. */
    private static final double NARROWEST = 0.52;
    private static final double GAP = 6;
    /** Beyond these a band only gets emptier; the funnel is centred in any extra room. */
    private static final double MAX_BAND_HEIGHT = 112;
    private static final double MAX_WIDTH = 640;

    private final StringProperty noDataText = new SimpleStringProperty(this, "noDataText", "");
    private final List<StageView> views = new ArrayList<>();
    private List<Stage> stages = List.of();

    public FunnelNode() {
        getStyleClass().add(StyleClasses.FUNNEL);
        noDataText.addListener((obs, old, now) -> refreshTexts());
    }

    /** Shows the stages from top to bottom; the same number of stages as before updates the bands in place. */
    public void setStages(List<Stage> stages) {
        List<Stage> copy = List.copyOf(stages);
        if (copy.size() != views.size()) {
            views.clear();
            getChildren().clear();
            for (int i = 0; i < copy.size(); i++) {
                StageView view = new StageView(i);
                views.add(view);
                getChildren().addAll(view.shape, view.text);
            }
        }
        this.stages = copy;
        refreshTexts();
        requestLayout();
    }

    public List<Stage> getStages() {
        return stages;
    }

    @Override
    public StringProperty noDataTextProperty() {
        return noDataText;
    }


    private void refreshTexts() {
        for (int i = 0; i < views.size(); i++) {
            views.get(i).show(stages.get(i), i);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + 440 + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double content = 0;
        for (StageView view : views) {
            content += Math.max(64, view.text.prefHeight(-1) + 16);
        }
        return snappedTopInset() + content + GAP * Math.max(0, views.size() - 1) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + 200 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        double content = 0;
        for (StageView view : views) {
            content += view.text.minHeight(-1) + 8;
        }
        return snappedTopInset() + content + GAP * Math.max(0, views.size() - 1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        int n = views.size();
        if (n == 0 || w <= 0 || h <= 0) {
            return;
        }
        double bandH = Math.clamp((h - GAP * (n - 1)) / n, 1, MAX_BAND_HEIGHT);
        double top = in.getTop() + (h - bandH * n - GAP * (n - 1)) / 2;
        double cx = in.getLeft() + w / 2;
        w = Math.min(w, MAX_WIDTH);
        for (int i = 0; i < n; i++) {
            double topW = w * share(i, n);
            double bottomW = w * share(i + 1, n);
            double y0 = snapPositionY(top + i * (bandH + GAP));
            double y1 = y0 + bandH;
            StageView view = views.get(i);
            view.shape.getPoints().setAll(
                    cx - topW / 2, y0, cx + topW / 2, y0,
                    cx + bottomW / 2, y1, cx - bottomW / 2, y1);
            double textW = Math.max(0, bottomW - 24);
            double textH = Math.min(bandH - 4, view.text.prefHeight(textW));
            view.text.resizeRelocate(snapPositionX(cx - textW / 2), snapPositionY(y0 + (bandH - textH) / 2),
                    textW, textH);
        }
    }

    /** Width share of the edge between band {@code edge - 1} and band {@code edge}. */
    private static double share(int edge, int n) {
        return 1 - (1 - NARROWEST) * edge / n;
    }

    private final class StageView {
        final Polygon shape = new Polygon();
        final Label label = new Label();
        final Label value = new Label();
        final Label note = new Label();
        final VBox text = new VBox(label, value, note);

        StageView(int index) {
            shape.getStyleClass().addAll(StyleClasses.FUNNEL_SHAPE);
            text.getStyleClass().addAll(StyleClasses.FUNNEL_STAGE);
            text.setAlignment(Pos.CENTER);
            text.setMouseTransparent(true);
            text.setMinSize(0, 0);
            label.getStyleClass().add(StyleClasses.FUNNEL_LABEL);
            value.getStyleClass().add(StyleClasses.FUNNEL_VALUE);
            note.getStyleClass().add(StyleClasses.FUNNEL_NOTE);
            for (Label l : List.of(label, value, note)) {
                l.setMinWidth(0);
            }
            text.setId("funnel-stage-" + index);
        }

        void show(Stage stage, int index) {
            // a stage without one number may still have a text (the warning channels, side by side, never added)
            boolean missing = (stage.value() == null || stage.value().isNaN())
                    && (stage.valueText() == null || stage.valueText().isBlank());
            label.setText(stage.label());
            value.setText(missing ? noDataText.get() : stage.valueText());
            // several figures side by side (no one number): smaller, wrapped, centred
            boolean list = !missing && (stage.value() == null || stage.value().isNaN());
            value.setWrapText(list);
            value.setTextAlignment(TextAlignment.CENTER);
            value.getStyleClass().remove(StyleClasses.FUNNEL_VALUE_LIST);
            if (list) {
                value.getStyleClass().add(StyleClasses.FUNNEL_VALUE_LIST);
            }
            String noteText = stage.note() == null ? "" : stage.note();
            note.setText(noteText);
            note.setVisible(!noteText.isEmpty());
            note.setManaged(!noteText.isEmpty());
            // by position, capped: CSS gives the widest band the strongest step of the ramp
            String step = StyleClasses.FUNNEL_STAGE_PREFIX + Math.min(index + 1, 4);
            for (var node : List.of(shape, text)) {
                node.getStyleClass().removeIf(c -> c.startsWith(StyleClasses.FUNNEL_STAGE_PREFIX)
                        || c.equals(StyleClasses.FUNNEL_NO_DATA));
                node.getStyleClass().add(missing ? StyleClasses.FUNNEL_NO_DATA : step);
            }
            text.setAccessibleText(stage.label() + " " + value.getText() + (noteText.isEmpty() ? "" : " " + noteText));
        }
    }
}
