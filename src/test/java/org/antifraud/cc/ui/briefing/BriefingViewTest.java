package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Briefing page, headless: Ctrl+3 tells 2022's narrative; a figure shows its source on hover and click. */
@IntegrationTest
class BriefingViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }


    private static List<Window> presentations() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("presentation-root")).toList();
    }

    private static Text figure(FxRobot robot, String text) {
        return robot.lookup(".briefing-figure").queryAllAs(Text.class).stream().filter(t -> t.getText().equals(text))
                .findFirst().orElse(null);
    }

    @Test
    void theNarrativeShowsEachFiguresSourceAndIsPictured(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.BRIEFING);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> figure(robot, "1.82 billion fraud calls were intercepted") != null);

        Text calls = figure(robot, "1.82 billion fraud calls were intercepted");
        Object tip = calls.getProperties().values().stream().filter(v -> v instanceof Tooltip).findFirst().orElse(null);
        assertThat(tip).as("a tooltip is installed on the figure").isInstanceOf(Tooltip.class);
        assertThat(((Tooltip) tip).getText()).contains("reported", "1.82 billion fraudulent calls");
        robot.interact(() -> { // bring the figure into the narrative's view, as a reader would by scrolling
            ScrollPane scroll = robot.lookup("#narrativeScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            double y = content.sceneToLocal(calls.localToScene(calls.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(calls);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sourceLabel").queryAs(Labeled.class).getText()).contains("1.82 billion fraudulent calls");
        // and it leads to what is behind it (issue 16): the drill panel, in the narrative's room until it is closed
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#figure-drill").tryQuery().isPresent());
        assertThat(robot.lookup("#narrativeScroll").tryQuery()).isEmpty();
        robot.clickOn("#drill-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
        assertThat(robot.lookup("#narrativeScroll").tryQuery()).isPresent();

        // the slides are previewed beside the narrative, and → goes to the next one
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.briefing().deckProperty().get() != null);
        assertThat(robot.lookup("#pageLabel").queryAs(Labeled.class).getText()).isEqualTo("1 / 10");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pageLabel").queryAs(Labeled.class).getText()).isEqualTo("2 / 10");
        assertThat(robot.lookup("#exportBar").query().isVisible()).as("no export running").isFalse();

        // Shift+F5 presents from the slide shown (F5 stays the window's refresh: nothing opens); Esc leaves
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(presentations()).as("F5 refreshes, it does not present").isEmpty();
        robot.press(KeyCode.SHIFT, KeyCode.F5)
                .release(KeyCode.F5, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Window shown = presentations().stream().findFirst().orElseThrow();
        assertThat(shown.getScene().getRoot().lookup(".slide-view")).isInstanceOf(SlideView.class);
        assertThat(((SlideView) shown.getScene().getRoot().lookup(".slide-view")).index()).as("from the slide shown")
                .isEqualTo(1);
        robot.interact(shown::requestFocus);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(presentations()).isEmpty();

        // the wall screen (issue 16) opens on its headline figures, not the desk dashboard; Esc closes it
        robot.clickOn("#wallboardButton");
        WaitForAsyncUtils.waitForFxEvents();
        Window wall = Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup(".wall-root") != null)
                .findFirst().orElseThrow();
        assertThat(wall.getScene().getRoot().lookup(".wall-kpi")).as("the wall's headline figures").isNotNull();
        assertThat(wall.getScene().getRoot().lookup(".dashboard")).as("not the desk dashboard enlarged").isNull();
        robot.interact(wall::requestFocus);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.isShowing()).isFalse();

        Path dir = Path.of("target", "screenshots");
        for (String[] look : new String[][]{{"DARK", "zh"}, {"LIGHT", "en"}}) {
            robot.interact(() -> {
                window.appearance().themeProperty().set(Theme.valueOf(look[0]));
                window.appearance().localeProperty().set(Lang.fromTag(look[1]));
            });
            String expected = look[1].equals("zh") ? "拦截诈骗电话18.2亿次" : "1.82 billion fraud calls were intercepted";
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> figure(robot, expected) != null);
            Path out = dir.resolve("briefing-" + look[0].toLowerCase() + "-" + look[1] + ".png");
            FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
            robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1280, 800, out));
            ScreenChecks.assertRendered(out.getFileName().toString(), shot[0].image(), Theme.valueOf(look[0]),
                    shot[0].clipped());
        }
    }
}
