package org.antifraud.cc.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.ChangeOf;
import org.antifraud.cc.domain.Figure;
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
        rows.add(zh ? new String[]{"指标", "名称", "数值", "限定", "依据", "覆盖(已报送单位月)", "上年同期", "同比%", "同比依据",
                "同比所属", "已录入记录"}
                : new String[]{"indicator", "name", "value", "qualifier", "basis", "coverage (unit-months submitted)",
                "previous", "change %", "change basis", "change of", "records so far"});
        for (IndicatorStat s : report.indicators()) {
            rows.add(new String[]{
                    s.indicator().code(),
                    s.indicator().name(locale),
                    // a partial figure is a lower bound, never the key's total
                    s.value().isKnown() ? (s.value().isPartial() ? ">=" : "") + StatsJson.number(s.value().value()) : "-",
                    s.value().qualifier() == null ? "" : s.value().qualifier().code(),
                    s.value().basis() == null ? "" : s.value().basis().code(),
                    coverage(s.value(), zh),
                    s.previous().isKnown() ? StatsJson.number(s.previous().value()) : "-",
                    s.change() == null ? "-" : signed(StatsJson.percent(s.change().pct())),
                    s.change() == null ? "" : s.change().basis().code(),
                    s.change() == null ? "" : changeOf(s.change(), zh),
                    s.recordsSoFar().isKnown() ? (s.recordsSoFar().isPartial() ? ">=" : "")
                            + StatsJson.number(s.recordsSoFar().value()) + " " + coverage(s.recordsSoFar(), zh) : ""});
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

    private static String coverage(Figure f, boolean zh) {
        if (!f.isKnown() || f.coverage() == null || f.basis() != Basis.COMPUTED) {
            return "";
        }
        String units = f.coverage().unitsExpected() > 1
                ? (zh ? "，有数据省份 " : ", provinces with data ") + f.coverage().unitsWithData() + "/" + f.coverage().unitsExpected()
                : "";
        return f.coverage().submitted() + "/" + f.coverage().expected() + (f.isComplete() ? (zh ? " 完整" : " complete")
                : (zh ? " 部分" : " partial")) + units;
    }

    private static String changeOf(Change c, boolean zh) {
        if (c.of() == ChangeOf.REPORTED_TOTAL) {
            return zh ? "所报总数" : "reported total";
        }
        return c.likeForLike() ? (zh ? "本数值（同口径）" : "this value (like for like)") : (zh ? "本数值" : "this value");
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
