package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * All panels of the dashboard for one filter state, computed together by one rule.
 *
 * @param kpis       every indicator for the filtered region, period and campaign, with last year's and the change
 * @param zones      the battle zones (always all three, so that a drill-down can go sideways)
 * @param provinces  the 31 provinces (always all, for the tile map)
 * @param provinceMonths per map indicator, each province's last twelve months up to the period's end (the league
 *                  table's sparklines); a month without data is unknown, never zero
 * @param denTrend   dens destroyed per bucket, stacked by zone (or by member / the province after a drill-down)
 * @param warnings   the four warning channels per bucket
 * @param campaigns  campaign results in the period and region
 * @param asOf       the latest day with any data, or null when the database holds none (what presets count from)
 * @param dataAsOf   the latest day the figures of this filter state cover, or null when they know nothing
 * @param instructions the race of the warning instructions of the region and period (issue 17)
 */
public record DashboardData(StatsQuery query, List<IndicatorStat> kpis, List<RegionStats> zones,
                            List<RegionStats> provinces, Map<String, Trend> provinceMonths, Trend denTrend, Trend warnings,
                            List<CampaignRow> campaigns, LocalDate asOf,
                            LocalDate dataAsOf, InstructionBoard instructions) {

    public DashboardData {
        provinceMonths = Map.copyOf(provinceMonths);
        instructions = instructions == null ? InstructionBoard.EMPTY : instructions;
    }

    /** Without warning instructions. */
    public DashboardData(StatsQuery query, List<IndicatorStat> kpis, List<RegionStats> zones,
                         List<RegionStats> provinces, Map<String, Trend> provinceMonths, Trend denTrend, Trend warnings,
                         List<CampaignRow> campaigns, LocalDate asOf, LocalDate dataAsOf) {
        this(query, kpis, zones, provinces, provinceMonths, denTrend, warnings, campaigns, asOf, dataAsOf,
                InstructionBoard.EMPTY);
    }

    public IndicatorStat kpi(String indicatorCode) {
        return kpis.stream().filter(s -> s.indicator().code().equals(indicatorCode)).findFirst().orElse(null);
    }
}
