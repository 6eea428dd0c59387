package org.antifraud.cc.ui.alerts;

import static org.antifraud.cc.app.FxTestSupport.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.ArrayList;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.ComboBox;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.EntryRecord;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Alerts page, headless: a threshold set in the form, a figure that crosses it, the pop-up and the list. */
@IntegrationTest
class AlertsViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static final String WARNINGS = "warnings_local";

    @Override
    protected void beforeShow(Stage stage) {
        // notifications stack upwards from the window's bottom; the headless screen (1000 high) must hold them all
        stage.setHeight(760);
    }

    @AfterEach
    void forgetThresholds() {
        services.alerts().thresholds().forEach(t -> services.alerts().delete(t.id()));
    }

    @Test
    void aCrossedThresholdPopsUpANotificationAndListsTheAlert(FxRobot robot) throws Exception {
        robot.clickOn("#navAlerts");
        idle(robot);
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.ALERTS);

        // the operator sets "daily local warnings in Guangdong above 1,000"
        robot.interact(() -> {
            comboBox(robot, "#indicatorBox").setValue(WARNINGS);
            comboBox(robot, "#regionBox").setValue("CN-GD");
        });
        robot.clickOn("#limitField").write("1000");
        robot.clickOn("#saveButton");
        idle(robot);
        assertThat(table(robot, "#thresholdTable").getItems()).singleElement()
                .satisfies(row -> assertThat(row).isInstanceOfSatisfying(ThresholdRow.class, r -> {
                    assertThat(r.region()).isEqualTo("Guangdong");
                    assertThat(r.rule()).isEqualTo("> 1,000");
                }));
        assertThat(notificationTexts(robot)).as("no figure crosses it yet").isEmpty();

        // a day's figure arrives (as another writer would store it); live refresh notices, the threshold is crossed
        services.datasets().addMeasurements(List.of(new Measurement(WARNINGS, "CN-GD", Period.parse("2030-01-15"),
                null, new BigDecimal("1500"), null, Basis.COMPUTED, null, null, null)));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !notificationTexts(robot).isEmpty());
        idle(robot);

        assertThat(notificationTexts(robot)).contains("Alert: Local early warnings \u00b7 Guangdong",
                "2030-01-15: at least 1,500 (partial), threshold > 1,000");
        assertThat(table(robot, "#alertTable").getItems()).hasSize(1);
        assertThat(cellTexts(robot, "#alertTable")).contains("Local early warnings", "Guangdong", "2030-01-15",
                "at least 1,500 (partial)", "> 1,000");
        assertThat(robot.lookup("#alertBadge").queryAs(Label.class).getText()).isEqualTo("1");

        // refreshing again raises nothing new
        robot.press(KeyCode.F5).release(KeyCode.F5);
        idle(robot);
        assertThat(table(robot, "#alertTable").getItems()).hasSize(1);

        // select it and acknowledge with the keyboard
        robot.clickOn(robot.from(robot.lookup("#alertTable").queryAll())
                .lookup((Labeled l) -> "2030-01-15".equals(l.getText())).queryAs(Node.class));
        assertThat(robot.lookup("#acknowledgeButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        idle(robot);
        assertThat(table(robot, "#alertTable").getItems()).as("the default list shows unacknowledged alerts").isEmpty();
        assertThat(robot.lookup("#navAlerts").queryAs(ToggleButton.class).getGraphic()).as("no badge").isNull();
        robot.clickOn("#showAll");
        idle(robot);
        assertThat(cellTexts(robot, "#alertTable")).anySatisfy(t -> assertThat(t)
                .startsWith(System.getProperty("user.name") + ", "));
    }

    @Test
    void theRefreshActionEvaluatesTheThresholds(FxRobot robot) throws Exception {
        // the evaluation at start is over before the threshold and the figure exist
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !window.alerts().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        services.alerts().create(new ThresholdSpec(WARNINGS, "CN-GX", AlertGrain.DAY, AlertKind.ABOVE,
                new BigDecimal("10"), true), "duty.officer");
        // stored behind the application's back: live refresh does not see it, F5 does
        store(new Measurement(WARNINGS, "CN-GX", Period.parse("2030-02-01"), null, new BigDecimal("11"), null,
                Basis.COMPUTED, null, null, null));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> notificationTexts(robot).stream()
                .anyMatch(t -> t.startsWith("2030-02-01: at least 11 (partial),")));
        idle(robot);
        assertThat(robot.lookup("#alertBadge").queryAs(Label.class).getText()).isEqualTo("1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThresholdOnHighRiskBreachesSaysItsPartInTheListAndInTheAlert(FxRobot robot) throws Exception {
        robot.clickOn("#navAlerts");
        idle(robot);
        assertThat(robot.lookup("#riskBox").queryAs(ComboBox.class).isVisible())
                .as("no indicator yet: nothing to cut").isFalse();

        // the example: high-risk breaches in Guangdong above 5 in a day
        robot.interact(() -> {
            comboBox(robot, "#indicatorBox").setValue("sla_breaches");
            comboBox(robot, "#regionBox").setValue("CN-GD");
        });
        idle(robot);
        ComboBox<?> risk = robot.lookup("#riskBox").queryAs(ComboBox.class);
        assertThat(risk.isVisible() && !risk.isDisabled()).as("breaches are a figure of instructions").isTrue();
        assertThat(robot.from(risk).lookup(".list-cell").queryAll()).as("what the closed box shows")
                .anySatisfy(c -> assertThat(((Labeled) c).getText()).isEqualTo("Every risk level"));
        robot.interact(() -> ((ComboBox<String>) robot.lookup("#riskBox").queryAs(ComboBox.class)).setValue("high"));
        // the form has grown by the two rows: the limit is typed where the operator scrolls to
        robot.interact(() -> robot.lookup("#limitField").queryAs(javafx.scene.control.TextField.class).setText("5"));
        robot.clickOn("#saveButton");
        idle(robot);
        assertThat(cellTexts(robot, "#thresholdTable")).contains("Time-limit breaches \u00b7 High risk", "> 5");

        // six high-risk instructions nobody reached, and four low-risk ones: only the six count
        LocalDateTime nine = LocalDateTime.of(2022, 11, 30, 9, 0);
        List<EntryRecord> instructions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            instructions.add(new WarningInstruction(UUID.randomUUID(), nine.plusMinutes(i), "CN-GD",
                    InstructionTier.NATIONAL, i < 6 ? RiskLevel.HIGH : RiskLevel.LOW, null, InstructionOutcome.PENDING,
                    null));
        }
        services.records().importAll(instructions, "clerk");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !notificationTexts(robot).isEmpty());
        idle(robot);
        assertThat(notificationTexts(robot)).contains("Alert: Time-limit breaches \u00b7 High risk \u00b7 Guangdong",
                "2022-11-30: at least 6 (partial), threshold > 5");
        assertThat(cellTexts(robot, "#alertTable")).contains("Time-limit breaches \u00b7 High risk", "2022-11-30",
                "at least 6 (partial)");

        // another indicator has no risk levels: the choice is cleared and closed
        robot.clickOn("#newButton");
        robot.interact(() -> comboBox(robot, "#indicatorBox").setValue("sla_breaches"));
        robot.interact(() -> ((ComboBox<String>) robot.lookup("#riskBox").queryAs(ComboBox.class)).setValue("low"));
        robot.interact(() -> comboBox(robot, "#indicatorBox").setValue(WARNINGS));
        assertThat(risk.isVisible()).isFalse();
        assertThat(risk.getValue()).isEqualTo("");
    }

    @Test
    void anIncompleteThresholdNamesWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("#navAlerts");
        idle(robot);
        robot.clickOn("#limitField").write("many");
        robot.clickOn("#saveButton");
        idle(robot);

        assertThat(robot.lookup("#fieldErrorLabel").queryAs(Label.class).getText()).isEqualTo("Choose an indicator.");
        robot.interact(() -> {
            comboBox(robot, "#indicatorBox").setValue(WARNINGS);
            comboBox(robot, "#regionBox").setValue("CN-GD");
        });
        assertThat(robot.lookup("#fieldErrorLabel").queryAs(Label.class).getText())
                .isEqualTo("The limit must be a number, e.g. 1000 or 12.5.");
        assertThat(table(robot, "#thresholdTable").getItems()).isEmpty();
    }

    @Test
    void rendersThePageAndItsNotificationInBothThemesAndLanguages(FxRobot robot) throws Exception {
        for (String[] t : new String[][]{{"CN-GD", "DAY", "ABOVE", "1000"}, {"CN-GX", "MONTH", "RISE_PCT", "20"},
                {"CN", "YEAR", "ABOVE", "100000"}, {"ZONE-SOUTH", "DAY", "ABOVE", "50"}}) {
            services.alerts().create(new ThresholdSpec(WARNINGS, t[0], AlertGrain.valueOf(t[1]), AlertKind.valueOf(t[2]),
                    new BigDecimal(t[3]), true), "duty.officer");
        }
        // a part of the warning instructions: its two rows in the form, its name in the list (issue 17)
        AlertThreshold highRisk = services.alerts().create(new ThresholdSpec("sla_breaches", "CN-GD",
                new InstructionCut(InstructionTier.LOCAL, RiskLevel.HIGH), AlertGrain.DAY, AlertKind.ABOVE,
                new BigDecimal("5"), true), "duty.officer");
        store(new Measurement(WARNINGS, "CN-GD", Period.parse("2031-02-03"), null, new BigDecimal("1832"), null,
                        Basis.COMPUTED, null, null, null),
                new Measurement(WARNINGS, "CN-GX", Period.parse("2031-01"), null, new BigDecimal("400"), null,
                        Basis.SYNTHETIC_DEMO, null, null, null),
                new Measurement(WARNINGS, "CN-GX", Period.parse("2031-02"), null, new BigDecimal("612"), null,
                        Basis.SYNTHETIC_DEMO, null, null, null));
        robot.clickOn("#navAlerts");
        robot.interact(() -> window.alerts().evaluate());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table(robot, "#alertTable").getItems().size() >= 3);
        idle(robot);
        robot.interact(() -> window.alerts().edit(highRisk.id()));

        Path dir = Path.of("target", "screenshots");
        for (Theme theme : Theme.values()) {
            for (String lang : new String[]{"zh", "en"}) {
                robot.interact(() -> {
                    window.appearance().themeProperty().set(theme);
                    window.appearance().localeProperty().set(Lang.fromTag(lang));
                });
                idle(robot);
                String name = theme.name().toLowerCase() + "-" + lang;
                FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1280, 800,
                        dir.resolve("alerts-" + name + ".png")));
                assertThat(shot[0].image().getWidth()).isEqualTo(1280);
                ScreenChecks.assertRendered("alerts-" + name, shot[0].image(), theme, shot[0].clipped());
                assertThat(robot.lookup("#alertTable").tryQuery()).isPresent();
            }
        }
        // the smallest window the application allows
        robot.interact(() -> FxTestSupport.snapshot(window, 960, 600, dir.resolve("alerts-light-en-smallest.png")));
        // a notification as it pops up, in each theme
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.appearance().themeProperty().set(theme));
            store(new Measurement(WARNINGS, "CN-GD", Period.parse(theme == Theme.DARK ? "2031-02-04" : "2031-02-05"),
                    null, new BigDecimal("2048"), null, Basis.COMPUTED, null, null, null));
            robot.interact(() -> window.alerts().evaluate());
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> notificationTexts(robot).stream()
                    .anyMatch(s -> s.contains("2,048")));
            idle(robot);
            Optional<Window> popup = notificationWindow("2,048");
            assertThat(popup).isPresent();
            // pictured once it has faded in
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> popup.get().getOpacity() >= 1.0
                    && popup.get().getScene().getRoot().lookup(".notification-bar").getOpacity() >= 1.0);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                BufferedImage img = FxTestSupport.toBuffered(popup.get().getScene().snapshot(null));
                try {
                    Files.createDirectories(dir);
                    ImageIO.write(img, "png", dir.resolve("alert-notification-" + theme.name().toLowerCase() + ".png")
                            .toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // --- helpers

    private static void idle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#navAlerts").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup(".alerts-page").tryQuery().isEmpty() || !busy(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean busy(FxRobot robot) {
        return robot.lookup("#busyIndicator").tryQuery().map(Node::isVisible).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static SearchableComboBox<String> comboBox(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(SearchableComboBox.class);
    }

    private static TableView<?> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Every text in the notification pop-ups now showing. */
    private static List<String> notificationTexts(FxRobot robot) {
        return robot.lookup(".notification-bar .label").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible).map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** The newest notification pop-up that shows {@code text}. */
    private static Optional<Window> notificationWindow(String text) {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookupAll(".label").stream()
                        .anyMatch(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains(text)))
                .reduce((first, second) -> second);
    }

    private static void store(Measurement... measurements) {
        services.database().transaction(repos -> {
            repos.measurements().insertAll(List.of(measurements));
            return null;
        });
    }
}
