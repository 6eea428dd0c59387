package org.antifraud.cc.service.briefing;

/**
 * Where a slide drew one figure, in the painter's 1920 × 1080 space, and which figure it is: {@code indicator} of
 * {@code regionCode} in the deck's period. A screen collects them to make the figure clickable (issue 16).
 */
public record FigureSpot(double x, double y, double w, double h, String indicator, String regionCode) {

    /** Whether the point ({@code px}, {@code py}) of the slide's space lies in the spot. */
    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
}
