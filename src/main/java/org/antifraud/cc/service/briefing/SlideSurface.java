package org.antifraud.cc.service.briefing;

/**
 * What a slide is painted on, in a 1920 × 1080 space (y grows downwards): a JavaFX canvas for the screen, PNG and
 * print, or a PDF page, where text stays text. Colours are 0xRRGGBB.
 */
public interface SlideSurface {
    double WIDTH = 1920;
    double HEIGHT = 1080;

    void fill(double x, double y, double w, double h, int rgb);

    void line(double x1, double y1, double x2, double y2, double width, int rgb);

    /** {@code text} with its left end at {@code x} and its baseline at {@code baseline}; {@code size} in pixels. */
    void text(String text, double x, double baseline, double size, boolean bold, int rgb);

    /** How wide {@code text} is drawn at {@code size}. */
    double width(String text, double size, boolean bold);

    /** Where a figure was just drawn: a screen keeps it to drill from it (issue 16); paper and PDF ignore it. */
    default void figure(FigureSpot spot) {
    }
}
