package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.figures.DashboardService.DENS;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_BOTTOM;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_TOP;
import static org.antifraud.cc.service.briefing.SlidePainter.MARGIN;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.ProvinceGrid;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.ValueBuckets;

/** The regions slide: the dashboard's tile map of dens destroyed, its legend, and the three battle zones. */
final class RegionsSlide {
    /** Three tile columns less a gap: the legend's room left of Guizhou, Guangxi and Hainan. */
    private static final double LEGEND_WIDTH = 3 * 92 - 16;

    private RegionsSlide() {
    }

    static void paint(SlideCanvas c) {
        markDemo(c);
        map(c);
        zones(c);
    }

    private static void markDemo(SlideCanvas c) {
        for (RegionStats r : c.deck.data().provinces()) {
            c.demo |= SlideFigures.isDemo(r.stat(DENS));
        }
        for (RegionStats z : c.deck.data().zones()) {
            c.demo |= SlideFigures.isDemo(z.stat(DENS)) || SlideFigures.isDemo(z.stat("suspects_arrested"));
        }
    }

    private static void map(SlideCanvas c) {
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
        s.text(c.words.get("slide.map.title"), gx, gy + 34, 32, true, p.text());
        for (Map.Entry<String, ProvinceGrid.Cell> e : ProvinceGrid.CELLS.entrySet()) {
            double x = gx + e.getValue().column() * (cell + gap);
            double y = gy + 8 + e.getValue().row() * (cell + gap);
            IndicatorStat st = byProvince.get(e.getKey());
            int level = st == null ? -1 : buckets.level(st.value().value().doubleValue());
            s.fill(x, y, cell, cell, level < 0 ? p.noData() : p.ramp()[level]);
            c.spot(x, y, cell, cell, DENS, e.getKey());
            int ink = level < 0 ? p.text() : p.rampInk()[level];
            String name = shortName(c, e.getKey());
            SlideText.centered(s, SlideText.fit(s, name, cell - 8, 24, true), x + cell / 2, y + 36,
                    SlideText.fitSize(s, name, cell - 8, 24, true), true, ink);
            // Taiwan, Hong Kong and Macao, and any province without a figure: "no data" in words, never a dash or 0
            String v = st == null ? c.words.get("slide.map.no_data")
                    : NumberFormats.compact(st.value().value(), st.value().qualifier(), c.zh);
            SlideText.centered(s, v, x + cell / 2, y + 68, SlideText.fitSize(s, v, cell - 8, 22, false),
                    false, st == null ? p.muted() : ink);
            if (st != null && st.value().basis() == Basis.SYNTHETIC_DEMO) {
                s.fill(x, y, cell, 6, p.demo());
            }
        }
        legend(c, gx, gy + 8 + 5 * (cell + gap) + 10);
    }

    /**
     * The legend, in the free south-west corner of the grid (three tiles wide from the sixth row down): the ramp
     * with "fewer" under its first class and "more" under its last, then no data, demo data and the codes.
     */
    private static void legend(SlideCanvas c, double lx, double ly) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        BriefingWords words = c.words;
        double step = 30;
        for (int i = 0; i < p.ramp().length; i++) {
            s.fill(lx + i * step, ly, step - 4, 32, p.ramp()[i]);
        }
        double rampEnd = lx + p.ramp().length * step - 4;
        s.text(words.get("slide.map.fewer"), lx, ly + 60, 22, false, p.muted());
        SlideText.right(s, words.get("slide.map.more"), rampEnd, ly + 60, 22, false, p.muted());
        s.fill(lx, ly + 84, 26, 32, p.noData());
        s.text(words.get("slide.map.no_data"), lx + 40, ly + 108, 22, false, p.muted());
        s.fill(lx, ly + 140, 26, 8, p.demo());
        s.text(words.get("slide.map.demo"), lx + 40, ly + 152, 22, false, p.muted());
        String codes = words.get("slide.map.codes"); // the tiles' labels in English; none in Chinese
        if (!codes.isEmpty()) {
            SlideText.fitted(s, codes, lx, ly + 196, LEGEND_WIDTH, 22, false, p.muted());
        }
    }

    /** The three battle zones, one panel each, with dens destroyed and suspects arrested. */
    private static void zones(SlideCanvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        double zx = 1000;
        double zw = SlideSurface.WIDTH - MARGIN - zx;
        List<RegionStats> zones = c.deck.data().zones();
        double zh = zones.isEmpty() ? 0 : Math.min(220, (CONTENT_BOTTOM - CONTENT_TOP - 24 * (zones.size() - 1)) / zones.size());
        for (int i = 0; i < zones.size(); i++) {
            RegionStats z = zones.get(i);
            double y = CONTENT_TOP + i * (zh + 24);
            s.fill(zx, y, zw, zh, p.panel());
            s.fill(zx, y, 8, zh, p.series()[i % p.series().length]);
            String name = c.words.get("slide.zone", c.regionName(z.regionCode()));
            SlideText.fitted(s, name, zx + 36, y + 56, zw - 60, 36, true, p.text());
            zoneFigure(c, z, DENS, zx + 36, y + 70, (zw - 90) / 2, zh - 80);
            zoneFigure(c, z, "suspects_arrested", zx + 36 + (zw - 90) / 2 + 18, y + 70, (zw - 90) / 2, zh - 80);
        }
    }

    private static void zoneFigure(SlideCanvas c, RegionStats zone, String indicator, double x, double y, double w,
                                   double h) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        IndicatorStat st = zone.stat(indicator);
        if (st == null) {
            return;
        }
        c.spot(x, y, w, h, indicator, zone.regionCode());
        SlideText.fitted(s, st.indicator().name(c.locale()), x, y + 30, w, 26, false, p.muted());
        boolean known = st.value().isKnown();
        String v = known ? SlideFigures.valueText(st.value(), st.indicator(), c) : c.words.get("slide.no_data");
        s.text(v, x, y + 90, SlideText.fitSize(s, v, w, 52, true), known, known ? p.text() : p.muted());
        if (known && st.value().basis() == Basis.SYNTHETIC_DEMO && h > 110) {
            c.basisTag(Basis.SYNTHETIC_DEMO, x, y + 132);
        }
    }

    /** A province's name short enough for a tile: 广东, 内蒙古; in English its code, GD, NM. */
    private static String shortName(SlideCanvas c, String code) {
        Region r = c.catalog.region(code).orElse(null);
        if (r == null || !c.zh) {
            return code.replace("CN-", ""); // English names do not fit a tile read from afar: ISO 3166-2:CN codes
        }
        return r.shortNameZh();
    }
}
