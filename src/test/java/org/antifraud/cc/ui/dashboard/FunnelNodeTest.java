package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The funnel narrows stage by stage; a stage without a figure says so instead of vanishing. */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class FunnelNodeTest {
    private FunnelNode funnel;

    @Start
    void start(Stage stage) {
        funnel = PanelSamples.funnel(false, true);
        Scene scene = new Scene(new StackPane(funnel), 600, 420);
        scene.getStylesheets().setAll(PanelSamples.stylesheets(Theme.LIGHT));
        stage.setScene(scene);
        stage.show();
    }

    private static double width(Polygon p) {
        return p.getBoundsInLocal().getWidth();
    }

    @Test
    void aStageWithoutAFigureShowsNoDataAtFullBandWidth(FxRobot robot) {
        Node missing = robot.lookup("#funnel-stage-1").query();
        assertThat(missing.getStyleClass()).contains("funnel-no-data");
        assertThat(robot.from(missing).lookup(".funnel-value").queryAs(Label.class).getText()).isEqualTo("No data");
        assertThat(robot.from(missing).lookup(".funnel-label").queryAs(Label.class).getText())
                .isEqualTo("Persons dissuaded");
        List<Polygon> shapes = robot.lookup(".funnel-shape").queryAllAs(Polygon.class).stream().toList();
        assertThat(shapes).hasSize(3);
        assertThat(shapes.get(1).getStyleClass()).contains("funnel-no-data");
        assertThat(width(shapes.get(1))).as("no zero-width band").isGreaterThan(width(shapes.get(0)) * 0.6);
        assertThat(robot.lookup("#funnel-stage-0").query().getStyleClass()).doesNotContain("funnel-no-data");
    }

    @Test
    void bandsNarrowFromTopToBottom(FxRobot robot) {
        List<Polygon> shapes = robot.lookup(".funnel-shape").queryAllAs(Polygon.class).stream().toList();
        assertThat(width(shapes.get(0))).isGreaterThan(width(shapes.get(1)));
        assertThat(width(shapes.get(1))).isGreaterThan(width(shapes.get(2)));
        assertThat(shapes.get(0).getBoundsInParent().getMaxY()).isLessThan(shapes.get(1).getBoundsInParent().getMinY());
    }

    @Test
    void aFigureArrivingFillsTheSameBand(FxRobot robot) {
        Polygon before = robot.lookup(".funnel-shape").queryAllAs(Polygon.class).stream().toList().get(1);
        robot.interact(() -> funnel.setStages(PanelSamples.funnel(false, false).getStages()));
        Node stage = robot.lookup("#funnel-stage-1").query();
        assertThat(stage.getStyleClass()).doesNotContain("funnel-no-data").contains("funnel-stage-2");
        assertThat(robot.from(stage).lookup(".funnel-value").queryAs(Label.class).getText()).isEqualTo("13.7M");
        assertThat(robot.lookup(".funnel-shape").queryAllAs(Polygon.class).stream().toList().get(1)).isSameAs(before);
    }
}
