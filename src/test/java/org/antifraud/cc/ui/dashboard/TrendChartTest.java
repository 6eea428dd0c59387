package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The trend chart: gaps for missing months, in-place refresh, exact values on hover, a no-data placeholder. */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class TrendChartTest {
    private static final List<String> MONTHS = List.of("2022-01", "2022-02", "2022-03", "2022-04");
    private TrendChart lines;
    private TrendChart bars;

    @Start
    void start(Stage stage) {
        lines = new TrendChart(TrendChart.Kind.LINES);
        lines.setNoDataText("No data");
        lines.setId("lines");
        bars = new TrendChart(TrendChart.Kind.STACKED_BARS);
        bars.setNoDataText("No data");
        bars.setTotalText("Total");
        bars.setId("bars");
        StackPane root = new StackPane(new VBox(lines, bars));
        Scene scene = new Scene(root, 700, 700);
        scene.getStylesheets().setAll(PanelSamples.stylesheets(Theme.DARK));
        stage.setScene(scene);
        stage.show();
    }

    private static Path line(FxRobot robot, String chart, int series) {
        return (Path) robot.lookup("#" + chart + " .trend-line").queryAll().toArray(new Node[0])[series];
    }

    private static List<Rectangle> bars(FxRobot robot, int series) {
        Node group = robot.lookup("#bars .trend-series").queryAll().toArray(new Node[0])[series];
        return robot.from(group).lookup(".trend-bar").queryAll().stream().map(Rectangle.class::cast).toList();
    }

    @Test
    void aMissingMonthBreaksTheLineWhereAZeroDoesNot(FxRobot robot) {
        robot.interact(() -> lines.setSeries(MONTHS, List.of(
                new TrendChart.Series("SMS", PanelSamples.values(5.0, null, 7.0, 8.0)),
                new TrendChart.Series("APP", PanelSamples.values(5.0, 0.0, 7.0, 8.0)))));
        assertThat(line(robot, "lines", 0).getElements().stream().filter(e -> e instanceof MoveTo)).hasSize(2);
        assertThat(line(robot, "lines", 1).getElements().stream().filter(e -> e instanceof MoveTo)).hasSize(1);
        List<Circle> smsPoints = robot.from(line(robot, "lines", 0).getParent()).lookup(".trend-point").queryAll()
                .stream().map(Circle.class::cast).toList();
        assertThat(smsPoints.get(1).isVisible()).isFalse();
        assertThat(smsPoints.get(2).isVisible()).isTrue();
        assertThat(lines.tooltipText(1)).isEqualTo("2022-02\nSMS: No data\nAPP: 0");
    }

    @Test
    void aMissingMonthHasNoBarAndAMonthWithoutAnyFigureIsMarked(FxRobot robot) {
        robot.interact(() -> bars.setSeries(MONTHS, List.of(
                new TrendChart.Series("East", PanelSamples.values(10.0, null, 12.0, null)),
                new TrendChart.Series("South", PanelSamples.values(4.0, 6.0, 5.0, null)))));
        assertThat(bars(robot, 0).get(1).isVisible()).isFalse();
        assertThat(bars(robot, 1).get(1).isVisible()).isTrue();
        List<Node> marks = List.copyOf(robot.lookup("#bars .trend-no-data-mark").queryAll());
        assertThat(marks.stream().filter(Node::isVisible)).hasSize(1);
        // stacked: South sits on top of East in January
        Rectangle east = bars(robot, 0).getFirst();
        Rectangle south = bars(robot, 1).getFirst();
        assertThat(south.getY() + south.getHeight()).isCloseTo(east.getY(), Offset.offset(1.0));
        assertThat(bars.tooltipText(0)).isEqualTo("2022-01\nEast: 10\nSouth: 4\nTotal: 14");
        assertThat(bars.tooltipText(3)).isEqualTo("2022-04\nEast: No data\nSouth: No data\nTotal: No data");
    }

    @Test
    void aRefreshWithTheSameMonthsAndSeriesMovesTheSameShapes(FxRobot robot) {
        robot.interact(() -> bars.setSeries(MONTHS, List.of(
                new TrendChart.Series("East", PanelSamples.values(10.0, 11.0, 12.0, 13.0)),
                new TrendChart.Series("South", PanelSamples.values(4.0, 6.0, 5.0, 7.0)))));
        Set<Node> seriesBefore = Set.copyOf(robot.lookup("#bars .trend-series").queryAll());
        Rectangle januaryEast = bars(robot, 0).getFirst();
        double heightBefore = januaryEast.getHeight();

        robot.interact(() -> bars.setSeries(MONTHS, List.of(
                new TrendChart.Series("East", PanelSamples.values(20.0, 11.0, 12.0, 13.0)),
                new TrendChart.Series("South", PanelSamples.values(4.0, 6.0, 5.0, 7.0)))));
        assertThat(Set.copyOf(robot.lookup("#bars .trend-series").queryAll())).isEqualTo(seriesBefore);
        assertThat(bars(robot, 0).getFirst()).isSameAs(januaryEast);
        assertThat(januaryEast.getHeight()).isGreaterThan(heightBefore * 1.3);
        assertThat(bars.tooltipText(0)).contains("East: 20");

        robot.interact(() -> bars.setSeries(MONTHS, List.of(
                new TrendChart.Series("East", PanelSamples.values(20.0, 11.0, 12.0, 13.0)))));
        assertThat(robot.lookup("#bars .trend-series").queryAll()).hasSize(1)
                .doesNotContainAnyElementsOf(seriesBefore);
    }

    @Test
    void lineRefreshKeepsThePathNode(FxRobot robot) {
        robot.interact(() -> lines.setSeries(MONTHS, List.of(
                new TrendChart.Series("SMS", PanelSamples.values(5.0, 6.0, 7.0, 8.0)))));
        Path before = line(robot, "lines", 0);
        robot.interact(() -> lines.setSeries(MONTHS, List.of(
                new TrendChart.Series("SMS", PanelSamples.values(5.0, null, 9.0, 8.0)))));
        assertThat(line(robot, "lines", 0)).isSameAs(before);
        assertThat(before.getElements().stream().filter(e -> e instanceof MoveTo)).hasSize(2);
    }

    @Test
    void manyMonthsDropThePointsButKeepAMonthAloneBetweenGaps(FxRobot robot) {
        List<String> months = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            months.add("m" + i);
            values.add(i == 30 || i == 32 ? null : (double) i);
        }
        robot.interact(() -> {
            lines.setSeries(months, List.of(new TrendChart.Series("SMS", values)));
            lines.applyCss();
            lines.layout(); // the points' visibility is decided in layout: not left to the next pulse under load
        });
        List<Circle> visible = robot.lookup("#lines .trend-point").queryAll().stream().filter(Node::isVisible)
                .map(Circle.class::cast).toList();
        assertThat(visible).hasSize(1);
        assertThat(line(robot, "lines", 0).getElements().stream().filter(e -> e instanceof MoveTo)).hasSize(3);
    }

    @Test
    void nothingToDrawShowsThePlaceholder(FxRobot robot) {
        robot.interact(() -> lines.setSeries(List.of(), List.of()));
        Label placeholder = robot.lookup("#lines .chart-placeholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("No data");
        robot.interact(() -> lines.setSeries(MONTHS, List.of(
                new TrendChart.Series("SMS", PanelSamples.values(null, null, null, null)))));
        assertThat(placeholder.isVisible()).as("only missing months").isTrue();
        robot.interact(() -> lines.setSeries(MONTHS, List.of(
                new TrendChart.Series("SMS", PanelSamples.values(null, 3.0, null, null)))));
        assertThat(placeholder.isVisible()).isFalse();
    }

    @Test
    void aSeriesMustHaveOneValuePerMonth() {
        assertThatThrownBy(() -> lines.setSeries(MONTHS,
                List.of(new TrendChart.Series("SMS", PanelSamples.values(1.0, 2.0)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMS");
    }

    @Test
    void ticksAreRoundNumbersCoveringTheData() {
        assertThat(TrendChart.ticks(0, 204, 5)).containsExactly(0, 50, 100, 150, 200, 250);
        // a count of 0 to 3 dens: whole ticks, never half a den
        assertThat(TrendChart.ticks(0, 3, 6)).contains(0.5);
        assertThat(TrendChart.ticks(0, 3, 6, true)).containsExactly(0, 1, 2, 3);
        assertThat(TrendChart.ticks(0, 2.01e7, 4)).containsExactly(0, 5e6, 1e7, 1.5e7, 2e7, 2.5e7);
    }

    @Test
    void aClickOnABarOrEnterOnTheKeyboardsBarPicksThatMonthAndSeries(FxRobot robot) {
        List<int[]> picked = new java.util.ArrayList<>();
        robot.interact(() -> {
            bars.setSeries(MONTHS, List.of(
                    new TrendChart.Series("East", PanelSamples.values(5.0, 6.0, 7.0, 8.0)),
                    new TrendChart.Series("South", PanelSamples.values(4.0, null, 3.0, 2.0))));
            bars.setOnPick((category, series) -> picked.add(new int[] {category, series}));
        });
        assertThat(bars.isFocusTraversable()).as("a drill target takes the focus by Tab").isTrue();
        // the mouse: the South bar of the third month
        robot.clickOn(bars(robot, 1).get(2));
        assertThat(picked).hasSize(1);
        assertThat(picked.getFirst()).containsExactly(2, 1);
        // the keyboard: Home, Up (the next series), Enter
        robot.interact(bars::requestFocus);
        robot.type(javafx.scene.input.KeyCode.HOME, javafx.scene.input.KeyCode.UP, javafx.scene.input.KeyCode.ENTER);
        assertThat(picked).hasSize(2);
        assertThat(picked.get(1)).containsExactly(0, 1);
        assertThat(bars(robot, 1).getFirst().getStyleClass()).as("the keyboard's bar is drawn").contains("trend-picked");
        robot.interact(() -> bars.setOnPick(null));
    }
}
