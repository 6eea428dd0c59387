package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 16: both themes legible from across a room. Every text colour token of the stylesheets reads at 4.5:1 or
 * more (WCAG AA for body text) on every surface token it is drawn on, in the dark and in the light theme.
 */
class ThemeContrastTest {
    /** The colours text is drawn in (app.css's semantic tokens). */
    private static final List<String> TEXT = List.of("-cc-fg-default", "-cc-fg-muted", "-cc-fg-subtle", "-cc-fg-accent",
            "-cc-kpi-up", "-cc-kpi-down", "-cc-demo-fg", "-cc-partial-fg", "-cc-connection-lost", "-cc-field-problem");
    /** The surfaces text is drawn on: the window, the panels, raised controls and the navigation. */
    private static final List<String> SURFACES = List.of("-cc-bg-app", "-cc-bg-panel", "-cc-bg-raised", "-cc-bg-nav");

    @Test
    void everyTextTokenReadsAtFourAndAHalfToOneOnEverySurfaceInBothThemes() {
        List<String> tooFaint = new ArrayList<>();
        for (String theme : List.of("styles/theme-dark.css", "styles/theme-light.css")) {
            StyleTokens tokens = StyleTokens.read(theme, "styles/app.css");
            for (String text : TEXT) {
                for (String surface : SURFACES) {
                    double c = contrast(tokens.colour(text), tokens.colour(surface));
                    if (c < 4.5) {
                        tooFaint.add(String.format("%s: %s on %s %.2f:1", theme, text, surface, c));
                    }
                }
            }
        }
        assertThat(tooFaint).as("text tokens under 4.5:1").isEmpty();
    }

    /** Issue 16: the focus ring is seen at 3:1 or more (WCAG's non-text contrast) on every surface, in both themes. */
    @Test
    void theFocusRingStandsOutAtThreeToOneOnEverySurfaceInBothThemes() {
        List<String> tooFaint = new ArrayList<>();
        for (String theme : List.of("styles/theme-dark.css", "styles/theme-light.css")) {
            StyleTokens tokens = StyleTokens.read(theme, "styles/app.css");
            for (String surface : SURFACES) {
                double c = contrast(tokens.colour("-cc-focus-ring"), tokens.colour(surface));
                if (c < 3) {
                    tooFaint.add(String.format("%s: focus ring on %s %.2f:1", theme, surface, c));
                }
            }
        }
        assertThat(tooFaint).as("focus ring under 3:1").isEmpty();
    }

    static double luminance(int rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
