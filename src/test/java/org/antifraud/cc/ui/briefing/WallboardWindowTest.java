package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.service.figures.CompletenessService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wall screen's window: the slide, the completeness page, the countdown and last update in a corner, the red band, Esc. */
@IntegrationTest
class WallboardWindowTest extends SlideWindowFxTest {
    private WallboardWindow window;
    private boolean gone;

    @Start
    void start(Stage stage) {
        showEmpty(stage);
    }

    @Override
    Stage windowStage() {
        return window == null ? null : window.stage();
    }

    private Label label(FxRobot robot, String style) {
        return robot.from(window.stage().getScene().getRoot()).lookup(style).queryAs(Label.class);
    }

    @Test
    void showsTheSlideTheCountdownAndALostDatabaseThenLeavesOnEscape(FxRobot robot) throws Exception {
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")}; // the window's ticker changes nothing
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
        BufferedImage[] lost = new BufferedImage[1];
        List<String> clipped = new ArrayList<>();
        robot.interact(() -> {
            lost[0] = FxTestSupport.toBuffered(window.stage().getScene().snapshot(null));
            clipped.addAll(ScreenChecks.clippedTexts(window.stage().getScene().getRoot()));
            try {
                ImageIO.write(lost[0], "png", dir.resolve("wallboard-lost-dark-en.png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // the wall's background is the slide's, not the window's theme
        ScreenChecks.assertPictureWithWholeTexts("wallboard-lost-dark-en", lost[0], clipped);

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void theLiveDashboardTakesItsTurnBeforeTheSlides(FxRobot robot) {
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")};
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

    /** The completeness grid's "today": December 2022 is late (more than 10 days after it ended), November is not. */
    private static final Clock COMPLETENESS_TODAY = Clock.fixed(Instant.parse("2023-01-20T08:00:00Z"),
            ZoneOffset.UTC);

    /**
     * 2022 for all 31 provinces: most submitted every month; every fifth is missing December's warnings, every
     * seventh November's and December's cases, every eleventh the last quarter's dens (all late on the 20th of
     * January); the last has no records of cases.
     */
    private ReportingCompleteness completeness2022() {
        List<String> units = fixture.catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(Region::code).toList();
        List<YearMonth> months = ReportingCompleteness.monthsOf(Period.parse("2022"), LocalDate.now(COMPLETENESS_TODAY));
        Map<String, Submission> rows = new HashMap<>();
        Map<SubmissionKind, Map<String, LocalDate>> latest = new EnumMap<>(SubmissionKind.class);
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            for (SubmissionKind kind : SubmissionKind.values()) {
                int missing = switch (kind) {
                    case WARNINGS -> i % 5 == 2 ? 1 : 0;
                    case CASES -> i % 7 == 4 ? 2 : 0;
                    case DENS -> i % 11 == 6 ? 3 : 0;
                };
                for (YearMonth m : months.subList(0, months.size() - missing)) {
                    Submission sub = new Submission(unit, m, kind, SubmissionState.SUBMITTED, "tester",
                            COMPLETENESS_TODAY.instant(), null);
                    rows.put(sub.entityId(), sub);
                }
                if (!(kind == SubmissionKind.CASES && i == units.size() - 1)) {
                    latest.computeIfAbsent(kind, k -> new HashMap<>())
                            .put(unit, LocalDate.of(2022, 12, 28).minusDays(i % 9 + 3L * kind.ordinal() + 31L * missing));
                }
            }
        }
        return new ReportingCompleteness(units, months, rows, latest);
    }

    private CompletenessViewModel completenessViewModel(Locale locale) {
        return new CompletenessViewModel(new CompletenessService(fixture.database, fixture.catalog), fixture.catalog,
                QueuedUiExecutor.immediate(), new Appearance(locale, Theme.DARK), COMPLETENESS_TODAY,
                new SimpleIntegerProperty(10));
    }

    @Test
    void theCompletenessGridTakesItsTurnAfterTheDashboardWithLateCellsMarked(FxRobot robot) throws Exception {
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")};
        int[] completenessReads = {0};
        CompletenessViewModel grid = completenessViewModel(Lang.EN);
        WallboardViewModel vm = new WallboardViewModel(() -> fixture.deck(Lang.EN, List.of(SlideKind.HEADLINE)),
                QueuedUiExecutor.immediate(), () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10),
                true, new WallboardViewModel.CompletenessPage(grid, () -> {
                    completenessReads[0]++;
                    return completeness2022();
                }, "Reporting completeness · 2022"));
        Label board = new Label("the live dashboard");
        robot.interact(() -> {
            window = new WallboardWindow(vm, fixture.painter, SlidePalette.DARK, MainWindow.stylesheets(Theme.DARK),
                    Screen.getPrimary(), false, board);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node root = window.stage().getScene().getRoot();
        CompletenessWallPage page = robot.from(root).lookup("." + StyleClasses.COMPLETENESS_WALL_PAGE)
                .queryAs(CompletenessWallPage.class);
        SlideView slide = robot.from(root).lookup(".slide-view").queryAs(SlideView.class);
        assertThat(board.isVisible()).isTrue();
        assertThat(page.isVisible()).isFalse();
        assertThat(label(robot, ".wallboard-status").getText()).startsWith("1 / 3 · ");

        robot.interact(() -> {
            now[0] = now[0].plusSeconds(10);
            vm.tick();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.isVisible()).isFalse();
        assertThat(slide.isVisible()).isFalse();
        assertThat(page.isVisible()).isTrue();
        assertThat(label(robot, ".wallboard-status").getText()).startsWith("2 / 3 · ");
        assertThat(completenessReads[0]).as("read again as the wall turns").isEqualTo(2);
        assertThat(robot.from(page).lookup("." + StyleClasses.COMPLETENESS_WALL_TITLE).queryAs(Label.class).getText())
                .isEqualTo("Reporting completeness · 2022");
        // Hebei (the third province) is missing December's warnings: marked in colour and in words
        Node late = robot.from(page).lookup("#completeness-CN-HE-warnings").query();
        assertThat(late.getStyleClass()).contains(StyleClasses.LATE);
        assertThat(robot.from(late).lookup("." + StyleClasses.COMPLETENESS_LATE_MARK).queryAs(Label.class).getText())
                .isEqualTo("LATE");
        Node onTime = robot.from(page).lookup("#completeness-CN-HE-dens").query();
        assertThat(onTime.getStyleClass()).doesNotContain(StyleClasses.LATE);
        assertThat(robot.from(onTime).lookup("." + StyleClasses.COMPLETENESS_LATE_MARK).tryQuery()).isEmpty();

        robot.interact(() -> {
            now[0] = now[0].plusSeconds(10);
            vm.tick();
        });
        assertThat(page.isVisible()).isFalse();
        assertThat(slide.isVisible()).isTrue();
        assertThat(slide.index()).isZero();

        // on a 1920×1080 wall every province is on the page at once, no scrolling: pictured in both languages
        for (Locale locale : List.of(Lang.EN, Lang.ZH)) {
            CompletenessViewModel shown = locale == Lang.EN ? grid : completenessViewModel(locale);
            String title = new I18n(locale).get("completeness.wall.title", "2022");
            Path png = Path.of("target", "screenshots", "wallboard-completeness-dark-" + locale.getLanguage() + "-1920.png");
            robot.interact(() -> {
                if (shown != grid) {
                    shown.show(completeness2022());
                }
                CompletenessWallPage wall = new CompletenessWallPage(
                        new WallboardViewModel.CompletenessPage(shown, () -> null, title), new I18n(locale));
                StackPane holder = new StackPane(wall);
                holder.getStyleClass().add("wallboard-root");
                Scene scene = new Scene(holder, 1920, 1080);
                scene.getStylesheets().setAll(MainWindow.stylesheets(Theme.DARK));
                holder.applyCss();
                holder.layout();
                wall.grid().layout(); // the grid chose its blocks from its width: lay out the rebuilt cells
                holder.layout();
                try {
                    Files.createDirectories(png.getParent());
                    ImageIO.write(FxTestSupport.toBuffered(scene.snapshot(null)), "png", png.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(wall.prefWidth(-1)).as("the page's width at rest").isLessThanOrEqualTo(1920);
                assertThat(wall.prefHeight(1920)).as("the page's height at rest").isLessThanOrEqualTo(1080);
                List<Node> cells = wall.lookupAll("." + StyleClasses.COMPLETENESS_CELL).stream().toList();
                assertThat(cells).as("31 provinces × 3 kinds").hasSize(93);
                for (Node cell : cells) {
                    Bounds b = cell.localToScene(cell.getBoundsInLocal());
                    assertThat(b.getMinX()).as(cell.getId()).isGreaterThanOrEqualTo(0);
                    assertThat(b.getMinY()).as(cell.getId()).isGreaterThanOrEqualTo(0);
                    assertThat(b.getMaxX()).as(cell.getId()).isLessThanOrEqualTo(1920);
                    assertThat(b.getMaxY()).as(cell.getId()).isLessThanOrEqualTo(1080);
                }
            });
        }
    }
}
