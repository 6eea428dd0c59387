package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode by keyboard, the blank screen, the pointer hiding when idle; and slides as PNG pictures. */
@IntegrationTest
class PresentationWindowTest extends SlideWindowFxTest {
    private Deck deck;
    private PresentationWindow window;

    @Start
    void start(Stage stage) {
        showEmpty(stage);
    }

    @Override
    Stage windowStage() {
        return window == null ? null : window.stage();
    }

    @BeforeEach
    void deck() {
        deck = fixture.deck(Lang.ZH, SlideKind.all());
    }

    /** The pointer's idle countdown, run by the test instead of the clock. */
    private static final class HandCountdown implements IdleCursor.Countdown {
        private final Runnable action;
        private boolean running;
        private int restarts;

        HandCountdown(Runnable action) {
            this.action = action;
        }

        @Override
        public void restart() {
            running = true;
            restarts++;
        }

        @Override
        public void stop() {
            running = false;
        }

        /** The idle time passes: the action runs if the countdown was running. */
        void elapse() {
            if (running) {
                running = false;
                action.run();
            }
        }
    }

    private HandCountdown countdown;

    private void open(FxRobot robot) {
        robot.interact(() -> window = PresentationWindow.openWindowed(deck, fixture.painter, SlidePalette.DARK, 0,
                hide -> countdown = new HandCountdown(hide)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.push(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theKeysGoThroughTheSlidesBlankTheScreenAndLeave(FxRobot robot) {
        open(robot);
        for (KeyCode next : new KeyCode[]{KeyCode.RIGHT, KeyCode.PAGE_DOWN, KeyCode.SPACE, KeyCode.DOWN}) {
            key(robot, next);
        }
        assertThat(window.index()).isEqualTo(4);
        key(robot, KeyCode.LEFT);
        key(robot, KeyCode.PAGE_UP);
        assertThat(window.index()).isEqualTo(2);
        key(robot, KeyCode.END);
        assertThat(window.index()).isEqualTo(9);
        key(robot, KeyCode.RIGHT);
        assertThat(window.index()).as("no slide after the last").isEqualTo(9);
        key(robot, KeyCode.HOME);
        assertThat(window.index()).isZero();

        key(robot, KeyCode.B);
        assertThat(window.isBlank()).isTrue();
        BufferedImage blank = picture(robot);
        assertThat(blank.getRGB(blank.getWidth() / 2, blank.getHeight() / 2) & 0xFFFFFF).isZero();
        key(robot, KeyCode.B);
        assertThat(window.isBlank()).isFalse();

        key(robot, KeyCode.ESCAPE);
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void thePointerHidesWhenStillAndComesBackWhenMoved(FxRobot robot) {
        open(robot);
        Scene scene = window.stage().getScene();
        assertThat(scene.getCursor()).as("shown while the idle time runs").isEqualTo(Cursor.DEFAULT);
        robot.interact(countdown::elapse);
        assertThat(scene.getCursor()).as("hidden once it has passed").isEqualTo(Cursor.NONE);

        int restarts = countdown.restarts;
        robot.moveTo(scene.getRoot()).moveBy(20, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getCursor()).as("a move shows it").isEqualTo(Cursor.DEFAULT);
        assertThat(countdown.restarts).as("and starts the idle time again").isGreaterThan(restarts);
        robot.interact(countdown::elapse);
        assertThat(scene.getCursor()).isEqualTo(Cursor.NONE);

        robot.interact(() -> window.stage().close());
        assertThat(countdown.running).as("closing stops the countdown").isFalse();
    }

    private BufferedImage picture(FxRobot robot) {
        BufferedImage[] out = new BufferedImage[1];
        robot.interact(() -> out[0] = FxTestSupport.toBuffered(
                window.stage().getScene().snapshot(null)));
        return out[0];
    }

    @Test
    void slidesArePicturedAt1920By1080AndAreNotBlank(FxRobot robot) {
        for (int i = 0; i < deck.size(); i++) {
            int index = i;
            BufferedImage[] image = new BufferedImage[1];
            robot.interact(() -> image[0] = SlideImages.render(fixture.painter, deck, index, SlidePalette.LIGHT));
            assertThat(image[0].getWidth()).isEqualTo(1920);
            assertThat(image[0].getHeight()).isEqualTo(1080);
            // not one colour: count distinct colours on a coarse grid
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < 1080; y += 12) {
                for (int x = 0; x < 1920; x += 12) {
                    colours.add(image[0].getRGB(x, y));
                }
            }
            assertThat(colours).as("slide %d", i + 1).hasSizeGreaterThan(8);
        }
    }
}
