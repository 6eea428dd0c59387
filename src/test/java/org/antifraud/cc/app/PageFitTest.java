package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.ui.common.FxUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page fits the desk's screens (issue 16): each page at 1920×1080 and 1366×768, in Chinese and English, dark
 * and light, rendered offscreen as the {@code snapshot} command does, shows no text cut short, no two texts over
 * each other, and no control out of the window where no scroll bar could bring it. One database (the report and
 * the demo breakdown), one toolkit, one window per size, language and theme that walks through the pages; a failure
 * lists every problem of a page at once.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class PageFitTest {
    private static final int[][] SIZES = {{1920, 1080}, {1366, 768}};
    private static final Locale[] LANGS = {Lang.ZH, Lang.EN};

    @TempDir
    static Path dataDir;
    private static AppServices services;

    @BeforeAll
    static void openDatabase() {
        services = AppServices.open(dataDir);
        // pages with rows in their tables: records in the history, thresholds, and the alerts they raise on 2022
        for (int i = 0; i < 4; i++) {
            services.records().save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2022, 12, 10 + i),
                    i % 2 == 0 ? "CN-XJ" : "CN-GD", i % 2 == 0 ? "Urumqi, Shuimogou District" : "Foshan",
                    "chain_cutting", null, 13 + i, 120 * i, 2000 * i, 400 * i, "a long note about the den"), null,
                    "form");
        }
        for (String[] t : new String[][]{{"warnings_local", "CN", "YEAR", "ABOVE", "1000"},
                {"warnings_local", "CN-GD", "MONTH", "RISE_PCT", "20"}, {"suspects_arrested", "CN", "YEAR", "ABOVE", "1"},
                {"warnings_local", "ZONE-SOUTH", "DAY", "ABOVE", "50"}}) {
            services.alerts().create(new ThresholdSpec(t[0], t[1], AlertGrain.valueOf(t[2]), AlertKind.valueOf(t[3]),
                    new BigDecimal(t[4]), true), "duty.officer");
        }
        services.alerts().evaluate();
    }

    @AfterAll
    static void closeDatabase() {
        services.close();
    }

    @Start
    void start(Stage stage) {
        // the toolkit only: the pages render offscreen, at sizes larger than the headless screen
    }

    @Test
    void entryFits(FxRobot robot) throws TimeoutException {
        assertFits(robot, Page.ENTRY);
    }

    @Test
    void briefingFits(FxRobot robot) throws TimeoutException {
        assertFits(robot, Page.BRIEFING);
    }

    @Test
    void alertsFit(FxRobot robot) throws TimeoutException {
        assertFits(robot, Page.ALERTS);
    }

    @Test
    void settingsFit(FxRobot robot) throws TimeoutException {
        assertFits(robot, Page.SETTINGS);
    }

    @Test
    void dashboardFits(FxRobot robot) throws TimeoutException {
        assertFits(robot, Page.DASHBOARD);
    }

    @Test
    void theChecksSeeWhatAPersonWouldSee(FxRobot robot) {
        List<List<String>> found = new ArrayList<>();
        robot.interact(() -> {
            Label cut = new Label("Warnings produced locally");
            cut.setId("cut");
            cut.setMaxWidth(60);
            Label under = new Label("Fraud calls intercepted");
            under.setId("under");
            Label over = new Label("Fraud texts intercepted");
            over.setId("over");
            Button outside = new Button("Save");
            outside.setId("outside");
            Pane page = new Pane(new VBox(cut, new StackPane(under, over)), outside);
            outside.relocate(380, 10);
            Scene scene = new Scene(page, 400, 200);
            page.applyCss();
            page.layout();
            found.add(ScreenChecks.clippedTexts(page));
            found.add(ScreenChecks.overlappingTexts(page));
            found.add(ScreenChecks.unreachable(page));
            assertThat(scene.getRoot()).isSameAs(page);
        });
        assertThat(found.get(0)).singleElement().asString().contains("Warnings produced locally", "#cut");
        assertThat(found.get(1)).singleElement().asString().contains("#under", "#over");
        assertThat(found.get(2)).singleElement().asString().contains("#outside");
    }

    private static void assertFits(FxRobot robot, Page page) throws TimeoutException {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            for (Locale lang : LANGS) {
                for (Theme theme : Theme.values()) {
                    String name = page.name().toLowerCase(Locale.ROOT) + " " + size[0] + "×" + size[1] + " "
                            + lang.getLanguage() + " " + theme.name().toLowerCase(Locale.ROOT);
                    for (String problem : problemsOf(robot, page, size, lang, theme)) {
                        problems.add(name + ": " + problem);
                    }
                }
            }
        }
        assertThat(problems).as("texts cut short (…), texts over each other, controls out of reach").isEmpty();
    }

    private static List<String> problemsOf(FxRobot robot, Page page, int[] size, Locale lang, Theme theme)
            throws TimeoutException {
        FxUiExecutor executor = new FxUiExecutor();
        MainWindow[] window = new MainWindow[1];
        boolean[] loaded = new boolean[1];
        try {
            robot.interact(() -> {
                window[0] = MainWindow.offscreen(services, executor, lang, "2022",
                        new MainWindow.Offscreen(page, theme, "2022", "CN", size[0], size[1]));
                window[0].firstLoad().thenRun(() -> loaded[0] = true);
            });
            waitFor(robot, () -> loaded[0]);
            waitFor(robot, () -> !window[0].shell().busyProperty().get() && !window[0].alerts().busyProperty().get()
                    && !window[0].briefing().busyProperty().get()
                    && (page != Page.BRIEFING || window[0].briefing().deckProperty().get() != null));
            List<String> problems = new ArrayList<>();
            Parent root = window[0].scene().getRoot();
            check(robot, root, "", problems);
            if (page == Page.ENTRY) {
                // the page's second section: the audit trail of the records above
                robot.interact(() -> ((ToggleButton) root.lookup("#showAudit")).setSelected(true));
                waitFor(robot, () -> root.lookup("#auditTable") instanceof TableView<?> table
                        && table.isVisible() && !table.getItems().isEmpty());
                check(robot, root, "audit trail: ", problems);
            }
            return problems;
        } finally {
            if (window[0] != null) {
                robot.interact(window[0]::close);
            }
            executor.close();
        }
    }

    private static void check(FxRobot robot, Parent root, String section, List<String> problems) {
        robot.interact(() -> {
            for (int pass = 0; pass < 3; pass++) {
                root.applyCss();
                root.layout();
            }
            ScreenChecks.clippedTexts(root).forEach(t -> problems.add(section + "cut short: " + t));
            ScreenChecks.overlappingTexts(root).forEach(t -> problems.add(section + "over each other: " + t));
            ScreenChecks.unreachable(root).forEach(t -> problems.add(section + "out of reach: " + t));
        });
    }

    private static void waitFor(FxRobot robot, BooleanSupplier done) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            boolean[] now = new boolean[1];
            robot.interact(() -> now[0] = done.getAsBoolean());
            return now[0];
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
