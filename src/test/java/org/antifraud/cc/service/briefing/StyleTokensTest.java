package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The slides' reader of the stylesheets' colour tokens: the cascade, references, and what it refuses. */
class StyleTokensTest {

    @Test
    void aTokenIsFollowedThroughItsReferencesAndALaterFileWins() {
        StyleTokens t = new StyleTokens()
                .add("theme.css", ".root {\n  -cc-base-2: #112233;\n  -cc-good: #0f0; /* short form */\n}")
                .add("app.css", "/* -cc-bg-panel: #ffffff; in a comment */\n.root { -cc-bg-panel: -cc-base-2;"
                        + " -fx-base: -cc-base-2; -cc-kpi-up: -cc-good; }\n.label { -cc-bg-panel: #000000; }")
                .add("later.css", ".root { -cc-base-2: #abcdef; }");
        assertThat(t.colour("-cc-bg-panel")).isEqualTo(0xABCDEF); // only .root counts, the last file wins
        assertThat(t.colour("-cc-kpi-up")).isEqualTo(0x00FF00);
    }

    @Test
    void whatItCannotReadIsNamedWithItsFileAndLine() {
        StyleTokens t = new StyleTokens().add("app.css", ".root {\n  -cc-a: -cc-b;\n  -cc-b: rgba(0, 0, 0, 0.5);\n"
                + "  -cc-c: -cc-d;\n  -cc-d: -cc-c;\n}");
        assertThatThrownBy(() -> t.colour("-cc-a")).hasMessageContaining("app.css line 3")
                .hasMessageContaining("-cc-b is not a #rrggbb colour");
        assertThatThrownBy(() -> t.colour("-cc-c")).hasMessageContaining("references deep");
        assertThatThrownBy(() -> t.colour("-cc-missing")).hasMessageContaining("no token -cc-missing");
        assertThatThrownBy(() -> new StyleTokens().add("x.css", ".root {\n\n  -cc-broken #fff;\n}"))
                .hasMessageContaining("x.css line 3");
    }

    @Test
    void theThemesGiveTheSlidesTwoDifferentPalettesFromTheirFiles() {
        assertThat(SlidePalette.LIGHT.background()).isNotEqualTo(SlidePalette.DARK.background());
        // light pages are light and dark ones dark, with text that reads on them
        assertThat(luminance(SlidePalette.LIGHT.background())).isGreaterThan(0.8);
        assertThat(luminance(SlidePalette.DARK.background())).isLessThan(0.1);
        for (SlidePalette p : new SlidePalette[]{SlidePalette.LIGHT, SlidePalette.DARK}) {
            assertThat(contrast(p.text(), p.background())).as(p.name()).isGreaterThan(7);
            assertThat(contrast(p.muted(), p.panel())).as(p.name()).isGreaterThan(4.5);
            assertThat(p.ramp()).hasSize(6).hasSameSizeAs(p.rampInk());
            for (int i = 0; i < p.ramp().length; i++) {
                // the tiles' names are bold and 22 px or more on 1080: large text in WCAG's terms
                assertThat(contrast(p.rampInk()[i], p.ramp()[i])).as("%s level %d", p.name(), i).isGreaterThan(3);
            }
        }
    }

    private static double luminance(int rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
