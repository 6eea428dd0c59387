package org.antifraud.cc.service.briefing;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Trend;

/** How the slides write figures, periods and bases, and which figures are demo data. */
final class SlideFigures {
    private SlideFigures() {
    }

    /**
     * A figure's value with its unit, read from across a room (18.2亿, 50.7万, 1800余 as on the dashboard; 1.82
     * billion); a partial one as a lower bound ("≥ 12"), never as its key's total.
     */
    static String valueText(Figure f, Indicator indicator, SlideCanvas c) {
        String v = plainValueText(f, indicator, c);
        return f.isPartial() ? "\u2265 " + v : v;
    }

    /** The value with its unit, as a number only (the caller says what it covers). */
    static String plainValueText(Figure f, Indicator indicator, SlideCanvas c) {
        String v = c.zh ? NumberFormats.compact(f.value(), f.qualifier(), true)
                : NarrativeNumbers.en(f.value(), f.qualifier());
        return switch (indicator.unit()) {
            case CNY -> c.words.get("slide.yuan", v);
            case PCT -> v + "%";
            case MINUTES -> c.words.get("slide.minutes", v);
            case COUNT -> v;
        };
    }

    static String basisText(Basis basis, BriefingWords words) {
        return words.get(switch (basis) {
            case REPORTED -> "slide.basis.reported";
            case COMPUTED -> "slide.basis.computed";
            case SYNTHETIC_DEMO -> "slide.basis.synthetic_demo";
        });
    }

    static String asOf(Deck deck) {
        return deck.dataAsOf() == null ? "—" : deck.dataAsOf().toString();
    }

    /** A bar's label under a chart: a month without its year unless the chart spans years; a day as 3/5. */
    static String bucketLabel(Period bucket, List<Period> all, BriefingWords words) {
        boolean manyYears = all.getFirst().start().getYear() != all.getLast().start().getYear();
        return switch (bucket.granularity()) {
            case MONTH -> words.get(manyYears ? "slide.bucket.month_of_year" : "slide.bucket.month",
                    String.valueOf(bucket.start().getYear() % 100), String.valueOf(bucket.start().getMonthValue()),
                    bucket.start().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case DAY -> bucket.start().getMonthValue() + "/" + bucket.start().getDayOfMonth();
            default -> words.period(bucket);
        };
    }

    static String arrow(BigDecimal pct) {
        return pct.signum() > 0 ? "▲" : pct.signum() < 0 ? "▼" : "";
    }

    /** Green where the change is good news for this indicator, red where bad, muted where flat. */
    static int changeColour(IndicatorStat st, SlidePalette p) {
        int sign = st.change().pct().signum();
        if (sign == 0) {
            return p.muted();
        }
        return (sign > 0) == st.indicator().higherIsBetter() ? p.good() : p.bad();
    }

    static boolean isDemo(IndicatorStat st) {
        return st != null && (isDemo(st.value()) || (st.change() != null && st.change().basis() == Basis.SYNTHETIC_DEMO));
    }

    static boolean isDemo(Figure f) {
        return f != null && f.isKnown() && f.basis() == Basis.SYNTHETIC_DEMO;
    }

    static boolean trendDemo(Trend trend) {
        return trend.series().stream().flatMap(s -> s.values().stream()).anyMatch(SlideFigures::isDemo);
    }
}
