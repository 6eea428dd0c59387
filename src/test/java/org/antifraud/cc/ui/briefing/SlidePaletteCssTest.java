package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The slides' colours are the window's: in each theme, every colour of {@link SlidePalette} is what JavaFX's own
 * CSS engine makes of the token it stands for, with the window's stylesheets.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class SlidePaletteCssTest {

    @Start
    void start(Stage stage) {
        stage.show(); // the toolkit
    }

    /** What each slide colour is on the window: the token, as a view would name it. */
    private static Map<String, Integer> expected(SlidePalette p) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("-cc-bg-panel", p.background());
        m.put("-cc-bg-raised", p.panel());
        m.put("-cc-border", p.border());
        m.put("-cc-fg-default", p.text());
        m.put("-cc-fg-muted", p.muted());
        m.put("-cc-fg-accent", p.accent());
        m.put("-cc-kpi-up", p.good());
        m.put("-cc-kpi-down", p.bad());
        m.put("-cc-demo-fg", p.demo());
        m.put("-cc-base-0", p.onDemo());
        for (int i = 0; i < 6; i++) {
            m.put("-cc-level-" + i, p.ramp()[i]);
            m.put("-cc-level-ink-" + i, p.rampInk()[i]);
            m.put("-cc-chart-series-" + (i + 1), p.series()[i]);
        }
        return m;
    }

    @Test
    void everySlideColourIsTheWindowsTokenInBothThemes(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            String name = theme.name().toLowerCase(Locale.ROOT);
            SlidePalette palette = SlidePalette.of(name);
            assertThat(palette.name()).isEqualTo(name);
            assertThat(SlidePalette.stylesheet(name)).isEqualTo(theme.stylesheet());
            Map<String, Integer> expected = expected(palette);
            Map<String, Integer> resolved = new LinkedHashMap<>();
            robot.interact(() -> resolved.putAll(resolve(theme, List.copyOf(expected.keySet()))));
            assertThat(resolved).as(name).containsExactlyEntriesOf(expected);
        }
        assertThat(SlidePalette.LIGHT.background()).isNotEqualTo(SlidePalette.DARK.background());
    }

    /** Each token as JavaFX resolves it: the background of a region styled with it, under the window's stylesheets. */
    private static Map<String, Integer> resolve(Theme theme, List<String> tokens) {
        StackPane root = new StackPane();
        for (String token : tokens) {
            Region r = new Region();
            r.setStyle("-fx-background-color: " + token + ";");
            root.getChildren().add(r);
        }
        Scene scene = new Scene(root, 100, 100);
        for (String sheet : List.of(theme.stylesheet(), "styles/app.css")) {
            scene.getStylesheets().add(Objects.requireNonNull(
                    SlidePaletteCssTest.class.getClassLoader().getResource(sheet), sheet).toExternalForm());
        }
        root.applyCss();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Color c = (Color) ((Region) root.getChildren().get(i)).getBackground().getFills().getFirst().getFill();
            out.put(tokens.get(i), ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                    | (int) Math.round(c.getBlue() * 255));
        }
        return out;
    }
}
