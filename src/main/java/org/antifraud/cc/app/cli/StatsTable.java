package org.antifraud.cc.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.StatsReport;

/** A plain-text table of a stats report, for people at a terminal. */
final class StatsTable {
    private StatsTable() {
    }

    static String render(StatsReport report, Catalog catalog, Locale locale) {
        boolean zh = Lang.isChinese(locale);
        String regionName = catalog.region(report.query().regionCode()).map(r -> r.name(locale)).orElse("");
        List<String[]> rows = new ArrayList<>();
        rows.add(zh ? new String[]{"指标", "名称", "数值", "限定", "依据", "上年同期", "同比%", "同比依据"}
                : new String[]{"indicator", "name", "value", "qualifier", "basis", "previous", "change %", "change basis"});
        for (IndicatorStat s : report.indicators()) {
            rows.add(new String[]{
                    s.indicator().code(),
                    s.indicator().name(locale),
                    s.value().isKnown() ? StatsJson.number(s.value().value()) : "-",
                    s.value().qualifier() == null ? "" : s.value().qualifier().code(),
                    s.value().basis() == null ? "" : s.value().basis().code(),
                    s.previous().isKnown() ? StatsJson.number(s.previous().value()) : "-",
                    s.change() == null ? "-" : signed(StatsJson.percent(s.change().pct())),
                    s.change() == null ? "" : s.change().basis().code()});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(report.query().period().code()).append("  ").append(report.query().regionCode())
                .append(' ').append(regionName);
        if (report.query().campaignCode() != null) {
            sb.append("  ").append(report.query().campaignCode());
        }
        sb.append(System.lineSeparator());
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(row[i]).append(" ".repeat(widths[i] - width(row[i]) + 2));
            }
            while (sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String signed(String n) {
        return n.startsWith("-") ? n : "+" + n;
    }

    /** Display width: CJK characters take two columns in a terminal. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
