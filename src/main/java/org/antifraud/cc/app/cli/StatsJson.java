package org.antifraud.cc.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.StatsReport;

/**
 * {@code {"period":"2022","region":"CN","indicators":[{"code":…,"value":…,"qualifier":…,"basis":…,
 * "previous":…,"change_pct":…,"change_basis":…,"complete":…,"coverage":{"submitted":S,"expected":E}|null,
 * "change_of":"value"|"reported_total"|null}, …]}}: numbers as JSON numbers, unknown as null (issue 12's contract:
 * the fields are a contract; the table format says more).
 */
final class StatsJson {
    private StatsJson() {
    }

    static String render(StatsReport report) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"period\":").append(string(report.query().period().code()))
                .append(",\"region\":").append(string(report.query().regionCode()));
        if (report.query().campaignCode() != null) {
            sb.append(",\"campaign\":").append(string(report.query().campaignCode()));
        }
        sb.append(",\"indicators\":[");
        boolean first = true;
        for (IndicatorStat s : report.indicators()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            Figure v = s.value();
            sb.append("{\"code\":").append(string(s.indicator().code()))
                    .append(",\"value\":").append(number(v.value()))
                    .append(",\"qualifier\":").append(v.qualifier() == null ? "null" : string(v.qualifier().code()))
                    .append(",\"basis\":").append(v.basis() == null ? "null" : string(v.basis().code()))
                    .append(",\"previous\":").append(number(s.previous().value()))
                    .append(",\"change_pct\":").append(s.change() == null ? "null" : percent(s.change().pct()))
                    .append(",\"change_basis\":").append(s.change() == null ? "null" : string(s.change().basis().code()))
                    .append(",\"complete\":").append(v.isKnown() ? String.valueOf(v.isComplete()) : "null")
                    .append(",\"coverage\":").append(coverage(v))
                    .append(",\"change_of\":").append(s.change() == null ? "null" : string(s.change().of().code()))
                    .append('}');
        }
        return sb.append("]}").append(System.lineSeparator()).toString();
    }

    /** {@code {"submitted":S,"expected":E}} unit-months for a computed value, else null. */
    private static String coverage(Figure v) {
        if (!v.isKnown() || v.basis() != Basis.COMPUTED || v.coverage() == null) {
            return "null";
        }
        return "{\"submitted\":" + v.coverage().submitted() + ",\"expected\":" + v.coverage().expected() + "}";
    }

    static String number(BigDecimal n) {
        if (n == null) {
            return "null";
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A change always with its one decimal: 9.0, not 9. */
    static String percent(BigDecimal pct) {
        return pct.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
