package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.ChangeOf;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.junit.jupiter.api.Test;

/** The rule's coverage branch by branch, without a database: what a computed figure covers and what follows from it. */
class CoverageRuleTest extends DensRuleFixture {
    /** A real record on a day, with its month and year cells as the rollups hold them. */
    private void record(String region, String day, int amount) {
        for (String code : List.of(day, day.substring(0, 7), day.substring(0, 4))) {
            cells.add(new FactCell(DENS, region, code, "", BigDecimal.valueOf(amount), 1, 0, BigDecimal.ZERO));
        }
    }

    private void submit(String region, String month, SubmissionKind kind) {
        submissions.add(new Submission(region, YearMonth.parse(month), kind, SubmissionState.SUBMITTED, "clerk",
                Instant.EPOCH, null));
    }

    private void submitYear(String region, int year) {
        for (int m = 1; m <= 12; m++) {
            submit(region, YearMonth.of(year, m).toString(), SubmissionKind.DENS);
        }
    }

    @Test
    void recordsWithoutSubmissionsArePartialAndSayHowManyProvincesHaveData() {
        record("CN-GD", "2022-06-01", 1);

        Figure nation = rule().value("CN", Period.parse("2022"));

        assertThat(nation.value()).isEqualByComparingTo("1");
        assertThat(nation.isPartial()).isTrue();
        assertThat(nation.coverage().submitted()).isZero();
        assertThat(nation.coverage().expected()).isEqualTo(3 * 12);
        assertThat(nation.coverage().unitsWithData()).isEqualTo(1);
        assertThat(nation.coverage().unitsExpected()).isEqualTo(3);
    }

    @Test
    void everyUnitMonthSubmittedMakesItCompleteAndSubmittedMonthsWithoutRecordsAreZero() {
        record("CN-GD", "2022-06-01", 2);
        for (String p : CHILDREN.get("CN")) {
            submitYear(p, 2022);
        }

        AggregationRule rule = rule();

        assertThat(rule.value("CN", Period.parse("2022")).isComplete()).isTrue();
        Figure hainan = rule.value("CN-HI", Period.parse("2022-Q3"));
        assertThat(hainan.value()).as("nothing recorded in submitted months is a true zero").isEqualByComparingTo("0");
        assertThat(hainan.isComplete()).isTrue();
        assertThat(rule.value("CN-GD", Period.parse("2022-06-01")).isComplete()).as("a day of a submitted month").isTrue();
    }

    @Test
    void aSubmissionOfAnotherKindDoesNotCoverThisIndicator() {
        record("CN-GD", "2022-06-01", 2);
        submit("CN-GD", "2022-06", SubmissionKind.CASES);

        assertThat(rule().value("CN-GD", Period.parse("2022-06")).isPartial()).isTrue();
    }

    @Test
    void aStoredStatisticIsItsUnitsSubmissionAndRecordsBeneathAReportedTotalAreKeptApart() {
        stored.add(new Measurement(DENS, "CN-GX", Period.parse("2022"), null, new BigDecimal("40"), null,
                Basis.COMPUTED, null, null, null));
        stored.add(new Measurement(DENS, "CN", Period.parse("2022"), null, new BigDecimal("1800"), null,
                Basis.REPORTED, null, REPORT, null));
        record("CN-GD", "2022-06-01", 3);

        AggregationRule rule = rule();
        IndicatorStat nation = rule.stat(INDICATOR, "CN", Period.parse("2022"));
        Figure zone = rule.value("ZONE-SOUTH", Period.parse("2022"));

        assertThat(nation.value().basis()).isEqualTo(Basis.REPORTED);
        assertThat(nation.recordsSoFar().value()).isEqualByComparingTo("43");
        assertThat(nation.recordsSoFar().coverage().submitted()).as("GX's statistic: 12 months").isEqualTo(12);
        assertThat(zone.value()).isEqualByComparingTo("43");
        assertThat(zone.coverage().submitted()).isEqualTo(12);
        assertThat(zone.coverage().expected()).isEqualTo(24);
    }

    @Test
    void aReportedChangeWithItsOwnValueBelongsToThatValue() {
        stored.add(new Measurement(DENS, "CN", Period.parse("2022"), null, new BigDecimal("1800"),
                new BigDecimal("12.5"), Basis.REPORTED, null, REPORT, null));

        IndicatorStat nation = rule().stat(INDICATOR, "CN", Period.parse("2022"));

        assertThat(nation.change().of()).isEqualTo(ChangeOf.VALUE);
        assertThat(nation.change().basis()).isEqualTo(Basis.REPORTED);
        assertThat(nation.change().pct()).isEqualByComparingTo("12.5");
    }

    @Test
    void aCompleteYearIsComparedWithACompleteYearAndNotWithAPartialOne() {
        record("CN-GD", "2021-06-01", 4);
        record("CN-GD", "2022-06-01", 5);
        submitYear("CN-GD", 2022);

        IndicatorStat partialLastYear = rule().stat(INDICATOR, "CN-GD", Period.parse("2022"));
        assertThat(partialLastYear.value().isComplete()).isTrue();
        assertThat(partialLastYear.previous().isPartial()).isTrue();
        assertThat(partialLastYear.change()).isNull();

        submitYear("CN-GD", 2021);
        IndicatorStat both = rule().stat(INDICATOR, "CN-GD", Period.parse("2022"));
        assertThat(both.change().pct()).isEqualByComparingTo("25.0");
        assertThat(both.change().of()).isEqualTo(ChangeOf.VALUE);
        assertThat(both.change().likeForLike()).isFalse();
    }
}
