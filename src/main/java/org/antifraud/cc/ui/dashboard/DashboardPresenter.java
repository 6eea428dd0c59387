package org.antifraud.cc.ui.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.stream.Stream;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.InstructionBoard;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.ui.common.I18n;

/** Turns one {@link DashboardData} into the localized, formatted content of every panel. Pure. */
final class DashboardPresenter {
    /** The report's headline figures, in the order the strip shows them. */
    static final List<String> HEADLINE = List.of("suspects_arrested", "cases_registered", "property_loss",
            "dens_destroyed", "ringleaders_arrested", "warning_instructions_issued", "calls_intercepted",
            "sms_intercepted", "phone_cards_disposed");
    /**
     * What followed the warnings, beside the warnings chart as separate figures: people and yuan are not warnings,
     * so no funnel claims one became the other (issue 16). Interception figures are in the headline strip already.
     */
    static final List<String> OUTCOMES = List.of("persons_dissuaded", "funds_intercepted");

    private final Catalog catalog;
    private final I18n i18n;
    private final FigureWords words;

    DashboardPresenter(Catalog catalog, I18n i18n) {
        this.catalog = catalog;
        this.i18n = i18n;
        this.words = FigureWords.of(i18n.locale());
    }

    DashboardPanels present(DashboardData data, String mapIndicator) {
        List<KpiTile> tiles = new ArrayList<>();
        for (String code : HEADLINE) {
            IndicatorStat s = data.kpi(code);
            if (s != null) {
                tiles.add(tile(s, true));
            }
        }
        for (IndicatorStat s : data.kpis()) {
            if (!HEADLINE.contains(s.indicator().code())) {
                tiles.add(tile(s, false));
            }
        }
        List<KpiTile> outcomes = OUTCOMES.stream().map(data::kpi).filter(Objects::nonNull).map(s -> tile(s, false))
                .toList();
        boolean synthetic = tiles.stream().anyMatch(KpiTile::synthetic);

        List<DashboardPanels.RegionRow> zones = data.zones().stream()
                .map(z -> new DashboardPanels.RegionRow(z.regionCode(), regionName(z.regionCode()),
                        cell(z.stat(DashboardService.DENS)), cell(z.stat("suspects_arrested"))))
                .toList();
        List<DashboardPanels.MapTile> map = new ArrayList<>();
        for (RegionStats p : data.provinces()) {
            IndicatorStat s = p.stat(mapIndicator);
            Figure v = s.value();
            DashboardPanels.Cell cell = cell(s);
            map.add(new DashboardPanels.MapTile(p.regionCode(), provinceLabel(p.regionCode()),
                    v.isKnown() ? v.value().doubleValue() : null, cell.text(),
                    regionName(p.regionCode()) + "\n" + cell.tooltip(), cell.synthetic()));
        }
        for (Region r : catalog.regionsOfKind(RegionKind.NON_REPORTING)) {
            // Taiwan, Hong Kong, Macao report nothing to the campaign: on the map as "no data", never as zero
            map.add(new DashboardPanels.MapTile(r.code(), provinceLabel(r.code()), null, i18n.get("kpi.no_data"),
                    regionName(r.code()) + "\n" + i18n.get("dashboard.map.not_reporting"), false));
        }
        String mapTitle = catalog.indicator(mapIndicator).map(i -> i.name(i18n.locale())).orElse(mapIndicator);
        List<DashboardPanels.LeagueRow> league = league(data, mapIndicator);
        Trend months = data.provinceMonths().get(mapIndicator);
        String leagueSpan = months == null || months.buckets().isEmpty() ? ""
                : bucketLabel(months.buckets().getFirst()) + " \u2013 " + bucketLabel(months.buckets().getLast());

        DashboardPanels.ChartData den = chart(data.denTrend(), true);
        DashboardPanels.ChartData warnings = chart(data.warnings(), false);
        return new DashboardPanels(tiles, zones, map, mapTitle, den, warnings, outcomes,
                campaigns(data), league, leagueSpan, synthetic || den.synthetic() || warnings.synthetic()
                || map.stream().anyMatch(DashboardPanels.MapTile::synthetic), instructions(data));
    }

    /** The instructions' panel (issue 17): tier × risk level, the timed figures, the open backlog by age. */
    private DashboardPanels.InstructionPanel instructions(DashboardData data) {
        InstructionBoard board = data.instructions();
        if (board.isEmpty()) {
            return DashboardPanels.InstructionPanel.EMPTY;
        }
        List<String> tiers = Arrays.stream(InstructionTier.values()).map(t -> i18n.get("entry.tier." + t.code())).toList();
        List<String> risks = Arrays.stream(RiskLevel.values()).map(r -> i18n.get("entry.risk." + r.code())).toList();
        boolean zh = i18n.isChinese();
        List<List<String>> cells = new ArrayList<>();
        for (RiskLevel risk : RiskLevel.values()) {
            List<String> row = new ArrayList<>();
            for (InstructionTier tier : InstructionTier.values()) {
                InstructionBoard.Cell c = board.cell(tier, risk);
                row.add(c.issued() == 0 ? "—" : i18n.get("dashboard.instructions.cell",
                        NumberFormats.compact(BigDecimal.valueOf(c.issued()), null, zh),
                        BigDecimal.valueOf(c.inTime() * 100).divide(BigDecimal.valueOf(c.issued()), 0,
                                RoundingMode.HALF_UP).toPlainString()));
            }
            cells.add(row);
        }
        List<KpiTile> figures = Stream.of("dissuasion_rate_pct", "contact_minutes_median", "sla_breaches")
                .map(data::kpi).filter(Objects::nonNull).map(s -> tile(s, false)).toList();
        String backlog = i18n.get("dashboard.instructions.backlog", board.open(), board.openWithinLimit(),
                board.openPastLimit(), board.openPastDay());
        return new DashboardPanels.InstructionPanel(false, tiers, risks, cells, figures, backlog, board.synthetic());
    }

    /**
     * The provinces ranked by the chosen indicator's value, highest first (ties share a rank, in catalog order);
     * those without a figure follow, unranked. A partial value ranks as the lower bound it is, marked as such.
     */
    List<DashboardPanels.LeagueRow> league(DashboardData data, String indicator) {
        Trend months = data.provinceMonths().get(indicator);
        List<RegionStats> known = data.provinces().stream()
                .filter(p -> p.stat(indicator) != null && p.stat(indicator).value().isKnown())
                .sorted((a, b) -> b.stat(indicator).value().value().compareTo(a.stat(indicator).value().value()))
                .toList();
        List<DashboardPanels.LeagueRow> rows = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < known.size(); i++) {
            BigDecimal v = known.get(i).stat(indicator).value().value();
            if (previous == null || v.compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = v;
            rows.add(leagueRow(known.get(i), indicator, rank, months));
        }
        for (RegionStats p : data.provinces()) {
            if (!known.contains(p) && p.stat(indicator) != null) {
                rows.add(leagueRow(p, indicator, null, months));
            }
        }
        return rows;
    }

    private DashboardPanels.LeagueRow leagueRow(RegionStats p, String indicator, Integer rank, Trend months) {
        IndicatorStat s = p.stat(indicator);
        KpiTile t = tile(s, false);
        List<Double> values = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (months != null) {
            Trend.Series series = months.series().stream().filter(x -> x.key().equals(p.regionCode())).findFirst()
                    .orElse(null);
            boolean zh = i18n.isChinese();
            for (int i = 0; i < months.buckets().size(); i++) {
                Figure f = series == null ? Figure.UNKNOWN : series.values().get(i);
                values.add(f.isKnown() ? f.value().doubleValue() : null);
                text.append(i == 0 ? "" : "\n").append(bucketLabel(months.buckets().get(i))).append(": ")
                        .append(f.isKnown() ? words.value(f, NumberFormats.compact(f.value(), f.qualifier(), zh))
                                + (f.isDemo() ? " " + words.demo() : "") : i18n.get("kpi.no_data"));
            }
        }
        return new DashboardPanels.LeagueRow(p.regionCode(), rank, regionName(p.regionCode()), cell(s),
                t.synthetic() ? words.demo() : t.basisText(), values, text.toString());
    }

    private DashboardPanels.ChartData chart(Trend trend, boolean byRegion) {
        List<String> categories = trend.buckets().stream().map(this::bucketLabel).toList();
        List<DashboardPanels.ChartData.Series> series = new ArrayList<>();
        boolean synthetic = false;
        List<Boolean> demo = new ArrayList<>();
        List<Boolean> partial = new ArrayList<>();
        trend.buckets().forEach(b -> {
            demo.add(false);
            partial.add(false);
        });
        for (Trend.Series s : trend.series()) {
            String name = Trend.OTHER.equals(s.key()) ? i18n.get("dashboard.trend.other")
                    : byRegion ? regionName(s.key()) : indicatorName(s.key());
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < s.values().size(); i++) {
                Figure f = s.values().get(i);
                values.add(f.isKnown() ? f.value().doubleValue() : null);
                synthetic |= f.isDemo();
                if (f.isDemo()) {
                    demo.set(i, true);
                }
                if (f.isPartial()) {
                    partial.set(i, true);
                }
            }
            series.add(new DashboardPanels.ChartData.Series(s.key(), name, values));
        }
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            marks.add(demo.get(i) ? words.demo() : partial.get(i) ? i18n.get("figure.partial.bucket") : "");
        }
        return new DashboardPanels.ChartData(categories, series, trend.hasData(), synthetic, demo, marks);
    }

    private String bucketLabel(Period bucket) {
        boolean zh = i18n.isChinese();
        if (bucket.granularity() == Granularity.DAY) {
            return bucket.start().format(DateTimeFormatter.ofPattern(zh ? "M月d日" : "d MMM", i18n.locale()));
        }
        // a month, or a month clipped to a range
        return bucket.start().format(DateTimeFormatter.ofPattern(zh ? "yy年M月" : "MMM yy", i18n.locale()));
    }

    private List<DashboardPanels.CampaignLine> campaigns(DashboardData data) {
        boolean zh = i18n.isChinese();
        List<DashboardPanels.CampaignLine> lines = new ArrayList<>();
        for (CampaignRow row : data.campaigns()) {
            Figure a = row.achieved();
            String achieved = a.isKnown() ? words.value(a, NumberFormats.full(a.value(), a.qualifier(), zh))
                    : i18n.get("kpi.no_data");
            String target = row.target() == null ? "\u2014" : NumberFormats.full(row.target(), null, zh);
            // of a partial achievement, the share of the target is a lower bound too
            String pct = row.pctOfTarget() == null ? "\u2014" : words.value(a, row.pctOfTarget().toPlainString() + "%");
            StringBuilder tip = new StringBuilder(row.campaign().name(i18n.locale())).append(" \u00b7 ")
                    .append(row.indicator().name(i18n.locale())).append('\n').append(achieved);
            if (a.basis() != null) {
                tip.append('\n').append(i18n.get("kpi.tooltip.basis", i18n.get("basis." + a.basis().code())));
            }
            appendSource(tip, a.source());
            if (!words.coverage(a).isEmpty()) {
                tip.append('\n').append(words.coverage(a)).append(" \u00b7 ").append(words.coverageDetail(a));
            }
            // the bar only where there is a target and a figure to set against it; no target is no bar, never 0 %
            Double progress = row.target() == null || row.target().signum() <= 0 || !a.isKnown() ? null
                    : a.value().doubleValue() / row.target().doubleValue();
            lines.add(new DashboardPanels.CampaignLine(row.campaign().code(), row.campaign().name(i18n.locale()),
                    row.indicator().code(), row.indicator().name(i18n.locale()), row.period(), target, achieved, pct,
                    progress, a.basis() == Basis.SYNTHETIC_DEMO, tip.toString()));
        }
        return lines;
    }

    String regionName(String code) {
        return catalog.region(code).map(r -> r.name(i18n.locale())).orElse(code);
    }

    private String indicatorName(String code) {
        return catalog.indicator(code).map(i -> i.name(i18n.locale())).orElse(code);
    }

    /** Short tile labels in the window's language: 广东, 内蒙古; Guangdong, Xizang. */
    private String provinceLabel(String code) {
        return catalog.region(code).map(r -> r.shortName(i18n.locale())).orElse(code);
    }

    DashboardPanels.Cell cell(IndicatorStat s) {
        KpiTile t = tile(s, false);
        // a table cell or map tile is small: a change that is not the value's own stays in the tooltip
        return new DashboardPanels.Cell(t.valueText() + (t.unitText().isEmpty() ? "" : " " + t.unitText()), t.known(),
                t.changeOfTotal() ? null : t.changeText(), t.changeOfTotal() ? null : t.changeGood(), t.tooltip(),
                t.synthetic());
    }

    KpiTile tile(IndicatorStat s, boolean headline) {
        Indicator ind = s.indicator();
        boolean zh = i18n.isChinese();
        Locale locale = i18n.locale();
        Figure v = s.value();
        Change c = s.change();
        // a partial figure is a lower bound, never shown as the key's total
        String valueText = v.isKnown() ? words.value(v, NumberFormats.compact(v.value(), v.qualifier(), zh))
                : i18n.get("kpi.no_data");
        String unitText = !v.isKnown() || ind.unit() == Indicator.Unit.COUNT ? ""
                : i18n.get("unit." + ind.unit().name().toLowerCase(Locale.ROOT));
        String fullText = v.isKnown() ? words.value(v, NumberFormats.full(v.value(), v.qualifier(), zh))
                : i18n.get("kpi.no_data");
        String basisCode = v.basis() == null ? "none" : v.basis().code();
        // a synthetic value shows the DEMO badge instead of a basis badge: one marker, not two
        String basisText = v.basis() == null || v.basis() == Basis.SYNTHETIC_DEMO ? ""
                : i18n.get("basis.short." + v.basis().code());

        String changeText = null;
        Boolean good = null;
        String changeBasisText = null;
        if (c != null) {
            // a change of a reported total is labelled as such: it is not the change of the value beside it
            changeText = c.belongsToValue() ? words.change(c, arrow(c.pct()) + " " + NumberFormats.percent(c.pct()))
                    : words.changeLabel(c) + "\n" + arrow(c.pct()) + " " + NumberFormats.percent(c.pct());
            if (c.pct().signum() != 0) {
                good = (c.pct().signum() > 0) == ind.higherIsBetter();
            }
            changeBasisText = i18n.get("basis.short." + c.basis().code());
        }
        // a change computed from synthetic data already carries the synthetic basis
        boolean synthetic = v.basis() == Basis.SYNTHETIC_DEMO || (c != null && c.basis() == Basis.SYNTHETIC_DEMO);

        StringBuilder tip = new StringBuilder();
        tip.append(ind.name(locale)).append('\n').append(fullText);
        if (!unitText.isEmpty() && v.isKnown()) {
            tip.append(' ').append(unitText);
        }
        if (v.basis() != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.basis", i18n.get("basis." + v.basis().code())));
        }
        appendSource(tip, v.source());
        String coverageDetail = words.coverageDetail(v);
        if (!coverageDetail.isEmpty()) {
            tip.append("\n").append(words.coverage(v)).append(" \u00b7 ").append(coverageDetail);
        }
        String note = words.coverage(v);
        if (s.recordsSoFar().isKnown()) {
            Figure r = s.recordsSoFar();
            note = words.recordsSoFar(r, NumberFormats.compact(r.value(), r.qualifier(), zh));
            tip.append("\n").append(words.recordsSoFar(r, NumberFormats.full(r.value(), r.qualifier(), zh)));
            if (!words.coverageDetail(r).isEmpty()) {
                tip.append(' ').append(words.coverageDetail(r));
            }
        }
        if (s.previous().isKnown()) {
            tip.append("\n").append(i18n.get("kpi.tooltip.previous",
                    NumberFormats.full(s.previous().value(), s.previous().qualifier(), zh),
                    i18n.get("basis." + s.previous().basis().code())));
        }
        if (c != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.change", words.change(c, NumberFormats.percent(c.pct())),
                    i18n.get("basis." + c.basis().code())));
            if (c.source() != null && (v.source() == null || !c.source().sentence().equals(v.source().sentence()))) {
                appendSource(tip, c.source());
            }
        }
        return new KpiTile(ind.code(), ind.category(), headline, ind.name(locale), valueText, v.isKnown(),
                unitText, fullText, basisCode, basisText, changeText, good, changeBasisText, synthetic, tip.toString(),
                note, v.isPartial(), c != null && !c.belongsToValue());
    }

    private void appendSource(StringBuilder tip, Source source) {
        if (source != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.source", source.title()));
            tip.append("\n\u201C").append(source.sentence()).append('\u201D');
        }
    }

    private static String arrow(BigDecimal pct) {
        return pct.signum() > 0 ? "\u25B2" : pct.signum() < 0 ? "\u25BC" : "\u25AC";
    }
}
