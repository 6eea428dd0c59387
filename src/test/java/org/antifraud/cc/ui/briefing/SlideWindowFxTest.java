package org.antifraud.cc.ui.briefing;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.service.briefing.DeckFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * TestFX tests of a window of its own that shows slides (presentation, wall screen): a deck fixture for each test,
 * and the window and the fixture closed after it.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
abstract class SlideWindowFxTest {
    DeckFixture fixture;

    /** The stage of the window under test, or null while none is open. */
    abstract Stage windowStage();

    /** TestFX's own stage, small and empty: each test class's {@code @Start} calls it; the windows open their own. */
    static void showEmpty(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void openFixture() {
        fixture = new DeckFixture(true);
    }

    @AfterEach
    void closeWindowAndFixture(FxRobot robot) {
        Stage stage = windowStage();
        if (stage != null) {
            robot.interact(stage::close);
        }
        fixture.close();
    }
}
