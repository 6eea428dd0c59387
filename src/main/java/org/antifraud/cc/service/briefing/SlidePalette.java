package org.antifraud.cc.service.briefing;

import java.util.stream.IntStream;

/**
 * The slides' colours, read from the window's stylesheets: a theme's palette ({@code styles/theme-NAME.css}) seen
 * through the semantic tokens of {@code styles/app.css}, so the slides and the window cannot drift apart. Slides
 * are painted, not styled, hence this record; the values are the CSS's (ADR 0024). Light for paper, PDF and PNG;
 * dark for a wall screen.
 *
 * @param rampInk the ink that reads on each step of {@code ramp} (the map's levels)
 */
public record SlidePalette(String name, int background, int panel, int border, int text, int muted, int accent,
                           int classification, int good, int bad, int demo, int onDemo, int noData, int[] ramp,
                           int[] rampInk, int[] series) {

    public static final SlidePalette LIGHT = fromStyles("light");
    public static final SlidePalette DARK = fromStyles("dark");

    public static SlidePalette of(String theme) {
        return "dark".equals(theme) ? DARK : LIGHT;
    }

    /** The stylesheet of a theme's palette, as the window loads it. */
    public static String stylesheet(String theme) {
        return "styles/theme-" + theme + ".css";
    }

    /** A page is the window's panel; a tile on it is raised, as on the dashboard. */
    static SlidePalette fromStyles(String theme) {
        StyleTokens t = StyleTokens.read(stylesheet(theme), "styles/app.css");
        return new SlidePalette(theme,
                t.colour("-cc-bg-panel"), t.colour("-cc-bg-raised"), t.colour("-cc-border"),
                t.colour("-cc-fg-default"), t.colour("-cc-fg-muted"), t.colour("-cc-fg-accent"),
                t.colour("-cc-kpi-down"), t.colour("-cc-kpi-up"), t.colour("-cc-kpi-down"),
                t.colour("-cc-demo-fg"), t.colour("-cc-base-0"), t.colour("-cc-border"), // on demo: as the badge
                IntStream.range(0, 6).map(i -> t.colour("-cc-level-" + i)).toArray(),
                IntStream.range(0, 6).map(i -> t.colour("-cc-level-ink-" + i)).toArray(),
                IntStream.rangeClosed(1, 6).map(i -> t.colour("-cc-chart-series-" + i)).toArray());
    }
}
