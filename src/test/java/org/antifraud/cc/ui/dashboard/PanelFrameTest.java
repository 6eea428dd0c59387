package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The panel frame: title, subtitle, DEMO badge and its own busy indicator. */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class PanelFrameTest {
    private PanelFrame frame;

    @Start
    void start(Stage stage) {
        frame = new PanelFrame("Provinces", new Label("content"));
        frame.setDemoText("DEMO");
        Scene scene = new Scene(frame, 500, 300);
        scene.getStylesheets().setAll(PanelSamples.stylesheets(Theme.DARK));
        stage.setScene(scene);
        stage.show();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    @Test
    void showsTitleSubtitleAndTheDemoBadgeOnlyWhenAsked(FxRobot robot) {
        assertThat(label(robot, ".panel-title").getText()).isEqualTo("Provinces");
        assertThat(label(robot, ".panel-subtitle").isVisible()).isFalse();
        assertThat(label(robot, ".synthetic-badge").isVisible()).isFalse();
        robot.interact(() -> {
            frame.setSubtitle("2022 · China");
            frame.setDemo(true);
        });
        assertThat(label(robot, ".panel-subtitle").isVisible()).isTrue();
        assertThat(label(robot, ".panel-subtitle").getText()).isEqualTo("2022 · China");
        assertThat(label(robot, ".synthetic-badge").isVisible()).isTrue();
        assertThat(label(robot, ".synthetic-badge").getText()).isEqualTo("DEMO");
        assertThat(robot.lookup(".panel-content .label").queryAs(Label.class).getText()).isEqualTo("content");
    }

    @Test
    void theBusyIndicatorFollowsTheBusyFlag(FxRobot robot) {
        ProgressIndicator busy = robot.lookup(".panel-busy").queryAs(ProgressIndicator.class);
        assertThat(busy.isVisible()).isFalse();
        robot.interact(() -> {
            frame.setBusyDelay(Duration.ZERO);
            frame.setBusy(true);
        });
        assertThat(busy.isVisible()).isTrue();
        robot.interact(() -> frame.setBusy(false));
        assertThat(busy.isVisible()).isFalse();
    }

    @Test
    void aQuickLoadNeverShowsTheIndicator(FxRobot robot) {
        ProgressIndicator busy = robot.lookup(".panel-busy").queryAs(ProgressIndicator.class);
        robot.interact(() -> {
            frame.setBusyDelay(Duration.hours(1));
            frame.setBusy(true);
        });
        assertThat(busy.isVisible()).as("not yet: the load may be over before anyone notices").isFalse();
        robot.interact(() -> frame.setBusy(false));
        assertThat(busy.isVisible()).isFalse();
    }
}
