package org.antifraud.cc.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.ui.briefing.SlideView;
import org.antifraud.cc.ui.shell.Page;
import org.antifraud.cc.ui.common.FileChooserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 in the real window, headless: a KPI tile, a league row, a map tile and a slide's figure (by click, and by
 * Tab, Down and Enter) each lead to exactly the records its figure was computed from.
 */
@IntegrationTest
class FigureDrillViewTest extends MainWindowFxTest {
    private static final String DENS = "dens_destroyed";
    private static final List<EntryRecord> ENTERED = new ArrayList<>();

    @TempDir
    static Path out;

    @BeforeAll
    static void densOf2018() {
        String[] regions = {"CN-GD", "CN-GX", "CN-GD", "CN-ZJ", "CN-GD", "CN-HI"};
        for (int i = 0; i < regions.length; i++) {
            ENTERED.add(new DenTakedown(UUID.randomUUID(), LocalDate.of(2018, 1 + i * 2, 3 + i), regions[i], null, null,
                    "street " + i, i + 1, 0, 0, 0, null));
        }
        services.records().importAll(ENTERED, "test");
    }

    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2018", "ZONE-SOUTH");
    }

    @Override
    protected MainWindow createWindow(Stage stage) {
        FileChooserService files = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String filter, String... patterns) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(String title, String initialName, String filter, String... patterns) {
                return Optional.of(out.resolve("behind.csv"));
            }
        };
        return new MainWindow(services, stage, executor, Lang.EN, "2018", files);
    }

    @Override
    protected void beforeShow(Stage stage) {
        window.dashboard().campaignCodeProperty().set(null);
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var data = window.dashboard().dataProperty().get();
            return data != null && data.query().regionCode().equals("ZONE-SOUTH")
                    && !window.dashboard().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitDrilled(FxRobot robot) throws Exception {
        awaitDrilled(robot, window.dashboard().figureDrill());
    }

    private static void awaitDrilled(FxRobot robot, FigureDrillViewModel drill) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#drill-table").tryQuery().isPresent()
                && !drill.busyProperty().get() && drill.explanation() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The keys of the records ExplainService — the CLI's {@code explain} — lists behind a figure, read apart from any panel. */
    private static Set<String> explained(String indicator, String region) {
        return services.explain().explain(indicator, region, Period.year(2018)).records().stream()
                .map(b -> b.record().key()).collect(Collectors.toSet());
    }

    private static Set<String> listed(FxRobot robot) {
        return table(robot).getItems().stream().map(FigureDrillViewModel.Row::key).collect(Collectors.toSet());
    }

    /** The Briefing page on 2018 in the south, its deck read, slide {@code kind} shown. */
    private SlideView briefingOn(FxRobot robot, SlideKind kind) throws Exception {
        robot.interact(() -> {
            window.shell().pageProperty().set(Page.BRIEFING);
            window.briefing().periodTextProperty().set("2018");
            window.briefing().regionCodeProperty().set("ZONE-SOUTH");
            window.briefing().load();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var deck = window.briefing().deckProperty().get();
            return deck != null && deck.query().regionCode().equals("ZONE-SOUTH")
                    && deck.query().period().code().equals("2018") && !window.briefing().busyProperty().get();
        });
        robot.interact(() -> window.briefing().slideIndexProperty()
                .set(window.briefing().deckProperty().get().slides().indexOf(kind)));
        WaitForAsyncUtils.waitForFxEvents();
        SlideView slide = robot.lookup("#slidePreview").queryAs(SlideView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !slide.figures().isEmpty());
        return slide;
    }

    @SuppressWarnings("unchecked")
    private static TableView<FigureDrillViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#drill-table").queryAs(TableView.class);
    }

    @Test
    void aClickOnATileListsExactlyTheRecordsItsFigureWasComputedFrom(FxRobot robot) throws Exception {
        awaitLoaded();
        BigDecimal tile = window.dashboard().dataProperty().get().kpi(DENS).value().value();
        robot.clickOn("#kpi-" + DENS);
        awaitDrilled(robot);

        Set<String> south = Set.of("CN-GD", "CN-GX", "CN-HI");
        Set<String> expected = ENTERED.stream().filter(r -> south.contains(r.regionCode()))
                .map(EntryRecord::key).collect(Collectors.toSet());
        List<FigureDrillViewModel.Row> rows = table(robot).getItems();
        assertThat(rows.stream().map(FigureDrillViewModel.Row::key).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(rows.stream().map(r -> new BigDecimal(r.adds())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(tile);
        assertThat(tile).isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
        assertThat(robot.lookup("#drill-basis").queryAs(Label.class).getText()).startsWith("computed");
        assertThat(robot.lookup("#drill-title").queryAs(Label.class).getText()).contains("2018");
        if (Boolean.getBoolean("cc.drill.shot")) {
            robot.interact(() -> org.antifraud.cc.app.FxTestSupport.snapshot(window, 1000, 900,
                    Path.of("target/drill-panel.png")));
        }

        // the filter narrows the table; Export CSV writes every record of the figure
        robot.clickOn("#drill-filter").write(rows.getFirst().key().substring(0, 8));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(1);
        robot.interact(() -> window.dashboard().figureDrill().filterTextProperty().set(""));
        robot.clickOn("#drill-export");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.exists(out.resolve("behind.csv")));
        assertThat(Files.readAllLines(out.resolve("behind.csv"))).hasSize(1 + expected.size());

        // Esc closes the panel
        robot.clickOn("#drill-table");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
    }

    @Test
    void enterOnALeagueRowListsExactlyTheRecordsBehindThatProvincesFigure(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> window.dashboard().mapIndicatorProperty().set(DENS));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<org.antifraud.cc.ui.dashboard.DashboardPanels.LeagueRow> league =
                robot.lookup("#leagueTable").queryAs(TableView.class);
        int guangdong = -1;
        for (int i = 0; i < league.getItems().size(); i++) {
            if (league.getItems().get(i).code().equals("CN-GD")) {
                guangdong = i;
            }
        }
        assertThat(guangdong).as("Guangdong in the league").isNotNegative();
        int row = guangdong;
        robot.interact(() -> {
            league.requestFocus();
            league.getSelectionModel().select(row);
            league.getFocusModel().focus(row);
        });
        robot.type(KeyCode.ENTER);
        awaitDrilled(robot);

        Set<String> expected = ENTERED.stream().filter(r -> r.regionCode().equals("CN-GD"))
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(table(robot).getItems().stream().map(FigureDrillViewModel.Row::key).collect(Collectors.toSet()))
                .isEqualTo(expected);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aClickOnAMapTileListsExactlyTheRecordsBehindThatProvince(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> window.dashboard().mapIndicatorProperty().set(DENS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tile-CN-GD");
        awaitDrilled(robot);

        Set<String> entered = ENTERED.stream().filter(r -> r.regionCode().equals("CN-GD"))
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(listed(robot)).isEqualTo(entered).isEqualTo(explained(DENS, "CN-GD"));
        assertThat(robot.lookup("#drill-title").queryAs(Label.class).getText()).contains("Guangdong");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
    }

    @Test
    void aClickOnASlidesFigureListsExactlyTheRecordsItWasComputedFrom(FxRobot robot) throws Exception {
        awaitLoaded();
        SlideView slide = briefingOn(robot, SlideKind.HEADLINE);
        int dens = -1;
        for (int i = 0; i < slide.figures().size(); i++) {
            if (slide.figures().get(i).indicator().equals(DENS)) {
                dens = i;
            }
        }
        assertThat(dens).as("the dens tile of the headline slide is a drill target").isNotNegative();
        assertThat(slide.figures().get(dens).regionCode()).isEqualTo("ZONE-SOUTH");
        robot.clickOn(slide.localToScreen(slide.figureCentre(dens)));
        FigureDrillViewModel drill = window.briefing().figureDrill();
        awaitDrilled(robot, drill);

        // the drill panel is the briefing's own, beside the slide, and lists what the CLI's explain lists
        assertThat(drill).isNotSameAs(window.dashboard().figureDrill());
        Set<String> south = ENTERED.stream().filter(r -> Set.of("CN-GD", "CN-GX", "CN-HI").contains(r.regionCode()))
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(listed(robot)).isEqualTo(south).isEqualTo(explained(DENS, "ZONE-SOUTH"));
        assertThat(robot.lookup("#drill-title").queryAs(Label.class).getText()).contains("2018");
        if (Boolean.getBoolean("cc.drill.shot")) {
            robot.interact(() -> org.antifraud.cc.app.FxTestSupport.snapshot(window, 1000, 900,
                    Path.of("target/drill-slide.png")));
        }

        // Esc closes the panel and gives the keyboard back to the slide
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
        assertThat(slide.isFocused()).isTrue();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.BRIEFING);
    }

    @Test
    void tabIntoTheSlideThenDownAndEnterDrillsANarrativeFigure(FxRobot robot) throws Exception {
        awaitLoaded();
        SlideView slide = briefingOn(robot, SlideKind.NARRATIVE);
        robot.interact(slide::requestFocus);
        assertThat(robot.lookup(".slide-figure-ring").queryAs(Node.class).isVisible()).isFalse();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slide.chosenFigure()).isZero();
        assertThat(robot.lookup(".slide-figure-ring").queryAs(Node.class).isVisible())
                .as("a ring around the chosen figure").isTrue();
        if (Boolean.getBoolean("cc.drill.shot")) {
            robot.interact(() -> org.antifraud.cc.app.FxTestSupport.snapshot(window, 1000, 900,
                    Path.of("target/slide-ring.png")));
        }
        var spot = slide.figures().getFirst();
        robot.type(KeyCode.ENTER);
        FigureDrillViewModel drill = window.briefing().figureDrill();
        awaitDrilled(robot, drill);
        assertThat(drill.explanation().stat().indicator().code()).isEqualTo(spot.indicator());
        assertThat(listed(robot)).isEqualTo(explained(spot.indicator(), spot.regionCode()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
    }

    @Test
    void enterOnAFocusedTileOpensThePanelAndTheSameFigureFromTheCliServiceAgrees(FxRobot robot) throws Exception {
        awaitLoaded();
        Node tile = robot.lookup("#kpi-suspects_arrested").query();
        robot.interact(tile::requestFocus);
        robot.type(KeyCode.ENTER);
        awaitDrilled(robot);
        var explained = services.explain().explain("suspects_arrested", "ZONE-SOUTH", Period.year(2018));
        assertThat(table(robot).getItems().stream().map(FigureDrillViewModel.Row::key).collect(Collectors.toSet()))
                .isEqualTo(explained.records().stream().map(b -> b.record().key()).collect(Collectors.toSet()));
        assertThat(explained.recordsTotal()).isEqualByComparingTo(explained.figure().value());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
    }

    private Set<String> shownKeys(FxRobot robot) {
        return table(robot).getItems().stream().map(FigureDrillViewModel.Row::key).collect(Collectors.toSet());
    }

    private static Set<String> explainedKeys(String indicator, String region, Period period) {
        return services.explain().explain(indicator, region, period).records().stream()
                .map(b -> b.record().key()).collect(Collectors.toSet());
    }

    @Test
    void enterOnABarOfTheDenChartListsTheRecordsOfThatMonthAndRegion(FxRobot robot) throws Exception {
        awaitLoaded();
        var trend = window.dashboard().dataProperty().get().denTrend();
        int guangdong = -1;
        for (int i = 0; i < trend.series().size(); i++) {
            if (trend.series().get(i).key().equals("CN-GD")) {
                guangdong = i;
            }
        }
        assertThat(guangdong).as("Guangdong a series of South China's den chart").isNotNegative();
        Node chart = robot.lookup("#denTrend").query();
        robot.interact(chart::requestFocus);
        robot.type(KeyCode.HOME); // January 2018: Guangdong's first den
        for (int i = 0; i < guangdong; i++) {
            robot.type(KeyCode.UP);
        }
        robot.type(KeyCode.ENTER);
        awaitDrilled(robot);

        Period january = trend.buckets().getFirst();
        Set<String> expected = ENTERED.stream().filter(r -> r.regionCode().equals("CN-GD")
                        && !((DenTakedown) r).takenOn().isBefore(january.start())
                        && !((DenTakedown) r).takenOn().isAfter(january.end()))
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(expected).as("one den in Guangdong in January").hasSize(1);
        assertThat(shownKeys(robot)).isEqualTo(expected).isEqualTo(explainedKeys(DENS, "CN-GD", january));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void enterOnAZoneTableCellListsTheRecordsBehindThatZonesFigure(FxRobot robot) throws Exception {
        awaitLoaded();
        @SuppressWarnings("unchecked")
        TableView<org.antifraud.cc.ui.dashboard.DashboardPanels.RegionRow> zones =
                robot.lookup("#zoneTable").queryAs(TableView.class);
        int south = -1;
        for (int i = 0; i < zones.getItems().size(); i++) {
            if (zones.getItems().get(i).code().equals("ZONE-SOUTH")) {
                south = i;
            }
        }
        assertThat(south).as("South China in the zone table").isNotNegative();
        int row = south;
        robot.interact(() -> {
            zones.requestFocus();
            zones.getFocusModel().focus(row, zones.getColumns().get(1)); // the zone's dens destroyed
        });
        robot.type(KeyCode.ENTER);
        awaitDrilled(robot);
        Set<String> southern = Set.of("CN-GD", "CN-GX", "CN-HI");
        Set<String> expected = ENTERED.stream().filter(r -> southern.contains(r.regionCode()))
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(shownKeys(robot)).isEqualTo(expected)
                .isEqualTo(explainedKeys(DENS, "ZONE-SOUTH", Period.year(2018)));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aClickOnAPieceOfASlidesBarListsTheRecordsOfThatMonthAndProvince(FxRobot robot) throws Exception {
        awaitLoaded();
        SlideView slide = briefingOn(robot, SlideKind.DENS);
        Period january = Period.parse("2018-01");
        int piece = -1;
        for (int i = 0; i < slide.figures().size(); i++) {
            var spot = slide.figures().get(i);
            if (january.equals(spot.period()) && spot.regionCode().equals("CN-GD")) {
                piece = i;
            }
        }
        assertThat(piece).as("Guangdong's piece of January's bar is a drill target").isNotNegative();
        robot.clickOn(slide.localToScreen(slide.figureCentre(piece)));
        FigureDrillViewModel drill = window.briefing().figureDrill();
        awaitDrilled(robot, drill);

        Set<String> expected = ENTERED.stream().filter(r -> r.regionCode().equals("CN-GD")
                        && ((DenTakedown) r).takenOn().getMonthValue() == 1)
                .map(EntryRecord::key).collect(Collectors.toSet());
        assertThat(expected).as("one den in Guangdong in January").hasSize(1);
        assertThat(listed(robot)).isEqualTo(expected).isEqualTo(explainedKeys(DENS, "CN-GD", january));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // chosen by key, a screen reader hears which figure it is
        int chosen = piece;
        robot.interact(() -> slide.choose(chosen));
        assertThat(slide.getAccessibleText()).contains("Guangdong", "dens");
    }

    @Test
    void tabReachesEachFigureOfTheNarrativeAndEnterOpensWhatIsBehindIt(FxRobot robot) throws Exception {
        awaitLoaded();
        briefingOn(robot, SlideKind.NARRATIVE);
        List<Text> figures = robot.lookup(".briefing-figure").queryAllAs(Text.class).stream().toList();
        assertThat(figures).as("the narrative's figures").hasSizeGreaterThanOrEqualTo(2);
        robot.interact(() -> figures.getFirst().requestFocus());
        assertThat(figures.getFirst().isFocused()).isTrue();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(figures.get(1).isFocused()).as("Tab goes on to the next figure").isTrue();

        // the pieces are drawn in order: the figure Texts are the figure pieces, one for one
        var pieces = window.briefing().sections().stream().flatMap(section -> section.pieces().stream())
                .filter(p -> p.figure()).toList();
        assertThat(pieces).hasSameSizeAs(figures);
        int known = 0;
        while (pieces.get(known).indicator() == null) {
            known++;
        }
        Text figure = figures.get(known);
        robot.interact(figure::requestFocus);
        robot.type(KeyCode.ENTER);
        FigureDrillViewModel drill = window.briefing().figureDrill();
        awaitDrilled(robot, drill);
        assertThat(drill.explanation().stat().indicator().code()).isEqualTo(pieces.get(known).indicator());
        // the panel took the narrative's room and the keyboard: Esc closes it and gives the keyboard back
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-drill").tryQuery()).isEmpty();
        List<Text> again = robot.lookup(".briefing-figure").queryAllAs(Text.class).stream().toList();
        assertThat(again.get(known).isFocused() || figure.isFocused()).as("the figure opened has the keyboard again")
                .isTrue();
    }
}
