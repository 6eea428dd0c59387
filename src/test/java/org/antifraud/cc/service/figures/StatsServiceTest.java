package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The aggregation rule and year-on-year, each branch on a real H2 migrated by Flyway. */
@IntegrationTest
class StatsServiceTest {
    private static final String DENS = "dens_destroyed";
    private static final String RINGLEADERS = "ringleaders_arrested";
    private static final String SUSPECTS = "suspects_arrested";
    private static final Source SOURCE = new Source("year-end report", "destroyed more than 1,800 fraud dens");

    @AutoClose
    private final Database database = MemoryStore.database("stats");
    private final StatsService service = new StatsService(database, database.repositories().catalog().load());

    // --- value: the four branches of the rule

    @Test
    void theStoredFigureForExactlyTheKeyIsTheValue() {
        store(reported(DENS, "CN-GD", "2022", "120"));

        Figure value = stat(DENS, "CN-GD", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("120");
        assertThat(value.basis()).isEqualTo(Basis.REPORTED);
        assertThat(value.qualifier()).isNull();
        assertThat(value.source()).isEqualTo(SOURCE);
    }

    @Test
    void theNationIsTheSumOfItsProvinces() {
        store(computed(DENS, "CN-GD", "2022", "100"), computed(DENS, "CN-GX", "2022", "50"),
                computed(DENS, "CN-XJ", "2022", "7"));

        Figure value = stat(DENS, "CN", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("157");
        assertThat(value.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(value.source()).isNull();
    }

    @Test
    void eachChildIsResolvedByTheWholeRule() {
        store(computed(DENS, "CN-GD", "2022", "100"),
                computed(DENS, "CN-GX", "2022-01", "10"), computed(DENS, "CN-GX", "2022-02", "5"));

        assertThat(stat(DENS, "CN", "2022").value().value()).isEqualByComparingTo("115");
    }

    @Test
    void aYearIsTheSumOfItsMonths() {
        store(computed(DENS, "CN-GD", "2022-01", "10"), computed(DENS, "CN-GD", "2022-02", "20"),
                computed(DENS, "CN-GD", "2022-12", "5"),
                // last year's and next year's months are not part of 2022
                computed(DENS, "CN-GD", "2021-12", "1000"), computed(DENS, "CN-GD", "2023-01", "1000"));

        Figure value = stat(DENS, "CN-GD", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("35");
        assertThat(value.basis()).isEqualTo(Basis.COMPUTED);
    }

    @Test
    void aMonthIsTheSumOfItsDays() {
        store(computed(DENS, "CN-GD", "2022-03-01", "3"), computed(DENS, "CN-GD", "2022-03-31", "4"),
                computed(DENS, "CN-GD", "2022-04-01", "1000"), computed(DENS, "CN-GD", "2022-02-28", "1000"));

        assertThat(stat(DENS, "CN-GD", "2022-03").value().value()).isEqualByComparingTo("7");
    }

    @Test
    void aYearOfDailyFiguresIsTheSumOfItsDays() {
        store(computed(DENS, "CN-GD", "2022-01-15", "2"), computed(DENS, "CN-GD", "2022-12-31", "3"));

        assertThat(stat(DENS, "CN-GD", "2022").value().value()).isEqualByComparingTo("5");
    }

    @Test
    void aQuarterIsItsThreeMonths() {
        store(computed(DENS, "CN-GD", "2022-03", "1000"), computed(DENS, "CN-GD", "2022-04", "10"),
                computed(DENS, "CN-GD", "2022-05", "20"), computed(DENS, "CN-GD", "2022-06", "30"),
                computed(DENS, "CN-GD", "2022-07", "1000"));

        Figure value = stat(DENS, "CN-GD", "2022-Q2").value();

        assertThat(value.value()).isEqualByComparingTo("60");
        assertThat(value.basis()).isEqualTo(Basis.COMPUTED);
    }

    @Test
    void aQuarterOfTheNationSumsItsProvincesMonths() {
        store(computed(DENS, "CN-GD", "2022-01", "1"), computed(DENS, "CN-SC", "2022-03-05", "2"),
                computed(DENS, "CN-SC", "2022-04", "1000"));

        assertThat(stat(DENS, "CN", "2022-Q1").value().value()).isEqualByComparingTo("3");
    }

    @Test
    void aZoneIsTheSumOfItsMembersOnly() {
        store(computed(DENS, "CN-GD", "2022", "100"), computed(DENS, "CN-GX", "2022", "20"),
                computed(DENS, "CN-HI", "2022", "3"),
                computed(DENS, "CN-FJ", "2022", "1000")); // Fujian is in ZONE-EAST, not ZONE-SOUTH

        assertThat(stat(DENS, "ZONE-SOUTH", "2022").value().value()).isEqualByComparingTo("123");
        assertThat(stat(DENS, "ZONE-EAST", "2022").value().value()).isEqualByComparingTo("1000");
        assertThat(stat(DENS, "ZONE-JJJ", "2022").value().isKnown()).isFalse();
    }

    @Test
    void campaignsAreSummedAtTheExactKey() {
        store(inCampaign("nail_pulling", reported(RINGLEADERS, "CN", "2022", "240")),
                inCampaign("chain_cutting", reported(RINGLEADERS, "CN", "2022", "60")));

        Figure value = stat(RINGLEADERS, "CN", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("300");
        assertThat(value.basis()).isEqualTo(Basis.COMPUTED);
    }

    @Test
    void aCampaignFilterSelectsOnlyThatCampaignsFigures() {
        store(inCampaign("nail_pulling", reported(RINGLEADERS, "CN", "2022", "240")),
                inCampaign("chain_cutting", reported(RINGLEADERS, "CN", "2022", "60")),
                reported(RINGLEADERS, "CN", "2022", "1000"));

        Figure value = stat(RINGLEADERS, "CN", "2022", "nail_pulling").value();

        assertThat(value.value()).isEqualByComparingTo("240");
        assertThat(value.basis()).isEqualTo(Basis.REPORTED);
    }

    @Test
    void aCampaignFilterAppliesToTheChildrenToo() {
        store(inCampaign("regional_battle_south", computed(DENS, "CN-GD", "2022", "40")),
                inCampaign("regional_battle_south", computed(DENS, "CN-GX", "2022-05", "2")),
                inCampaign("regional_battle_east", computed(DENS, "CN-FJ", "2022", "1000")),
                computed(DENS, "CN-GD", "2022", "1000"));

        assertThat(stat(DENS, "CN", "2022", "regional_battle_south").value().value()).isEqualByComparingTo("42");
        assertThat(stat(DENS, "CN", "2022", "sharp_sword").value().isKnown()).isFalse();
    }

    @Test
    void aStoredFigureBeatsTheSumOfTheChildren() {
        store(moreThan(reported(DENS, "CN", "2022", "1800")),
                synthetic(DENS, "CN-GD", "2022", "1000"), synthetic(DENS, "CN-GX", "2022", "800"));

        Figure value = stat(DENS, "CN", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("1800");
        assertThat(value.basis()).isEqualTo(Basis.REPORTED);
        assertThat(value.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(value.source()).isEqualTo(SOURCE);
    }

    @Test
    void aStoredFigureBeatsTheSumOfTheSubPeriods() {
        store(reported(DENS, "CN-GD", "2022", "100"),
                synthetic(DENS, "CN-GD", "2022-01", "40"), synthetic(DENS, "CN-GD", "2022-02", "70"));

        Figure value = stat(DENS, "CN-GD", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("100");
        assertThat(value.basis()).isEqualTo(Basis.REPORTED);
    }

    @Test
    void theChildrenBeatTheSubPeriods() {
        store(computed(DENS, "CN", "2022-01", "5"), computed(DENS, "CN-GD", "2022", "100"));

        assertThat(stat(DENS, "CN", "2022").value().value()).isEqualByComparingTo("100");
    }

    @Test
    void nothingStoredIsUnknown() {
        store(computed(DENS, "CN-GD", "2023", "5"), computed("cases_solved", "CN-GD", "2022", "5"));

        IndicatorStat stat = stat(DENS, "CN", "2022");

        assertThat(stat.value()).isEqualTo(Figure.UNKNOWN);
        assertThat(stat.value().value()).isNull();
        assertThat(stat.previous().isKnown()).isFalse();
        assertThat(stat.change()).isNull();
    }

    @Test
    void aSumOfReportedAndComputedFiguresIsComputed() {
        store(reported(DENS, "CN-GD", "2022", "10"), computed(DENS, "CN-GX", "2022", "5"));

        assertThat(stat(DENS, "CN", "2022").value().basis()).isEqualTo(Basis.COMPUTED);
    }

    @Test
    void demoIsNeverAddedToRealFiguresNorHidesThem() {
        store(reported(DENS, "CN-GD", "2022", "10"), computed(DENS, "CN-GX", "2022", "5"),
                synthetic(DENS, "CN-HI", "2022-07", "1"), synthetic(DENS, "CN-GD", "2022-07", "3"));

        Figure nation = stat(DENS, "CN", "2022").value();
        Figure hainan = stat(DENS, "CN-HI", "2022").value();

        assertThat(nation.value()).isEqualByComparingTo("15");
        assertThat(nation.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(stat(DENS, "CN-GD", "2022").value().value()).isEqualByComparingTo("10");
        assertThat(hainan.value()).isEqualByComparingTo("1");
        assertThat(hainan.basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
    }

    @Test
    void moreThanPropagatesIntoASum() {
        store(moreThan(reported(DENS, "CN-GD", "2022", "1800")), computed(DENS, "CN-GX", "2022", "20"));

        Figure value = stat(DENS, "CN", "2022").value();

        assertThat(value.value()).isEqualByComparingTo("1820");
        assertThat(value.qualifier()).isEqualTo(Qualifier.MORE_THAN);
    }

    @Test
    void aSumOfExactFiguresHasNoQualifier() {
        store(computed(DENS, "CN-GD", "2022", "1800"), computed(DENS, "CN-GX", "2022", "20"));

        assertThat(stat(DENS, "CN", "2022").value().qualifier()).isNull();
    }

    // --- year on year

    @Test
    void theChangeIsComputedFromLastYearByTheSameRuleOverTheSameUnitMonths() {
        store(computed(DENS, "CN-GD", "2021-06", "80"), computed(DENS, "CN-GX", "2021", "20"),
                computed(DENS, "CN-GD", "2022-06", "100"), computed(DENS, "CN-GX", "2022", "50"));

        IndicatorStat stat = stat(DENS, "CN", "2022");

        assertThat(stat.previous().value()).isEqualByComparingTo("100");
        assertThat(stat.change().pct()).isEqualByComparingTo("50.0");
        assertThat(stat.change().basis()).isEqualTo(Basis.COMPUTED);
        assertThat(stat.change().source()).isNull();
        assertThat(stat.change().likeForLike()).as("two partial figures over the same unit-months").isTrue();
    }

    @Test
    void partialFiguresOverOtherUnitMonthsAreNotCompared() {
        store(computed(DENS, "CN-GD", "2021-06", "80"), computed(DENS, "CN-GX", "2021-03-01", "20"),
                computed(DENS, "CN-GD", "2022", "150"));

        IndicatorStat stat = stat(DENS, "CN", "2022");

        assertThat(stat.value().isPartial()).isTrue();
        assertThat(stat.previous().value()).isEqualByComparingTo("100");
        assertThat(stat.change()).isNull();
    }

    @Test
    void theChangeOfAQuarterComparesTheSameQuarterLastYear() {
        store(computed(DENS, "CN-GD", "2021-04", "40"), computed(DENS, "CN-GD", "2021-07", "1000"),
                computed(DENS, "CN-GD", "2022-04", "30"));

        IndicatorStat stat = stat(DENS, "CN-GD", "2022-Q2");

        assertThat(stat.previous().value()).isEqualByComparingTo("40");
        assertThat(stat.change().pct()).isEqualByComparingTo("-25.0");
    }

    @Test
    void aReportedChangeIsTheChangeWhenThereIsNoPreviousValue() {
        store(reportedChange(SUSPECTS, "CN", "2022", "64.4"));

        IndicatorStat stat = stat(SUSPECTS, "CN", "2022");

        assertThat(stat.value().isKnown()).isFalse();
        assertThat(stat.previous().isKnown()).isFalse();
        Change change = stat.change();
        assertThat(change.pct()).isEqualByComparingTo("64.4");
        assertThat(change.basis()).isEqualTo(Basis.REPORTED);
        assertThat(change.source()).isEqualTo(SOURCE);
    }

    @Test
    void aReportedChangeIsTheChangeWhenOnlyLastYearIsKnown() {
        store(computed(SUSPECTS, "CN", "2021", "1000"), reportedChange(SUSPECTS, "CN", "2022", "64.4"));

        IndicatorStat stat = stat(SUSPECTS, "CN", "2022");

        assertThat(stat.value().isKnown()).isFalse();
        assertThat(stat.change().pct()).isEqualByComparingTo("64.4");
        assertThat(stat.change().basis()).isEqualTo(Basis.REPORTED);
    }

    @Test
    void aReportedChangeOfAnotherKeyIsNotUsed() {
        store(reportedChange(SUSPECTS, "CN", "2022", "64.4"));

        assertThat(stat(SUSPECTS, "CN-GD", "2022").change()).isNull();
        assertThat(stat(SUSPECTS, "CN", "2022-Q1").change()).isNull();
    }

    @Test
    void aComputedChangeBeatsAReportedChangeWhenBothYearsAreKnown() {
        store(reported(SUSPECTS, "CN", "2021", "1000"), reported(SUSPECTS, "CN", "2022", "1500"),
                reportedChange(SUSPECTS, "CN", "2022", "64.4"));

        Change change = stat(SUSPECTS, "CN", "2022").change();

        assertThat(change.pct()).isEqualByComparingTo("50.0");
        assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(change.source()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} is {2}%")
    @CsvSource({
            "2000, 2001, 0.1",
            "2000, 2003, 0.2",
            "2000, 2005, 0.3",
            "1000, 1333.5, 33.4",
            "3, 4, 33.3",
            "3, 5, 66.7",
            "2000, 1999, -0.1",
            "2000, 1997, -0.2",
            "200, 100, -50.0"})
    void theChangeIsRoundedHalfUpToOneDecimal(String previous, String current, String expected) {
        store(computed(DENS, "CN-GD", "2021", previous), computed(DENS, "CN-GD", "2022", current));

        BigDecimal pct = stat(DENS, "CN-GD", "2022").change().pct();

        assertThat(pct).isEqualByComparingTo(expected);
        assertThat(pct.scale()).isEqualTo(1);
    }

    @Test
    void previousZeroAndNothingReportedMeansNoChange() {
        store(computed(DENS, "CN-GD", "2021", "0"), computed(DENS, "CN-GD", "2022", "10"));

        IndicatorStat stat = stat(DENS, "CN-GD", "2022");

        assertThat(stat.previous().value()).isEqualByComparingTo("0");
        assertThat(stat.value().value()).isEqualByComparingTo("10");
        assertThat(stat.change()).isNull();
    }

    @Test
    void previousZeroWithAReportedChangeUsesTheReportedChange() {
        store(computed(SUSPECTS, "CN", "2021", "0"), reported(SUSPECTS, "CN", "2022", "10"),
                reportedChange(SUSPECTS, "CN", "2022", "64.4"));

        Change change = stat(SUSPECTS, "CN", "2022").change();

        assertThat(change.pct()).isEqualByComparingTo("64.4");
        assertThat(change.basis()).isEqualTo(Basis.REPORTED);
    }

    @Test
    void lastYearUnknownAndNothingReportedMeansNoChange() {
        store(computed(DENS, "CN-GD", "2022", "10"));

        assertThat(stat(DENS, "CN-GD", "2022").change()).isNull();
    }

    @Test
    void aChangeComputedFromSyntheticFiguresIsMarkedSynthetic() {
        store(synthetic(DENS, "CN-GD", "2021-01", "100"), synthetic(DENS, "CN-GD", "2022-01", "110"));

        Change change = stat(DENS, "CN-GD", "2022").change();

        assertThat(change.pct()).isEqualByComparingTo("10.0");
        assertThat(change.basis()).isEqualTo(Basis.SYNTHETIC_DEMO);
    }

    @Test
    void aRealValueIsNeverComparedWithADemoYear() {
        store(synthetic(DENS, "CN-GD", "2021-01", "100"), reported(DENS, "CN-GD", "2022", "110"));

        IndicatorStat stat = stat(DENS, "CN-GD", "2022");

        assertThat(stat.value().basis()).isEqualTo(Basis.REPORTED);
        assertThat(stat.previous().isKnown()).as("last year of the same (real) layer").isFalse();
        assertThat(stat.change()).isNull();
    }

    // --- bad input

    @Test
    void anUnknownRegionIsAProblem() {
        assertThatThrownBy(() -> stat(DENS, "CN-ZZ", "2022"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("unknown_region");
                    assertThat(p.args()).containsExactly("CN-ZZ");
                });
    }

    @Test
    void anUnknownIndicatorIsAProblem() {
        assertThatThrownBy(() -> stat("dens_demolished", "CN", "2022"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("unknown_indicator");
                    assertThat(p.args()).containsExactly("dens_demolished");
                });
    }

    @Test
    void anUnknownCampaignIsAProblem() {
        assertThatThrownBy(() -> stat(DENS, "CN", "2022", "blunt_sword"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("unknown_campaign");
                    assertThat(p.args()).containsExactly("blunt_sword");
                });
    }

    @Test
    void everyCatalogIndicatorIsListedInCatalogOrder() {
        List<String> codes = service.stats(new StatsQuery(Period.parse("2022"), "CN", null)).indicators().stream()
                .map(s -> s.indicator().code()).toList();

        assertThat(codes).hasSize(28).startsWith("cases_registered", "cases_solved", SUSPECTS)
                .endsWith("video_views");
    }

    // --- helpers

    private IndicatorStat stat(String indicator, String region, String period) {
        return stat(indicator, region, period, null);
    }

    private IndicatorStat stat(String indicator, String region, String period, String campaign) {
        List<IndicatorStat> stats = service.stats(new StatsQuery(Period.parse(period), region, campaign),
                List.of(indicator)).indicators();
        assertThat(stats).hasSize(1);
        return stats.getFirst();
    }

    private void store(Measurement... measurements) {
        database.transaction(r -> {
            r.measurements().insertAll(List.of(measurements));
            return null;
        });
    }

    private static Measurement reported(String indicator, String region, String period, String value) {
        return figure(indicator, region, period, value, Basis.REPORTED, SOURCE);
    }

    private static Measurement computed(String indicator, String region, String period, String value) {
        return figure(indicator, region, period, value, Basis.COMPUTED, null);
    }

    private static Measurement synthetic(String indicator, String region, String period, String value) {
        return figure(indicator, region, period, value, Basis.SYNTHETIC_DEMO, null);
    }

    private static Measurement figure(String indicator, String region, String period, String value, Basis basis,
                                      Source source) {
        return new Measurement(indicator, region, Period.parse(period), null, new BigDecimal(value), null, basis,
                null, source, null);
    }

    private static Measurement reportedChange(String indicator, String region, String period, String pct) {
        return new Measurement(indicator, region, Period.parse(period), null, null, new BigDecimal(pct),
                Basis.REPORTED, null, SOURCE, null);
    }

    private static Measurement inCampaign(String campaign, Measurement m) {
        return new Measurement(m.indicatorCode(), m.regionCode(), m.period(), campaign, m.value(), m.changePct(),
                m.basis(), m.qualifier(), m.source(), m.note());
    }

    private static Measurement moreThan(Measurement m) {
        return new Measurement(m.indicatorCode(), m.regionCode(), m.period(), m.campaignCode(), m.value(),
                m.changePct(), m.basis(), Qualifier.MORE_THAN, m.source(), m.note());
    }
}
