package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The province tile map as an operator uses it: 34 tiles, click, arrow keys, Enter, no-data tiles, tooltips. */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class ProvinceTileMapTest {
    private ProvinceTileMap map;
    private final List<String> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        map = PanelSamples.map(false);
        map.setSelected(null);
        map.setOnSelect(chosen::add);
        Scene scene = new Scene(new StackPane(map), 640, 520);
        scene.getStylesheets().setAll(PanelSamples.stylesheets(Theme.DARK));
        stage.setScene(scene);
        stage.show();
    }

    private static Set<String> catalogProvinces() throws IOException {
        String sql = Files.readString(Path.of("db/migration/common/V2__catalogs.sql"))
                + Files.readString(Path.of("db/migration/common/V20__provincial_units_without_reporting.sql"));
        Matcher m = Pattern.compile("\\('(CN-[A-Z]{2})', '(?:province|non_reporting)'").matcher(sql);
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private Node tile(FxRobot robot, String code) {
        return robot.lookup("#tile-" + code).query();
    }

    @Test
    void showsOneTileForEachOfTheCatalogs34ProvincialLevelUnits(FxRobot robot) throws IOException {
        Set<String> catalog = catalogProvinces();
        assertThat(catalog).hasSize(34).contains("CN-TW", "CN-HK", "CN-MO");
        assertThat(robot.lookup(".province-tile").queryAll()).hasSize(34);
        assertThat(new TreeSet<>(ProvinceTileMap.codes())).isEqualTo(catalog);
        for (String code : catalog) {
            assertThat(robot.lookup("#tile-" + code).tryQuery()).as(code).isPresent();
        }
        Label label = robot.lookup("#tile-CN-GD .tile-label").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo("GD");
        assertThat(robot.lookup("#tile-CN-GD .tile-value").queryAs(Label.class).getText()).isEqualTo("3.26K");
    }

    @Test
    void onATallNarrowPanelTheTilesStartAtTheTopNotAfterABandOfNothing(FxRobot robot) {
        double[] topAndCell = new double[2];
        robot.interact(() -> {
            map.resize(360, 900); // as at 1366×768: a third of the row, and tall
            map.layout();
            topAndCell[0] = robot.lookup(".province-tile").queryAll().stream()
                    .mapToDouble(n -> n.getBoundsInParent().getMinY()).min().orElseThrow();
            topAndCell[1] = tile(robot, "CN-GD").getBoundsInParent().getHeight();
        });
        assertThat(topAndCell[0]).as("the first row of tiles, from the map's top")
                .isLessThan(map.getInsets().getTop() + topAndCell[1]);
    }

    @Test
    void aDemoTileSaysDemoInItsCornerAndARealOneDoesNot(FxRobot robot) {
        robot.interact(() -> {
            map.setDemoText("DEMO");
            map.setTiles(List.of(
                    new ProvinceTileMap.Tile("CN-GD", "GD", 10.0, "10", "Guangdong 10", true),
                    new ProvinceTileMap.Tile("CN-GX", "GX", 4.0, "\u2265 4", "Guangxi \u2265 4", false)));
        });

        Label gd = robot.lookup("#tile-CN-GD .tile-demo-mark").queryAs(Label.class);
        Label gx = robot.lookup("#tile-CN-GX .tile-demo-mark").queryAs(Label.class);
        assertThat(gd.isVisible()).isTrue();
        assertThat(gd.getText()).isEqualTo("DEMO");
        assertThat(gd.getBoundsInParent().getMaxX()).as("inside its tile").isLessThanOrEqualTo(tile(robot, "CN-GD")
                .getLayoutBounds().getWidth());
        assertThat(gx.isVisible()).isFalse();
    }

    @Test
    void clickingATileSelectsItAndReportsItsCode(FxRobot robot) {
        robot.clickOn("#tile-CN-GD");
        assertThat(chosen).containsExactly("CN-GD");
        assertThat(map.getSelected()).isEqualTo("CN-GD");
        assertThat(tile(robot, "CN-GD").getPseudoClassStates()).extracting(Object::toString).contains("selected");
        assertThat(tile(robot, "CN-GD").isFocused()).isTrue();
    }

    @Test
    void arrowKeysMoveBetweenNeighboursAndEnterSelects(FxRobot robot) {
        robot.interact(() -> tile(robot, "CN-HB").requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(tile(robot, "CN-AH").isFocused()).as("east of Hubei is Anhui").isTrue();
        robot.type(KeyCode.UP);
        assertThat(tile(robot, "CN-SD").isFocused()).as("north of Anhui is Shandong").isTrue();
        assertThat(chosen).as("moving the focus selects nothing").isEmpty();
        robot.type(KeyCode.ENTER);
        assertThat(chosen).containsExactly("CN-SD");
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        assertThat(chosen).containsExactly("CN-SD", "CN-JX");
        assertThat(map.getSelected()).isEqualTo("CN-JX");
    }

    @Test
    void anArrowWithNoTileThatWayKeepsTheFocus(FxRobot robot) {
        robot.interact(() -> tile(robot, "CN-XJ").requestFocus());
        robot.type(KeyCode.LEFT);
        assertThat(tile(robot, "CN-XJ").isFocused()).isTrue();
        robot.type(KeyCode.UP);
        assertThat(tile(robot, "CN-XJ").isFocused()).isTrue();
    }

    @Test
    void theMapIsOneTabStopThatFollowsTheFocus(FxRobot robot) {
        assertThat(robot.lookup(".province-tile").queryAll().stream().filter(Node::isFocusTraversable)).hasSize(1);
        robot.interact(() -> tile(robot, "CN-HB").requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(robot.lookup(".province-tile").queryAll().stream().filter(Node::isFocusTraversable).toList())
                .containsExactly(tile(robot, "CN-AH"));
    }

    @Test
    void aProvinceWithoutAFigureIsStripedNoDataNotTheLowestLevel(FxRobot robot) {
        assertThat(tile(robot, "CN-QH").getStyleClass()).contains("tile-no-data")
                .noneMatch(c -> c.startsWith("tile-level-"));
        assertThat(map.levelOf("CN-QH")).isEqualTo(-1);
        assertThat(tile(robot, "CN-NX").getStyleClass()).contains("tile-level-0").doesNotContain("tile-no-data");
        assertThat(tile(robot, "CN-GD").getStyleClass()).contains("tile-level-5");

        robot.interact(() -> map.setTiles(List.of(
                new ProvinceTileMap.Tile("CN-QH", "QH", 0.0, "0", "Qinghai 0", false),
                new ProvinceTileMap.Tile("CN-GD", "GD", 10.0, "10", "Guangdong 10", false))));
        assertThat(tile(robot, "CN-QH").getStyleClass()).as("zero is a figure").contains("tile-level-0")
                .doesNotContain("tile-no-data");
        assertThat(tile(robot, "CN-NX").getStyleClass()).as("left out of the list").contains("tile-no-data");
        assertThat(robot.lookup("#tile-CN-NX .tile-label").queryAs(Label.class).getText()).isEqualTo("NX");
    }

    @Test
    void theLegendListsTheLevelsWithFormattedRangesAndNoData(FxRobot robot) {
        List<String> texts = robot.lookup(".cc-legend .legend-text").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
        assertThat(texts).hasSize(7).startsWith("1.52K \u2013 3.26K").endsWith("80 \u2013 180", "No data");
    }

    @Test
    void refreshingUpdatesTheSameTilesInPlace(FxRobot robot) {
        Node before = tile(robot, "CN-GD");
        robot.interact(() -> map.setTiles(PanelSamples.tiles(true)));
        assertThat(tile(robot, "CN-GD")).isSameAs(before);
        assertThat(robot.lookup("#tile-CN-GD .tile-label").queryAs(Label.class).getText()).isEqualTo("广东");
        assertThat(robot.lookup(".province-tile").queryAll()).hasSize(34);
    }

    @Test
    void hoveringATileShowsItsTooltip(FxRobot robot) throws Exception {
        robot.moveTo("#tile-CN-GD");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t && t.isShowing()));
        Tooltip shown = (Tooltip) Window.getWindows().stream()
                .filter(w -> w instanceof Tooltip t && t.isShowing()).findFirst().orElseThrow();
        assertThat(shown.getText()).isEqualTo("CN-GD  dens destroyed 3,260");
    }
}
