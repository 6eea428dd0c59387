package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesAYear() {
        Period p = Period.parse("2022");

        assertThat(p.code()).isEqualTo("2022");
        assertThat(p.granularity()).isEqualTo(Granularity.YEAR);
        assertThat(p.start()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void parsesAQuarter() {
        Period p = Period.parse("2022-Q2");

        assertThat(p.code()).isEqualTo("2022-Q2");
        assertThat(p.granularity()).isEqualTo(Granularity.QUARTER);
        assertThat(p.start()).isEqualTo(LocalDate.of(2022, 4, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2022, 6, 30));
    }

    @Test
    void parsesAMonth() {
        Period p = Period.parse("2024-02");

        assertThat(p.code()).isEqualTo("2024-02");
        assertThat(p.granularity()).isEqualTo(Granularity.MONTH);
        assertThat(p.start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void parsesADay() {
        Period p = Period.parse("2022-12-30");

        assertThat(p.code()).isEqualTo("2022-12-30");
        assertThat(p.granularity()).isEqualTo(Granularity.DAY);
        assertThat(p.start()).isEqualTo(LocalDate.of(2022, 12, 30));
        assertThat(p.end()).isEqualTo(LocalDate.of(2022, 12, 30));
    }

    @Test
    void aQuarterIsNeverStorable() {
        assertThat(Period.parse("2022-Q1").isStorable()).isFalse();
        assertThat(Period.parse("2022").isStorable()).isTrue();
        assertThat(Period.parse("2022-01").isStorable()).isTrue();
        assertThat(Period.parse("2022-01-01").isStorable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-13", "2022-00", "2022-Q5", "2022-Q0", "2022-02-30", "2023-02-29", "22",
            "2022/01", "2022-1", "2022-01-1", "20222", "Q1-2022", "abcd", "  "})
    void rejectsMalformedPeriods(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900", "1900-Q1", "1900-01", "1900-01-01", "1900-01-01..1900-01-28"})
    void theFirstYearThatMayBeWrittenHasAYearBeforeItToCompareWith(String text) {
        Period first = Period.parse(text);

        assertThat(first.previousYear().start().getYear()).isEqualTo(1899);
        assertThatThrownBy(() -> Period.parse(first.previousYear().code()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("year out of range: 1899");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingPeriod(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearIsItsTwelveMonths() {
        assertThat(Period.parse("2022").subPeriods()).extracting(Period::code).containsExactly(
                "2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06",
                "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12");
    }

    @Test
    void aQuarterIsItsThreeMonths() {
        assertThat(Period.parse("2022-Q4").subPeriods()).extracting(Period::code)
                .containsExactly("2022-10", "2022-11", "2022-12");
    }

    @Test
    void aMonthIsItsDays() {
        assertThat(Period.parse("2022-04").subPeriods()).extracting(Period::code)
                .hasSize(30).startsWith("2022-04-01").endsWith("2022-04-30");
    }

    @Test
    void februaryOfALeapYearHasTwentyNineDays() {
        assertThat(Period.parse("2024-02").subPeriods()).extracting(Period::code)
                .hasSize(29).endsWith("2024-02-29");
        assertThat(Period.parse("2023-02").subPeriods()).hasSize(28);
    }

    @Test
    void aDayHasNoParts() {
        assertThat(Period.parse("2022-12-30").subPeriods()).isEmpty();
    }

    @Test
    void previousYearOfEachGranularity() {
        assertThat(Period.parse("2022").previousYear()).isEqualTo(Period.parse("2021"));
        assertThat(Period.parse("2022-Q3").previousYear()).isEqualTo(Period.parse("2021-Q3"));
        assertThat(Period.parse("2022-07").previousYear()).isEqualTo(Period.parse("2021-07"));
        assertThat(Period.parse("2022-07-15").previousYear()).isEqualTo(Period.parse("2021-07-15"));
    }

    @Test
    void previousYearOfTheTwentyNinthOfFebruaryIsTheTwentyEighth() {
        assertThat(Period.parse("2024-02-29").previousYear()).isEqualTo(Period.parse("2023-02-28"));
    }

    @Test
    void previousYearOfALeapFebruaryHasTwentyEightDays() {
        Period previous = Period.parse("2024-02").previousYear();

        assertThat(previous.code()).isEqualTo("2023-02");
        assertThat(previous.end()).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void aYearContainsItsQuartersMonthsAndDays() {
        Period year = Period.parse("2022");

        assertThat(year.contains(Period.parse("2022-Q4"))).isTrue();
        assertThat(year.contains(Period.parse("2022-01"))).isTrue();
        assertThat(year.contains(Period.parse("2022-12-31"))).isTrue();
        assertThat(year.contains(year)).isTrue();
    }

    @Test
    void aPeriodDoesNotContainWhatLiesOutsideOrOverlapsIt() {
        assertThat(Period.parse("2022").contains(Period.parse("2021-12-31"))).isFalse();
        assertThat(Period.parse("2022").contains(Period.parse("2023-01"))).isFalse();
        assertThat(Period.parse("2022-Q1").contains(Period.parse("2022-04"))).isFalse();
        assertThat(Period.parse("2022-03").contains(Period.parse("2022-Q1"))).isFalse();
        assertThat(Period.parse("2022-03-01").contains(Period.parse("2022-03"))).isFalse();
    }

    @Test
    void parsesACustomRangeIntoWholeMonthsAndLooseDays() {
        Period p = Period.parse("2022-03-30..2022-05-02");

        assertThat(p.granularity()).isEqualTo(Granularity.RANGE);
        assertThat(p.days()).isEqualTo(34);
        assertThat(p.isStorable()).isFalse();
        assertThat(p.subPeriods()).extracting(Period::code)
                .containsExactly("2022-03-30", "2022-03-31", "2022-04", "2022-05-01", "2022-05-02");
    }

    @Test
    void aRangeThatIsACalendarPeriodBecomesIt() {
        assertThat(Period.parse("2022-01-01..2022-12-31").code()).isEqualTo("2022");
        assertThat(Period.parse("2022-04-01..2022-06-30").code()).isEqualTo("2022-Q2");
        assertThat(Period.parse("2024-02-01..2024-02-29").code()).isEqualTo("2024-02");
        assertThat(Period.parse("2022-05-01..2022-05-01").code()).isEqualTo("2022-05-01");
        assertThat(Period.parse("2022-02-01..2022-04-30").granularity()).isEqualTo(Granularity.RANGE);
    }

    @Test
    void aRangeMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> Period.parse("2022-05-02..2022-05-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("2022-02-30..2022-03-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yearToDateIsComparedWithTheSameCalendarDaysLastYear() {
        Period ytd = PeriodPreset.YEAR_TO_DATE.resolve(LocalDate.of(2024, 2, 29));

        assertThat(ytd.code()).isEqualTo("2024-01-01..2024-02-29");
        assertThat(ytd.subPeriods()).extracting(Period::code).containsExactly("2024-01", "2024-02");
        // leap day: last year's year-to-date ends on 28 February
        assertThat(ytd.previousYear().code()).isEqualTo("2023-01-01..2023-02-28");
    }

    @Test
    void yearToDateOnNewYearsEveIsTheWholeYear() {
        assertThat(PeriodPreset.YEAR_TO_DATE.resolve(LocalDate.of(2022, 12, 31)).code()).isEqualTo("2022");
        assertThat(PeriodPreset.YEAR_TO_DATE.resolve(LocalDate.of(2022, 1, 1)).code()).isEqualTo("2022-01-01");
    }

    @Test
    void theLast28DaysAcrossALeapDayKeepTheirLengthLastYear() {
        Period last28 = PeriodPreset.LAST_28_DAYS.resolve(LocalDate.of(2024, 3, 1));

        assertThat(last28.code()).isEqualTo("2024-02-03..2024-03-01");
        assertThat(last28.days()).isEqualTo(28);
        Period before = last28.previousYear();
        assertThat(before.code()).isEqualTo("2023-02-02..2023-03-01");
        assertThat(before.days()).isEqualTo(28);
    }

    @Test
    void theLast28DaysCrossingNewYear() {
        Period last28 = PeriodPreset.LAST_28_DAYS.resolve(LocalDate.of(2023, 1, 10));

        assertThat(last28.code()).isEqualTo("2022-12-14..2023-01-10");
        assertThat(last28.subPeriods()).hasSize(28);
    }

    @Test
    void lastYearIsThePreviousCalendarYear() {
        assertThat(PeriodPreset.LAST_YEAR.resolve(LocalDate.of(2022, 6, 15)).code()).isEqualTo("2021");
        assertThat(PeriodPreset.LAST_YEAR.resolve(LocalDate.of(2021, 1, 1)).previousYear().code()).isEqualTo("2019");
    }
}
