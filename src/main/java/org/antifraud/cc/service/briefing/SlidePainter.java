package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.figures.DashboardService.DENS;
import static org.antifraud.cc.service.figures.DashboardService.WARNING_CHANNELS;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.ProvinceGrid;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.domain.ValueBuckets;

/**
 * Paints one slide of a {@link Deck} on a {@link SlideSurface}: 16:9, sized to be read from the back of a room
 * (no text under 22 px of 1080). Every slide states its filters under its title; the footer holds the
 * classification line, the period and region, the data-as-of time and page n/N. A slide that shows any synthetic
 * demo figure carries a "demo data" badge, and the figure itself is marked. Stateless; one painter serves any
 * number of threads.
 */
public final class SlidePainter {
    static final double MARGIN = 96;
    static final double CONTENT_TOP = 250;
    static final double CONTENT_BOTTOM = 960;
    static final double FOOTER_LINE = 994;
    static final double MIN_TEXT = 22;
    private static final List<String> HEADLINE = List.of("suspects_arrested", "cases_registered", "property_loss",
            "dens_destroyed", "ringleaders_arrested", "cases_solved", "persons_dissuaded", "funds_intercepted");

    private final Catalog catalog;

    public SlidePainter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Paints slide {@code index} (0-based) of {@code deck}. */
    public void paint(Deck deck, int index, SlideSurface surface, SlidePalette palette) {
        paintOn(deck, index, surface, palette);
    }

    /** Whether slide {@code index} shows any synthetic demo figure (it then carries the "demo data" badge). */
    public boolean showsDemo(Deck deck, int index) {
        return paintOn(deck, index, new MeasuringSurface(), SlidePalette.LIGHT).demo;
    }

    private Canvas paintOn(Deck deck, int index, SlideSurface surface, SlidePalette palette) {
        Canvas c = new Canvas(deck, surface, palette, Lang.isChinese(deck.locale()));
        SlideKind kind = deck.slides().get(index);
        surface.fill(0, 0, SlideSurface.WIDTH, SlideSurface.HEIGHT, palette.background());
        switch (kind) {
            case TITLE -> title(c);
            case HEADLINE -> tiles(c, stats(deck, HEADLINE), 4);
            case REGIONS -> regions(c);
            case DENS -> densSlide(c);
            case WARNINGS -> warnings(c);
            case INTERCEPTION -> tiles(c, ofCategory(deck, IndicatorCategory.GOVERNANCE), 3);
            case CAMPAIGNS -> campaigns(c);
            case PUBLICITY -> tiles(c, ofCategory(deck, IndicatorCategory.PUBLICITY), 4);
            case NARRATIVE -> narrative(c);
        }
        if (kind != SlideKind.TITLE) {
            header(c, kind.title(deck.locale()));
        }
        footer(c, index, deck.size());
        return c;
    }

    // ------------------------------------------------------------------------------------------------ frame

    private void header(Canvas c, String title) {
        SlideSurface s = c.surface;
        s.fill(MARGIN, 72, 96, 8, c.palette.accent());
        s.text(fit(s, title, 1400, 64, true), MARGIN, 160, fitSize(s, title, 1400, 64, true), true, c.palette.text());
        s.text(filters(c), MARGIN, 214, 28, false, c.palette.muted());
        if (c.demo) {
            String badge = c.zh ? "含演示数据" : "Contains demo data";
            double w = s.width(badge, 28, true) + 48;
            s.fill(SlideSurface.WIDTH - MARGIN - w, 110, w, 56, c.palette.demo());
            s.text(badge, SlideSurface.WIDTH - MARGIN - w + 24, 148, 28, true, c.palette.onDemo());
        }
    }

    private String filters(Canvas c) {
        String period = periodLabel(c.deck.query().period(), c.zh);
        String region = regionName(c.deck.query().regionCode(), c.deck.locale());
        String campaign = c.deck.query().campaignCode() == null ? (c.zh ? "全部" : "all")
                : catalog.campaign(c.deck.query().campaignCode()).map(x -> x.name(c.deck.locale()))
                        .orElse(c.deck.query().campaignCode());
        return c.zh ? "期间：" + period + "    地区：" + region + "    专项行动：" + campaign
                : "Period: " + period + "    Region: " + region + "    Campaign: " + campaign;
    }

    private void footer(Canvas c, int index, int count) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        s.line(MARGIN, FOOTER_LINE, SlideSurface.WIDTH - MARGIN, FOOTER_LINE, 2, p.border());
        double base = 1042;
        s.text(c.deck.classification(), MARGIN, base, 26, true, p.classification());
        String middle = periodLabel(c.deck.query().period(), c.zh) + " · "
                + regionName(c.deck.query().regionCode(), c.deck.locale()) + " · " + (c.zh ? "数据截至 " : "data as of ")
                + asOf(c.deck);
        textCentered(s, middle, SlideSurface.WIDTH / 2, base, 24, false, p.muted());
        String page = (index + 1) + " / " + count;
        textRight(s, page, SlideSurface.WIDTH - MARGIN, base, 26, true, p.muted());
        if (c.deck.auditFingerprint() != null) { // the trail as it was: compare with audit fingerprint --at N (ADR 0027)
            textRight(s, (c.zh ? "审计 " : "audit ") + c.deck.auditFingerprint(),
                    SlideSurface.WIDTH - MARGIN - s.width(page, 26, true) - 32, base, MIN_TEXT, false, p.muted());
        }
    }

    static String asOf(Deck deck) {
        return deck.dataAsOf() == null ? "—" : deck.dataAsOf().toString();
    }

    // ------------------------------------------------------------------------------------------------ slides

    private void title(Canvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        s.fill(0, 0, 28, SlideSurface.HEIGHT, p.accent());
        s.text(c.deck.classification(), MARGIN + 40, 170, 40, true, p.classification());
        String title = SlideKind.TITLE.title(c.deck.locale());
        s.text(title, MARGIN + 40, 470, fitSize(s, title, 1600, 120, true), true, p.text());
        s.fill(MARGIN + 40, 520, 240, 10, p.accent());
        String sub = periodLabel(c.deck.query().period(), c.zh) + " · " + regionName(c.deck.query().regionCode(),
                c.deck.locale());
        s.text(sub, MARGIN + 40, 640, 60, false, p.text());
        s.text((c.zh ? "数据截至 " : "Data as of ") + asOf(c.deck), MARGIN + 40, 730, 36, false, p.muted());
        String basis = c.zh ? "每个数字标明依据：报告原文、记录计算或演示数据"
                : "Every figure states its basis: the report, computed from records, or demo data";
        s.text(fit(s, basis, 1600, 32, false), MARGIN + 40, 800, 32, false, p.muted());
    }

    private static List<IndicatorStat> stats(Deck deck, List<String> codes) {
        List<IndicatorStat> out = new ArrayList<>();
        for (String code : codes) {
            IndicatorStat st = deck.data().kpi(code);
            if (st != null) {
                out.add(st);
            }
        }
        return out;
    }

    private static List<IndicatorStat> ofCategory(Deck deck, IndicatorCategory category) {
        return deck.data().kpis().stream().filter(st -> st.indicator().category() == category).toList();
    }

    /** KPI tiles in rows of {@code columns}, filling the content area. */
    private void tiles(Canvas c, List<IndicatorStat> list, int columns) {
        if (list.isEmpty()) {
            noData(c, MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        int cols = Math.min(columns, list.size());
        int rows = (list.size() + cols - 1) / cols;
        double gap = 32;
        double w = (SlideSurface.WIDTH - 2 * MARGIN - gap * (cols - 1)) / cols;
        double h = Math.min(400, (CONTENT_BOTTOM - CONTENT_TOP - gap * (rows - 1)) / rows);
        for (int i = 0; i < list.size(); i++) {
            tile(c, list.get(i), MARGIN + (i % cols) * (w + gap), CONTENT_TOP + (i / cols) * (h + gap), w, h);
        }
    }

    private void tile(Canvas c, IndicatorStat st, double x, double y, double w, double h) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        boolean demo = isDemo(st);
        c.demo |= demo;
        s.fill(x, y, w, h, p.panel());
        s.fill(x, y, 8, h, demo ? p.demo() : p.accent());
        double inner = w - 64;
        String label = st.indicator().name(c.deck.locale());
        s.text(fit(s, label, inner, 32, false), x + 36, y + 60, fitSize(s, label, inner, 32, false), false, p.muted());
        FigureWords words = FigureWords.of(c.deck.locale());
        boolean hasChange = st.change() != null && st.change().pct() != null;
        // a change of a reported total stays the tile's figure, as when nothing was counted here; records entered
        // since are told apart on a line of their own, never joined to it (issue 12)
        boolean changeOfTotal = hasChange && !st.change().belongsToValue();
        Figure records = changeOfTotal && st.value().isKnown() ? st.value()
                : st.recordsSoFar().isKnown() ? st.recordsSoFar() : Figure.UNKNOWN;
        boolean hasValue = st.value().isKnown() && !changeOfTotal;
        double valueBase = y + Math.min(h * 0.52, 190);
        if (hasValue) {
            String v = valueText(st.value(), st.indicator(), c.zh);
            s.text(v, x + 36, valueBase, fitSize(s, v, inner, 80, true), true, p.text());
        } else if (hasChange) {
            String v = arrow(st.change().pct()) + NarrativeNumbers.percent(st.change().pct()) + "%";
            s.text(v, x + 36, valueBase, fitSize(s, v, inner, 80, true), true, changeColour(st, p));
        } else {
            s.text(c.zh ? "无数据" : "No data", x + 36, valueBase, 48, false, p.muted());
        }
        String line = null;
        boolean strong = false;
        if (hasChange && hasValue) {
            line = (c.zh ? "同比 " : "YoY ") + arrow(st.change().pct()) + NarrativeNumbers.percent(st.change().pct()) + "%";
            if (st.change().likeForLike()) {
                line += c.zh ? "（同口径）" : " like for like";
            }
            strong = true;
        } else if (hasChange) {
            line = c.zh ? "所报总数的同比变化" : "change of the reported total";
        } else if (hasValue && !words.coverage(st.value()).isEmpty()) {
            line = words.coverage(st.value());
        }
        if (line != null) {
            s.text(fit(s, line, inner, 30, false), x + 36, valueBase + 58, fitSize(s, line, inner, 30, false),
                    strong, strong ? changeColour(st, p) : p.muted());
        }
        if (records.isKnown()) {
            String r = words.recordsSoFarShort(records, plainValueText(records, st.indicator(), c.zh));
            s.text(fit(s, r, inner, MIN_TEXT, false), x + 36, valueBase + 96, MIN_TEXT, false, p.muted());
        }
        Basis basis = hasValue ? st.value().basis() : hasChange ? st.change().basis() : null;
        if (basis != null) {
            basisTag(c, basis, x + 36, y + h - 34);
        }
    }

    private void basisTag(Canvas c, Basis basis, double x, double baseline) {
        SlideSurface s = c.surface;
        String text = basisText(basis, c.zh);
        if (basis == Basis.SYNTHETIC_DEMO) {
            double w = s.width(text, 24, true) + 24;
            s.fill(x - 4, baseline - 26, w, 36, c.palette.demo());
            s.text(text, x + 8, baseline, 24, true, c.palette.onDemo());
        } else {
            s.text(text, x, baseline, 24, false, c.palette.muted());
        }
    }

    static String basisText(Basis basis, boolean zh) {
        return switch (basis) {
            case REPORTED -> zh ? "依据：报告原文" : "reported";
            case COMPUTED -> zh ? "依据：记录计算" : "computed from records";
            case SYNTHETIC_DEMO -> zh ? "演示数据" : "DEMO DATA";
        };
    }

    private void regions(Canvas c) {
        tilesDemo(c);
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        Map<String, IndicatorStat> byProvince = new HashMap<>();
        for (RegionStats r : c.deck.data().provinces()) {
            IndicatorStat st = r.stat(DENS);
            if (st != null && st.value().isKnown()) {
                byProvince.put(r.regionCode(), st);
            }
        }
        // the same equal-count classes as the dashboard's map
        ValueBuckets buckets = ValueBuckets.quantile(byProvince.values().stream()
                .map(st -> st.value().value().doubleValue()).toList(), p.ramp().length);
        double cell = 86;
        double gap = 6;
        double gx = MARGIN;
        double gy = CONTENT_TOP;
        String mapTitle = c.zh ? "各省捣毁窝点" : "Dens destroyed by province";
        s.text(mapTitle, gx, gy + 34, 32, true, p.text());
        for (Map.Entry<String, ProvinceGrid.Cell> e : ProvinceGrid.CELLS.entrySet()) {
            double x = gx + e.getValue().column() * (cell + gap);
            double y = gy + 8 + e.getValue().row() * (cell + gap);
            IndicatorStat st = byProvince.get(e.getKey());
            int level = st == null ? -1 : buckets.level(st.value().value().doubleValue());
            s.fill(x, y, cell, cell, level < 0 ? p.noData() : p.ramp()[level]);
            int ink = level >= p.ramp().length / 2 && p == SlidePalette.LIGHT ? 0xFFFFFF : p.text();
            String name = shortName(e.getKey(), c.deck.locale());
            textCentered(s, fit(s, name, cell - 8, 24, true), x + cell / 2, y + 36, fitSize(s, name, cell - 8, 24, true),
                    true, ink);
            String v = st == null ? "—" : NumberFormats.compact(st.value().value(), st.value().qualifier(), c.zh);
            textCentered(s, v, x + cell / 2, y + 68, fitSize(s, v, cell - 8, 22, false), false, ink);
            if (st != null && st.value().basis() == Basis.SYNTHETIC_DEMO) {
                s.fill(x, y, cell, 6, p.demo());
            }
        }
        // legend in the free south-west corner of the grid
        double lx = gx;
        double ly = gy + 8 + 5 * (cell + gap) + 10;
        s.text(c.zh ? "少" : "fewer", lx, ly + 24, 22, false, p.muted());
        for (int i = 0; i < p.ramp().length; i++) {
            s.fill(lx + 70 + i * 30, ly, 26, 32, p.ramp()[i]);
        }
        s.text(c.zh ? "多" : "more", lx + 70 + p.ramp().length * 30 + 8, ly + 24, 22, false, p.muted());
        s.fill(lx, ly + 56, 26, 32, p.noData());
        s.text(c.zh ? "无数据" : "no data", lx + 40, ly + 80, 22, false, p.muted());
        s.fill(lx, ly + 112, 26, 8, p.demo());
        s.text(c.zh ? "含演示数据" : "demo data", lx + 40, ly + 124, 22, false, p.muted());
        if (!c.zh) {
            s.text("ISO 3166-2:CN codes", lx, ly + 170, 22, false, p.muted());
        }

        // the three battle zones
        double zx = 1000;
        double zw = SlideSurface.WIDTH - MARGIN - zx;
        List<RegionStats> zones = c.deck.data().zones();
        double zh = zones.isEmpty() ? 0 : Math.min(220, (CONTENT_BOTTOM - CONTENT_TOP - 24 * (zones.size() - 1)) / zones.size());
        for (int i = 0; i < zones.size(); i++) {
            RegionStats z = zones.get(i);
            double y = CONTENT_TOP + i * (zh + 24);
            s.fill(zx, y, zw, zh, p.panel());
            s.fill(zx, y, 8, zh, p.series()[i % p.series().length]);
            String name = regionName(z.regionCode(), c.deck.locale()) + (c.zh ? "区域会战" : " regional battle");
            s.text(fit(s, name, zw - 60, 36, true), zx + 36, y + 56, fitSize(s, name, zw - 60, 36, true), true, p.text());
            zoneFigure(c, z.stat(DENS), zx + 36, y + 70, (zw - 90) / 2, zh - 80);
            zoneFigure(c, z.stat("suspects_arrested"), zx + 36 + (zw - 90) / 2 + 18, y + 70, (zw - 90) / 2, zh - 80);
        }
    }

    private void tilesDemo(Canvas c) {
        for (RegionStats r : c.deck.data().provinces()) {
            c.demo |= isDemo(r.stat(DENS));
        }
        for (RegionStats z : c.deck.data().zones()) {
            c.demo |= isDemo(z.stat(DENS)) || isDemo(z.stat("suspects_arrested"));
        }
    }

    private void zoneFigure(Canvas c, IndicatorStat st, double x, double y, double w, double h) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        if (st == null) {
            return;
        }
        String label = st.indicator().name(c.deck.locale());
        s.text(fit(s, label, w, 26, false), x, y + 30, fitSize(s, label, w, 26, false), false, p.muted());
        String v = st.value().isKnown() ? valueText(st.value(), st.indicator(), c.zh) : (c.zh ? "无数据" : "No data");
        s.text(v, x, y + 90, fitSize(s, v, w, 52, true), st.value().isKnown(), st.value().isKnown() ? p.text() : p.muted());
        if (st.value().isKnown() && st.value().basis() == Basis.SYNTHETIC_DEMO && h > 110) {
            basisTag(c, Basis.SYNTHETIC_DEMO, x, y + 132);
        }
    }

    private void warnings(Canvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<IndicatorStat> channels = stats(c.deck, WARNING_CHANNELS);
        double colW = 560;
        double rowH = (CONTENT_BOTTOM - CONTENT_TOP) / Math.max(4, channels.size());
        for (int i = 0; i < channels.size(); i++) {
            IndicatorStat st = channels.get(i);
            double y = CONTENT_TOP + i * rowH;
            c.demo |= isDemo(st);
            s.fill(MARGIN, y + 8, 12, rowH - 28, p.series()[i % p.series().length]);
            String label = st.indicator().name(c.deck.locale());
            s.text(fit(s, label, colW - 40, 28, false), MARGIN + 32, y + 42, fitSize(s, label, colW - 40, 28, false),
                    false, p.muted());
            String v = st.value().isKnown() ? valueText(st.value(), st.indicator(), c.zh) : (c.zh ? "无数据" : "No data");
            s.text(v, MARGIN + 32, y + 104, fitSize(s, v, colW - 40, 56, true), st.value().isKnown(),
                    st.value().isKnown() ? p.text() : p.muted());
            if (isDemo(st)) {
                basisTag(c, Basis.SYNTHETIC_DEMO, MARGIN + 32 + s.width(v, fitSize(s, v, colW - 40, 56, true), true) + 24,
                        y + 100);
            }
        }
        Map<String, String> names = new HashMap<>();
        channels.forEach(st -> names.put(st.indicator().code(), st.indicator().name(c.deck.locale())));
        double x = MARGIN + colW + 40;
        stackedBars(c, c.deck.data().warnings(), names, x, CONTENT_TOP, SlideSurface.WIDTH - MARGIN - x,
                CONTENT_BOTTOM - CONTENT_TOP);
    }

    /** The dens trend, stacked by battle zone, under its total. */
    private void densSlide(Canvas c) {
        SlideSurface s = c.surface;
        Trend trend = c.deck.data().denTrend();
        IndicatorStat total = c.deck.data().kpi(DENS);
        double top = CONTENT_TOP;
        if (total != null && total.value().isKnown()) {
            c.demo |= isDemo(total);
            String t = (c.zh ? "合计 " : "Total ") + valueText(total.value(), total.indicator(), c.zh);
            s.text(t, MARGIN, top + 44, 44, true, c.palette.text());
            basisTag(c, total.value().basis(), MARGIN + s.width(t, 44, true) + 32, top + 40);
            top += 70;
        }
        Map<String, String> names = new HashMap<>();
        for (Trend.Series series : trend.series()) {
            names.put(series.key(), Trend.OTHER.equals(series.key()) ? (c.zh ? "其他地区" : "Other regions")
                    : regionName(series.key(), c.deck.locale()));
        }
        stackedBars(c, trend, names, MARGIN, top, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - top);
    }

    /** Stacked bars of {@code trend} with a legend, a value axis and bucket labels; gaps are not drawn as zero. */
    private void stackedBars(Canvas c, Trend trend, Map<String, String> names, double x, double y, double w, double h) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        if (!trend.hasData()) {
            noData(c, x, y, w, h);
            return;
        }
        if (trendDemo(trend)) {
            c.demo = true;
        }
        // legend, on as many lines as it needs
        double lx = x;
        double ly = y;
        for (int i = 0; i < trend.series().size(); i++) {
            String name = names.getOrDefault(trend.series().get(i).key(), trend.series().get(i).key());
            double itemW = 34 + s.width(name, 24, false);
            if (lx > x && lx + itemW > x + w) {
                lx = x;
                ly += 36;
            }
            s.fill(lx, ly + 6, 24, 24, p.series()[i % p.series().length]);
            s.text(name, lx + 34, ly + 28, 24, false, p.text());
            lx += itemW + 40;
        }
        h -= ly - y;
        y = ly;
        int n = trend.buckets().size();
        double[] totals = new double[n];
        for (Trend.Series series : trend.series()) {
            for (int b = 0; b < n; b++) {
                Figure f = series.values().get(b);
                if (f.isKnown()) {
                    totals[b] += f.value().doubleValue();
                }
            }
        }
        double max = 0;
        for (double t : totals) {
            max = Math.max(max, t);
        }
        double axisMax = niceCeiling(max);
        double chartTop = y + 70;
        double labelW = 120;
        double chartX = x + labelW;
        double chartW = w - labelW;
        double chartH = h - 70 - 50;
        double bottom = chartTop + chartH;
        for (int g = 0; g <= 4; g++) {
            double gy = bottom - chartH * g / 4;
            s.line(chartX, gy, chartX + chartW, gy, 1, p.border());
            textRight(s, NumberFormats.compact(BigDecimal.valueOf(axisMax * g / 4), null, c.zh), chartX - 14, gy + 8, 22, false, p.muted());
        }
        double slot = chartW / n;
        double barW = Math.max(2, slot * 0.7);
        for (int b = 0; b < n; b++) {
            double bx = chartX + b * slot + (slot - barW) / 2;
            double stackTop = bottom;
            for (int i = 0; i < trend.series().size(); i++) {
                Figure f = trend.series().get(i).values().get(b);
                if (!f.isKnown() || axisMax <= 0) {
                    continue;
                }
                double bh = chartH * f.value().doubleValue() / axisMax;
                s.fill(bx, stackTop - bh, barW, bh, p.series()[i % p.series().length]);
                stackTop -= bh;
            }
        }
        int every = Math.max(1, (int) Math.ceil(n / (chartW / 90)));
        for (int b = 0; b < n; b += every) {
            textCentered(s, bucketLabel(trend.buckets().get(b), trend.buckets(), c.zh), chartX + b * slot + slot / 2,
                    bottom + 36, 22, false, p.muted());
        }
    }

    private void campaigns(Canvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<CampaignRow> rows = c.deck.data().campaigns().stream().filter(r -> r.achieved().isKnown() || r.target() != null)
                .toList();
        if (rows.isEmpty()) {
            noData(c, MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        double[] cols = {MARGIN, 560, 1000, 1260, 1500};
        String[] heads = c.zh ? new String[]{"专项行动", "指标", "完成", "目标", "完成率"}
                : new String[]{"Campaign", "Indicator", "Achieved", "Target", "Of target"};
        double y = CONTENT_TOP + 36;
        for (int i = 0; i < heads.length; i++) {
            s.text(heads[i], cols[i], y, 26, true, p.muted());
        }
        s.line(MARGIN, y + 18, SlideSurface.WIDTH - MARGIN, y + 18, 2, p.border());
        int max = 9;
        double rowH = 68;
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            CampaignRow r = rows.get(i);
            double base = y + 18 + rowH * (i + 1) - 22;
            if (i % 2 == 1) {
                s.fill(MARGIN, base - 46, SlideSurface.WIDTH - 2 * MARGIN, rowH, p.panel());
            }
            String name = r.campaign().name(c.deck.locale());
            s.text(fit(s, name, cols[1] - cols[0] - 20, 30, true), cols[0], base, 30, true, p.text());
            String ind = r.indicator().name(c.deck.locale());
            s.text(fit(s, ind, cols[2] - cols[1] - 20, 28, false), cols[1], base, 28, false, p.text());
            String achieved = r.achieved().isKnown() ? valueText(r.achieved(), r.indicator(), c.zh) : "—";
            s.text(fit(s, achieved, cols[3] - cols[2] - 20, 30, true), cols[2], base, 30, true, p.text());
            if (isDemo(r.achieved())) {
                c.demo = true;
                s.fill(cols[2] - 16, base - 30, 6, 36, p.demo());
            }
            String target = r.target() == null ? "—" : valueText(new Figure(r.target(), null, null, null), r.indicator(), c.zh);
            s.text(fit(s, target, cols[4] - cols[3] - 20, 28, false), cols[3], base, 28, false, p.muted());
            if (r.pctOfTarget() != null) {
                double pct = r.pctOfTarget().doubleValue();
                double barW = 220;
                s.fill(cols[4], base - 24, barW, 24, p.noData());
                s.fill(cols[4], base - 24, barW * Math.min(1, pct / 100), 24, pct >= 100 ? p.good() : p.accent());
                s.text(NarrativeNumbers.percent(r.pctOfTarget()) + "%", cols[4] + barW + 16, base, 28, true, p.text());
            } else {
                s.text("—", cols[4], base, 28, false, p.muted());
            }
        }
        // the campaigns of the catalog without a figure in this period are named too: known, not zero
        List<String> shown = rows.stream().map(r -> r.campaign().code()).toList();
        List<org.antifraud.cc.domain.Campaign> silent = catalog.campaigns().stream()
                .filter(k -> !shown.contains(k.code())).toList();
        int room = max - Math.min(max, rows.size());
        if (room > 0 && !silent.isEmpty()) {
            double base = y + 18 + rowH * (Math.min(max, rows.size()) + 1) - 22;
            StringBuilder names = new StringBuilder();
            for (org.antifraud.cc.domain.Campaign k : silent) {
                names.append(names.isEmpty() ? "" : c.zh ? "、" : ", ").append(k.name(c.deck.locale()));
            }
            String label = c.zh ? "本期无数据：" : "No figures this period: ";
            s.text(label, MARGIN, base, 26, true, p.muted());
            double lw = s.width(label, 26, true);
            List<List<Run>> lines = wrapRuns(s, List.of(new Run(names.toString(), false, p.muted())),
                    SlideSurface.WIDTH - 2 * MARGIN - lw, 26);
            for (int i = 0; i < lines.size() && i < room * 2; i++) {
                s.text(lines.get(i).getFirst().text, MARGIN + lw, base + i * 40, 26, false, p.muted());
            }
        }
        if (rows.size() > max) {
            int more = rows.size() - max;
            s.text(c.zh ? "另有" + more + "项未列出" : more + " more not shown", MARGIN, CONTENT_BOTTOM, 24, false, p.muted());
        }
    }

    private void narrative(Canvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<Narrative.Paragraph> paragraphs = c.deck.narrative().paragraphs();
        if (paragraphs.isEmpty()) {
            noData(c, MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        double width = SlideSurface.WIDTH - 2 * MARGIN;
        double size = 34;
        List<List<List<Run>>> laid;
        while (true) {
            laid = new ArrayList<>();
            double height = 0;
            for (Narrative.Paragraph para : paragraphs) {
                List<List<Run>> lines = wrapRuns(s, runs(para, p, c), width, size);
                laid.add(lines);
                height += lines.size() * size * 1.5 + size * 0.6;
            }
            if (height <= CONTENT_BOTTOM - CONTENT_TOP + 20 || size <= MIN_TEXT) {
                break;
            }
            size -= 1;
        }
        double y = CONTENT_TOP + size;
        for (List<List<Run>> lines : laid) {
            for (List<Run> line : lines) {
                double x = MARGIN;
                for (Run r : line) {
                    s.text(r.text, x, y, size, r.bold, r.rgb);
                    x += s.width(r.text, size, r.bold);
                }
                y += size * 1.5;
            }
            y += size * 0.6;
        }
    }

    private List<Run> runs(Narrative.Paragraph para, SlidePalette p, Canvas c) {
        List<Run> runs = new ArrayList<>();
        for (Narrative.Part part : para.parts()) {
            if (part instanceof Narrative.Claim claim) {
                boolean demo = isDemo(claim.stat());
                c.demo |= demo;
                runs.add(new Run(claim.text(), true, demo ? p.demo() : p.accent()));
            } else {
                runs.add(new Run(part.text(), false, p.text()));
            }
        }
        return runs;
    }

    private void noData(Canvas c, double x, double y, double w, double h) {
        String text = c.zh ? "本期该地区无数据" : "No data for this period and region";
        textCentered(c.surface, text, x + w / 2, y + h / 2, 40, false, c.palette.muted());
    }

    // ------------------------------------------------------------------------------------------------ words

    static String periodLabel(Period period, boolean zh) {
        if (zh) {
            return NarrativeService.periodZh(period);
        }
        return switch (period.granularity()) {
            case YEAR -> String.valueOf(period.start().getYear());
            case QUARTER -> "Q" + ((period.start().getMonthValue() - 1) / 3 + 1) + " " + period.start().getYear();
            case MONTH -> period.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + period.start().getYear();
            case DAY -> period.start().getDayOfMonth() + " "
                    + period.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + period.start().getYear();
            case RANGE -> period.start() + " – " + period.end();
        };
    }

    private String regionName(String code, Locale locale) {
        return catalog.region(code).map(r -> r.name(locale)).orElse(code);
    }

    /** A province's name short enough for a tile: 广东, 内蒙古; in English its code, GD, NM. */
    private String shortName(String code, Locale locale) {
        Region r = catalog.region(code).orElse(null);
        if (r == null) {
            return code.replace("CN-", "");
        }
        if (!Lang.isChinese(locale)) {
            return code.replace("CN-", ""); // English names do not fit a tile read from afar: ISO 3166-2:CN codes
        }
        String n = r.nameZh();
        for (String suffix : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")) {
            if (n.endsWith(suffix) && n.length() > suffix.length() + 1) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** A figure on a tile, read from across a room: 18.2亿, 50.7万, 1800余 as on the dashboard; 1.82 billion. */
    /** A figure's value with its unit; a partial one as a lower bound ("≥ 12"), never as its key's total. */
    static String valueText(Figure f, Indicator indicator, boolean zh) {
        String v = plainValueText(f, indicator, zh);
        return f.isPartial() ? "\u2265 " + v : v;
    }

    /** The value with its unit, as a number only (the caller says what it covers). */
    private static String plainValueText(Figure f, Indicator indicator, boolean zh) {
        String v = zh ? NumberFormats.compact(f.value(), f.qualifier(), true)
                : NarrativeNumbers.en(f.value(), f.qualifier());
        if (indicator.unit() == Indicator.Unit.CNY) {
            return zh ? v + "元" : v + " yuan";
        }
        return v;
    }

    private static String bucketLabel(Period bucket, List<Period> all, boolean zh) {
        boolean manyYears = all.getFirst().start().getYear() != all.getLast().start().getYear();
        return switch (bucket.granularity()) {
            case MONTH -> zh ? (manyYears ? bucket.start().getYear() % 100 + "年" : "") + bucket.start().getMonthValue() + "月"
                    : bucket.start().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            + (manyYears ? " " + (bucket.start().getYear() % 100) : "");
            case DAY -> bucket.start().getMonthValue() + "/" + bucket.start().getDayOfMonth();
            default -> zh ? NarrativeService.periodZh(bucket) : periodLabel(bucket, false);
        };
    }

    private static String arrow(BigDecimal pct) {
        return pct.signum() > 0 ? "▲" : pct.signum() < 0 ? "▼" : "";
    }

    private static int changeColour(IndicatorStat st, SlidePalette p) {
        int sign = st.change().pct().signum();
        if (sign == 0) {
            return p.muted();
        }
        return (sign > 0) == st.indicator().higherIsBetter() ? p.good() : p.bad();
    }

    static boolean isDemo(IndicatorStat st) {
        return st != null && (isDemo(st.value()) || (st.change() != null && st.change().basis() == Basis.SYNTHETIC_DEMO));
    }

    private static boolean isDemo(Figure f) {
        return f != null && f.isKnown() && f.basis() == Basis.SYNTHETIC_DEMO;
    }

    private static boolean anyDemo(List<IndicatorStat> list) {
        return list.stream().anyMatch(SlidePainter::isDemo);
    }

    private static boolean trendDemo(Trend trend) {
        return trend.series().stream().flatMap(s -> s.values().stream()).anyMatch(SlidePainter::isDemo);
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    // ------------------------------------------------------------------------------------------------ text

    static void textCentered(SlideSurface s, String text, double cx, double baseline, double size, boolean bold, int rgb) {
        s.text(text, cx - s.width(text, size, bold) / 2, baseline, size, bold, rgb);
    }

    static void textRight(SlideSurface s, String text, double right, double baseline, double size, boolean bold, int rgb) {
        s.text(text, right - s.width(text, size, bold), baseline, size, bold, rgb);
    }

    /** The largest size up to {@code size} (and at least {@link #MIN_TEXT}) at which {@code text} fits {@code width}. */
    static double fitSize(SlideSurface s, String text, double width, double size, boolean bold) {
        double w = s.width(text, size, bold);
        if (w <= width) {
            return size;
        }
        return Math.max(MIN_TEXT, Math.floor(size * width / w));
    }

    /** {@code text}, cut with an ellipsis if it does not fit {@code width} even at the smallest size. */
    static String fit(SlideSurface s, String text, double width, double size, boolean bold) {
        double at = fitSize(s, text, width, size, bold);
        if (s.width(text, at, bold) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && s.width(t + "…", at, bold) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** A piece of styled text on a line. */
    private record Run(String text, boolean bold, int rgb) {
    }

    /**
     * Runs broken into lines of at most {@code width}: between words in Latin text, between any two characters
     * in Chinese (a closing punctuation mark stays with the character before it).
     */
    private static List<List<Run>> wrapRuns(SlideSurface s, List<Run> runs, double width, double size) {
        List<Run> units = new ArrayList<>();
        for (Run r : runs) {
            for (String u : units(r.text)) {
                units.add(new Run(u, r.bold, r.rgb));
            }
        }
        List<List<Run>> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        double x = 0;
        for (Run u : units) {
            double w = s.width(u.text, size, u.bold);
            if (x + w > width && !line.isEmpty() && !u.text.isBlank() && !isClosing(u.text)) {
                lines.add(merge(line));
                line = new ArrayList<>();
                x = 0;
                if (u.text.startsWith(" ")) {
                    continue;
                }
            }
            line.add(u);
            x += w;
        }
        if (!line.isEmpty()) {
            lines.add(merge(line));
        }
        return lines;
    }

    /** Units that may not be split: a Latin word with the spaces after it, or one CJK character. */
    static List<String> units(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (isWide(cp)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(ch);
            } else if (cp == ' ') {
                word.append(ch);
                out.add(word.toString());
                word.setLength(0);
            } else {
                word.append(ch);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static boolean isClosing(String unit) {
        return "，。、；：！？）》」』%".contains(unit) && unit.length() == 1;
    }

    private static List<Run> merge(List<Run> line) {
        List<Run> out = new ArrayList<>();
        for (Run r : line) {
            Run last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.bold == r.bold && last.rgb == r.rgb) {
                out.set(out.size() - 1, new Run(last.text + r.text, r.bold, r.rgb));
            } else {
                out.add(r);
            }
        }
        // no trailing spaces at a line's end
        Run end = out.getLast();
        out.set(out.size() - 1, new Run(end.text.stripTrailing(), end.bold, end.rgb));
        return out;
    }

    /** A surface that draws nothing and measures roughly: for questions about a slide, not for pictures. */
    private static final class MeasuringSurface implements SlideSurface {
        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
        }

        @Override
        public void text(String text, double x, double baseline, double size, boolean bold, int rgb) {
        }

        @Override
        public double width(String text, double size, boolean bold) {
            return text.length() * size * 0.6;
        }
    }

    /** One slide being painted: the deck, where, in which colours, and whether a demo figure has been shown. */
    private static final class Canvas {
        final Deck deck;
        final SlideSurface surface;
        final SlidePalette palette;
        final boolean zh;
        boolean demo;

        Canvas(Deck deck, SlideSurface surface, SlidePalette palette, boolean zh) {
            this.deck = deck;
            this.surface = surface;
            this.palette = palette;
            this.zh = zh;
        }
    }
}
