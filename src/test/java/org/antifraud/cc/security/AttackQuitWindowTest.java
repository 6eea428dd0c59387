package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.Processes;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.app.MainWindowFxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Attack (issue 13): Ctrl+Q in the window printed a stack trace ({@code IllegalStateException: This operation is
 * permitted on the event thread only}, from {@code Stage.close()} called inside the accelerator's key event while
 * the stage's onHidden ended the toolkit). The second test runs the whole application, as started by a user, in a
 * headless JVM of its own and fails on that code; the first closes the test's window the same way. The window is closed as the application closes it
 * (DesktopApp: the window's timers, then the workers, then — once the close has been dispatched — the database;
 * the toolkit is not ended here, the other UI tests share it), with the live refresh and the dashboard busy, and
 * nothing may reach stderr on the way.
 */
@IntegrationTest
class AttackQuitWindowTest extends MainWindowFxTest {
    private final CountDownLatch closedDown = new CountDownLatch(1);
    private Stage stage;
    /** Set once a test closed the class's services: TestFX calls {@code @Start} before every test, in any order. */
    private static volatile boolean servicesClosed;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        if (servicesClosed) {
            // the last test's close may still be finishing its work in flight: H2 deletes its lock file last
            try {
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                        () -> !Files.exists(dataDir.resolve("command-center.lock.db")));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the database of the last test is still open", e);
            }
            services = AppServices.open(dataDir);
            servicesClosed = false;
        }
        open(stage);
        stage.setOnHidden(e -> {
            window.close();
            executor.close();
            Platform.runLater(() -> {
                services.close();
                servicesClosed = true;
                closedDown.countDown();
            });
        });
    }

    @Test
    void ctrlQQuitsWithoutAStackTrace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#navDashboard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        try {
            robot.interact(() -> window.dashboard().refresh()); // work in flight while the window closes
            robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
            assertThat(closedDown.await(10, TimeUnit.SECONDS)).as("Ctrl+Q closes the window and the database").isTrue();
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            System.setErr(original);
            Thread.setDefaultUncaughtExceptionHandler(handler);
        }
        assertThat(stage.isShowing()).isFalse();
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("stderr while quitting").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    /** The whole application in a JVM of its own, headless, as a user starts it: Ctrl+Q ends it, silently, with 0. */
    @Test
    void ctrlQEndsTheApplicationWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path err = tmp.resolve("stderr.txt");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp,
                "-Dcc.config.dir=" + System.getProperty("cc.config.dir", tmp.resolve("config").toString()),
                "-cp", System.getProperty("java.class.path"), "org.antifraud.cc.app.QuitProbe",
                tmp.resolve("data").toString()));
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertThat(ended).as("Ctrl+Q ends the application; stderr: " + stderr).isTrue();
        assertThat(child.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
