package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.figures.DashboardService.DENS;
import static org.antifraud.cc.service.figures.DashboardService.WARNING_CHANNELS;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_BOTTOM;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_TOP;
import static org.antifraud.cc.service.briefing.SlidePainter.MARGIN;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Trend;

/** The slides with a chart: the dens trend under its total, and the warning channels beside their trend. */
final class ChartSlides {
    private ChartSlides() {
    }

    /** The dens trend, stacked by battle zone, under its total. */
    static void dens(SlideCanvas c) {
        SlideSurface s = c.surface;
        Trend trend = c.deck.data().denTrend();
        IndicatorStat total = c.deck.data().kpi(DENS);
        double top = CONTENT_TOP;
        if (total != null && total.value().isKnown()) {
            c.demo |= SlideFigures.isDemo(total);
            String t = c.words.get("slide.total", SlideFigures.valueText(total.value(), total.indicator(), c));
            s.text(t, MARGIN, top + 44, 44, true, c.palette.text());
            c.spot(MARGIN, top, s.width(t, 44, true), 56, DENS);
            c.basisTag(total.value().basis(), MARGIN + s.width(t, 44, true) + 32, top + 40);
            top += 70;
        }
        Map<String, String> names = new HashMap<>();
        for (Trend.Series series : trend.series()) {
            names.put(series.key(), Trend.OTHER.equals(series.key()) ? c.words.get("slide.other_regions")
                    : c.regionName(series.key()));
        }
        // a bar's piece is that zone's dens in that month; "other provinces" is no one region and leads nowhere
        stackedBars(c, trend, names, key -> Trend.OTHER.equals(key) ? null : new BarFigure(DENS, key), MARGIN, top,
                SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - top);
    }

    /** The warning channels' figures in a column, their trend beside it. */
    static void warnings(SlideCanvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<IndicatorStat> channels = KpiTiles.stats(c.deck, WARNING_CHANNELS);
        double colW = 560;
        double rowH = (CONTENT_BOTTOM - CONTENT_TOP) / Math.max(4, channels.size());
        for (int i = 0; i < channels.size(); i++) {
            IndicatorStat st = channels.get(i);
            double y = CONTENT_TOP + i * rowH;
            c.demo |= SlideFigures.isDemo(st);
            s.fill(MARGIN, y + 8, 12, rowH - 28, p.series()[i % p.series().length]);
            SlideText.fitted(s, st.indicator().name(c.locale()), MARGIN + 32, y + 42, colW - 40, 28, false, p.muted());
            boolean known = st.value().isKnown();
            String v = known ? SlideFigures.valueText(st.value(), st.indicator(), c) : c.words.get("slide.no_data");
            double size = SlideText.fitSize(s, v, colW - 40, 56, true);
            s.text(v, MARGIN + 32, y + 104, size, known, known ? p.text() : p.muted());
            c.spot(MARGIN, y + 8, colW, rowH - 28, st.indicator().code());
            if (SlideFigures.isDemo(st)) {
                c.basisTag(Basis.SYNTHETIC_DEMO, MARGIN + 32 + s.width(v, size, true) + 24, y + 100);
            }
        }
        Map<String, String> names = new HashMap<>();
        channels.forEach(st -> names.put(st.indicator().code(), st.indicator().name(c.locale())));
        double x = MARGIN + colW + 40;
        String region = c.deck.query().regionCode();
        stackedBars(c, c.deck.data().warnings(), names, key -> new BarFigure(key, region), x, CONTENT_TOP,
                SlideSurface.WIDTH - MARGIN - x, CONTENT_BOTTOM - CONTENT_TOP);
    }

    /** The figure a piece of a bar shows, in the bar's month or day. */
    private record BarFigure(String indicator, String regionCode) {
    }

    /**
     * Stacked bars of {@code trend} with a legend, a value axis and bucket labels; gaps are not drawn as zero. Each
     * piece is a figure to drill, as {@code figureOf} its series' key says (null: none).
     */
    private static void stackedBars(SlideCanvas c, Trend trend, Map<String, String> names,
                                    Function<String, BarFigure> figureOf, double x, double y, double w, double h) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        if (!trend.hasData()) {
            c.noData(x, y, w, h);
            return;
        }
        if (SlideFigures.trendDemo(trend)) {
            c.demo = true;
        }
        double top = legend(c, trend, names, x, y, w);
        h -= top - y;
        y = top;
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
            SlideText.right(s, NumberFormats.compact(BigDecimal.valueOf(axisMax * g / 4), null, c.zh), chartX - 14, gy + 8,
                    22, false, p.muted());
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
                BarFigure figure = figureOf.apply(trend.series().get(i).key());
                if (figure != null && bh > 0) {
                    c.spot(bx, stackTop - bh, barW, bh, figure.indicator(), figure.regionCode(),
                            trend.buckets().get(b), null);
                }
                stackTop -= bh;
            }
        }
        int every = Math.max(1, (int) Math.ceil(n / (chartW / 90)));
        for (int b = 0; b < n; b += every) {
            SlideText.centered(s, SlideFigures.bucketLabel(trend.buckets().get(b), trend.buckets(), c.words),
                    chartX + b * slot + slot / 2, bottom + 36, 22, false, p.muted());
        }
    }

    /** The series' legend, on as many lines as it needs; returns the top of its last line. */
    private static double legend(SlideCanvas c, Trend trend, Map<String, String> names, double x, double y, double w) {
        SlideSurface s = c.surface;
        double lx = x;
        double ly = y;
        for (int i = 0; i < trend.series().size(); i++) {
            String name = names.getOrDefault(trend.series().get(i).key(), trend.series().get(i).key());
            double itemW = 34 + s.width(name, 24, false);
            if (lx > x && lx + itemW > x + w) {
                lx = x;
                ly += 36;
            }
            s.fill(lx, ly + 6, 24, 24, c.palette.series()[i % c.palette.series().length]);
            s.text(name, lx + 34, ly + 28, 24, false, c.palette.text());
            lx += itemW + 40;
        }
        return ly;
    }

    /** The axis' top: the first of 1, 1.2, 1.5, 2 … 10 times a power of ten at or above {@code max}. */
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
}
