package org.antifraud.cc.service.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.StatsReport;

/**
 * A briefing as Markdown: title with its period and region, the classification line with the data-as-of time, the
 * narrative one section a paragraph, and the key figures in a table (value, year-on-year change, basis, source).
 * A figure the data lacks is "—", never 0; synthetic demo figures say so in the basis column.
 */
public final class BriefingMarkdown {

    private BriefingMarkdown() {
    }

    /** Default classification line of a language. */
    public static String defaultClassification(Locale locale) {
        return Lang.isChinese(locale) ? "内部资料 注意保密" : "Internal — do not distribute";
    }

    public static String write(Narrative narrative, StatsReport figures, Catalog catalog, Locale locale,
                               String classification) {
        LocalDate dataAsOf = figures.dataAsOf();
        boolean zh = Lang.isChinese(locale);
        String region = catalog.region(figures.query().regionCode()).map(r -> r.name(locale))
                .orElse(figures.query().regionCode());
        String period = zh ? NarrativeService.periodZh(figures.query().period())
                : figures.query().period().code();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(zh ? "反诈工作简报 · " : "Anti-fraud briefing · ").append(line(period)).append(" · ")
                .append(line(region)).append("\n\n");
        md.append("*").append(line(classification)).append("* · ").append(zh ? "数据截至 " : "data as of ")
                .append(dataAsOf == null ? "—" : dataAsOf.toString()).append("\n");
        for (Narrative.Paragraph p : narrative.paragraphs()) {
            md.append("\n## ").append(line(p.heading())).append("\n\n").append(inert(p.text())).append("\n");
        }
        if (narrative.paragraphs().isEmpty()) {
            md.append("\n").append(zh ? "本期本地区暂无数据。" : "No figures for this period and region.").append("\n");
        }
        md.append("\n## ").append(zh ? "主要指标" : "Key figures").append("\n\n");
        md.append(zh ? "| 指标 | 数值 | 同比 | 依据 | 覆盖 | 来源 |\n"
                : "| Indicator | Value | Year on year | Basis | Covers | Source |\n");
        md.append("|---|---:|---:|---|---|---|\n");
        FigureWords words = FigureWords.of(locale);
        for (IndicatorStat s : figures.indicators()) {
            boolean hasChange = s.change() != null && s.change().pct() != null;
            if (!s.value().isKnown() && !hasChange) {
                continue;
            }
            String name = cell(s.indicator().name(locale));
            // a change that is not the value's own gets its own row: a value and a change it was not computed or
            // reported for are never one claim (issue 12)
            boolean apart = hasChange && !s.change().belongsToValue();
            if (s.value().isKnown()) {
                Figure f = s.value();
                String value = words.value(f, zh ? NarrativeNumbers.zh(f.value(), f.qualifier())
                        : NarrativeNumbers.en(f.value(), f.qualifier()));
                String change = !hasChange || apart ? "—" : words.change(s.change(), signed(s.change().pct()));
                row(md, name, value, change, f.basis(), words.coverage(f), f.source(), zh);
            }
            if (apart || (!s.value().isKnown() && hasChange)) {
                String change = words.change(s.change(), signed(s.change().pct()));
                row(md, name, "—", change, s.change().basis(), "", s.change().source(), zh);
            }
            if (s.recordsSoFar().isKnown()) {
                Figure r = s.recordsSoFar();
                String value = words.value(r, zh ? NarrativeNumbers.zh(r.value(), r.qualifier())
                        : NarrativeNumbers.en(r.value(), r.qualifier()));
                row(md, name + (zh ? "（已录入记录）" : " (records so far)"), value, "—", r.basis(), words.coverage(r),
                        null, zh);
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value, String change, Basis basis, String covers,
                            Source source, boolean zh) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" | ").append(change).append(" | ")
                .append(basisWord(basis, zh)).append(" | ").append(covers.isEmpty() ? "—" : cell(covers)).append(" | ")
                .append(basis == Basis.SYNTHETIC_DEMO ? (zh ? "生成的演示数据，可删除" : "generated demo data, removable")
                        : source == null ? (basis == Basis.REPORTED ? (zh ? "通报（未注明出处）" : "reported (no source given)")
                        : (zh ? "由记录计算" : "computed from records")) : cell(source.sentence()))
                .append(" |\n");
    }

    private static String signed(BigDecimal pct) {
        return (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "") + NarrativeNumbers.percent(pct) + "%";
    }

    private static String basisWord(Basis basis, boolean zh) {
        if (basis == null) {
            return "—";
        }
        return switch (basis) {
            case REPORTED -> zh ? "通报" : "reported";
            case COMPUTED -> zh ? "计算" : "computed";
            case SYNTHETIC_DEMO -> zh ? "**演示数据**" : "**synthetic demo**";
        };
    }

    /** A table cell: inert, no line breaks, pipes escaped. */
    private static String cell(String text) {
        return line(text).replace("|", "\\|");
    }

    /** Inert text on one line (a heading, the classification). */
    private static String line(String text) {
        return inert(text).replace("\r", " ").replace("\n", " ");
    }

    /**
     * Text from the data or the user (names, sources, sentences, the classification) made inert: a Markdown viewer
     * shows it as written and fetches nothing. HTML's {@code & < >} become entities (no tag, no autolink
     * {@code <http://…>}); a backslash and square brackets are escaped (no image {@code ![x](…)}, no link, no
     * reference definition); and http(s) addresses and {@code www.} are defanged ({@code hxxps://},
     * {@code www[.]}) so that no viewer's autolinking turns them into a link to a remote resource.
     */
    static String inert(String text) {
        if (text == null) {
            return "";
        }
        String defanged = text.replaceAll("(?i)\\b(http)(s?)(:)", "hxxp$2$3").replaceAll("(?i)\\bwww\\.", "www[.]");
        StringBuilder out = new StringBuilder(defanged.length() + 16);
        for (int i = 0; i < defanged.length(); i++) {
            char c = defanged.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '[', ']', '`' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
