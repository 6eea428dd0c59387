package org.antifraud.cc.ui.dashboard;

import java.util.List;

import org.antifraud.cc.domain.Period;

/**
 * What the dashboard's panels show, already localized and formatted, built from one
 * {@link org.antifraud.cc.domain.DashboardData} by {@link DashboardPresenter}.
 */
public record DashboardPanels(List<KpiTile> tiles, List<RegionRow> zones, List<MapTile> map, String mapTitle,
                              ChartData denTrend, ChartData warnings,
                              List<KpiTile> outcomes, List<CampaignLine> campaigns, List<LeagueRow> league,
                              String leagueSpan, boolean synthetic, InstructionPanel instructions) {

    public static final DashboardPanels EMPTY = new DashboardPanels(List.of(), List.of(), List.of(), "",
            ChartData.EMPTY, ChartData.EMPTY, List.of(), List.of(), List.of(), "", false, InstructionPanel.EMPTY);

    /**
     * The warning instructions' race (issue 17): {@code cells} a row per risk level, a column per tier, each "issued ·
     * in time %"; the rate, median and breaches as tiles; the open backlog by age in words. {@code empty}: no
     * instruction in the region and period ("no data", never a table of zeros).
     */
    public record InstructionPanel(boolean empty, List<String> tiers, List<String> risks, List<List<String>> cells,
                                   List<KpiTile> figures, String backlog, boolean synthetic) {
        public static final InstructionPanel EMPTY = new InstructionPanel(true, List.of(), List.of(), List.of(),
                List.of(), "", false);
    }

    /**
     * One province of the league table: {@code rank} null when it has no figure (listed last, unranked); the value
     * cell with its basis, its change (only the value's own) and tooltip; the sparkline's months, a null one a gap.
     */
    public record LeagueRow(String code, Integer rank, String name, Cell value, String basisText,
                            List<Double> months, String sparklineText) {
    }

    /** One figure in a table cell: text, change, whether the change is good, its tooltip, demo marker. */
    public record Cell(String text, boolean known, String changeText, Boolean changeGood, String tooltip,
                       boolean synthetic) {
    }

    /** A battle zone's row of the regional-battles table. */
    public record RegionRow(String code, String name, Cell dens, Cell suspects) {
    }

    /** One province of the tile map; {@code value} null when there is no data. */
    public record MapTile(String code, String label, Double value, String valueText, String tooltip,
                          boolean synthetic) {
    }

    /** A chart: x categories and named series; a null value is a gap (no data), never zero. */
    public record ChartData(List<String> categories, List<Series> series, boolean hasData, boolean synthetic,
                            List<Boolean> demoCategories, List<String> categoryMarks) {
        public static final ChartData EMPTY = new ChartData(List.of(), List.of(), false, false, List.of(), List.of());

        public record Series(String key, String name, List<Double> values) {
        }
    }

    /**
     * A row of the campaigns table: what the campaign achieved of its indicator in its period, against its target.
     * {@code progress} is achieved / target (may pass 1), null without a target or a figure: no bar then, never 0.
     */
    public record CampaignLine(String campaignCode, String campaign, String indicatorCode, String indicator,
                               Period period, String target, String achieved, String pct, Double progress,
                               boolean synthetic, String tooltip) {
    }
}
