package org.antifraud.cc.service.briefing;

import org.antifraud.cc.domain.Period;

/**
 * Where a slide drew one figure, in the painter's 1920 × 1080 space, and which figure it is: {@code indicator} of
 * {@code regionCode} in {@code period} for {@code campaign}, each of the two null for the deck's own (a bar of a month,
 * a campaign's row name theirs). {@code label} is what a screen reader says for it. A screen collects them to make the
 * figure clickable (issue 16).
 */
public record FigureSpot(double x, double y, double w, double h, String indicator, String regionCode, Period period,
                         String campaign, String label) {

    /** A figure of the deck's period and campaign. */
    public FigureSpot(double x, double y, double w, double h, String indicator, String regionCode) {
        this(x, y, w, h, indicator, regionCode, null, null, null);
    }

    /** Whether the point ({@code px}, {@code py}) of the slide's space lies in the spot. */
    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
}
