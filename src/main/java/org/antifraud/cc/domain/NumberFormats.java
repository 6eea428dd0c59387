package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;


/**
 * Figures as people read them: 万/亿 in Chinese ("18.2亿", "1800余"), K/M/B in English ("1.82B", "1.8K+"),
 * and in full with grouping for tooltips ("1,820,000,000", "more than 1,800").
 */
public final class NumberFormats {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal K = BigDecimal.valueOf(1_000);
    private static final BigDecimal M = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal B = BigDecimal.valueOf(1_000_000_000);

    private NumberFormats() {
    }

    public static String compact(BigDecimal value, Qualifier qualifier, boolean chinese) {
        // a lower bound is truncated, never rounded up: "more than 9,996" is "9.99K+", not "10K+"
        RoundingMode rounding = qualifier == Qualifier.MORE_THAN ? RoundingMode.DOWN : RoundingMode.HALF_UP;
        String text = chinese ? compactZh(value, rounding) : compactEn(value, rounding);
        if (qualifier == Qualifier.MORE_THAN) {
            return chinese ? text + "余" : text + "+";
        }
        return text;
    }

    public static String full(BigDecimal value, Qualifier qualifier, boolean chinese) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String text = f.format(value);
        if (qualifier == Qualifier.MORE_THAN) {
            return chinese ? text + "余" : "more than " + text;
        }
        return text;
    }

    /** "+64.4%" or "−17.3%" (a true minus sign). */
    public static String percent(BigDecimal pct) {
        BigDecimal p = pct.setScale(1, RoundingMode.HALF_UP);
        String digits = p.abs().toPlainString();
        return (p.signum() > 0 ? "+" : p.signum() < 0 ? "\u2212" : "±") + digits + "%";
    }

    private static String compactZh(BigDecimal v, RoundingMode rounding) {
        if (v.compareTo(YI) >= 0) {
            return scaled(v, YI, rounding) + "亿";
        }
        if (v.compareTo(WAN) >= 0) {
            return scaled(v, WAN, rounding) + "万";
        }
        return plain(v, rounding);
    }

    private static String compactEn(BigDecimal v, RoundingMode rounding) {
        if (v.compareTo(B) >= 0) {
            return scaled(v, B, rounding) + "B";
        }
        if (v.compareTo(M) >= 0) {
            return scaled(v, M, rounding) + "M";
        }
        if (v.compareTo(K) >= 0) {
            return scaled(v, K, rounding) + "K";
        }
        return plain(v, rounding);
    }

    /** At most three significant digits after scaling, trailing zeros dropped: 18.2, 2, 9.33. */
    private static String scaled(BigDecimal v, BigDecimal unit, RoundingMode rounding) {
        BigDecimal q = v.divide(unit, 10, rounding);
        int integerDigits = q.precision() - q.scale();
        int decimals = Math.max(0, 3 - Math.max(1, integerDigits));
        return q.setScale(decimals, rounding).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal v, RoundingMode rounding) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s.setScale(Math.min(s.scale(), 2), rounding)).toPlainString();
    }
}
