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

    /** A figure on a tile, read from across a room: 18.2亿, 50.7万, 1800余 as on the dashboard; 1.82 billion. */
    /** A figure's value with its unit; a partial one as a lower bound ("≥ 12"), never as its key's total. */
    static String valueText(Figure f, Indicator indicator, boolean zh) {
        String v = plainValueText(f, indicator, zh);
        return f.isPartial() ? "\u2265 " + v : v;
    }

    /** The value with its unit, as a number only (the caller says what it covers). */
    static String plainValueText(Figure f, Indicator indicator, boolean zh) {
        String v = zh ? NumberFormats.compact(f.value(), f.qualifier(), true)
                : NarrativeNumbers.en(f.value(), f.qualifier());
        if (indicator.unit() == Indicator.Unit.CNY) {
            return zh ? v + "元" : v + " yuan";
        }
        return v;
    }

    static String basisText(Basis basis, boolean zh) {
        return switch (basis) {
            case REPORTED -> zh ? "依据：报告原文" : "reported";
            case COMPUTED -> zh ? "依据：记录计算" : "computed from records";
            case SYNTHETIC_DEMO -> zh ? "演示数据" : "DEMO DATA";
        };
    }

    static String asOf(Deck deck) {
        return deck.dataAsOf() == null ? "—" : deck.dataAsOf().toString();
    }

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

    /** A bar's label under a chart: a month without its year unless the chart spans years. */
    static String bucketLabel(Period bucket, List<Period> all, boolean zh) {
        boolean manyYears = all.getFirst().start().getYear() != all.getLast().start().getYear();
        return switch (bucket.granularity()) {
            case MONTH -> zh ? (manyYears ? bucket.start().getYear() % 100 + "年" : "") + bucket.start().getMonthValue() + "月"
                    : bucket.start().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            + (manyYears ? " " + (bucket.start().getYear() % 100) : "");
            case DAY -> bucket.start().getMonthValue() + "/" + bucket.start().getDayOfMonth();
            default -> zh ? NarrativeService.periodZh(bucket) : periodLabel(bucket, false);
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
