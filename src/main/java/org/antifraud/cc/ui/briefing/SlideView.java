package org.antifraud.cc.ui.briefing;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.service.briefing.SlideSurface;

/**
 * One slide, as large as fits this node at 16:9 and centred (letterboxed), repainted sharp at every size: the
 * Briefing page's preview, presentation mode and the wall screen.
 */
public final class SlideView extends Region {
    private final Canvas canvas = new Canvas();
    private final SlidePainter painter;
    private Deck deck;
    private int index;
    private SlidePalette palette = SlidePalette.LIGHT;
    private boolean blank;

    public SlideView(SlidePainter painter) {
        this.painter = painter;
        getStyleClass().add("slide-view");
        getChildren().add(canvas);
    }

    /** Shows slide {@code index} of {@code deck} (null: nothing). */
    public void show(Deck deck, int index, SlidePalette palette) {
        this.deck = deck;
        this.index = index;
        this.palette = palette;
        setAccessibleText(deck == null || index < 0 || index >= deck.size() ? null
                : deck.slides().get(index).title(deck.locale()) + " " + (index + 1) + " / " + deck.size());
        requestLayout();
        repaint();
    }

    /** A blanked screen shows black (presentation mode's B). */
    public void setBlank(boolean blank) {
        this.blank = blank;
        repaint();
    }

    public boolean isBlank() {
        return blank;
    }

    public int index() {
        return index;
    }

    SlidePalette palette() {
        return palette;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double scale = Math.min(w / SlideSurface.WIDTH, h / SlideSurface.HEIGHT);
        double cw = Math.floor(SlideSurface.WIDTH * scale);
        double ch = Math.floor(SlideSurface.HEIGHT * scale);
        if (cw != canvas.getWidth() || ch != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, cw));
            canvas.setHeight(Math.max(0, ch));
            repaint();
        }
        canvas.relocate(Math.floor((w - cw) / 2), Math.floor((h - ch) / 2));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 960;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 540;
    }

    private void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        if (blank || deck == null || index < 0 || index >= deck.size()) {
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        paint(g, canvas.getWidth(), canvas.getHeight(), painter, deck, index, palette);
    }

    /** Paints slide {@code index} on {@code g}, scaled to {@code width} × {@code height}. */
    static void paint(GraphicsContext g, double width, double height, SlidePainter painter, Deck deck, int index,
                      SlidePalette palette) {
        g.save();
        g.scale(width / SlideSurface.WIDTH, height / SlideSurface.HEIGHT);
        painter.paint(deck, index, new CanvasSurface(g), palette);
        g.restore();
    }
}
