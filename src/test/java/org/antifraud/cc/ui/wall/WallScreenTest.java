package org.antifraud.cc.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.ui.briefing.WallboardViewModel;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.ThresholdSpec;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall screen drawn from the window's own ViewModels over the first-use database (2022, all of China), in
 * offscreen scenes of a 1080p and a 4K wall: type made for being read from across a room, nothing to type into,
 * choose or scroll, the same picture at both sizes, and the pages turning with the rotation.
 */
class WallScreenTest extends MainWindowFxTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2022", "CN");
    }

    private WallScreen loadedWall(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.dashboard().dataProperty().get() != null
                && !window.dashboard().busyProperty().get());
        WallScreen[] wall = new WallScreen[1];
        robot.interact(() -> wall[0] = window.wallScreen());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wall[0].viewModel().monthsLoadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return wall[0];
    }

    /** Puts the wall in a scene of {@code w}×{@code h} in {@code theme}, laid out; on the FX thread. */
    private static Scene scene(WallScreen wall, int w, int h, Theme theme) {
        Scene scene = wall.getScene() != null ? wall.getScene() : new Scene(wall, w, h);
        if (scene.getWidth() != w) {
            scene.setRoot(new Region());
            scene = new Scene(wall, w, h);
        }
        scene.getStylesheets().setAll(MainWindow.stylesheets(theme));
        for (int pass = 0; pass < 3; pass++) {
            wall.applyCss();
            wall.layout();
        }
        return scene;
    }

    /** The size a text is drawn at on the screen: its font size times the scale it is drawn at. */
    private static double shownSize(Labeled label) {
        return label.getFont().getSize() * label.getLocalToSceneTransform().getMyy();
    }

    private static List<Labeled> labels(Node root, String style) {
        List<Labeled> found = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof Labeled l && n.getStyleClass().contains(style)) {
                found.add(l);
            }
        });
        return found;
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void at1080pTheFiguresAreLargeAndNothingCanBeTypedChosenOrScrolledOnAnyPage(FxRobot robot) throws Exception {
        WallScreen wall = loadedWall(robot);
        Files.createDirectories(SHOTS);
        List<String> controls = new ArrayList<>();
        List<String> clipped = new ArrayList<>();
        List<Double> valueSizes = new ArrayList<>();
        List<Double> nameSizes = new ArrayList<>();
        List<String> densTags = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        robot.interact(() -> {
            Scene scene = scene(wall, 1920, 1080, Theme.LIGHT);
            for (int page = 0; page < wall.count(); page++) {
                wall.show(page);
                scene(wall, 1920, 1080, Theme.LIGHT);
                walk(wall, n -> {
                    if (shown(n) && (n instanceof TextInputControl || n instanceof ComboBoxBase<?>
                            || n instanceof ChoiceBox<?> || n instanceof Spinner<?> || n instanceof MenuBar
                            || n instanceof MenuButton || n instanceof ScrollBar || n instanceof ScrollPane
                            || n instanceof TableView<?>)) {
                        controls.add(n.getClass().getSimpleName() + " " + n.getStyleClass());
                    }
                });
                clipped.addAll(ScreenChecks.clippedTexts(wall));
                try {
                    ImageIO.write(FxTestSupport.toBuffered(scene.snapshot(null)), "png",
                            SHOTS.resolve("wall-" + (page + 1) + "-1920x1080-light-en.png").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            wall.show(0);
            scene(wall, 1920, 1080, Theme.LIGHT);
            labels(wall, "wall-kpi-value").forEach(l -> valueSizes.add(shownSize(l)));
            labels(wall, "wall-kpi-name").forEach(l -> nameSizes.add(shownSize(l)));
            labels(wall.lookup("#wall-kpi-dens_destroyed"), "wall-demo").forEach(l -> densTags.add(l.getText()));
            walk(wall, n -> {
                var b = n.localToScene(n.getBoundsInLocal());
                if (n.getStyleClass().contains("wall-kpi") && (b.getMinX() < 0 || b.getMaxX() > 1920)) {
                    outside.add(n.getId() + " " + b);
                }
            });
        });
        assertThat(controls).as("inputs, menus, scroll bars on a wall").isEmpty();
        assertThat(clipped).as("texts cut short").isEmpty();
        assertThat(valueSizes).as("the nine headline figures").hasSize(9).allMatch(s -> s >= 64);
        assertThat(nameSizes).as("their names").hasSize(9).allMatch(s -> s >= 28);
        // the report's "more than 1,800" dens over the demo breakdown's months: the line is marked, not the total
        assertThat(densTags).as("a reported total's sparkline of demo months").containsExactly("months: DEMO");
        assertThat(outside).as("headline tiles beyond the screen's edges").isEmpty();
    }

    /**
     * The reporting page holds 31 provinces × four kinds (issue 17 added the instructions): wider than a 1920 or a
     * 1366 pixel wall at its own size, it is scaled down until every cell is on the screen — none cut off at an edge.
     */
    @Test
    void theReportingPageShowsEveryProvinceAndKindWithinTheScreen(FxRobot robot) throws Exception {
        WallScreen wall = loadedWall(robot);
        robot.interact(() -> wall.show(wall.count() - 1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wall.lookupAll(".completeness-cell").size() >= 31 * 4);
        for (int[] size : new int[][]{{1920, 1080}, {1366, 768}}) {
            List<String> outside = new ArrayList<>();
            int[] cells = new int[1];
            robot.interact(() -> {
                scene(wall, size[0], size[1], Theme.LIGHT);
                walk(wall, n -> {
                    if (shown(n) && n.getStyleClass().contains("completeness-cell")) {
                        cells[0]++;
                        Bounds b = n.localToScene(n.getBoundsInLocal());
                        if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > size[0] || b.getMaxY() > size[1]) {
                            outside.add(n.getId() + " " + b);
                        }
                    }
                });
            });
            assertThat(cells[0]).as("cells at %dx%d", size[0], size[1]).isEqualTo(31 * 4);
            assertThat(outside).as("cells beyond the screen at %dx%d", size[0], size[1]).isEmpty();
        }
    }

    @Test
    void a4kWallShowsTheSamePictureTwiceAsLarge(FxRobot robot) throws Exception {
        WallScreen wall = loadedWall(robot);
        List<double[]> small = new ArrayList<>();
        List<double[]> large = new ArrayList<>();
        double[] valueSize = new double[2];
        robot.interact(() -> {
            for (int[] size : new int[][]{{1920, 1080}, {3840, 2160}}) {
                Scene scene = scene(wall, size[0], size[1], Theme.DARK);
                List<double[]> into = size[0] == 1920 ? small : large;
                for (String style : List.of("wall-kpi-value", "wall-kpi-name", "wall-title", "wall-clock")) {
                    for (Labeled l : labels(wall, style)) {
                        Bounds b = l.localToScene(l.getBoundsInLocal());
                        into.add(new double[]{b.getMinX() / scene.getWidth(), b.getMinY() / scene.getHeight(),
                                b.getWidth() / scene.getWidth(), b.getHeight() / scene.getHeight()});
                    }
                }
                valueSize[size[0] == 1920 ? 0 : 1] = shownSize(labels(wall, "wall-kpi-value").getFirst());
            }
        });
        assertThat(large).hasSameSizeAs(small).isNotEmpty();
        for (int i = 0; i < small.size(); i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(large.get(i)[k]).as("relative bounds of text %d", i)
                        .isCloseTo(small.get(i)[k], org.assertj.core.data.Offset.offset(0.002));
            }
        }
        assertThat(valueSize[1]).as("drawn twice as large, so sharper").isCloseTo(2 * valueSize[0],
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theRotationTurnsThePagesAndTheClockShowsTheInjectedTime(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.dashboard().dataProperty().get() != null);
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")};
        WallScreen[] wall = new WallScreen[1];
        robot.interact(() -> {
            WallScreenViewModel vm = new WallScreenViewModel(window.dashboard(), null, null, null,
                    QueuedUiExecutor.immediate(), Clock.fixed(Instant.parse("2026-11-28T09:30:05Z"), ZoneOffset.UTC),
                    new I18n(Lang.EN));
            wall[0] = new WallScreen(vm);
            WallboardViewModel rotation = WallboardViewModel.ofPages(() -> null, QueuedUiExecutor.immediate(),
                    () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10), wall[0].count());
            rotation.indexProperty().addListener((obs, old, index) -> wall[0].show(index.intValue()));
            rotation.start();
            scene(wall[0], 1920, 1080, Theme.DARK);
            now[0] = now[0].plusSeconds(10);
            rotation.tick();
            scene(wall[0], 1920, 1080, Theme.DARK);
        });
        assertThat(labels(wall[0], "wall-page-name").getFirst().getText()).isEqualTo("Regional battles");
        assertThat(labels(wall[0], "wall-clock").getFirst().getText()).isEqualTo("09:30:05");
        assertThat(shown(robot.from(wall[0]).lookup("#wallLeague").query())).isTrue();
        assertThat(shown(robot.from(wall[0]).lookup("#wall-kpi-suspects_arrested").query()))
                .as("the headline figures' page is hidden").isFalse();
    }

    @Test
    void theAlertsPageShowsTheLatestOpenAlertsLarge(FxRobot robot) throws Exception {
        WallScreen wall = loadedWall(robot);
        services.alerts().create(new ThresholdSpec("dens_destroyed", "CN", AlertGrain.YEAR, AlertKind.ABOVE,
                BigDecimal.ONE, true), "duty.officer");
        services.alerts().create(new ThresholdSpec("dens_destroyed", "CN-GD", AlertGrain.YEAR, AlertKind.ABOVE,
                BigDecimal.ONE, true), "duty.officer");
        robot.interact(() -> window.alerts().evaluate());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !wall.viewModel().alerts().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> cellSizes = new ArrayList<>();
        List<String> clipped = new ArrayList<>();
        robot.interact(() -> {
            wall.show(WallScreenViewModel.Page.ALERTS.ordinal());
            Scene scene = scene(wall, 1920, 1080, Theme.DARK);
            labels(wall, "wall-cell").forEach(l -> cellSizes.add(shownSize(l)));
            clipped.addAll(ScreenChecks.clippedTexts(wall));
            try {
                Files.createDirectories(SHOTS);
                ImageIO.write(FxTestSupport.toBuffered(scene.snapshot(null)), "png",
                        SHOTS.resolve("wall-alerts-1920x1080-dark-en.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(labels(wall.lookup("#wallAlerts"), "wall-empty")).as("no 'no alerts' line").isEmpty();
        assertThat(cellSizes).as("indicator, region and period of each alert").isNotEmpty().allMatch(s -> s >= 28);
        assertThat(clipped).isEmpty();
    }
}
