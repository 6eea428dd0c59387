package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: the desk dashboard fits. At 1920×1080 every panel of the default view is within the page without
 * scrolling; at 1366×768 (where the page may scroll) no text is cut short. Laid out offscreen at those sizes, as
 * the snapshot command does (the headless screen is 1000×1000).
 */
@IntegrationTest
class DeskLayoutTest extends MainWindowFxTest {
    private static final List<String> PANELS = List.of("#headlineTiles", "#regionalPanel", "#leaguePanel",
            "#denPanel", "#campaignPanel", "#warningPanel", "#sidePanel");

    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2022", "CN");
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.dashboard().dataProperty().get() != null
                && !window.dashboard().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lays the window's content out in a scene of {@code width}×{@code height} and runs {@code check} on it. */
    private void at(FxRobot robot, int width, int height, Consumer<Parent> check) {
        robot.interact(() -> {
            Scene original = window.scene();
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offscreen = new Scene(root, width, height);
            offscreen.getStylesheets().setAll(original.getStylesheets());
            try {
                for (int pass = 0; pass < 3; pass++) {
                    root.applyCss();
                    root.layout();
                }
                check.accept(root);
            } finally {
                offscreen.setRoot(new Region());
                original.setRoot(root);
            }
        });
    }

    @Test
    void at1920x1080EveryPanelOfTheDefaultViewIsVisibleWithoutScrolling(FxRobot robot) throws Exception {
        awaitLoaded();
        at(robot, 1920, 1080, root -> {
            ScrollPane page = (ScrollPane) root.lookup(".page-scroll");
            Bounds viewport = page.localToScene(page.getViewportBounds());
            Bounds pageBounds = page.localToScene(page.getBoundsInLocal());
            double viewportTop = pageBounds.getMinY();
            double viewportBottom = viewportTop + page.getViewportBounds().getHeight();
            List<String> outside = new ArrayList<>();
            for (String id : PANELS) {
                Node panel = root.lookup(id);
                assertThat(panel).as(id).isNotNull();
                assertThat(panel.isVisible()).as(id + " shown").isTrue();
                Bounds b = panel.localToScene(panel.getBoundsInLocal());
                if (b.getMaxY() > viewportBottom + 0.5 || b.getMinY() < viewportTop - 0.5 || b.getHeight() < 60) {
                    outside.add(id + " " + b);
                }
            }
            assertThat(outside).as("panels outside the page's %s", viewport).isEmpty();
            assertThat(page.getContent().getLayoutBounds().getHeight())
                    .as("the page's content needs no vertical scroll").isLessThanOrEqualTo(page.getViewportBounds().getHeight() + 0.5);
            // the nine headline tiles in one row
            Node strip = root.lookup("#headlineTiles");
            List<Double> tops = ((Parent) strip).getChildrenUnmodifiable().stream()
                    .map(n -> n.getBoundsInParent().getMinY()).distinct().toList();
            assertThat(tops).as("one row of headline tiles").hasSize(1);
            assertThat(ScreenChecks.clippedTexts(root)).as("texts cut short at 1920×1080").isEmpty();
        });
    }

    @Test
    void at1366x768NoTextIsCutShortAndTheHeadlineStaysOneRow(FxRobot robot) throws Exception {
        awaitLoaded();
        at(robot, 1366, 768, root -> {
            assertThat(ScreenChecks.clippedTexts(root)).as("texts cut short at 1366×768").isEmpty();
            Node strip = root.lookup("#headlineTiles");
            List<Double> tops = ((Parent) strip).getChildrenUnmodifiable().stream()
                    .map(n -> n.getBoundsInParent().getMinY()).distinct().toList();
            assertThat(tops).as("one row of headline tiles at 1366 px").hasSize(1);
            // every panel reachable: inside the page's width, the page scrolls to the rest
            ScrollPane page = (ScrollPane) root.lookup(".page-scroll");
            double right = page.localToScene(page.getBoundsInLocal()).getMaxX();
            for (String id : PANELS) {
                Node panel = root.lookup(id);
                assertThat(panel.localToScene(panel.getBoundsInLocal()).getMaxX()).as(id + " within the width")
                        .isLessThanOrEqualTo(right + 0.5);
            }
        });
    }

    @Test
    void theInstructionsTabShowsTierByRiskReachedInTimeAndTheBacklogWholeAtBothSizes(FxRobot robot) throws Exception {
        awaitLoaded();
        // Guangdong, March 2022: two high-risk national instructions, one reached in 20 minutes (within 30), one in 50
        java.time.LocalDateTime nine = java.time.LocalDateTime.of(2022, 3, 1, 9, 0);
        services.records().importAll(List.of(
                new WarningInstruction(java.util.UUID.randomUUID(), nine, "CN-GD", InstructionTier.NATIONAL,
                        RiskLevel.HIGH, nine.plusMinutes(20), InstructionOutcome.DISSUADED, new java.math.BigDecimal("5000")),
                new WarningInstruction(java.util.UUID.randomUUID(), nine, "CN-GD", InstructionTier.NATIONAL,
                        RiskLevel.HIGH, nine.plusMinutes(50), InstructionOutcome.ALREADY_DEFRAUDED, null),
                new WarningInstruction(java.util.UUID.randomUUID(), nine, "CN-ZJ", InstructionTier.LOCAL,
                        RiskLevel.LOW, null, InstructionOutcome.PENDING, null)), "test");
        robot.interact(() -> window.dashboard().refresh());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.dashboard().panelsProperty().get() != null
                && !window.dashboard().panelsProperty().get().instructions().empty()
                && !window.dashboard().busyProperty().get());
        // the map and the league table rank by the rate too; each province's months are its own rates
        var data = window.dashboard().dataProperty().get();
        var guangdong = data.provinces().stream().filter(p -> p.regionCode().equals("CN-GD")).findFirst().orElseThrow();
        assertThat(guangdong.stat("dissuasion_rate_pct").value().value()).isEqualByComparingTo("50.0");
        var rates = data.provinceMonths().get("dissuasion_rate_pct");
        int gd = rates.series().stream().map(s -> s.key()).toList().indexOf("CN-GD");
        int march = rates.buckets().stream().map(b -> b.code()).toList().indexOf("2022-03");
        assertThat(rates.series().get(gd).values().get(march).value()).isEqualByComparingTo("50.0");
        assertThat(rates.series().get(gd).values().get(march + 1).isKnown()).as("April: none issued").isFalse();
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "instructionsTab".equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        // high risk (row 0), national (column 0): two issued, one in time; low and local: one, none in time
        assertThat(robot.lookup("#instruction-0-0").queryAs(Label.class).getText()).isEqualTo("2 \u00b7 50% in time");
        assertThat(robot.lookup("#instruction-2-2").queryAs(Label.class).getText()).isEqualTo("1 \u00b7 0% in time");
        assertThat(robot.lookup("#instruction-1-1").queryAs(Label.class).getText()).isEqualTo("\u2014");
        assertThat(robot.lookup("#instructionBacklog").queryAs(Label.class).getText())
                .contains("1").contains("older than a day 1");
        assertThat(robot.lookup("#instruction-dissuasion_rate_pct").tryQuery()).isPresent();
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            for (Theme theme : Theme.values()) {
                for (java.util.Locale lang : List.of(Lang.EN, Lang.ZH)) {
                    robot.interact(() -> {
                        window.appearance().themeProperty().set(theme);
                        window.appearance().localeProperty().set(lang);
                    });
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !window.dashboard().busyProperty().get());
                    WaitForAsyncUtils.waitForFxEvents();
                    String name = "instructions-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase() + "-"
                            + lang.getLanguage();
                    FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                    robot.interact(() -> shot[0] = FxTestSupport.shot(window, size[0], size[1],
                            java.nio.file.Path.of("target", "screenshots", name + ".png")));
                    ScreenChecks.assertRendered(name, shot[0].image(), theme, shot[0].clipped());
                }
            }
        }
    }
}
