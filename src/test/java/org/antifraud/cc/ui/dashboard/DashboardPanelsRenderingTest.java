package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every panel in both themes and both languages to target/screenshots/ for a person to look at,
 * and checks what can be checked by machine: a real picture, and no label cut short.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class DashboardPanelsRenderingTest {
    private static final Path DIR = Path.of("target", "screenshots");

    @Start
    void start(Stage stage) {
        stage.show(); // the toolkit; the panels render offscreen
    }

    private static Parent panel(String name, boolean zh) {
        return switch (name) {
            case "map" -> PanelSamples.frame(zh ? "各省态势" : "Provinces", zh ? "2022年 · 全国" : "2022 · China",
                    true, zh, PanelSamples.map(zh));
            case "bars" -> PanelSamples.frame(zh ? "捣毁窝点（按战区，月度）" : "Dens destroyed by zone, monthly",
                    "2022", false, zh, PanelSamples.bars(zh));
            case "lines" -> PanelSamples.frame(zh ? "预警量（按渠道）" : "Warnings by channel", "2022", false, zh,
                    PanelSamples.lines(zh));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Parent padded(Parent content) {
        StackPane root = new StackPane(content);
        root.setPadding(new Insets(16));
        return root;
    }

    private static Parent wall(boolean zh) {
        GridPane grid = new GridPane(16, 16);
        grid.setPadding(new Insets(16));
        grid.add(panel("map", zh), 0, 0, 1, 2);
        grid.add(panel("bars", zh), 1, 0);
        grid.add(panel("lines", zh), 2, 0);
        for (Node child : grid.getChildren()) {
            GridPane.setHgrow(child, Priority.ALWAYS);
            GridPane.setVgrow(child, Priority.ALWAYS);
            GridPane.setFillWidth(child, true);
            GridPane.setFillHeight(child, true);
            ((Region) child).setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            ((Region) child).setPrefWidth(600);
        }
        return grid;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** Visible labels whose text does not fit their width (the skin would show an ellipsis). */
    private static List<String> cutShort(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Label label && !label.getText().isEmpty() && !label.isWrapText()
                && label.prefWidth(-1) > label.getWidth() + 0.5) {
            out.add(label.getText() + " (" + Math.round(label.prefWidth(-1)) + " > " + Math.round(label.getWidth())
                    + ")");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void rendersEveryPanelInBothThemesAndLanguages(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            for (boolean zh : new boolean[]{true, false}) {
                String suffix = theme.name().toLowerCase() + "-" + (zh ? "zh" : "en");
                for (String name : List.of("map", "bars", "lines")) {
                    robot.interact(() -> {
                        Parent root = padded(panel(name, zh));
                        BufferedImage image = PanelSamples.render(root, 632, 512, theme,
                                DIR.resolve("panel-" + name + "-" + suffix + ".png"));
                        assertThat(distinctColours(image)).as(name + " " + suffix + " is a picture").isGreaterThan(40);
                        assertThat(cutShort(root)).as(name + " " + suffix + " labels cut short").isEmpty();
                    });
                }
                robot.interact(() -> {
                    Parent root = padded(panel("map", zh));
                    PanelSamples.render(root, 440, 360, theme, DIR.resolve("panel-map-small-" + suffix + ".png"));
                    assertThat(cutShort(root)).as("small map " + suffix + " labels cut short").isEmpty();
                });
                robot.interact(() -> {
                    Parent root = wall(zh);
                    BufferedImage image = PanelSamples.render(root, 1920, 1080, theme,
                            DIR.resolve("panels-wall-" + suffix + ".png"));
                    assertThat(image.getWidth()).isEqualTo(1920);
                    assertThat(cutShort(root)).as("wall " + suffix + " labels cut short").isEmpty();
                });
            }
        }
    }
}
