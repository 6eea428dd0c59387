package org.antifraud.cc.service.alerts;

import static org.antifraud.cc.persistence.StoredFigures.figure;
import static org.antifraud.cc.persistence.StoredFigures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.StatsService;
import org.antifraud.cc.service.records.RecordService;

/** Thresholds, their evaluation and the alerts they raise, on a real H2 migrated by Flyway. */
@IntegrationTest
class AlertServiceTest {
    private static final String WARNINGS = "warnings_local";
    private static final String LOSS = "property_loss";
    private static final Instant NOW = Instant.parse("2023-03-05T08:00:00Z");

    private Database database;
    private AlertService alerts;

    @BeforeEach
    void openDatabase() {
        database = MemoryStore.database("alerts");
        var catalog = database.repositories().catalog().load();
        alerts = new AlertService(database, catalog, new StatsService(database, catalog),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    // --- above

    @Test
    void aDailyValueAboveTheLimitRaisesOneAlertForThatDay() {
        AlertThreshold t = threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "120"));

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).hasSize(1);
        AlertEvent e = raised.getFirst();
        assertThat(e.thresholdId()).isEqualTo(t.id());
        assertThat(e.indicatorCode()).isEqualTo(WARNINGS);
        assertThat(e.regionCode()).isEqualTo("CN-GD");
        assertThat(e.periodCode()).isEqualTo("2023-03-01");
        assertThat(e.value()).isEqualByComparingTo("120");
        assertThat(e.previousValue()).isNull();
        assertThat(e.limit()).isEqualByComparingTo("100");
        assertThat(e.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(e.raisedAt()).isEqualTo(NOW);
        assertThat(e.isAcknowledged()).isFalse();
        assertThat(alerts.events(AlertFilter.all())).containsExactly(e);
    }

    @Test
    void aValueEqualToTheLimitIsNotAbove() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "120");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "120"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
        assertThat(alerts.events(AlertFilter.all())).isEmpty();
    }

    @Test
    void onlyTheLatestDayWithDataIsJudged() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"), figure(WARNINGS, "CN-GD", "2023-03-02", "50"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    @Test
    void aMonthThresholdAddsUpTheDaysOfTheLatestMonth() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-02-28", "500"),
                figure(WARNINGS, "CN-GD", "2023-03-01", "60"), figure(WARNINGS, "CN-GD", "2023-03-02", "50"));

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).extracting(AlertEvent::periodCode).containsExactly("2023-03");
        assertThat(raised.getFirst().value()).isEqualByComparingTo("110");
    }

    @Test
    void aNationalThresholdAddsUpTheProvinces() {
        threshold(LOSS, "CN", AlertGrain.YEAR, AlertKind.ABOVE, "1000000");
        store(database, figure(LOSS, "CN-GD", "2023-01", "700000"), figure(LOSS, "CN-GX", "2023-02", "400000"));

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).extracting(AlertEvent::periodCode).containsExactly("2023");
        assertThat(raised.getFirst().value()).isEqualByComparingTo("1100000");
    }

    // --- rise_pct

    @Test
    void aRiseOfMoreThanTheLimitAgainstThePreviousMonthRaisesAnAlert() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "20");
        store(database, figure(WARNINGS, "CN-GD", "2023-02-01", "100"), figure(WARNINGS, "CN-GD", "2023-03-01", "130"));

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst().partial()).as("records of open months: like for like").isTrue();
        AlertEvent e = raised.getFirst();
        assertThat(e.periodCode()).isEqualTo("2023-03");
        assertThat(e.value()).isEqualByComparingTo("130");
        assertThat(e.previousValue()).isEqualByComparingTo("100");
        assertThat(e.risePct()).isEqualByComparingTo("30.0");
        assertThat(e.limit()).isEqualByComparingTo("20");
    }

    @Test
    void aRiseOfExactlyTheLimitIsNotMore() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "30");
        store(database, figure(WARNINGS, "CN-GD", "2023-02-01", "100"), figure(WARNINGS, "CN-GD", "2023-03-01", "130"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    @Test
    void aDayIsComparedWithTheDayBeforeNotWithLastYear() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.RISE_PCT, "50");
        store(database, figure(WARNINGS, "CN-GD", "2022-03-02", "1000"), // same day last year: far higher
                figure(WARNINGS, "CN-GD", "2023-03-01", "10"), figure(WARNINGS, "CN-GD", "2023-03-02", "16"));

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).extracting(AlertEvent::periodCode).containsExactly("2023-03-02");
        assertThat(raised.getFirst().previousValue()).isEqualByComparingTo("10");
    }

    @Test
    void noRiseIsStatedWithoutAPreviousPeriodOrFromZero() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "10");
        threshold(WARNINGS, "CN-GX", AlertGrain.MONTH, AlertKind.RISE_PCT, "10");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "500"), // nothing in February
                figure(WARNINGS, "CN-GX", "2023-02", "0"), figure(WARNINGS, "CN-GX", "2023-03-01", "500"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    @Test
    void syntheticFiguresRaiseSyntheticAlerts() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "10");
        store(database, demo(WARNINGS, "CN-GD", "2023-02", "100"), demo(WARNINGS, "CN-GD", "2023-03", "200"));

        assertThat(alerts.evaluate(NOW)).extracting(AlertEvent::basis).containsExactly(Basis.SYNTHETIC_DEMO);
    }

    @Test
    void aRealMonthIsNeverComparedWithADemoMonth() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "10");
        store(database, demo(WARNINGS, "CN-GD", "2023-02", "100"), figure(WARNINGS, "CN-GD", "2023-03", "200"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    @Test
    void aPartialMonthIsNotComparedWithACompleteOne() {
        // February is a province's statistic (complete); March so far one day's records (partial)
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.RISE_PCT, "20");
        store(database, figure(WARNINGS, "CN-GD", "2023-02", "100"), figure(WARNINGS, "CN-GD", "2023-03-01", "130"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    private static Measurement demo(String indicator, String region, String period, String value) {
        return new Measurement(indicator, region, Period.parse(period), null, new BigDecimal(value), null,
                Basis.SYNTHETIC_DEMO, null, null, null);
    }

    // --- no data, once only, disabled

    @Test
    void noDataRaisesNoAlert() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "0");
        threshold(WARNINGS, "CN-GD", AlertGrain.YEAR, AlertKind.RISE_PCT, "0");
        store(database, figure(WARNINGS, "CN-GX", "2023-03-01", "999")); // another province

        assertThat(alerts.evaluate(NOW)).isEmpty();
        assertThat(alerts.unacknowledgedCount()).isZero();
    }

    @Test
    void aYearFigureAloneDoesNotFeedADayThreshold() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "0");
        store(database, figure(WARNINGS, "CN-GD", "2023", "999"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    @Test
    void oneCrossingRaisesExactlyOneAlertHoweverOftenItIsEvaluated() {
        threshold(WARNINGS, "CN-GD", AlertGrain.MONTH, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"));

        assertThat(alerts.evaluate(NOW)).hasSize(1);
        assertThat(alerts.evaluate(NOW.plusSeconds(60))).isEmpty();
        store(database, figure(WARNINGS, "CN-GD", "2023-03-02", "80")); // the same month, higher still
        assertThat(alerts.evaluate(NOW.plusSeconds(120))).isEmpty();

        List<AlertEvent> all = alerts.events(AlertFilter.all());
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().value()).isEqualByComparingTo("150"); // the value at the crossing
        assertThat(alerts.unacknowledgedCount()).isEqualTo(1);
    }

    @Test
    void theNextPeriodCrossingRaisesItsOwnAlert() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"));
        alerts.evaluate(NOW);
        store(database, figure(WARNINGS, "CN-GD", "2023-03-02", "170"));

        assertThat(alerts.evaluate(NOW.plusSeconds(3600))).extracting(AlertEvent::periodCode)
                .containsExactly("2023-03-02");
        assertThat(alerts.events(AlertFilter.all())).extracting(AlertEvent::periodCode)
                .containsExactly("2023-03-02", "2023-03-01"); // newest first
    }

    @Test
    void aDisabledThresholdIsNotEvaluated() {
        AlertThreshold t = threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        alerts.update(t.id(), new ThresholdSpec(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE,
                new BigDecimal("100"), false));
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"));

        assertThat(alerts.evaluate(NOW)).isEmpty();
    }

    // --- acknowledge and filter

    @Test
    void anAcknowledgedAlertLeavesTheUnacknowledgedListAndKeepsWhoAndWhen() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"));
        long id = alerts.evaluate(NOW).getFirst().id();

        assertThat(alerts.acknowledge(id, "wang.wei")).isTrue();
        assertThat(alerts.acknowledge(id, "li.na")).as("acknowledged once").isFalse();

        assertThat(alerts.events(AlertFilter.unacknowledged())).isEmpty();
        assertThat(alerts.unacknowledgedCount()).isZero();
        AlertEvent e = alerts.events(AlertFilter.all()).getFirst();
        assertThat(e.acknowledgedBy()).isEqualTo("wang.wei");
        assertThat(e.acknowledgedAt()).isEqualTo(NOW);
        // acknowledged stays acknowledged: re-evaluating does not raise it again
        assertThat(alerts.evaluate(NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void alertsFilterByIndicatorAndRegion() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "1");
        threshold(WARNINGS, "CN-GX", AlertGrain.DAY, AlertKind.ABOVE, "1");
        threshold(LOSS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "1");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "5"), figure(WARNINGS, "CN-GX", "2023-03-01", "5"),
                figure(LOSS, "CN-GD", "2023-03-01", "5"));
        assertThat(alerts.evaluate(NOW)).hasSize(3);

        assertThat(alerts.events(AlertFilter.all().withRegion("CN-GD"))).extracting(AlertEvent::indicatorCode)
                .containsExactlyInAnyOrder(WARNINGS, LOSS);
        assertThat(alerts.events(AlertFilter.all().withIndicator(WARNINGS))).extracting(AlertEvent::regionCode)
                .containsExactlyInAnyOrder("CN-GD", "CN-GX");
        assertThat(alerts.events(AlertFilter.unacknowledged().withIndicator(LOSS).withRegion("CN-GD"))).hasSize(1);
    }

    // --- thresholds: validation, update, delete

    @Test
    void aThresholdIsStoredWithWhoAndWhen() {
        AlertThreshold t = threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100.5");

        assertThat(alerts.thresholds()).containsExactly(t);
        assertThat(t.createdBy()).isEqualTo("zhang.san");
        assertThat(t.createdAt()).isEqualTo(NOW);
        assertThat(t.enabled()).isTrue();
        assertThat(t.limit()).isEqualByComparingTo("100.5");
    }

    @Test
    void aThresholdThatCannotBeJudgedIsAProblemNamingWhy() {
        assertProblem(spec(null, "CN-GD", "1"), "alert_indicator_missing");
        assertProblem(spec("no_such", "CN-GD", "1"), "unknown_indicator");
        assertProblem(spec(WARNINGS, null, "1"), "alert_region_missing");
        assertProblem(spec(WARNINGS, "CN-XX", "1"), "unknown_region");
        assertProblem(new ThresholdSpec(WARNINGS, "CN-GD", null, AlertKind.ABOVE, BigDecimal.ONE, true),
                "alert_grain_missing");
        assertProblem(new ThresholdSpec(WARNINGS, "CN-GD", AlertGrain.DAY, null, BigDecimal.ONE, true),
                "alert_kind_missing");
        assertProblem(spec(WARNINGS, "CN-GD", null), "alert_limit_missing");
        assertProblem(spec(WARNINGS, "CN-GD", "-1"), "alert_limit_negative");
        assertProblem(spec(WARNINGS, "CN-GD", "1.001"), "alert_limit_precision");
        assertProblem(spec(WARNINGS, "CN-GD", "1000000000000000000"), "alert_limit_too_large");
        assertThat(alerts.thresholds()).isEmpty();
    }

    @Test
    void theSameThresholdTwiceIsRefusedButAnotherLimitIsWelcome() {
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");

        assertProblem(spec(WARNINGS, "CN-GD", "100.00"), "alert_threshold_duplicate");
        threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "500"); // a second, severer level
        assertThat(alerts.thresholds()).hasSize(2);
    }

    @Test
    void theLimitCanChangeButWhatIsWatchedCannot() {
        AlertThreshold t = threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");

        AlertThreshold changed = alerts.update(t.id(), spec(WARNINGS, "CN-GD", "250"));
        assertThat(changed.limit()).isEqualByComparingTo("250");
        assertThat(changed.createdBy()).isEqualTo("zhang.san");

        assertThatThrownBy(() -> alerts.update(t.id(), spec(WARNINGS, "CN-GX", "250")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("alert_threshold_fixed"));
        assertThatThrownBy(() -> alerts.update(t.id() + 99, spec(WARNINGS, "CN-GD", "250")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("alert_threshold_gone"));
        assertThat(alerts.thresholds()).extracting(AlertThreshold::regionCode).containsExactly("CN-GD");
    }

    @Test
    void deletingAThresholdDeletesItsAlerts() {
        AlertThreshold t = threshold(WARNINGS, "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "100");
        store(database, figure(WARNINGS, "CN-GD", "2023-03-01", "150"));
        alerts.evaluate(NOW);
        assertThat(alerts.alertCount(t.id())).isEqualTo(1);

        alerts.delete(t.id());

        assertThat(alerts.thresholds()).isEmpty();
        assertThat(alerts.events(AlertFilter.all())).isEmpty();
        assertThatThrownBy(() -> alerts.delete(t.id())).isInstanceOf(Problem.class);
    }

    // --- helpers

    private AlertThreshold threshold(String indicator, String region, AlertGrain grain, AlertKind kind, String limit) {
        return alerts.create(new ThresholdSpec(indicator, region, grain, kind, new BigDecimal(limit), true), "zhang.san");
    }

    private static ThresholdSpec spec(String indicator, String region, String limit) {
        return new ThresholdSpec(indicator, region, AlertGrain.DAY, AlertKind.ABOVE,
                limit == null ? null : new BigDecimal(limit), true);
    }

    private void assertProblem(ThresholdSpec spec, String key) {
        assertThatThrownBy(() -> alerts.create(spec, "zhang.san"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo(key));
    }

    /** Stores instructions through the record service, as the form and the import do. */
    private void importInstructions(List<EntryRecord> instructions) {
        var catalog = database.repositories().catalog().load();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new RecordService(database, catalog, new DatasetService(database, clock), clock,
                TestAudit.trail(database, "tester")).importAll(instructions, "test");
    }

    private static WarningInstruction instruction(LocalDateTime issued, InstructionTier tier, RiskLevel risk,
                                                  LocalDateTime contacted, InstructionOutcome outcome) {
        return new WarningInstruction(UUID.randomUUID(), issued, "CN-GD", tier, risk, contacted, outcome, null);
    }

    @Test
    void aTimedInstructionFigureIsWatchedLikeAnyOther() {
        // issue 17: breaches and the dissuasion rate come from the instructions, not from facts of their own
        LocalDateTime nine = LocalDateTime.of(2023, 3, 1, 9, 0);
        List<EntryRecord> instructions = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // pending, nobody reached, long past the high-risk limit
            instructions.add(instruction(nine, InstructionTier.NATIONAL, RiskLevel.HIGH, null,
                    InstructionOutcome.PENDING));
        }
        instructions.add(instruction(nine, InstructionTier.LOCAL, RiskLevel.LOW, nine.plusMinutes(5),
                InstructionOutcome.DISSUADED));
        importInstructions(instructions);
        threshold("sla_breaches", "CN-GD", AlertGrain.MONTH, AlertKind.ABOVE, "2");
        threshold("dissuasion_rate_pct", "CN-GD", AlertGrain.MONTH, AlertKind.ABOVE, "100");

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.indicatorCode()).isEqualTo("sla_breaches");
            assertThat(e.periodCode()).isEqualTo("2023-03");
            assertThat(e.value()).isEqualByComparingTo("3");
        });
    }

    @Test
    void aThresholdWatchesOneRiskLevelOrTierOfTheInstructions() {
        // the example: high-risk breaches in a province above 5 in a day
        LocalDateTime nine = LocalDateTime.of(2023, 3, 1, 9, 0);
        List<EntryRecord> instructions = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // high risk, nobody reached: six open breaches
            instructions.add(instruction(nine.plusMinutes(i), InstructionTier.NATIONAL, RiskLevel.HIGH, null,
                    InstructionOutcome.PENDING));
        }
        for (int i = 0; i < 4; i++) { // medium risk, reached after 200 minutes (limit 120): four late contacts
            instructions.add(instruction(nine, InstructionTier.NATIONAL, RiskLevel.MEDIUM, nine.plusMinutes(200),
                    InstructionOutcome.DISSUADED));
        }
        instructions.add(instruction(nine, InstructionTier.LOCAL, RiskLevel.LOW, nine.plusMinutes(30),
                InstructionOutcome.DISSUADED));
        importInstructions(instructions);
        InstructionCut high = new InstructionCut(null, RiskLevel.HIGH);
        InstructionCut medium = new InstructionCut(null, RiskLevel.MEDIUM);
        InstructionCut local = new InstructionCut(InstructionTier.LOCAL, null);
        AlertThreshold highBreaches = alerts.create(new ThresholdSpec("sla_breaches", "CN-GD", high, AlertGrain.DAY,
                AlertKind.ABOVE, new BigDecimal("5"), true), "duty.officer");
        alerts.create(new ThresholdSpec("sla_breaches", "CN-GD", medium, AlertGrain.DAY, AlertKind.ABOVE,
                new BigDecimal("5"), true), "duty.officer");
        AlertThreshold allBreaches = threshold("sla_breaches", "CN-GD", AlertGrain.DAY, AlertKind.ABOVE, "5");
        AlertThreshold localIssued = alerts.create(new ThresholdSpec("warning_instructions", "CN-GD", local,
                AlertGrain.DAY, AlertKind.ABOVE, BigDecimal.ZERO, true), "duty.officer");

        List<AlertEvent> raised = alerts.evaluate(NOW);

        assertThat(raised).extracting(AlertEvent::thresholdId, AlertEvent::cut, AlertEvent::periodCode,
                        e -> e.value().intValueExact())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(highBreaches.id(), high, "2023-03-01", 6),
                        org.assertj.core.groups.Tuple.tuple(allBreaches.id(), InstructionCut.NONE, "2023-03-01", 10),
                        org.assertj.core.groups.Tuple.tuple(localIssued.id(), local, "2023-03-01", 1));
        assertThat(alerts.thresholds()).extracting(AlertThreshold::cut)
                .containsExactly(high, medium, InstructionCut.NONE, local);
        assertThat(alerts.events(AlertFilter.all())).extracting(AlertEvent::cut)
                .containsExactlyInAnyOrder(high, InstructionCut.NONE, local);
    }

    @Test
    void onlyAFigureOfInstructionsCanWatchATierOrRiskLevel() {
        assertProblem(new ThresholdSpec(WARNINGS, "CN-GD", new InstructionCut(null, RiskLevel.HIGH), AlertGrain.DAY,
                AlertKind.ABOVE, BigDecimal.ONE, true), "alert_cut_not_instructions");
        assertThat(alerts.thresholds()).isEmpty();
    }
}
