package org.antifraud.cc.ui.entry;

import static org.antifraud.cc.app.FxTestSupport.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Data entry page, headless: a den takedown entered with the keyboard alone, the page pictured, and a warning
 * instruction entered, refused where its contact comes first, then edited (issue 17).
 */
@IntegrationTest
class DataEntryViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected void beforeShow(Stage stage) {
        stage.setHeight(760);
    }

    @Test
    void aDenTakedownEnteredByKeyboardAloneAppearsInTheHistory(FxRobot robot) throws Exception {
        int before = services.records().recent(RecordKind.DEN_TAKEDOWN, 500).size();
        // the dashboard watches Guangdong in February 2023
        robot.interact(() -> {
            window.dashboard().regionCodeProperty().set("CN-GD");
            window.dashboard().periodTextProperty().set("2023-02");
            window.dashboard().refresh();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dashboardShows("2023-02"));
        BigDecimal densBefore = dens();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        idle(robot);
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.ENTRY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focusId().equals("denDate"));

        robot.write("2023-02-20");
        tab(robot);
        robot.type(KeyCode.G); // a letter opens the search (write() sends no key presses)
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("uangdong");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // picks the match
        idle(robot);
        tab(robot);
        assertThat(focusId()).isEqualTo("denCity");
        robot.write("Shenzhen");
        tab(robot); // campaign: none
        tab(robot);
        robot.write("Bao'an, Xixiang");
        tab(robot);
        robot.write("4");
        tab(robot);
        robot.write("3");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        idle(robot);

        List<DenTakedown> stored = services.records().recent(RecordKind.DEN_TAKEDOWN, 500).stream()
                .map(s -> (DenTakedown) s.record()).filter(d -> "Shenzhen".equals(d.city())).toList();
        assertThat(stored).singleElement().satisfies(d -> {
            assertThat(d.takenOn()).hasToString("2023-02-20");
            assertThat(d.regionCode()).isEqualTo("CN-GD");
            assertThat(d.address()).isEqualTo("Bao'an, Xixiang");
            assertThat(d.suspectsArrested()).isEqualTo(4);
            assertThat(d.goipDevices()).isEqualTo(3);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#historyTable").queryAs(TableView.class).getItems().size() == before + 1);
        assertThat(cellTexts(robot, "#historyTable")).contains("2023-02-20", "Guangdong", "Shenzhen", "4", "3");
        assertThat(focusId()).as("ready for the next den of the batch").isEqualTo("denCity");
        // live refresh brings it to the dashboard's KPI
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> densBefore.add(BigDecimal.ONE).compareTo(dens()) == 0);

        // Ctrl+Z takes it back
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        idle(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#historyTable").queryAs(TableView.class).getItems().size() == before);
    }

    @Test
    void rendersThePageInBothThemesAndLanguages(FxRobot robot) throws Exception {
        for (int i = 0; i < 6; i++) {
            services.records().save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2023, 1, 10 + i),
                    i % 2 == 0 ? "CN-GD" : "CN-FJ", i % 2 == 0 ? "Foshan" : "Xiamen", "chain_cutting", null,
                    3 + i, i, 20 * i, 4 * i, null), null, "form");
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        idle(robot);
        // a half-typed record with an error showing
        robot.interact(() -> {
            DenTakedownForm f = (DenTakedownForm) window.entry().forms().form(RecordKind.DEN_TAKEDOWN);
            f.date.set(LocalDate.of(2023, 2, 20));
            f.region.set("CN-GD");
            f.city.set("Dongguan");
            f.suspects.set("-2");
        });
        Path dir = Path.of("target", "screenshots");
        for (String[] look : new String[][]{{"DARK", "zh"}, {"LIGHT", "en"}}) {
            robot.interact(() -> {
                window.appearance().themeProperty().set(Theme.valueOf(look[0]));
                window.appearance().localeProperty().set(Lang.fromTag(look[1]));
            });
            idle(robot);
            String name = look[0].toLowerCase() + "-" + look[1];
            FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
            robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1280, 800, dir.resolve("entry-" + name + ".png")));
            ScreenChecks.assertRendered("entry-" + name, shot[0].image(), Theme.valueOf(look[0]), shot[0].clipped());
            robot.clickOn("#showAudit");
            idle(robot);
            robot.clickOn("#verifyButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.entry().audit().verifyTextProperty().get().isEmpty()
                    && window.entry().audit().verifyIntactProperty().get() != null);
            idle(robot);
            robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1280, 800,
                    dir.resolve("entry-audit-" + name + ".png")));
            ScreenChecks.assertRendered("entry-audit-" + name, shot[0].image(), Theme.valueOf(look[0]),
                    shot[0].clipped());
            robot.clickOn("#showRecords");
            idle(robot);
        }
        robot.interact(() -> FxTestSupport.snapshot(window, 960, 600, dir.resolve("entry-light-en-smallest.png")));
        assertThat(robot.lookup("#historyTable").tryQuery()).isPresent();
    }

    // --- helpers

    private boolean dashboardShows(String period) {
        var data = window.dashboard().dataProperty().get();
        return data != null && data.query().period().code().equals(period) && "CN-GD".equals(data.query().regionCode());
    }

    /** Dens destroyed as the dashboard's KPI shows it now (0 when it knows none). */
    private BigDecimal dens() {
        var kpi = window.dashboard().dataProperty().get().kpi("dens_destroyed").value();
        return kpi.isKnown() ? kpi.value() : BigDecimal.ZERO;
    }

    private static void tab(FxRobot robot) throws Exception {
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String focusId() {
        Node n = window.scene().getFocusOwner();
        for (; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return n.getId();
            }
        }
        return "";
    }

    private static void idle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#busyIndicator").tryQuery().map(n -> !n.isVisible()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static BigDecimal dissuaded() {
        var stat = services.stats().stats(new StatsQuery(Period.parse("2023"), "CN-GD", null),
                List.of("instructions_dissuaded")).indicators().getFirst();
        return stat.value().isKnown() ? stat.value().value() : BigDecimal.ZERO;
    }

    @Test
    void anInstructionIsEnteredThenItsContactEditedAndTheFiguresAndTheTrailFollow(FxRobot robot) throws Exception {
        BigDecimal before = dissuaded();
        InstructionForm form = (InstructionForm) window.entry().forms().form(RecordKind.WARNING_INSTRUCTION);
        robot.interact(() -> {
            window.shell().pageProperty().set(Page.ENTRY);
            window.entry().forms().kindProperty().set(RecordKind.WARNING_INSTRUCTION);
            form.issuedAt.set("2023-03-05 09:10");
            form.region.set("CN-GD");
            form.tier.set(InstructionTier.NATIONAL);
            form.risk.set(RiskLevel.HIGH);
            form.contactedAt.set("2023-03-05 09:02"); // before the issue
        });
        idle(robot);
        assertThat(robot.lookup("#instructionIssued").tryQuery()).isPresent();
        // the form, its words under the field, whole at a laptop's size in both themes and languages
        for (Theme theme : Theme.values()) {
            for (java.util.Locale lang : List.of(Lang.EN, Lang.ZH)) {
                robot.interact(() -> {
                    window.appearance().themeProperty().set(theme);
                    window.appearance().localeProperty().set(lang);
                });
                idle(robot);
                String name = "entry-instruction-" + theme.name().toLowerCase() + "-" + lang.getLanguage();
                FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                robot.interact(() -> shot[0] = FxTestSupport.shot(window, 1366, 768,
                        Path.of("target", "screenshots", name + ".png")));
                ScreenChecks.assertRendered(name, shot[0].image(), theme, shot[0].clipped());
            }
        }
        robot.interact(() -> {
            window.appearance().themeProperty().set(Theme.DARK);
            window.appearance().localeProperty().set(Lang.EN);
        });
        idle(robot);
        assertThat(window.entry().forms().validProperty().get()).isFalse();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream().filter(Label::isVisible)
                .map(Label::getText)).contains("Before the instruction was issued.");

        robot.interact(() -> form.contactedAt.set(""));
        idle(robot);
        assertThat(window.entry().forms().validProperty().get()).isTrue();
        robot.interact(() -> window.entry().changes().save());
        idle(robot);
        WarningInstruction saved = services.records().recent(RecordKind.WARNING_INSTRUCTION, 10).stream()
                .map(s -> (WarningInstruction) s.record()).filter(i -> i.regionCode().equals("CN-GD")).findFirst()
                .orElseThrow();
        assertThat(saved.outcome()).isEqualTo(InstructionOutcome.PENDING);
        assertThat(saved.contactedAt()).isNull();
        assertThat(dissuaded()).isEqualByComparingTo(before);

        // reached 26 minutes later and dissuaded: opened from the history, edited, saved
        @SuppressWarnings("unchecked")
        TableView<HistoryRow> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().stream()
                .anyMatch(r -> r.stored().record().key().equals(saved.key())));
        HistoryRow row = history.getItems().stream().filter(r -> r.stored().record().key().equals(saved.key()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            window.entry().forms().edit(row);
            form.contactedAt.set("2023-03-05 09:36");
            form.outcome.set(InstructionOutcome.DISSUADED);
            form.funds.set("48000");
        });
        idle(robot);
        robot.interact(() -> window.entry().changes().save());
        idle(robot);

        WarningInstruction edited = (WarningInstruction) services.records().recent(RecordKind.WARNING_INSTRUCTION, 10)
                .stream().filter(s -> s.record().key().equals(saved.key())).findFirst().orElseThrow().record();
        assertThat(edited.contactMinutes()).isEqualTo(26);
        assertThat(edited.fundsProtected()).isEqualByComparingTo("48000");
        assertThat(dissuaded()).isEqualByComparingTo(before.add(BigDecimal.ONE));
        List<AuditEntry> trail = services.audit().entries(RecordKind.WARNING_INSTRUCTION, saved.key(), null, null, 10);
        assertThat(trail).extracting(AuditEntry::action).contains(AuditEntry.INSERT, AuditEntry.UPDATE);
        AuditEntry update = trail.stream().filter(e -> e.action().equals(AuditEntry.UPDATE)).findFirst().orElseThrow();
        assertThat(update.before()).contains("contacted_at\n").contains("outcome=pending");
        assertThat(update.after()).contains("contacted_at=2023-03-05T09:36", "outcome=dissuaded", "funds_protected=48000");
    }
}
