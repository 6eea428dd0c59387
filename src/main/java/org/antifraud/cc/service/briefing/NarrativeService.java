package org.antifraud.cc.service.briefing;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.service.figures.StatsService;

/**
 * Writes a briefing's prose from the figures of a period and region, in the style of the Ministry's report
 * (issue 5): the headline changes, then strikes, early warning, interception and publicity, each a paragraph of
 * the figures there are. A figure the data does not have is left out, never written as zero; a reported change
 * is worded as reported ("rose 64.4% year on year"); "more than" stays "more than" / 余; Chinese uses 万 and 亿.
 * Synthetic demo figures say so. Reads only.
 */
public final class NarrativeService {
    /** How a figure is told: with its value ({v}), or by its change alone ({c}), in each language. */
    private record Wording(String zhValue, String zhChange, String enValue, String enChange) {
    }

    /** The paragraphs, each with its indicators in the order told. */
    private static final Map<String, Map<String, Wording>> PARAGRAPHS = new LinkedHashMap<>();

    static {
        Map<String, Wording> headline = new LinkedHashMap<>();
        headline.put("suspects_arrested", new Wording("抓获犯罪嫌疑人{v}人", "抓获犯罪嫌疑人{c}",
                "{v} suspects were arrested", "the number of suspects arrested {c}"));
        headline.put("cases_registered", new Wording("立案{v}起", "立案数{c}",
                "{v} cases were registered", "registered cases {c}"));
        headline.put("property_loss", new Wording("造成财产损失{v}元", "造成的财产损失{c}",
                "property losses came to {v} yuan", "property losses {c}"));
        headline.put("cases_solved", new Wording("破案{v}起", "破案数{c}",
                "{v} cases were solved", "solved cases {c}"));
        PARAGRAPHS.put("headline", headline);

        Map<String, Wording> strikes = new LinkedHashMap<>();
        strikes.put("ringleaders_arrested", new Wording("抓获电信网络诈骗犯罪集团头目和骨干{v}名", null,
                "arrested {v} ringleaders and key members of fraud groups", null));
        strikes.put("dens_destroyed", new Wording("捣毁诈骗窝点{v}个", null, "destroyed {v} fraud dens", null));
        strikes.put("cluster_battles", new Wording("开展集群战役{v}场", null, "fought {v} cluster battles", null));
        PARAGRAPHS.put("strikes", strikes);

        Map<String, Wording> warning = new LinkedHashMap<>();
        warning.put("warning_instructions_issued", new Wording("下发预警指令{v}条", null,
                "{v} early-warning instructions were issued", null));
        warning.put("warnings_local", new Wording("各地自主研判预警信息{v}条", null,
                "{v} warnings were produced locally", null));
        warning.put("sms_12381_warnings", new Wording("12381系统发送预警短信{v}条", null,
                "the 12381 system sent {v} warning text messages", null));
        warning.put("app_warnings", new Wording("国家反诈中心APP预警提醒{v}次", null,
                "the National Anti-Fraud Center app gave {v} warnings", null));
        warning.put("warning_calls", new Wording("电话预警劝阻{v}次", null, "{v} warning phone calls were made", null));
        warning.put("warning_visits", new Wording("上门预警劝阻{v}次", null, "{v} warning home visits were made", null));
        warning.put("persons_dissuaded", new Wording("成功劝阻{v}人", null, "{v} people were dissuaded", null));
        warning.put("funds_intercepted", new Wording("拦截涉诈资金{v}元", null,
                "{v} yuan of fraud funds were intercepted", null));
        PARAGRAPHS.put("warning", warning);

        Map<String, Wording> interception = new LinkedHashMap<>();
        interception.put("phone_cards_disposed", new Wording("处置涉诈高风险电话卡{v}张", null,
                "{v} high-risk phone cards were disposed of", null));
        interception.put("calls_intercepted", new Wording("拦截诈骗电话{v}次", null,
                "{v} fraud calls were intercepted", null));
        interception.put("sms_intercepted", new Wording("拦截诈骗短信{v}条", null,
                "{v} fraud text messages were intercepted", null));
        PARAGRAPHS.put("interception", interception);

        Map<String, Wording> publicity = new LinkedHashMap<>();
        publicity.put("publicity_sessions", new Wording("开展反诈宣传活动{v}场", null,
                "{v} anti-fraud publicity sessions were held", null));
        publicity.put("publicity_sms", new Wording("发送反诈宣传短信{v}条", null,
                "{v} anti-fraud text messages were sent", null));
        publicity.put("short_videos", new Wording("发布反诈短视频{v}条", null,
                "{v} anti-fraud short videos were published", null));
        publicity.put("video_views", new Wording("短视频播放量{v}次", null, "the videos were viewed {v} times", null));
        PARAGRAPHS.put("publicity", publicity);
    }

    private static final Map<String, String[]> OPENINGS = Map.of(
            "strikes", new String[]{"打击方面，", "Police "},
            "warning", new String[]{"预警劝阻方面，", "Early warning: "},
            "interception", new String[]{"源头治理方面，", "Interception: "},
            "publicity", new String[]{"宣传防范方面，", "Publicity: "});
    private static final Map<String, String[]> HEADINGS = Map.of(
            "headline", new String[]{"总体情况", "Overview"},
            "strikes", new String[]{"打击成效", "Strikes"},
            "warning", new String[]{"预警劝阻", "Early warning"},
            "interception", new String[]{"拦截处置", "Interception"},
            "publicity", new String[]{"宣传防范", "Publicity"});

    private final StatsService stats;
    private final Catalog catalog;
    private final java.util.function.Supplier<String> auditFingerprint;

    public NarrativeService(StatsService stats, Catalog catalog) {
        this(stats, catalog, () -> null);
    }

    /** @param auditFingerprint the audit trail's last entry, printed at the end of every briefing (ADR 0027), or null */
    public NarrativeService(StatsService stats, Catalog catalog, java.util.function.Supplier<String> auditFingerprint) {
        this.stats = stats;
        this.catalog = catalog;
        this.auditFingerprint = auditFingerprint;
    }

    /** The prose of {@code query}'s figures in {@code locale}'s language (Chinese or English). */
    public Narrative narrative(StatsQuery query, Locale locale) {
        List<String> codes = PARAGRAPHS.values().stream().flatMap(m -> m.keySet().stream())
                .filter(c -> catalog.indicator(c).isPresent()).toList();
        return narrative(stats.stats(query, codes), locale);
    }

    /** A briefing's text: what {@link #narrative} tells and a table of every indicator with data ({@link BriefingMarkdown}). */
    public record Briefing(Narrative narrative, String markdown) {
    }

    /** The narrative and the Markdown briefing of {@code query}; checks the query against the catalogs first. */
    public Briefing briefing(StatsQuery query, Locale locale, String classification) {
        List<String> codes = catalog.indicators().stream().map(org.antifraud.cc.domain.Indicator::code).toList();
        stats.check(query, codes);
        StatsReport figures = stats.stats(query, codes);
        Narrative narrative = narrative(figures, locale);
        String markdown = BriefingMarkdown.write(narrative, figures, catalog, locale,
                classification != null ? classification : BriefingMarkdown.defaultClassification(locale));
        String fingerprint = auditFingerprint.get();
        if (fingerprint != null) { // the trail as it was: compare later with audit fingerprint --at N
            markdown += "\n*" + (Lang.isChinese(locale) ? "审计日志 " : "Audit trail ") + fingerprint + "*\n";
        }
        return new Briefing(narrative, markdown);
    }

    /** The prose of figures already read. */
    public Narrative narrative(StatsReport report, Locale locale) {
        boolean zh = Lang.isChinese(locale);
        FigureWords words = FigureWords.of(locale);
        Map<String, IndicatorStat> byCode = new LinkedHashMap<>();
        report.indicators().forEach(s -> byCode.put(s.indicator().code(), s));
        List<Narrative.Paragraph> paragraphs = new ArrayList<>();
        // partial sums of records are told in a paragraph of their own, apart from any total or reported change
        List<Narrative.Claim> partials = new ArrayList<>();
        for (Map.Entry<String, Map<String, Wording>> p : PARAGRAPHS.entrySet()) {
            List<Narrative.Claim> claims = new ArrayList<>();
            p.getValue().forEach((code, wording) -> {
                IndicatorStat s = byCode.get(code);
                if (s != null) {
                    for (Narrative.Claim claim : tell(s, wording, zh, words)) {
                        (!claim.ofChange() && claim.stat().value().isPartial() ? partials : claims).add(claim);
                    }
                }
            });
            if (claims.isEmpty()) {
                continue;
            }
            List<Narrative.Part> parts = new ArrayList<>();
            String opening = p.getKey().equals("headline") ? headlineOpening(report.query(), zh)
                    : OPENINGS.get(p.getKey())[zh ? 0 : 1];
            parts.add(new Narrative.Words(opening));
            for (int i = 0; i < claims.size(); i++) {
                if (i > 0) {
                    parts.add(new Narrative.Words(zh ? "，" : i == claims.size() - 1 ? " and " : ", "));
                }
                parts.add(claims.get(i));
            }
            parts.add(new Narrative.Words(zh ? "。" : "."));
            paragraphs.add(new Narrative.Paragraph(HEADINGS.get(p.getKey())[zh ? 0 : 1], capitalised(parts, zh)));
        }
        if (!partials.isEmpty()) {
            List<Narrative.Part> parts = new ArrayList<>();
            parts.add(new Narrative.Words(zh ? "以下为已录入记录之和，尚未全部报送，并非总数：" : "Sums of the records entered so far, not totals: "));
            for (int i = 0; i < partials.size(); i++) {
                if (i > 0) {
                    parts.add(new Narrative.Words(zh ? "；" : "; "));
                }
                parts.add(partials.get(i));
            }
            parts.add(new Narrative.Words(zh ? "。" : "."));
            paragraphs.add(new Narrative.Paragraph(zh ? "已录入记录（部分）" : "Records so far (partial)", parts));
        }
        return new Narrative(report.query(), paragraphs);
    }

    /** "2022年，全国公安机关" / "In 2022, nationwide, ". */
    private String headlineOpening(StatsQuery query, boolean zh) {
        String region = catalog.region(query.regionCode()).map(r -> r.name(zh ? Lang.ZH : Lang.EN))
                .orElse(query.regionCode());
        boolean nation = "CN".equals(query.regionCode());
        if (zh) {
            return periodZh(query.period()) + "，" + (nation ? "全国" : region) + "公安机关";
        }
        return periodEn(query.period()) + ", " + (nation ? "nationwide" : "in " + region) + ", ";
    }

    /**
     * One figure told: nothing when the data has neither its value nor its change; a partial value as what it is
     * ("at least 12 … 1 of 31 provinces reporting, not the total"); a change beside the value only when it belongs to
     * it, and a change of a reported total as a claim of its own, never joined to a value it was not reported for
     * (issue 12).
     */
    private static List<Narrative.Claim> tell(IndicatorStat s, Wording w, boolean zh, FigureWords words) {
        boolean hasValue = s.value().isKnown();
        boolean hasChange = s.change() != null && s.change().pct() != null;
        boolean changeOfValue = hasChange && s.change().belongsToValue();
        String changeWording = zh ? w.zhChange() : w.enChange();
        List<Narrative.Claim> claims = new ArrayList<>();
        if (hasChange && !changeOfValue && changeWording != null) {
            String text = changeWording.replace("{c}", zh ? changeZh(s.change().pct()) : changeEn(s.change().pct()));
            // whoever reported it, it is the change of their total, not of anything counted here: said apart
            if (hasValue && !s.value().isPartial()) {
                text = zh ? "据报" + text : "as reported, " + text;
            }
            claims.add(new Narrative.Claim(text, s, true));
        }
        if (hasValue) {
            Figure f = s.value();
            String v = zh ? NarrativeNumbers.zh(f.value(), f.qualifier()) : NarrativeNumbers.en(f.value(), f.qualifier());
            String text;
            if (f.isPartial()) {
                text = (zh ? w.zhValue() : w.enValue()).replace("{v}", (zh ? "至少" : "at least ") + v)
                        + (zh ? "（" + words.coverage(f) + "）" : " (" + words.coverage(f) + ")");
            } else {
                text = (zh ? w.zhValue() : w.enValue()).replace("{v}", v);
            }
            if (changeOfValue) {
                String change = zh ? changeZh(s.change().pct()) : changeEnShort(s.change().pct());
                if (s.change().likeForLike()) {
                    change += zh ? "（同口径）" : " like for like";
                }
                text += zh ? "，" + change : ", " + change;
            }
            boolean demo = f.isDemo() || (changeOfValue && s.change().basis() == Basis.SYNTHETIC_DEMO);
            claims.add(new Narrative.Claim(demo ? text + (zh ? "（演示数据）" : " (demo data)") : text, s));
        }
        return claims;
    }

    private static String changeZh(BigDecimal pct) {
        int sign = pct.signum();
        return sign == 0 ? "同比持平" : "同比" + (sign > 0 ? "上升" : "下降") + NarrativeNumbers.percent(pct) + "%";
    }

    /** "rose 64.4% year on year", for a subject without a value. */
    private static String changeEn(BigDecimal pct) {
        int sign = pct.signum();
        return sign == 0 ? "were unchanged year on year"
                : (sign > 0 ? "rose " : "fell ") + NarrativeNumbers.percent(pct) + "% year on year";
    }

    /** "up 64.4% year on year", after a value. */
    private static String changeEnShort(BigDecimal pct) {
        int sign = pct.signum();
        return sign == 0 ? "unchanged year on year"
                : (sign > 0 ? "up " : "down ") + NarrativeNumbers.percent(pct) + "% year on year";
    }

    /** An English paragraph's first figure after "Early warning: " etc. starts with a capital where it is a word. */
    private static List<Narrative.Part> capitalised(List<Narrative.Part> parts, boolean zh) {
        if (zh || parts.size() < 2 || !(parts.get(0) instanceof Narrative.Words w) || !w.text().endsWith(": ")
                || !(parts.get(1) instanceof Narrative.Claim c) || c.text().isEmpty()
                || !Character.isLowerCase(c.text().charAt(0))) {
            return parts;
        }
        List<Narrative.Part> copy = new ArrayList<>(parts);
        copy.set(1, new Narrative.Claim(Character.toUpperCase(c.text().charAt(0)) + c.text().substring(1), c.stat()));
        return copy;
    }

    static String periodZh(Period p) {
        return switch (p.granularity()) {
            case YEAR -> p.start().getYear() + "年";
            case QUARTER -> p.start().getYear() + "年第" + ((p.start().getMonthValue() - 1) / 3 + 1) + "季度";
            case MONTH -> p.start().getYear() + "年" + p.start().getMonthValue() + "月";
            case DAY -> p.start().getYear() + "年" + p.start().getMonthValue() + "月" + p.start().getDayOfMonth() + "日";
            case RANGE -> p.start() + "至" + p.end();
        };
    }

    static String periodEn(Period p) {
        return switch (p.granularity()) {
            case YEAR -> "In " + p.start().getYear();
            case QUARTER -> "In Q" + ((p.start().getMonthValue() - 1) / 3 + 1) + " " + p.start().getYear();
            case MONTH -> "In " + p.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + p.start().getYear();
            case DAY -> "On " + p.start().getDayOfMonth() + " "
                    + p.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + p.start().getYear();
            case RANGE -> "From " + p.start() + " to " + p.end();
        };
    }
}
