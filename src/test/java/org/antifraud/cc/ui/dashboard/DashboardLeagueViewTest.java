package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.MainWindowFxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16 in the real main window, headless: all 34 units on the map, the league table, its activation hook. */
@IntegrationTest
class DashboardLeagueViewTest extends MainWindowFxTest {
    private final List<String> activated = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        openOnDashboard(stage, "2022", "CN");
    }

    @Override
    protected void beforeShow(Stage stage) {
        window.dashboard().campaignCodeProperty().set(null);
        window.dashboard().setOnRegionActivated(activated::add);
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var data = window.dashboard().dataProperty().get();
            return data != null && !window.dashboard().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMapHasTaiwanHongKongAndMacaoNamedWithNoData(FxRobot robot) throws Exception {
        awaitLoaded();
        assertThat(robot.lookup(".province-tile").queryAll()).hasSize(34);
        for (var e : List.of(List.of("CN-TW", "Taiwan"), List.of("CN-HK", "Hong Kong"), List.of("CN-MO", "Macao"))) {
            String id = "#tile-" + e.get(0);
            // a long name on two lines (issue 16), whole: never cut short
            assertThat(robot.lookup(id + " .tile-label").queryAs(Label.class).getText().replace('\n', ' '))
                    .isEqualTo(e.get(1));
            assertThat(robot.lookup(id + " .tile-value").queryAs(Label.class).getText()).isEqualTo("No data");
            assertThat(robot.lookup(id).query().getStyleClass()).contains("tile-no-data");
        }
        assertThat(robot.lookup("#tile-CN-GD .tile-label").queryAs(Label.class).getText()).isEqualTo("Guang-\ndong");
        assertThat(robot.lookup("#tile-CN-HL .tile-label").queryAs(Label.class).getText()).isEqualTo("Heilong-\njiang");
    }

    @Test
    void enterOnALeagueRowAndEnterOnAMapTileFireTheRegionHook(FxRobot robot) throws Exception {
        awaitLoaded();
        @SuppressWarnings("unchecked")
        TableView<DashboardPanels.LeagueRow> table = robot.lookup("#leagueTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(31);
        String third = table.getItems().get(2).code();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(2);
            table.getFocusModel().focus(2);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(activated).containsExactly(third);
        assertThat(window.dashboard().regionCodeProperty().get()).as("the hook only; no drill-down").isEqualTo("CN");

        robot.interact(() -> robot.lookup("#tile-CN-TW").query().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(activated).containsExactly(third, "CN-TW");
    }
}
