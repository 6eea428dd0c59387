package org.antifraud.cc.ui.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.FigureSpot;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.service.briefing.SlideSurface;
import org.antifraud.cc.ui.common.StyleClasses;

/**
 * One slide, as large as fits this node at 16:9 and centred (letterboxed), repainted sharp at every size: the
 * Briefing page's preview, presentation mode and the wall screen. Where a drill is wired ({@link #setOnFigure}) each
 * figure the painter drew is a target (issue 16): a click on it, or Up/Down to choose one (a ring around it) and
 * Enter, drills.
 */
public final class SlideView extends Region {
    private final Canvas canvas = new Canvas();
    private final SlidePainter painter;
    private Deck deck;
    private int index;
    private SlidePalette palette = SlidePalette.LIGHT;
    private boolean blank;
    /** The figures of the slide shown, as painted (the slide's 1920 × 1080 space), and the one chosen by key. */
    private final List<FigureSpot> spots = new ArrayList<>();
    private int chosen = -1;
    private final Rectangle ring = new Rectangle();
    private Consumer<FigureSpot> onFigure;

    public SlideView(SlidePainter painter) {
        this.painter = painter;
        getStyleClass().add("slide-view");
        ring.getStyleClass().add(StyleClasses.SLIDE_FIGURE_RING);
        ring.setManaged(false);
        ring.setMouseTransparent(true);
        ring.setVisible(false);
        getChildren().addAll(canvas, ring);
        focusedProperty().addListener((obs, was, now) -> placeRing());
    }

    /**
     * Makes the slide's figures drill targets: a click on one, or Enter on the one chosen with Up/Down, hands its
     * spot to {@code onFigure}; the view then takes the focus by Tab.
     */
    public void setOnFigure(Consumer<FigureSpot> onFigure) {
        this.onFigure = onFigure;
        setFocusTraversable(onFigure != null);
        if (onFigure == null) {
            return;
        }
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            int hit = spotAt(e.getX(), e.getY());
            if (hit >= 0) {
                choose(hit);
                drillChosen();
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                if (!spots.isEmpty()) {
                    int step = e.getCode() == KeyCode.DOWN ? 1 : -1;
                    choose(chosen < 0 ? (step > 0 ? 0 : spots.size() - 1)
                            : Math.floorMod(chosen + step, spots.size()));
                }
                e.consume();
            } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && chosen >= 0) {
                drillChosen();
                e.consume();
            }
        });
    }

    /** The figures of the slide shown, where they were painted (the slide's 1920 × 1080 space). */
    public List<FigureSpot> figures() {
        return List.copyOf(spots);
    }

    /** The figure chosen by key (its ring shown while the view has the focus); -1: none. */
    public int chosenFigure() {
        return chosen;
    }

    /** The centre of figure {@code i} of {@link #figures()} as shown now, in this node's coordinates. */
    public Point2D figureCentre(int i) {
        FigureSpot s = spots.get(i);
        double scale = scale();
        return new Point2D(canvas.getLayoutX() + (s.x() + s.w() / 2) * scale,
                canvas.getLayoutY() + (s.y() + s.h() / 2) * scale);
    }

    /** Chooses figure {@code i} of {@link #figures()}, as Up/Down do. */
    public void choose(int i) {
        chosen = i >= 0 && i < spots.size() ? i : -1;
        placeRing();
        describe();
    }

    /** What a screen reader says: the slide, its number, and the figure chosen by key (its name) when there is one. */
    private void describe() {
        if (deck == null || index < 0 || index >= deck.size()) {
            setAccessibleText(null);
            return;
        }
        String slide = deck.slides().get(index).title(deck.locale()) + " " + (index + 1) + " / " + deck.size();
        FigureSpot figure = chosen >= 0 && chosen < spots.size() ? spots.get(chosen) : null;
        setAccessibleText(figure == null ? slide
                : slide + ": " + (figure.label() != null ? figure.label() : figure.indicator()));
    }

    private void drillChosen() {
        if (onFigure != null && chosen >= 0) {
            onFigure.accept(spots.get(chosen));
        }
    }

    /** The spot under the point ({@code x}, {@code y}) of this node, the smallest if several; -1: none. */
    private int spotAt(double x, double y) {
        double scale = scale();
        if (scale <= 0) {
            return -1;
        }
        double sx = (x - canvas.getLayoutX()) / scale;
        double sy = (y - canvas.getLayoutY()) / scale;
        int best = -1;
        for (int i = 0; i < spots.size(); i++) {
            FigureSpot s = spots.get(i);
            if (s.contains(sx, sy) && (best < 0 || s.w() * s.h() < spots.get(best).w() * spots.get(best).h())) {
                best = i;
            }
        }
        return best;
    }

    private double scale() {
        return canvas.getWidth() / SlideSurface.WIDTH;
    }

    private void placeRing() {
        boolean show = chosen >= 0 && chosen < spots.size() && isFocused() && !blank;
        ring.setVisible(show);
        if (show) {
            FigureSpot s = spots.get(chosen);
            double scale = scale();
            ring.setX(canvas.getLayoutX() + s.x() * scale - 3);
            ring.setY(canvas.getLayoutY() + s.y() * scale - 3);
            ring.setWidth(s.w() * scale + 6);
            ring.setHeight(s.h() * scale + 6);
        }
    }

    /** Shows slide {@code index} of {@code deck} (null: nothing). */
    public void show(Deck deck, int index, SlidePalette palette) {
        if (index != this.index || deck == null) {
            chosen = -1; // another slide: its figures are others
        }
        this.deck = deck;
        this.index = index;
        this.palette = palette;
        describe();
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
        placeRing();
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
        int was = chosen;
        spots.clear();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        if (blank || deck == null || index < 0 || index >= deck.size()) {
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            choose(-1);
            return;
        }
        g.save();
        g.scale(canvas.getWidth() / SlideSurface.WIDTH, canvas.getHeight() / SlideSurface.HEIGHT);
        painter.paint(deck, index, new CanvasSurface(g, onFigure == null ? spot -> { } : spots::add), palette);
        g.restore();
        choose(was < spots.size() ? was : -1);
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
