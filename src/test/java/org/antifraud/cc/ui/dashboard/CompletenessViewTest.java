package org.antifraud.cc.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;

/**
 * Reporting completeness in the whole window, headless: the dashboard's panel marks a late province × kind, and the
 * Data entry page's Submit month (Ctrl+M) submits a month, which the panel then counts (live refresh). The months of
 * 2022 are all long over, so none submitted is late whatever today is.
 */
@IntegrationTest
class CompletenessViewTest extends MainWindowFxTest {
    private static final YearMonth JUNE = YearMonth.of(2022, 6);

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected void beforeShow(Stage stage) {
        stage.setWidth(1000);
        stage.setHeight(760);
    }

    @Test
    void theDashboardMarksLateMonthsAndSubmitMonthSubmits(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.dashboard().regionCodeProperty().set("CN");
            window.dashboard().periodTextProperty().set("2022");
            window.dashboard().refresh();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> gdDens() != null && gdDens().countText().equals("0/12"));
        WaitForAsyncUtils.waitForFxEvents();
        // the grid is built when its tab is shown
        assertThat(robot.lookup("#completeness-CN-GD-dens").tryQuery()).isEmpty();
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getContent() != null && t.getContent().lookup("#completenessPanel") != null)
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup("#completeness-CN-GD-dens").query();
        assertThat(cell.getStyleClass()).contains(StyleClasses.LATE);
        assertThat(gdDens().tooltip()).contains("2022-01").contains("2022-12");
        assertThat(robot.lookup("#completenessPanel").query().isVisible()).isTrue();
        FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
        robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1920, 1080,
                Path.of("target", "screenshots", "dashboard-completeness-1920.png")));
        ScreenChecks.assertRendered("dashboard-completeness", shot[0].image(), window.appearance().themeProperty().get(),
                shot[0].clipped());

        robot.interact(() -> {
            window.shell().pageProperty().set(Page.ENTRY);
            window.entry().forms().kindProperty().set(RecordKind.DEN_TAKEDOWN);
            window.entry().forms().form(RecordKind.DEN_TAKEDOWN).<String>field("region").set("CN-GD");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#submitButton").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#monthField").queryAs(TextField.class).setText("2022-06"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#submitButton").query().isDisabled());
        assertThat(robot.lookup("#stateLabel").queryAs(Label.class).getText()).isEqualTo("Open: not submitted");
        robot.clickOn("#submitButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> services.submissions().state(SubmissionKind.DENS, "CN-GD", JUNE) == SubmissionState.SUBMITTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Submitted dens for Guangdong, 2022-06"
                .equals(robot.lookup("#submitMessage").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("Submitted by "));
        robot.clickOn("#submitCloseButton");

        // live refresh: the dashboard's panel counts the month
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> gdDens().countText().equals("1/12"));
        assertThat(gdDens().lateMonths()).doesNotContain(JUNE).hasSize(11);
    }

    private CompletenessViewModel.Cell gdDens() {
        return window.completeness().rows().stream().filter(r -> r.regionCode().equals("CN-GD")).findFirst()
                .map(r -> r.cells().get(SubmissionKind.DENS.ordinal())).orElse(null);
    }
}
