package org.antifraud.cc.service.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.antifraud.cc.domain.Qualifier;

/**
 * Figures written as the report writes them: in Chinese with 万 and 亿 (18.2亿, 2万余, 1800余, 50余亿), in English
 * with million and billion (1.82 billion, more than 1,800). A figure that cannot be written exactly in two decimals
 * of its unit is rounded and says so (约 / about); "more than" is kept as the report has it.
 */
public final class NarrativeNumbers {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private NarrativeNumbers() {
    }

    public static String zh(BigDecimal value, Qualifier qualifier) {
        boolean more = qualifier == Qualifier.MORE_THAN;
        BigDecimal v = value.abs();
        String sign = value.signum() < 0 ? "-" : "";
        if (v.compareTo(YI) >= 0 || v.compareTo(WAN) >= 0) {
            boolean yi = v.compareTo(YI) >= 0;
            BigDecimal scaled = v.divide(yi ? YI : WAN);
            String unit = yi ? "亿" : "万";
            if (scaled.stripTrailingZeros().scale() > 2) {
                if (!yi && v.stripTrailingZeros().scale() <= 0) {
                    return sign + plain(v) + (more ? "余" : ""); // 12345: exact as it is
                }
                return (more ? "超过" : "约") + sign + plain(scaled.setScale(2, RoundingMode.HALF_UP)) + unit;
            }
            if (!more) {
                return sign + plain(scaled) + unit;
            }
            if (scaled.stripTrailingZeros().scale() > 0) {
                return "超过" + sign + plain(scaled) + unit;
            }
            return sign + plain(scaled) + (yi ? "余亿" : "万余"); // 50余亿, 2万余: as the reports write them
        }
        return sign + plain(v) + (more ? "余" : "");
    }

    public static String en(BigDecimal value, Qualifier qualifier) {
        String more = qualifier == Qualifier.MORE_THAN ? "more than " : "";
        BigDecimal v = value.abs();
        String sign = value.signum() < 0 ? "-" : "";
        for (Object[] unit : new Object[][]{{BILLION, " billion"}, {MILLION, " million"}}) {
            BigDecimal size = (BigDecimal) unit[0];
            if (v.compareTo(size) >= 0) {
                BigDecimal scaled = v.divide(size);
                if (scaled.stripTrailingZeros().scale() > 2) {
                    return (more.isEmpty() ? "about " : more) + sign
                            + plain(scaled.setScale(2, RoundingMode.HALF_UP)) + unit[1];
                }
                return more + sign + plain(scaled) + unit[1];
            }
        }
        DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return more + sign + grouped.format(v);
    }

    /** A change in percent without its sign: 64.4, 17.3, 5. */
    public static String percent(BigDecimal pct) {
        return plain(pct.abs());
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
