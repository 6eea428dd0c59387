package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.service.briefing.DeckFixture;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wall screen's window: the slide, the countdown and last update in a corner, the red band, Esc. */
@ExtendWith(ApplicationExtension.class)
class WallboardWindowTest {
    private DeckFixture fixture;
    private WallboardWindow window;
    private boolean gone;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void deck() {
        fixture = new DeckFixture(true);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> window.stage().close());
        }
        fixture.close();
    }

    private Label label(FxRobot robot, String style) {
        return robot.from(window.stage().getScene().getRoot()).lookup(style).queryAs(Label.class);
    }

    @Test
    void showsTheSlideTheCountdownAndALostDatabaseThenLeavesOnEscape(FxRobot robot) throws Exception {
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-28T09:00:00Z")}; // the window's ticker changes nothing
        WallboardViewModel vm = new WallboardViewModel(() -> {
            if (gone) {
                throw new IllegalStateException("database file gone");
            }
            return fixture.deck(Lang.EN, List.of(SlideKind.HEADLINE, SlideKind.REGIONS));
        }, QueuedUiExecutor.immediate(), () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10));
        robot.interact(() -> {
            window = new WallboardWindow(vm, fixture.painter, SlidePalette.DARK,
                    MainWindow.stylesheets(Theme.DARK), Screen.getPrimary(), false, null);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, ".wallboard-status").getText()).isEqualTo("1 / 2 · next in 10 s · updated 09:00:00");
        assertThat(label(robot, ".wallboard-problem").isVisible()).isFalse();

        gone = true;
        robot.interact(() -> {
            now[0] = now[0].plusSeconds(10);
            vm.tick(); // the switch reads again, and fails
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, ".wallboard-problem").isVisible()).isTrue();
        assertThat(label(robot, ".wallboard-problem").getText())
                .isEqualTo("The data cannot be read — showing the figures of 09:00:00; trying again…");
        assertThat(label(robot, ".wallboard-status").getText()).startsWith("2 / 2 · ");

        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(FxTestSupport.toBuffered(window.stage().getScene().snapshot(null)), "png",
                        dir.resolve("wallboard-lost-dark-en.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void theLiveDashboardTakesItsTurnBeforeTheSlides(FxRobot robot) {
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-28T09:00:00Z")};
        WallboardViewModel vm = new WallboardViewModel(() -> fixture.deck(Lang.EN, List.of(SlideKind.HEADLINE)),
                QueuedUiExecutor.immediate(), () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10),
                true);
        Label board = new Label("the live dashboard");
        robot.interact(() -> {
            window = new WallboardWindow(vm, fixture.painter, SlidePalette.DARK, MainWindow.stylesheets(Theme.DARK),
                    Screen.getPrimary(), false, board);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        SlideView slide = robot.from(window.stage().getScene().getRoot()).lookup(".slide-view").queryAs(SlideView.class);
        assertThat(board.isVisible()).isTrue();
        assertThat(slide.isVisible()).isFalse();
        assertThat(label(robot, ".wallboard-status").getText()).startsWith("1 / 2 · ");

        robot.interact(() -> {
            now[0] = now[0].plusSeconds(10);
            vm.tick();
        });
        assertThat(board.isVisible()).isFalse();
        assertThat(slide.isVisible()).isTrue();
        assertThat(slide.index()).isZero();
        assertThat(label(robot, ".wallboard-status").getText()).startsWith("2 / 2 · ");
    }
}
