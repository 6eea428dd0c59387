package org.antifraud.cc.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens (issue 16): maximised the first time; afterwards where and as large as it was left,
 * or maximised again when it was left so. Bounds that no screen shows any more (a monitor unplugged, a hand-edited
 * settings file) fall back to maximised: a window must never open out of sight.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximised) {
    /** Smaller than this is no window to restore (the stage's minimum size is 960×600). */
    static final double MIN_WIDTH = 480;
    static final double MIN_HEIGHT = 300;
    /** At least this much of the window's title bar must be on a screen for the user to grab it. */
    private static final double GRAB = 48;

    static final WindowPlacement MAXIMISED = new WindowPlacement(0, 0, 0, 0, true);

    /** "x,y,width,height,max" or "…,normal": as saved in the settings. */
    String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", x, y, width, height,
                maximised ? "max" : "normal");
    }

    /** The saved placement, or empty when the text is not one (a hand-edited file never stops the window opening). */
    static Optional<WindowPlacement> parse(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(",");
        if (parts.length != 5 || !(parts[4].equals("max") || parts[4].equals("normal"))) {
            return Optional.empty();
        }
        try {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i]);
                if (!Double.isFinite(v[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(new WindowPlacement(v[0], v[1], v[2], v[3], parts[4].equals("max")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Where to open given the saved text and today's screens (their visual bounds): the saved bounds when a screen
     * shows the top of the window and it is large enough, otherwise maximised.
     */
    static WindowPlacement restore(String saved, List<Rectangle2D> screens) {
        Optional<WindowPlacement> placement = parse(saved);
        if (placement.isEmpty() || placement.get().maximised()) {
            return MAXIMISED;
        }
        WindowPlacement p = placement.get();
        if (p.width() < MIN_WIDTH || p.height() < MIN_HEIGHT) {
            return MAXIMISED;
        }
        Rectangle2D titleBar = new Rectangle2D(p.x(), p.y(), p.width(), GRAB);
        for (Rectangle2D screen : screens) {
            Rectangle2D shown = intersection(screen, titleBar);
            // a window larger than the screen it sits on (a hand-edited 1e300) is no placement to restore
            boolean fits = p.width() <= 2 * screen.getWidth() && p.height() <= 2 * screen.getHeight();
            if (fits && shown != null && shown.getWidth() >= GRAB && shown.getHeight() >= GRAB / 2) {
                return p;
            }
        }
        return MAXIMISED;
    }

    private static Rectangle2D intersection(Rectangle2D a, Rectangle2D b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new Rectangle2D(minX, minY, maxX - minX, maxY - minY) : null;
    }
}
