package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The dashboard's panels on a real H2: rollups agree with the raw rows, zones, trends, campaigns. */
@IntegrationTest
class DashboardServiceTest {
    private static final String DENS = "dens_destroyed";

    @AutoClose
    private final Database database = MemoryStore.database("dash");
    private final DashboardService service = new DashboardService(database, database.repositories().catalog().load());

    @Test
    void theRollupsGiveTheSameFiguresAsAGroupByOverTheRawRows() {
        SplittableRandom random = new SplittableRandom(7);
        List<Measurement> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2021, 1, 1); d.isBefore(LocalDate.of(2023, 1, 1)); d = d.plusDays(3)) {
            for (String region : List.of("CN-GD", "CN-ZJ", "CN-BJ", "CN-SC")) {
                for (String indicator : List.of(DENS, "warnings_local", "suspects_arrested")) {
                    days.add(day(indicator, region, d, random.nextInt(50), random.nextInt(10) == 0 ? "chain_cutting" : null));
                }
            }
        }
        store(days);

        for (String period : List.of("2022", "2022-Q2", "2022-03", "2022-03-05", "2022-02-10..2022-04-20",
                "2021-12-15..2022-01-11")) {
            for (String region : List.of("CN", "ZONE-EAST", "CN-GD")) {
                for (String campaign : new String[] {null, "chain_cutting"}) {
                    StatsQuery q = new StatsQuery(Period.parse(period), region, campaign);
                    assertThat(service.load(q, CellSource.ROLLUPS))
                            .as(q.toString())
                            .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                            .isEqualTo(service.load(q, CellSource.RAW_ROWS));
                }
            }
        }
        DashboardData year = service.load(new StatsQuery(Period.year(2022), "CN", null));
        long expected = days.stream().filter(m -> m.indicatorCode().equals(DENS) && m.period().start().getYear() == 2022)
                .mapToLong(m -> m.value().longValue()).sum();
        assertThat(year.kpi(DENS).value().value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(year.kpi(DENS).change()).isNotNull();

        // a range: whole months plus its ragged ends, against a plain sum of the stored days
        Period range = Period.parse("2022-02-10..2022-04-20");
        long inRange = days.stream().filter(m -> m.indicatorCode().equals(DENS) && range.contains(m.period()))
                .mapToLong(m -> m.value().longValue()).sum();
        assertThat(service.load(new StatsQuery(range, "CN", null)).kpi(DENS).value().value())
                .isEqualByComparingTo(BigDecimal.valueOf(inRange));
        long gdLast28 = days.stream().filter(m -> m.indicatorCode().equals(DENS) && m.regionCode().equals("CN-GD")
                        && Period.parse("2022-12-04..2022-12-31").contains(m.period()))
                .mapToLong(m -> m.value().longValue()).sum();
        assertThat(service.load(new StatsQuery(Period.parse("2022-12-04..2022-12-31"), "ZONE-SOUTH", null))
                .provinces().stream().filter(p -> p.regionCode().equals("CN-GD")).findFirst().orElseThrow()
                .stat(DENS).value().value()).isEqualByComparingTo(BigDecimal.valueOf(gdLast28));
    }

    @Test
    void zonesSumTheirMembersAndTheTrendStacksThemWithTheRest() {
        store(List.of(day(DENS, "CN-ZJ", LocalDate.of(2022, 3, 5), 4, null),   // East
                day(DENS, "CN-GD", LocalDate.of(2022, 3, 9), 6, null),           // South
                day(DENS, "CN-BJ", LocalDate.of(2022, 4, 1), 1, null),           // Beijing-Tianjin-Hebei
                day(DENS, "CN-SC", LocalDate.of(2022, 4, 2), 2, null)));         // in no zone

        DashboardData data = service.load(new StatsQuery(Period.year(2022), "CN", null));

        assertThat(data.zones()).extracting(RegionStats::regionCode).containsExactly("ZONE-EAST", "ZONE-SOUTH", "ZONE-JJJ");
        assertThat(data.zones().getFirst().stat(DENS).value().value()).isEqualByComparingTo("4");
        assertThat(data.provinces()).hasSize(31);
        Trend trend = data.denTrend();
        assertThat(trend.buckets()).hasSize(12);
        assertThat(trend.series()).extracting(Trend.Series::key)
                .containsExactly("ZONE-EAST", "ZONE-SOUTH", "ZONE-JJJ", Trend.OTHER);
        assertThat(trend.series().get(1).values().get(2).value()).isEqualByComparingTo("6");
        assertThat(trend.series().get(3).values().get(3).value()).isEqualByComparingTo("2");
        // January has no data at all: a gap, never a zero
        assertThat(trend.series().getFirst().values().getFirst()).isEqualTo(Figure.UNKNOWN);
        assertThat(data.kpi("cases_registered").value().isKnown()).isFalse();
        assertThat(data.asOf()).isEqualTo(LocalDate.of(2022, 4, 2));
    }

    @Test
    void aDrillDownToAZoneStacksItsMembersAndAShortPeriodIsDrawnByDay() {
        store(List.of(day(DENS, "CN-ZJ", LocalDate.of(2022, 3, 5), 4, null)));

        DashboardData zone = service.load(new StatsQuery(Period.parse("2022-03"), "ZONE-EAST", null));

        assertThat(zone.denTrend().buckets()).hasSize(31);
        assertThat(zone.denTrend().series()).extracting(Trend.Series::key).contains("CN-ZJ", "CN-SH");
        assertThat(zone.kpi(DENS).value().value()).isEqualByComparingTo("4");
        assertThat(zone.kpi(DENS).value().basis()).isEqualTo(Basis.COMPUTED);
    }

    @Test
    void campaignsShowWhatTheyAchievedAndAgainstATargetWhereSet() {
        store(List.of(day("ringleaders_arrested", "CN-GD", LocalDate.of(2022, 5, 1), 30, "nail_pulling")));
        database.transaction(r -> {
            r.campaignTargets().put("nail_pulling", "ringleaders_arrested", "CN", "2022", new BigDecimal("120"), "computed");
            return null;
        });

        List<CampaignRow> rows = service.load(new StatsQuery(Period.year(2022), "CN", null)).campaigns();

        assertThat(rows).hasSize(1);
        CampaignRow row = rows.getFirst();
        assertThat(row.campaign().code()).isEqualTo("nail_pulling");
        assertThat(row.achieved().value()).isEqualByComparingTo("30");
        assertThat(row.target()).isEqualByComparingTo("120");
        assertThat(row.pctOfTarget()).isEqualByComparingTo("25.0");
    }

    @Test
    void aYearSplitIntoStoredMonthsIsNotReadFromItsYearCell() {
        // a stored month figure beats the days of that month; the year must add months, not its day cell
        store(List.of(day(DENS, "CN-GD", LocalDate.of(2022, 3, 5), 4, null),
                day(DENS, "CN-GD", LocalDate.of(2022, 7, 5), 5, null),
                new Measurement(DENS, "CN-GD", Period.parse("2022-03"), null, new BigDecimal("100"), null,
                        Basis.COMPUTED, null, null, null)));

        DashboardData data = service.load(new StatsQuery(Period.year(2022), "CN-GD", null));

        assertThat(data.kpi(DENS).value().value()).isEqualByComparingTo("105");
    }

    @Test
    void theWallsMonthsOfARegionAreEachMonthByTheSameRuleAndAMonthWithoutDataIsAGap() {
        store(List.of(day(DENS, "CN-ZJ", LocalDate.of(2022, 3, 5), 4, null),
                day(DENS, "CN-GD", LocalDate.of(2022, 3, 9), 6, null),
                day(DENS, "CN-SC", LocalDate.of(2022, 11, 2), 2, null)));

        Trend months = service.regionMonths(new StatsQuery(Period.year(2022), "CN", null),
                List.of(DENS, "cases_registered"));

        assertThat(months.buckets()).hasSize(12);
        assertThat(months.buckets().getFirst()).isEqualTo(Period.parse("2022-01"));
        assertThat(months.series()).extracting(Trend.Series::key).containsExactly(DENS, "cases_registered");
        List<Figure> dens = months.series().getFirst().values();
        assertThat(dens.get(2).value()).as("March: Zhejiang and Guangdong").isEqualByComparingTo("10");
        assertThat(dens.get(10).value()).isEqualByComparingTo("2");
        assertThat(dens.getFirst()).as("January: no data, never zero").isEqualTo(Figure.UNKNOWN);
        assertThat(months.series().get(1).values()).allMatch(f -> !f.isKnown());
    }

    private void store(List<Measurement> measurements) {
        database.transaction(r -> {
            r.measurements().insertAll(measurements);
            return null;
        });
    }

    private static Measurement day(String indicator, String region, LocalDate day, int value, String campaign) {
        return new Measurement(indicator, region, Period.day(day), campaign, BigDecimal.valueOf(value), null,
                Basis.COMPUTED, null, null, null);
    }
}
