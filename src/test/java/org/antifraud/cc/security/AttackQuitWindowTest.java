package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.app.MainWindowFxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Attack (issue 13): Ctrl+Q in the window printed a stack trace. The window is closed the way the application
 * closes it ({@link DesktopApp#shutDown}, without ending the toolkit the other tests share), and nothing may reach
 * stderr on the way.
 */
class AttackQuitWindowTest extends MainWindowFxTest {
    private final CountDownLatch hidden = new CountDownLatch(1);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(stage);
        stage.setOnHidden(e -> {
            executor.close();
            hidden.countDown();
        });
    }

    @Test
    void ctrlQQuitsWithoutAStackTrace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#navDashboard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
            assertThat(hidden.await(10, TimeUnit.SECONDS)).as("Ctrl+Q closes the window").isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            // the live-refresh timer's next tick and the workers' last callbacks come after the close
            Thread.sleep(3000);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            System.setErr(original);
        }
        original.println("CAPTURED>>>" + captured.toString(StandardCharsets.UTF_8) + "<<<");
        assertThat(stage.isShowing()).isFalse();
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("stderr while quitting").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
