package org.antifraud.cc.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, headless: it opens on the dashboard with the report's figures, navigates, switches language. */
@IntegrationTest
class ShellViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2022", "CN");
    }

    private void awaitTile(FxRobot robot, String code) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#kpi-value-" + code).tryQuery().isPresent()
                        && !window.dashboard().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void opensOnTheDashboardWithTheReportsHeadlineFigures(FxRobot robot) throws Exception {
        awaitTile(robot, "dens_destroyed");
        assertThat(robot.lookup("#navDashboard").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isEqualTo("1.8K+");
        assertThat(text(robot, "#kpi-value-ringleaders_arrested")).isEqualTo("240");
        assertThat(text(robot, "#kpi-value-calls_intercepted")).isEqualTo("1.82B");
        assertThat(text(robot, "#kpi-value-sms_intercepted")).isEqualTo("2.15B");
        assertThat(text(robot, "#kpi-value-warning_instructions_issued")).isEqualTo("200M");
        // a reported change with no invented value behind it, said to be the reported total's
        assertThat(text(robot, "#kpi-value-suspects_arrested")).isEqualTo("No data");
        assertThat(text(robot, "#kpi-change-suspects_arrested")).isEqualTo("reported total\n\u25B2 +64.4%");
        assertThat(text(robot, "#kpi-change-cases_registered")).isEqualTo("reported total\n\u25BC \u221217.3%");
        assertThat(robot.lookup("#kpi-change-cases_registered").queryAs(Label.class).getStyleClass())
                .contains("kpi-change-good");
        assertThat(robot.lookup("#kpi-dens_destroyed").queryAs(Node.class).getStyleClass())
                .doesNotContain("synthetic");
        assertThat(robot.lookup("#kpi-cases_solved").queryAs(Node.class).getStyleClass())
                .contains("synthetic");
    }

    @Test
    void theDataMenuOffersBackUpAndRestoreReadyToUse(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu data = bar.getMenus().stream().filter(m -> m.getText().equals("Data")).findFirst()
                .orElseThrow();

        assertThat(data.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem))
                .map(MenuItem::getText)).contains("Back up\u2026", "Restore\u2026");
        assertThat(data.getItems().stream().filter(i -> "backupItem".equals(i.getId()) || "restoreItem".equals(i.getId()))
                .filter(i -> !i.isDisable() && i.getOnAction() != null)).hasSize(2);
        assertThat(window.backups().busyProperty().get()).isFalse();
    }

    @Test
    void navigatesBetweenPagesByClickAndKeyboard(FxRobot robot) throws Exception {
        awaitTile(robot, "dens_destroyed");
        robot.clickOn("#navSettings");
        assertThat(robot.lookup("#removeDemoButton").tryQuery()).isPresent();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.SETTINGS);
        // every setting can be reached in the window (the page scrolls when it is taller)
        ScrollPane scroll = robot.lookup(".settings-scroll").queryAs(ScrollPane.class);
        assertThat(scroll).isNotNull();
        Path out = Path.of("target", "screenshots", "settings.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.scene().snapshot(null));
        ImageIO.write(FxTestSupport.toBuffered(shot[0]), "png", out.toFile());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.DASHBOARD);
        assertThat(robot.lookup("#navDashboard").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#kpi-value-dens_destroyed").tryQuery()).isPresent();
    }

    @Test
    void themeChoiceOnTheSettingsPageAndInTheMenuStayInStep(FxRobot robot) throws Exception {
        awaitTile(robot, "dens_destroyed");
        robot.clickOn("#navSettings");
        robot.clickOn("#lightTheme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.appearance().themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(window.scene().getStylesheets().getFirst()).endsWith("theme-light.css");
        robot.interact(() -> window.appearance().themeProperty().set(Theme.DARK)); // as the View menu does
        assertThat(robot.lookup("#darkTheme").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(window.scene().getStylesheets().getFirst()).endsWith("theme-dark.css");
    }

    @Test
    void switchingLanguageChangesTheTexts(FxRobot robot) throws Exception {
        awaitTile(robot, "dens_destroyed");
        assertThat(robot.lookup("#navDashboard").queryAs(ToggleButton.class).getText()).isEqualTo("Dashboard");
        robot.clickOn("#navSettings");
        robot.clickOn("#langZh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#navDashboard").queryAs(ToggleButton.class).getText()).isEqualTo("态势总览");
        robot.clickOn("#navDashboard");
        awaitTile(robot, "dens_destroyed");
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isEqualTo("1800余");
        assertThat(text(robot, "#kpi-value-calls_intercepted")).isEqualTo("18.2亿");
        assertThat(text(robot, "#kpi-value-suspects_arrested")).isEqualTo("暂无数据");
    }

    @Test
    void rendersBothThemesInBothLanguages(FxRobot robot) throws Exception {
        awaitTile(robot, "dens_destroyed");
        Path dir = Path.of("target", "screenshots");
        for (Theme theme : Theme.values()) {
            for (String lang : new String[]{"zh", "en"}) {
                robot.interact(() -> {
                    window.appearance().themeProperty().set(theme);
                    window.appearance().localeProperty().set(Lang.fromTag(lang));
                });
                awaitTile(robot, "dens_destroyed");
                String name = "shell-" + theme.name().toLowerCase() + "-" + lang;
                FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1600, 900, dir.resolve(name + ".png")));
                assertThat(shot[0].image().getWidth()).isEqualTo(1600);
                ScreenChecks.assertRendered(name, shot[0].image(), theme, shot[0].clipped());
            }
        }
        robot.clickOn("#navSettings");
        FxTestSupport.Shot[] settings = new FxTestSupport.Shot[1];
        robot.interact(() -> settings[0] = FxTestSupport.shot(window, 1280, 800, dir.resolve("settings-light-en.png")));
        ScreenChecks.assertRendered("settings-light-en", settings[0].image(), Theme.LIGHT, settings[0].clipped());
    }
}
