package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.ChangeOf;
import org.antifraud.cc.domain.Coverage;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link AggregationRule} rule by rule, without a database: which figure stands for a key, its basis, qualifier
 * and coverage, how real and demo data stay apart, and which change stands beside a value (data-model.md, "The
 * aggregation rule" and "Truthful figures"; ADRs 0004, 0005, 0006, 0013, 0026).
 */
class AggregationRuleTest extends DensRuleFixture {
    private static final Period Y2022 = Period.parse("2022");
    private static final Period Y2021 = Period.parse("2021");

    private void store(String region, String period, String value, Basis basis) {
        store(region, period, null, value, null, basis, null);
    }

    private void store(String region, String period, String campaign, String value, String changePct, Basis basis,
                       Qualifier qualifier) {
        stored.add(new Measurement(DENS, region, Period.parse(period), campaign,
                value == null ? null : new BigDecimal(value), changePct == null ? null : new BigDecimal(changePct),
                basis, qualifier, basis == Basis.REPORTED ? REPORT : null, null));
    }

    /** Real records on a day, with the month and year cells the rollups keep for them. */
    private void record(String region, String day, int amount) {
        facts(region, day, amount, 0);
    }

    /** Scale-demo facts on a day, rolled up like records. */
    private void demoFacts(String region, String day, int amount) {
        facts(region, day, 0, amount);
    }

    private void facts(String region, String day, int real, int demo) {
        for (String code : List.of(day, day.substring(0, 7), day.substring(0, 4))) {
            cell(region, code, real, demo);
        }
    }

    /** One rollup cell holding {@code real} records' worth and {@code demo} synthetic facts' worth. */
    private void cell(String region, String code, int real, int demo) {
        cells.add(new FactCell(DENS, region, code, "", BigDecimal.valueOf(real + demo),
                (real > 0 ? 1 : 0) + (demo > 0 ? 1 : 0), demo > 0 ? 1 : 0, BigDecimal.valueOf(demo)));
    }

    private void submit(String region, YearMonth month) {
        submissions.add(new Submission(region, month, SubmissionKind.DENS, SubmissionState.SUBMITTED, "clerk",
                Instant.EPOCH, null));
    }

    private void submitYear(String region, int year) {
        for (int m = 1; m <= 12; m++) {
            submit(region, YearMonth.of(year, m));
        }
    }

    @Nested
    class WhichFigureStandsForAKey {
        @Test
        void aStoredFigureAtTheKeyIsReturnedWithItsOwnBasisQualifierAndSource() {
            store("CN", "2022", null, "1800", null, Basis.REPORTED, Qualifier.MORE_THAN);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("1800");
            assertThat(nation.basis()).isEqualTo(Basis.REPORTED);
            assertThat(nation.qualifier()).isEqualTo(Qualifier.MORE_THAN);
            assertThat(nation.source()).isEqualTo(REPORT);
        }

        @Test
        void aStoredFigureAtTheKeyBeatsTheSumOfTheChildrenSoNothingIsCountedTwice() {
            store("CN", "2022", "1800", Basis.REPORTED);
            store("CN-GD", "2022", "40", Basis.COMPUTED);
            record("CN-GX", "2022-06-01", 3);

            assertThat(rule().value("CN", Y2022).value()).isEqualByComparingTo("1800");
        }

        @Test
        void aStoredFigureAtTheKeyBeatsTheRecordsInItsOwnCells() {
            store("CN-GD", "2022", "40", Basis.COMPUTED);
            record("CN-GD", "2022-06-01", 3);

            assertThat(rule().value("CN-GD", Y2022).value()).isEqualByComparingTo("40");
        }

        @Test
        void storedFiguresOfSeveralCampaignsAtOneKeyAreAddedIntoAComputedSumWithoutASource() {
            store("CN", "2022", "chain_cutting", "100", null, Basis.REPORTED, null);
            store("CN", "2022", "sharp_sword", "23", null, Basis.REPORTED, null);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("123");
            assertThat(nation.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(nation.source()).isNull();
            assertThat(nation.isComplete()).as("stored figures stand for their whole key").isTrue();
        }

        @Test
        void withoutAStoredFigureARegionIsTheSumOfItsChildrenAsAComputedFigureWithoutSource() {
            store("CN-GD", "2022", "40", Basis.COMPUTED);
            store("CN-GX", "2022", "60", Basis.REPORTED);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("100");
            assertThat(nation.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(nation.source()).isNull();
        }

        @Test
        void aZoneIsTheSumOfItsMembersOnly() {
            record("CN-GD", "2022-06-01", 2);
            record("CN-GX", "2022-06-02", 3);
            record("CN-HI", "2022-06-03", 5);

            AggregationRule rule = rule();

            assertThat(rule.value("ZONE-SOUTH", Y2022).value()).isEqualByComparingTo("5");
            assertThat(rule.value("CN", Y2022).value()).isEqualByComparingTo("10");
        }

        @Test
        void anUnsplitYearIsReadFromItsYearCellNotBySummingMonthCells() {
            cell("CN-GD", "2022", 7, 0);
            cell("CN-GD", "2022-06", 5, 0);

            AggregationRule rule = rule();

            assertThat(rule.isSplitIntoMonths("CN-GD", 2022)).isFalse();
            assertThat(rule.value("CN-GD", Y2022).value()).isEqualByComparingTo("7");
        }

        @Test
        void aYearWithAStoredMonthFigureIsTheSumOfItsMonthsStoredOrRecorded() {
            store("CN-GD", "2022-03", "10", Basis.COMPUTED);
            record("CN-GD", "2022-06-01", 3);

            AggregationRule rule = rule();

            assertThat(rule.isSplitIntoMonths("CN-GD", 2022)).isTrue();
            assertThat(rule.isSplitIntoMonths("CN-GD", 2021)).isFalse();
            assertThat(rule.isSplitIntoMonths("CN-GX", 2022)).isFalse();
            assertThat(rule.value("CN-GD", Y2022).value()).isEqualByComparingTo("13");
        }

        @Test
        void aDemoMonthFigureDoesNotSplitTheRealYear() {
            store("CN-GD", "2022-03", "10", Basis.SYNTHETIC_DEMO);

            assertThat(rule().isSplitIntoMonths("CN-GD", 2022)).isFalse();
        }

        @Test
        void aQuarterIsTheSumOfItsThreeMonths() {
            record("CN-GD", "2022-03-31", 1);
            record("CN-GD", "2022-04-01", 2);
            record("CN-GD", "2022-06-30", 4);
            record("CN-GD", "2022-07-01", 8);

            assertThat(rule().value("CN-GD", Period.parse("2022-Q2")).value()).isEqualByComparingTo("6");
        }

        @Test
        void aRangeIsItsWholeMonthsPlusTheSummedCellsOfItsLooseDays() {
            cell("CN-GD", "2022-05", 100, 0);
            cell("CN-GD", "span:2022-05-10..2022-05-31", 2, 0);
            cell("CN-GD", "2022-06", 4, 0);
            cell("CN-GD", "span:2022-07-01..2022-07-05", 1, 0);

            Figure range = rule().value("CN-GD", Period.parse("2022-05-10..2022-07-05"));

            assertThat(range.value()).isEqualByComparingTo("7");
        }

        @Test
        void aMonthIsItsMonthCellAndADayItsDayCell() {
            record("CN-GD", "2022-06-01", 2);
            record("CN-GD", "2022-06-02", 3);

            AggregationRule rule = rule();

            assertThat(rule.value("CN-GD", Period.parse("2022-06")).value()).isEqualByComparingTo("5");
            assertThat(rule.value("CN-GD", Period.parse("2022-06-02")).value()).isEqualByComparingTo("3");
            assertThat(rule.value("CN-GD", Period.parse("2022-06-03")).isKnown()).isFalse();
        }

        @Test
        void dayCellsOfSeveralCampaignsAtOneKeyAreAdded() {
            cells.add(new FactCell(DENS, "CN-GD", "2022-06", "chain_cutting", new BigDecimal("2"), 1, 0, BigDecimal.ZERO));
            cells.add(new FactCell(DENS, "CN-GD", "2022-06", "", new BigDecimal("5"), 1, 0, BigDecimal.ZERO));

            assertThat(rule().value("CN-GD", Period.parse("2022-06")).value()).isEqualByComparingTo("7");
        }

        @Test
        void withNothingStoredOrRecordedAKeyIsUnknown() {
            AggregationRule rule = rule();

            IndicatorStat stat = rule.stat(INDICATOR, "CN", Y2022);

            assertThat(stat.value().isKnown()).isFalse();
            assertThat(stat.previous().isKnown()).isFalse();
            assertThat(stat.change()).isNull();
            assertThat(stat.recordsSoFar().isKnown()).isFalse();
        }

        @Test
        void aReportedChangeWithoutValueIsNeverAddedIntoAValue() {
            store("CN", "2022", null, null, "64.4", Basis.REPORTED, null);
            record("CN-GD", "2022-06-01", 3);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("3");
            assertThat(nation.basis()).isEqualTo(Basis.COMPUTED);
        }

        @Test
        void aSumWithAMoreThanPartIsMoreThan() {
            store("CN-GD", "2022", null, "1800", null, Basis.REPORTED, Qualifier.MORE_THAN);
            store("CN-GX", "2022", "20", Basis.REPORTED);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("1820");
            assertThat(nation.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        }

        @Test
        void aSumOfNoKnownPartIsUnknownAndUnknownPartsAddNothing() {
            Figure three = new Figure(new BigDecimal("3"), Basis.REPORTED, null, REPORT);

            assertThat(AggregationRule.sumOf(List.of()).isKnown()).isFalse();
            assertThat(AggregationRule.sumOf(List.of(Figure.UNKNOWN, Figure.UNKNOWN)).isKnown()).isFalse();
            Figure sum = AggregationRule.sumOf(List.of(Figure.UNKNOWN, three, three));
            assertThat(sum.value()).isEqualByComparingTo("6");
            assertThat(sum.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(sum.source()).isNull();
        }
    }

    @Nested
    class RealAndDemoAreTwoLayers {
        @Test
        void aDemoFigureIsShownWhereNoRealDataExistsAndKeepsItsDemoBasis() {
            store("CN-GD", "2022-06", "50", Basis.SYNTHETIC_DEMO);

            AggregationRule rule = rule();

            assertThat(rule.value("CN-GD", Period.parse("2022-06")).value()).isEqualByComparingTo("50");
            assertThat(rule.value("CN-GD", Period.parse("2022-06")).isDemo()).isTrue();
            assertThat(rule.realValue("CN-GD", Period.parse("2022-06")).isKnown()).isFalse();
        }

        @Test
        void aRealRecordHidesTheStoredDemoFigureOfItsKeyAndIsNotAddedToIt() {
            store("CN-GD", "2022-06", "50", Basis.SYNTHETIC_DEMO);
            record("CN-GD", "2022-06-01", 3);

            Figure month = rule().value("CN-GD", Period.parse("2022-06"));

            assertThat(month.value()).isEqualByComparingTo("3");
            assertThat(month.basis()).isEqualTo(Basis.COMPUTED);
        }

        @Test
        void aCellMixingRecordsAndDemoFactsReadsAsItsRealPartInTheRealLayerAndItsDemoPartInTheDemoLayer() {
            cell("CN-GD", "2022-06", 3, 7);

            AggregationRule rule = rule();

            assertThat(rule.value("CN-GD", Period.parse("2022-06")).value()).isEqualByComparingTo("3");
            assertThat(rule.demoValue("CN-GD", Period.parse("2022-06")).value()).isEqualByComparingTo("7");
            assertThat(rule.demoValue("CN-GD", Period.parse("2022-06")).isDemo()).isTrue();
        }

        @Test
        void aNationWithOneRealProvinceIsThatProvinceAloneAndPartialNotPlusTheDemoOfTheOthers() {
            demoFacts("CN-GX", "2022-06-01", 100);
            record("CN-GD", "2022-06-01", 3);

            AggregationRule rule = rule();
            Figure nation = rule.value("CN", Y2022);

            assertThat(nation.value()).isEqualByComparingTo("3");
            assertThat(nation.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(nation.isPartial()).isTrue();
            assertThat(rule.demoValue("CN", Y2022).value()).isEqualByComparingTo("100");
        }

        @Test
        void aChangeStoredWithDemoDataIsNeverReported() {
            store("CN", "2022", null, "50", "12.5", Basis.SYNTHETIC_DEMO, null);

            IndicatorStat nation = rule().stat(INDICATOR, "CN", Y2022);

            assertThat(nation.value().isDemo()).isTrue();
            assertThat(nation.change()).isNull();
        }
    }

    @Nested
    class WhatAComputedFigureCovers {
        @Test
        void aStoredComputedFigureStandsForEveryUnitMonthOfItsKey() {
            store("CN-GD", "2022", "40", Basis.COMPUTED);

            Figure gd = rule().value("CN-GD", Y2022);

            assertThat(gd.isComplete()).isTrue();
            assertThat(gd.coverage().submitted()).isEqualTo(12);
            assertThat(gd.coverage().expected()).isEqualTo(12);
        }

        @Test
        void aSumOverSomeChildrenIsPartialAndCountsTheUnitMonthsOfAll() {
            store("CN-GD", "2022", "40", Basis.COMPUTED);
            store("CN-GX", "2022", "60", Basis.REPORTED);

            Figure nation = rule().value("CN", Y2022);

            assertThat(nation.isPartial()).isTrue();
            assertThat(nation.coverage().submitted()).isEqualTo(24);
            assertThat(nation.coverage().expected()).isEqualTo(36);
            assertThat(nation.coverage().unitsWithData()).isEqualTo(2);
        }

        @Test
        void aSubmittedMonthWithoutRecordsIsAZeroAndAnUnsubmittedOneIsUnknown() {
            submit("CN-HI", YearMonth.of(2022, 6));

            AggregationRule rule = rule();

            Figure june = rule.value("CN-HI", Period.parse("2022-06"));
            assertThat(june.value()).isEqualByComparingTo("0");
            assertThat(june.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(june.isComplete()).isTrue();
            assertThat(rule.value("CN-HI", Period.parse("2022-06-15")).value()).isEqualByComparingTo("0");
            assertThat(rule.value("CN-HI", Period.parse("2022-07")).isKnown()).isFalse();
        }

        @Test
        void aSubmittedLooseMonthOfARangeCountsOnceWithoutRecords() {
            submit("CN-HI", YearMonth.of(2022, 5));
            submit("CN-HI", YearMonth.of(2022, 6));

            Figure range = rule().value("CN-HI", Period.parse("2022-05-10..2022-06-30"));

            assertThat(range.value()).isEqualByComparingTo("0");
            assertThat(range.coverage().expected()).isEqualTo(2);
            assertThat(range.isComplete()).isTrue();
        }

        @Test
        void withoutSubmissionsEveryComputedSumIsPartial() {
            cells.add(new FactCell(DENS, "CN-GD", "2022", "", new BigDecimal("3"), 1, 0, BigDecimal.ZERO));

            AggregationRule rule = new AggregationRule(CHILDREN, stored, cells);

            assertThat(rule.value("CN-GD", Y2022).isPartial()).isTrue();
            assertThat(rule.value("CN", Y2022).isPartial()).isTrue();
        }

        @Test
        void aReportedFigureIsCompleteWithoutAnySubmission() {
            store("CN", "2022", "1800", Basis.REPORTED);

            assertThat(rule().value("CN", Y2022).isComplete()).isTrue();
        }
    }

    @Nested
    class RecordsBeneathAReportedTotal {
        @Test
        void areTheSumUnderTheKeyWithoutTheTotalItself() {
            store("CN", "2022", "1800", Basis.REPORTED);
            record("CN-GD", "2022-06-01", 3);
            record("CN-GX", "2022-07-01", 4);

            IndicatorStat nation = rule().stat(INDICATOR, "CN", Y2022);

            assertThat(nation.value().value()).isEqualByComparingTo("1800");
            assertThat(nation.recordsSoFar().value()).isEqualByComparingTo("7");
            assertThat(nation.recordsSoFar().isPartial()).isTrue();
        }

        @Test
        void areUnknownBesideAComputedValue() {
            record("CN-GD", "2022-06-01", 3);

            assertThat(rule().stat(INDICATOR, "CN", Y2022).recordsSoFar().isKnown()).isFalse();
        }

        @Test
        void areUnknownWhenNothingIsBeneathOrTheKeyIsADay() {
            store("CN", "2022", "1800", Basis.REPORTED);
            cell("CN-GD", "2022-06-01", 2, 0);

            AggregationRule rule = rule();

            assertThat(rule.recordsBeneath("CN", Y2021).isKnown()).isFalse();
            assertThat(rule.recordsBeneath("CN-GD", Period.parse("2022-06-01")).isKnown()).isFalse();
        }
    }

    @Nested
    class WhichChangeStandsBesideAValue {
        @Test
        void aChangeStoredWithTheValueShownBelongsToThatValueWithItsSource() {
            store("CN", "2022", null, "1800", "12.5", Basis.REPORTED, null);
            store("CN", "2021", "1000", Basis.REPORTED);

            Change change = rule().stat(INDICATOR, "CN", Y2022).change();

            assertThat(change.pct()).isEqualByComparingTo("12.5");
            assertThat(change.basis()).isEqualTo(Basis.REPORTED);
            assertThat(change.source()).isEqualTo(REPORT);
            assertThat(change.of()).isEqualTo(ChangeOf.VALUE);
        }

        @Test
        void aChangeStoredWithoutTheValueShownIsTheReportedTotalsNeverTheValues() {
            store("CN", "2022", null, null, "64.4", Basis.REPORTED, null);
            record("CN-GD", "2022-06-01", 3);

            IndicatorStat nation = rule().stat(INDICATOR, "CN", Y2022);

            assertThat(nation.value().value()).isEqualByComparingTo("3");
            assertThat(nation.change().pct()).isEqualByComparingTo("64.4");
            assertThat(nation.change().of()).isEqualTo(ChangeOf.REPORTED_TOTAL);
            assertThat(nation.change().source()).isEqualTo(REPORT);
        }

        @Test
        void aChangeStoredWithAValueThatIsNotTheValueShownIsTheReportedTotals() {
            store("CN", "2022", null, "1800", "12.5", Basis.REPORTED, null);
            store("CN", "2022", "sharp_sword", "200", null, Basis.REPORTED, null);

            IndicatorStat nation = rule().stat(INDICATOR, "CN", Y2022);

            assertThat(nation.value().value()).isEqualByComparingTo("2000");
            assertThat(nation.change().of()).isEqualTo(ChangeOf.REPORTED_TOTAL);
        }

        @Test
        void aComputedChangeOfComparableFiguresBeatsAReportedChangeOfTheTotal() {
            store("CN", "2022", null, null, "64.4", Basis.REPORTED, null);
            for (String p : CHILDREN.get("CN")) {
                store(p, "2021", "10", Basis.COMPUTED);
                store(p, "2022", "11", Basis.COMPUTED);
            }

            Change change = rule().stat(INDICATOR, "CN", Y2022).change();

            assertThat(change.pct()).isEqualByComparingTo("10.0");
            assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(change.of()).isEqualTo(ChangeOf.VALUE);
            assertThat(change.likeForLike()).isFalse();
        }

        @Test
        void changesOfSeveralCampaignsAreNotAddedAndTheOneWithoutACampaignSpeaksForTheKey() {
            store("CN", "2022", "chain_cutting", null, "10", Basis.REPORTED, null);
            store("CN", "2022", null, null, "20", Basis.REPORTED, null);
            store("CN", "2021", "chain_cutting", null, "30", Basis.REPORTED, null);
            store("CN", "2021", "sharp_sword", null, "40", Basis.REPORTED, null);

            AggregationRule rule = rule();

            assertThat(rule.stat(INDICATOR, "CN", Y2022).change().pct()).isEqualByComparingTo("20");
            assertThat(rule.stat(INDICATOR, "CN", Y2021).change()).isNull();
        }

        @Test
        void aChangeStoredForAnotherKeyIsNeverShown() {
            store("CN", "2022", null, null, "64.4", Basis.REPORTED, null);
            record("CN-GD", "2022-06-01", 3);

            AggregationRule rule = rule();

            assertThat(rule.stat(INDICATOR, "CN-GD", Y2022).change()).isNull();
            assertThat(rule.stat(INDICATOR, "CN", Period.parse("2022-Q2")).change()).isNull();
        }

        @Test
        void lastYearComesFromTheLayerOfTheValueSoARealValueIsNeverComparedWithDemo() {
            record("CN-GD", "2022-06-01", 3);
            store("CN-GD", "2021-06", "2", Basis.SYNTHETIC_DEMO);
            submitYear("CN-GD", 2022);

            IndicatorStat gd = rule().stat(INDICATOR, "CN-GD", Y2022);

            assertThat(gd.value().isDemo()).isFalse();
            assertThat(gd.previous().isKnown()).isFalse();
            assertThat(gd.change()).isNull();
        }

        @Test
        void twoDemoYearsGiveADemoChange() {
            store("CN-GD", "2022-06", "3", Basis.SYNTHETIC_DEMO);
            store("CN-GD", "2021-06", "2", Basis.SYNTHETIC_DEMO);
            record("CN-GD", "2021-06-01", 9);

            IndicatorStat gd = rule().stat(INDICATOR, "CN-GD", Period.parse("2022-06"));

            assertThat(gd.previous().value()).isEqualByComparingTo("2");
            assertThat(gd.change().pct()).isEqualByComparingTo("50.0");
            assertThat(gd.change().basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
        }

        @Test
        void anUnknownValueTakesLastYearFromWhicheverLayerKnowsIt() {
            store("CN-GD", "2021-06", "2", Basis.SYNTHETIC_DEMO);

            IndicatorStat gd = rule().stat(INDICATOR, "CN-GD", Period.parse("2022-06"));

            assertThat(gd.value().isKnown()).isFalse();
            assertThat(gd.previous().value()).isEqualByComparingTo("2");
            assertThat(gd.change()).isNull();
        }

        @Test
        void partialYearsOverTheSameUnitMonthsAreComparedLikeForLike() {
            record("CN-GD", "2021-06-01", 4);
            record("CN-GD", "2022-06-01", 5);
            submit("CN-GD", YearMonth.of(2021, 6));
            submit("CN-GD", YearMonth.of(2022, 6));

            IndicatorStat nation = rule().stat(INDICATOR, "CN", Y2022);

            assertThat(nation.value().isPartial()).isTrue();
            assertThat(nation.change().pct()).isEqualByComparingTo("25.0");
            assertThat(nation.change().likeForLike()).isTrue();
        }

        @Test
        void partialYearsOverOtherUnitMonthsAreNotCompared() {
            record("CN-GD", "2021-06-01", 4);
            record("CN-GD", "2022-06-01", 5);
            submit("CN-GD", YearMonth.of(2021, 6));
            submit("CN-GD", YearMonth.of(2022, 7));

            assertThat(rule().stat(INDICATOR, "CN", Y2022).change()).isNull();
        }
    }

    @Nested
    class ComputedChange {
        private static final YearMonth JUNE = YearMonth.of(2022, 6);

        private static Figure reported(String value) {
            return new Figure(new BigDecimal(value), Basis.REPORTED, null, REPORT);
        }

        private static Figure computed(String value, boolean... unitSubmitted) {
            int[] units = new int[unitSubmitted.length];
            for (int u = 0; u < units.length; u++) {
                units[u] = u;
            }
            Coverage c = Coverage.of(units, JUNE, JUNE, (u, m) -> unitSubmitted[u]);
            return new Figure(new BigDecimal(value), Basis.COMPUTED, null, null, c);
        }

        @Test
        void isTheDifferenceInPercentOfLastYearRoundedHalfUpToOneDecimal() {
            assertThat(AggregationRule.computedChange(reported("2001"), reported("2000")).pct()).isEqualByComparingTo("0.1");
            assertThat(AggregationRule.computedChange(reported("7"), reported("6")).pct()).isEqualByComparingTo("16.7");
            assertThat(AggregationRule.computedChange(reported("1"), reported("3")).pct()).isEqualByComparingTo("-66.7");
        }

        @Test
        void ofTwoReportedFiguresIsComputedByTheApplicationWithoutASource() {
            Change change = AggregationRule.computedChange(reported("11"), reported("10"));

            assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(change.source()).isNull();
            assertThat(change.of()).isEqualTo(ChangeOf.VALUE);
        }

        @Test
        void needsBothFiguresKnownTheSameBasisAndAPreviousOtherThanZero() {
            Figure demo = new Figure(new BigDecimal("10"), Basis.SYNTHETIC_DEMO, null, null);

            assertThat(AggregationRule.computedChange(reported("11"), Figure.UNKNOWN)).isNull();
            assertThat(AggregationRule.computedChange(Figure.UNKNOWN, reported("10"))).isNull();
            assertThat(AggregationRule.computedChange(reported("11"), reported("0"))).isNull();
            assertThat(AggregationRule.computedChange(reported("11"), demo)).isNull();
            assertThat(AggregationRule.computedChange(computed("11", true), reported("10"))).isNull();
            assertThat(AggregationRule.computedChange(reported("0"), reported("10")).pct()).isEqualByComparingTo("-100");
        }

        @Test
        void ofTwoCompleteComputedFiguresIsNotLikeForLike() {
            Change change = AggregationRule.computedChange(computed("11", true, true), computed("10", true, true));

            assertThat(change.pct()).isEqualByComparingTo("10.0");
            assertThat(change.likeForLike()).isFalse();
        }

        @Test
        void ofPartialFiguresOverTheSameUnitMonthsIsLikeForLike() {
            Change change = AggregationRule.computedChange(computed("11", true, false), computed("10", true, false));

            assertThat(change.likeForLike()).isTrue();
        }

        @Test
        void neverComparesAPartialFigureWithACompleteOneOrOtherUnitMonths() {
            assertThat(AggregationRule.comparable(computed("11", true, false), computed("10", true, true))).isFalse();
            assertThat(AggregationRule.comparable(computed("11", true, true), computed("10", true, false))).isFalse();
            assertThat(AggregationRule.comparable(computed("11", true, false), computed("10", false, true))).isFalse();
        }
    }
}
