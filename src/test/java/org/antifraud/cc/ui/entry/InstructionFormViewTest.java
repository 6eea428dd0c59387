package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.AuditEntry;
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
 * Issue 17 on the Data entry page, headless: an instruction entered in its form, a contact time that comes before the
 * issue refused under the field in words, then the contact and the outcome edited: the figures follow and the audit
 * trail holds the change.
 */
@IntegrationTest
class InstructionFormViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected void beforeShow(Stage stage) {
        stage.setHeight(760);
    }

    private static BigDecimal dissuaded() {
        var stat = services.stats().stats(new StatsQuery(Period.parse("2023"), "CN-GD", null),
                List.of("instructions_dissuaded")).indicators().getFirst();
        return stat.value().isKnown() ? stat.value().value() : BigDecimal.ZERO;
    }

    private static void idle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#busyIndicator").tryQuery().map(n -> !n.isVisible()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
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
