package org.antifraud.cc.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.MainWindowFxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard first (issue 16), in the real window, headless. What the issue found, tried by hand before the fix: F1 then
 * Esc closed the help but left the keyboard on the hidden overlay, so the next Esc went nowhere (the dashboard never
 * went back up); F1, a click in the navigation, then Esc did not close the help at all (the overlay alone listened for
 * Esc, and it had lost the focus); a text field or a button with the focus looked the same as without it (the app's
 * own colours replaced the theme's focus ring).
 */
@IntegrationTest
class KeyboardFirstViewTest extends MainWindowFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        openOnDashboard(stage, "2022", "CN");
    }

    private void awaitDashboard(String region) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var data = window.dashboard().dataProperty().get();
            return data != null && data.query().regionCode().equals(region) && !window.dashboard().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dashboard one level down, on the southern battle zone, the keyboard on one of its tiles. */
    private void inTheSouthernZone(FxRobot robot) throws Exception {
        awaitDashboard("CN");
        robot.interact(() -> window.dashboard().drillDown("ZONE-SOUTH"));
        awaitDashboard("ZONE-SOUTH");
        robot.interact(() -> robot.lookup("#kpi-dens_destroyed").query().requestFocus());
    }

    private static Node focusOwner(FxRobot robot) {
        return robot.listTargetWindows().stream().map(w -> w.getScene().getFocusOwner())
                .filter(n -> n != null).findFirst().orElse(null);
    }

    private boolean helpShown() {
        return window.shell().helpShownProperty().get();
    }

    @Test
    void escAfterF1ClosesOnlyTheHelpAndTheNextEscGoesBackOneLevel(FxRobot robot) throws Exception {
        inTheSouthernZone(robot);
        Node tile = robot.lookup("#kpi-dens_destroyed").query();
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown()).isFalse();
        assertThat(window.dashboard().regionCodeProperty().get()).as("the help only").isEqualTo("ZONE-SOUTH");
        assertThat(focusOwner(robot)).as("the keyboard is back where it was").isSameAs(tile);

        robot.type(KeyCode.ESCAPE);
        awaitDashboard("CN");
        assertThat(window.dashboard().regionCodeProperty().get()).as("one level up").isEqualTo("CN");
    }

    @Test
    void escAfterF1AndANavigationClickClosesTheHelpAndNothingElse(FxRobot robot) throws Exception {
        inTheSouthernZone(robot);
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#navDashboard");
        assertThat(helpShown()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown()).isFalse();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.DASHBOARD);
        assertThat(window.dashboard().regionCodeProperty().get()).isEqualTo("ZONE-SOUTH");
    }

    @Test
    void escAfterANavigationClickLeavesThePageAsItWas(FxRobot robot) throws Exception {
        inTheSouthernZone(robot);
        robot.clickOn("#navEntry");
        robot.clickOn("#navDashboard");
        awaitDashboard("ZONE-SOUTH");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.DASHBOARD);
        assertThat(window.dashboard().regionCodeProperty().get()).isEqualTo("ZONE-SOUTH");
        assertThat(helpShown()).isFalse();
        assertThat(robot.lookup("#navDashboard").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void shiftTabReachesTheNavigationWhereUpDownAndEnterChooseAPage(FxRobot robot) throws Exception {
        awaitDashboard("CN");
        robot.interact(() -> robot.lookup("#periodField").query().requestFocus());
        for (int i = 0; i < 12 && !(focusOwner(robot) instanceof ToggleButton t && t.getStyleClass().contains("nav-button")); i++) {
            robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(focusOwner(robot)).as("Shift+Tab from the page reaches the navigation")
                .isInstanceOf(ToggleButton.class);
        assertThat(focusOwner(robot).getStyleClass()).contains("nav-button");

        robot.interact(() -> robot.lookup("#navDashboard").query().requestFocus());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot).getId()).isEqualTo("navEntry");
        robot.type(KeyCode.UP).type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot).getId()).as("Up from the first wraps to the last").isEqualTo("navSettings");
        robot.type(KeyCode.UP);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.ALERTS);
    }

    @Test
    void whatHasTheKeyboardWearsARingOutsideItsEdge(FxRobot robot) throws Exception {
        awaitDashboard("CN");
        TextField period = robot.lookup("#periodField").queryAs(TextField.class);
        ToggleButton nav = robot.lookup("#navBriefing").queryAs(ToggleButton.class);
        robot.interact(() -> robot.lookup("#navDashboard").query().requestFocus());
        Background fieldBefore = period.getBackground();
        Border navBefore = nav.getBorder();

        robot.interact(period::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        Background fieldNow = period.getBackground();
        assertThat(fieldNow).isNotEqualTo(fieldBefore);
        var ring = fieldNow.getFills().getFirst();
        assertThat(ring.getInsets()).as("drawn outside the field: nothing moves").isEqualTo(new Insets(-2));
        assertThat(visible(ring.getFill())).isTrue();
        assertThat(ring.getFill()).isNotEqualTo(fieldBefore.getFills().getFirst().getFill());
        shot("focus-ring");

        robot.interact(nav::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nav.getBorder()).isNotEqualTo(navBefore);
        BorderStroke stroke = nav.getBorder().getStrokes().getFirst();
        assertThat(stroke.getWidths().getTop()).isEqualTo(2);
        assertThat(visible(stroke.getTopStroke())).isTrue();
        assertThat(stroke.getTopStroke()).as("the same ring colour everywhere").isEqualTo(ring.getFill());
        // the label does not move when the ring comes
        robot.interact(() -> robot.lookup("#navDashboard").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        Insets unfocused = nav.getInsets();
        robot.interact(nav::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nav.getInsets()).isEqualTo(unfocused);
    }

    /** A picture to look at, when asked for ({@code -Dcc.drill.shot=true}). */
    private void shot(String name) {
        if (Boolean.getBoolean("cc.drill.shot")) {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> org.antifraud.cc.app.FxTestSupport.snapshot(window, 1000,
                    900, java.nio.file.Path.of("target/" + name + ".png")));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static boolean visible(Paint p) {
        return p instanceof Color c && c.getOpacity() > 0.9;
    }

    @Test
    void aBadValueInAFormFieldIsWrittenUnderItInWordsAndGoesWhenFixed(FxRobot robot) throws Exception {
        awaitDashboard("CN");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#denSuspects").tryQuery().isPresent());
        TextField suspects = robot.lookup("#denSuspects").queryAs(TextField.class);
        robot.interact(suspects::requestFocus);
        robot.write("abc");
        Label problem = robot.lookup("#denSuspects-problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, problem::isVisible);
        assertThat(problem.getText()).isEqualTo("A whole number, 0 or more.");
        assertThat(problem.getStyleClass()).contains("field-problem");
        assertThat(problem.isWrapText()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        shot("field-problem");
        // in the same grid: the words take a line of their own between this field and the next
        Node next = robot.lookup("#denGoip").query();
        assertThat(problem.getParent()).isSameAs(suspects.getParent()).isSameAs(next.getParent());
        assertThat(problem.getHeight()).as("a line of text").isGreaterThan(8);
        assertThat(problem.getLayoutY()).as("under the field")
                .isGreaterThanOrEqualTo(suspects.getLayoutY() + suspects.getHeight() - 1);
        assertThat(next.getLayoutY()).as("the next field moves down for it")
                .isGreaterThanOrEqualTo(problem.getLayoutY() + problem.getHeight());
        assertThat(suspects.getAccessibleText()).contains("A whole number, 0 or more.");

        robot.interact(() -> suspects.setText(""));
        robot.interact(suspects::requestFocus);
        robot.write("3");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !problem.isVisible());
        assertThat(suspects.getAccessibleText()).doesNotContain("A whole number");
    }

    @Test
    void ctrlQQuitsFromAnotherPageWithTheKeyboardInATextField(FxRobot robot) throws Exception {
        awaitDashboard("CN");
        robot.clickOn("#navBriefing");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".briefing-page #periodField").tryQuery().isPresent());
        robot.clickOn(".briefing-page #periodField");
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        // File → Exit's path: the window closes once the key event is done, and its timers stop with it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(stage.isShowing()).isFalse();
    }
}
