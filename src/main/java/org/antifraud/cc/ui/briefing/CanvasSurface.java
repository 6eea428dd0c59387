package org.antifraud.cc.ui.briefing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import org.antifraud.cc.service.briefing.FigureSpot;
import org.antifraud.cc.service.briefing.SlideSurface;

/**
 * A JavaFX canvas as a slide surface: the screen, PNG and print. The painter's 1920 × 1080 space is scaled to the
 * canvas by the caller's transform. Chinese needs a CJK face: the first of {@link #FAMILIES} installed.
 */
final class CanvasSurface implements SlideSurface {
    /** The faces slides prefer, as the stylesheets name them. */
    static final List<String> FAMILIES = List.of("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
            "WenQuanYi Micro Hei", "Source Han Sans SC");
    private static final String FAMILY = FAMILIES.stream().filter(Font.getFamilies()::contains).findFirst()
            .orElse(Font.getDefault().getFamily());

    private final GraphicsContext g;
    private final Map<Double, Font> regular = new HashMap<>();
    private final Map<Double, Font> bold = new HashMap<>();
    private final Text measure = new Text();
    private final Consumer<FigureSpot> spots;

    CanvasSurface(GraphicsContext g) {
        this(g, spot -> { });
    }

    /** @param spots where the figures drawn are told, to drill from them (a screen; pictures pass none) */
    CanvasSurface(GraphicsContext g, Consumer<FigureSpot> spots) {
        this.g = g;
        this.spots = spots;
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public void figure(FigureSpot spot) {
        spots.accept(spot);
    }

    @Override
    public void fill(double x, double y, double w, double h, int rgb) {
        g.setFill(colour(rgb));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
        g.setStroke(colour(rgb));
        g.setLineWidth(width);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean isBold, int rgb) {
        g.setFont(font(size, isBold));
        g.setFill(colour(rgb));
        g.fillText(text, x, baseline);
    }

    @Override
    public double width(String text, double size, boolean isBold) {
        measure.setFont(font(size, isBold));
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private Font font(double size, boolean isBold) {
        return (isBold ? bold : regular).computeIfAbsent(size,
                s -> Font.font(FAMILY, isBold ? FontWeight.BOLD : FontWeight.NORMAL, s));
    }

    private static Color colour(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
