package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard in the real main window, headless: drill-down by click, live refresh, the F1 overlay. */
@IntegrationTest
class DashboardViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2022", "CN");
    }

    @Override
    protected void beforeShow(Stage stage) {
        window.dashboard().campaignCodeProperty().set(null);
    }

    private void awaitLoaded(String region) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var data = window.dashboard().dataProperty().get();
            return data != null && data.query().regionCode().equals(region) && !window.dashboard().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void scrollTo(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        ScrollPane scroll = robot.lookup(".page-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / Math.max(1, contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAZoneFiltersEveryPanelAndTheBreadcrumbLeadsBack(FxRobot robot) throws Exception {
        awaitLoaded("CN");
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isEqualTo("1.8K+");
        assertThat(robot.lookup("#crumb-CN").tryQuery()).isPresent();
        assertThat(robot.lookup("#crumb-ZONE-EAST").tryQuery()).isEmpty();

        scrollTo(robot, "#zone-ZONE-EAST");
        // the zone's name leads one level down (its figures lead to what is behind them)
        robot.clickOn(robot.from(robot.lookup("#zone-ZONE-EAST").queryAll()).lookup(".table-cell").queryAll()
                .iterator().next());
        awaitLoaded("ZONE-EAST");

        assertThat(robot.lookup("#crumb-ZONE-EAST").queryAs(Label.class).getText()).isEqualTo("East China");
        Node nationCrumb = robot.lookup("#crumb-CN").query();
        assertThat(nationCrumb).isInstanceOf(Hyperlink.class);
        // the KPI strip now sums East China's provinces (demo data), no longer the national report figure
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isNotEqualTo("1.8K+");
        assertThat(window.dashboard().panelsProperty().get().denTrend().series())
                .extracting(DashboardPanels.ChartData.Series::key).contains("CN-ZJ").doesNotContain("ZONE-SOUTH");

        robot.interact(() -> robot.lookup("#crumb-CN").queryAs(Hyperlink.class).fire());
        awaitLoaded("CN");
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isEqualTo("1.8K+");
        assertThat(robot.lookup("#crumb-ZONE-EAST").tryQuery()).isEmpty();
    }

    @Test
    void aFigureAddedThroughTheServiceAppearsWithinTwoSecondsByItself(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.dashboard().periodTextProperty().set("2019");
            window.dashboard().commitPeriodText();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.dashboard().dataProperty().get() != null
                && window.dashboard().dataProperty().get().query().period().code().equals("2019"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#kpi-value-dens_destroyed")).isEqualTo("No data");

        // another writer (the CLI, a second workstation) commits a figure; nobody touches the window
        services.datasets().addMeasurements(List.of(new Measurement("dens_destroyed", "CN-GD", Period.year(2019), null,
                new BigDecimal("1234"), null, Basis.COMPUTED, null, null, null)));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                // one province's statistic: a lower bound of the nation's figure, said so (issue 12)
                () -> "\u2265 1.23K".equals(robot.lookup("#kpi-value-dens_destroyed").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#kpi-note-dens_destroyed").queryAs(Label.class).getText())
                .as("a province's statistic is its submission of those 12 months").isEqualTo("12 of 372 province-months submitted");
        assertThat(robot.lookup("#lastUpdatedLabel").queryAs(Label.class).getText()).startsWith("Last updated ");
        assertThat(robot.lookup("#crumb-CN").tryQuery()).as("drill-down state kept").isPresent();
    }

    @Test
    void rendersTheWallScreenInBothThemesAndLanguages(FxRobot robot) throws Exception {
        awaitLoaded("CN");
        for (Theme theme : Theme.values()) {
            for (Locale lang : List.of(Lang.ZH, Lang.EN)) {
                robot.interact(() -> {
                    window.appearance().themeProperty().set(theme);
                    window.appearance().localeProperty().set(lang);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String name = "dashboard-" + theme.name().toLowerCase(Locale.ROOT) + "-" + Lang.tag(lang);
                FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1920, 1080,
                        Path.of("target/screenshots", name + ".png")));
                assertThat(shot[0].image().getWidth()).isEqualTo(1920);
                // the map drew its provinces (many colours), on this theme's background, every label whole
                ScreenChecks.assertRendered(name, shot[0].image(), theme, shot[0].clipped());
            }
        }
    }

    @Test
    void f1ShowsEveryShortcutAndEscapeHidesIt(FxRobot robot) throws Exception {
        awaitLoaded("CN");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#help-card").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#helpOverlay").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup(".help-key").queryAll()).hasSizeGreaterThanOrEqualTo(10);
        // the whole list is on the screen: the card ends inside the window
        Node card = robot.lookup("#help-card").queryAs(Node.class);
        Bounds bounds = card.localToScene(card.getBoundsInLocal());
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(card.getScene().getHeight());
        assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
        Path out = Path.of("target", "screenshots", "help-overlay.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = card.getScene().snapshot(null));
        ImageIO.write(FxTestSupport.toBuffered(shot[0]), "png", out.toFile());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#helpOverlay").queryAs(Node.class).isVisible()).isFalse();
    }
}
