package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_BOTTOM;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_TOP;
import static org.antifraud.cc.service.briefing.SlidePainter.MARGIN;
import static org.antifraud.cc.service.briefing.SlidePainter.MIN_TEXT;

import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.IndicatorStat;

/** The KPI slides (headline, interception, publicity): one tile a figure, with its change, coverage and basis. */
final class KpiTiles {
    /** The figures' largest size, and the smallest they take before a long one wraps onto a second line. */
    private static final double FIGURE_MAX = 80;
    private static final double FIGURE_FLOOR = 44;
    /** The tile's name: its baseline below the tile's top, its size. */
    private static final double NAME_BASE = 60;
    private static final double NAME_SIZE = 32;
    private KpiTiles() {
    }

    /** The stats of {@code codes} the deck has, in that order. */
    static List<IndicatorStat> stats(Deck deck, List<String> codes) {
        List<IndicatorStat> out = new ArrayList<>();
        for (String code : codes) {
            IndicatorStat st = deck.data().kpi(code);
            if (st != null) {
                out.add(st);
            }
        }
        return out;
    }

    static List<IndicatorStat> ofCategory(Deck deck, IndicatorCategory category) {
        return deck.data().kpis().stream().filter(st -> st.indicator().category() == category).toList();
    }

    /** KPI tiles in rows of {@code columns}, filling the content area. */
    static void paint(SlideCanvas c, List<IndicatorStat> list, int columns) {
        if (list.isEmpty()) {
            c.noData(MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        int cols = Math.min(columns, list.size());
        int rows = (list.size() + cols - 1) / cols;
        double gap = 32;
        double w = (SlideSurface.WIDTH - 2 * MARGIN - gap * (cols - 1)) / cols;
        double h = Math.min(400, (CONTENT_BOTTOM - CONTENT_TOP - gap * (rows - 1)) / rows);
        // every figure of the slide in one size (issue 16: 80 px beside 22 px read as unequal figures)
        List<String> figures = list.stream().map(st -> figure(c, st)).filter(f -> f != null).toList();
        // the figure's lines stack up from its baseline to below the tile's name, never over it
        double room = figureBase(h) - NAME_BASE - NAME_SIZE * 0.7;
        double size = SlideText.commonSize(c.surface, figures, w - 64, FIGURE_MAX, FIGURE_FLOOR, room, true);
        for (int i = 0; i < list.size(); i++) {
            tile(c, list.get(i), MARGIN + (i % cols) * (w + gap), CONTENT_TOP + (i / cols) * (h + gap), w, h, size);
        }
    }

    /** The figure's (last) baseline below the top of a tile of height {@code h}. */
    private static double figureBase(double h) {
        return Math.min(h * 0.52, 190);
    }

    /** The tile's big figure: its value, or its change when that is all it shows; null when it has neither. */
    private static String figure(SlideCanvas c, IndicatorStat st) {
        boolean hasChange = st.change() != null && st.change().pct() != null;
        boolean changeOfTotal = hasChange && !st.change().belongsToValue();
        if (st.value().isKnown() && !changeOfTotal) {
            return SlideFigures.valueText(st.value(), st.indicator(), c);
        }
        return hasChange ? SlideFigures.arrow(st.change().pct()) + NarrativeNumbers.percent(st.change().pct()) + "%"
                : null;
    }

    /** {@code figure} at {@code size}, its last line on {@code base} and any line before it above. */
    private static void figureLines(SlideSurface s, String figure, double x, double base, double width, double size,
                                    int rgb) {
        List<String> lines = SlideText.lines(s, figure, width, size, true);
        for (int i = 0; i < lines.size(); i++) {
            String line = SlideText.fit(s, lines.get(i), width, size, true);
            s.text(line, x, base - (lines.size() - 1 - i) * size * SlideText.LEADING, size, true, rgb);
        }
    }

    private static void tile(SlideCanvas c, IndicatorStat st, double x, double y, double w, double h, double size) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        c.spot(x, y, w, h, st.indicator().code());
        boolean demo = SlideFigures.isDemo(st);
        c.demo |= demo;
        s.fill(x, y, w, h, p.panel());
        s.fill(x, y, 8, h, demo ? p.demo() : p.accent());
        double inner = w - 64;
        SlideText.fitted(s, st.indicator().name(c.locale()), x + 36, y + NAME_BASE, inner, NAME_SIZE, false, p.muted());
        FigureWords words = FigureWords.of(c.locale());
        boolean hasChange = st.change() != null && st.change().pct() != null;
        // a change of a reported total stays the tile's figure, as when nothing was counted here; records entered
        // since are told apart on a line of their own, never joined to it (issue 12)
        boolean changeOfTotal = hasChange && !st.change().belongsToValue();
        Figure records = changeOfTotal && st.value().isKnown() ? st.value()
                : st.recordsSoFar().isKnown() ? st.recordsSoFar() : Figure.UNKNOWN;
        boolean hasValue = st.value().isKnown() && !changeOfTotal;
        double valueBase = y + figureBase(h);
        if (hasValue) {
            figureLines(s, figure(c, st), x + 36, valueBase, inner, size, p.text());
        } else if (hasChange) {
            figureLines(s, figure(c, st), x + 36, valueBase, inner, size, SlideFigures.changeColour(st, p));
        } else {
            s.text(c.words.get("slide.no_data"), x + 36, valueBase, 48, false, p.muted());
        }
        String line = null;
        boolean strong = false;
        if (hasChange && hasValue) {
            String change = SlideFigures.arrow(st.change().pct()) + NarrativeNumbers.percent(st.change().pct()) + "%";
            line = c.words.get(st.change().likeForLike() ? "slide.yoy.like_for_like" : "slide.yoy", change);
            strong = true;
        } else if (hasChange) {
            line = c.words.get("slide.change_of_total");
        } else if (hasValue && !words.coverage(st.value()).isEmpty()) {
            line = words.coverage(st.value());
        }
        if (line != null) {
            // measured in the regular weight, drawn bold when it is the change
            s.text(SlideText.fit(s, line, inner, 30, false), x + 36, valueBase + 58,
                    SlideText.fitSize(s, line, inner, 30, false), strong,
                    strong ? SlideFigures.changeColour(st, p) : p.muted());
        }
        if (records.isKnown()) {
            String r = words.recordsSoFarShort(records, SlideFigures.plainValueText(records, st.indicator(), c));
            s.text(SlideText.fit(s, r, inner, MIN_TEXT, false), x + 36, valueBase + 96, MIN_TEXT, false, p.muted());
        }
        Basis basis = hasValue ? st.value().basis() : hasChange ? st.change().basis() : null;
        if (basis != null) {
            c.basisTag(basis, x + 36, y + h - 34);
        }
    }
}
