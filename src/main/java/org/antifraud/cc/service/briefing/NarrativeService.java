package org.antifraud.cc.service.briefing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
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
    /**
     * How a figure is told: the bundle's key of its sentence with its value ({0}), and of its sentence when only its
     * change is known ({0} the change; null where the report never tells it that way).
     */
    private record Wording(String value, String change) {
    }

    /** The paragraphs, each with its indicators in the order told. */
    private static final Map<String, Map<String, Wording>> PARAGRAPHS = new LinkedHashMap<>();

    static {
        Map<String, Wording> headline = new LinkedHashMap<>();
        headline.put("suspects_arrested", new Wording("narrative.suspects_arrested.value",
                "narrative.suspects_arrested.change"));
        headline.put("cases_registered", new Wording("narrative.cases_registered.value",
                "narrative.cases_registered.change"));
        headline.put("property_loss", new Wording("narrative.property_loss.value", "narrative.property_loss.change"));
        headline.put("cases_solved", new Wording("narrative.cases_solved.value", "narrative.cases_solved.change"));
        PARAGRAPHS.put("headline", headline);

        Map<String, Wording> strikes = new LinkedHashMap<>();
        strikes.put("ringleaders_arrested", new Wording("narrative.ringleaders_arrested.value", null));
        strikes.put("dens_destroyed", new Wording("narrative.dens_destroyed.value", null));
        strikes.put("cluster_battles", new Wording("narrative.cluster_battles.value", null));
        PARAGRAPHS.put("strikes", strikes);

        Map<String, Wording> warning = new LinkedHashMap<>();
        warning.put("warning_instructions_issued", new Wording("narrative.warning_instructions_issued.value", null));
        warning.put("warnings_local", new Wording("narrative.warnings_local.value", null));
        warning.put("sms_12381_warnings", new Wording("narrative.sms_12381_warnings.value", null));
        warning.put("app_warnings", new Wording("narrative.app_warnings.value", null));
        warning.put("warning_calls", new Wording("narrative.warning_calls.value", null));
        warning.put("warning_visits", new Wording("narrative.warning_visits.value", null));
        warning.put("persons_dissuaded", new Wording("narrative.persons_dissuaded.value", null));
        warning.put("funds_intercepted", new Wording("narrative.funds_intercepted.value", null));
        PARAGRAPHS.put("warning", warning);

        // warning instructions as records (issue 17): never joined to the report's instruction totals above
        Map<String, Wording> instructions = new LinkedHashMap<>();
        instructions.put("warning_instructions", new Wording("narrative.warning_instructions.value", null));
        instructions.put("instructions_dissuaded", new Wording("narrative.instructions_dissuaded.value", null));
        instructions.put("dissuasion_rate_pct", new Wording("narrative.dissuasion_rate_pct.value", null));
        instructions.put("contact_minutes_median", new Wording("narrative.contact_minutes_median.value", null));
        instructions.put("sla_breaches", new Wording("narrative.sla_breaches.value", null));
        instructions.put("funds_protected", new Wording("narrative.funds_protected.value", null));
        PARAGRAPHS.put("instructions", instructions);

        Map<String, Wording> interception = new LinkedHashMap<>();
        interception.put("phone_cards_disposed", new Wording("narrative.phone_cards_disposed.value", null));
        interception.put("calls_intercepted", new Wording("narrative.calls_intercepted.value", null));
        interception.put("sms_intercepted", new Wording("narrative.sms_intercepted.value", null));
        PARAGRAPHS.put("interception", interception);

        Map<String, Wording> publicity = new LinkedHashMap<>();
        publicity.put("publicity_sessions", new Wording("narrative.publicity_sessions.value", null));
        publicity.put("publicity_sms", new Wording("narrative.publicity_sms.value", null));
        publicity.put("short_videos", new Wording("narrative.short_videos.value", null));
        publicity.put("video_views", new Wording("narrative.video_views.value", null));
        PARAGRAPHS.put("publicity", publicity);
    }

    /** Each paragraph's heading and (but for the headline's, which names period and region) its opening words. */
    private static final Map<String, String> HEADINGS = Map.of(
            "headline", "narrative.heading.headline",
            "strikes", "narrative.heading.strikes",
            "warning", "narrative.heading.warning",
            "instructions", "narrative.heading.instructions",
            "interception", "narrative.heading.interception",
            "publicity", "narrative.heading.publicity");
    private static final Map<String, String> OPENINGS = Map.of(
            "strikes", "narrative.opening.strikes",
            "warning", "narrative.opening.warning",
            "instructions", "narrative.opening.instructions",
            "interception", "narrative.opening.interception",
            "publicity", "narrative.opening.publicity");

    private final StatsService stats;
    private final Catalog catalog;
    private final Supplier<String> auditFingerprint;

    public NarrativeService(StatsService stats, Catalog catalog) {
        this(stats, catalog, () -> null);
    }

    /** @param auditFingerprint the audit trail's last entry, printed at the end of every briefing (ADR 0027), or null */
    public NarrativeService(StatsService stats, Catalog catalog, Supplier<String> auditFingerprint) {
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
        List<String> codes = catalog.indicators().stream().map(Indicator::code).toList();
        stats.check(query, codes);
        StatsReport figures = stats.stats(query, codes);
        Narrative narrative = narrative(figures, locale);
        String markdown = BriefingMarkdown.write(narrative, figures, catalog, locale,
                classification != null ? classification : BriefingMarkdown.defaultClassification(locale));
        String fingerprint = auditFingerprint.get();
        if (fingerprint != null) { // the trail as it was: compare later with audit fingerprint --at N
            markdown += "\n*" + BriefingWords.of(locale).get("markdown.audit", fingerprint) + "*\n";
        }
        return new Briefing(narrative, markdown);
    }

    /** The prose of figures already read. */
    public Narrative narrative(StatsReport report, Locale locale) {
        boolean zh = Lang.isChinese(locale);
        BriefingWords words = BriefingWords.of(locale);
        FigureWords figureWords = FigureWords.of(locale);
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
                    for (Narrative.Claim claim : tell(s, wording, zh, words, figureWords)) {
                        (!claim.ofChange() && claim.stat().value().isPartial() ? partials : claims).add(claim);
                    }
                }
            });
            if (claims.isEmpty()) {
                continue;
            }
            List<Narrative.Part> parts = new ArrayList<>();
            String opening = p.getKey().equals("headline") ? headlineOpening(report.query(), words)
                    : words.get(OPENINGS.get(p.getKey()));
            parts.add(new Narrative.Words(opening));
            for (int i = 0; i < claims.size(); i++) {
                if (i > 0) {
                    parts.add(new Narrative.Words(words.get(i == claims.size() - 1 ? "narrative.separator.last"
                            : "narrative.separator")));
                }
                parts.add(claims.get(i));
            }
            parts.add(new Narrative.Words(words.get("narrative.end")));
            paragraphs.add(new Narrative.Paragraph(words.get(HEADINGS.get(p.getKey())), capitalised(parts, zh)));
        }
        if (!partials.isEmpty()) {
            List<Narrative.Part> parts = new ArrayList<>();
            parts.add(new Narrative.Words(words.get("narrative.partials.opening")));
            for (int i = 0; i < partials.size(); i++) {
                if (i > 0) {
                    parts.add(new Narrative.Words(words.get("narrative.partials.separator")));
                }
                parts.add(partials.get(i));
            }
            parts.add(new Narrative.Words(words.get("narrative.end")));
            paragraphs.add(new Narrative.Paragraph(words.get("narrative.partials.heading"), parts));
        }
        return new Narrative(report.query(), paragraphs);
    }

    /** "2022年，全国公安机关" / "In 2022, nationwide, ". */
    private String headlineOpening(StatsQuery query, BriefingWords words) {
        String region = catalog.region(query.regionCode()).map(r -> r.name(words.locale())).orElse(query.regionCode());
        String where = "CN".equals(query.regionCode()) ? words.get("narrative.nationwide")
                : words.get("narrative.in_region", region);
        return words.get("narrative.opening.headline", words.when(query.period()), where);
    }

    /**
     * One figure told: nothing when the data has neither its value nor its change; a partial value as what it is
     * ("at least 12 … 1 of 31 provinces reporting, not the total"); a change beside the value only when it belongs to
     * it, and a change of a reported total as a claim of its own, never joined to a value it was not reported for
     * (issue 12).
     */
    private static List<Narrative.Claim> tell(IndicatorStat s, Wording w, boolean zh, BriefingWords words,
                                              FigureWords figureWords) {
        boolean hasValue = s.value().isKnown();
        boolean hasChange = s.change() != null && s.change().pct() != null;
        boolean changeOfValue = hasChange && s.change().belongsToValue();
        List<Narrative.Claim> claims = new ArrayList<>();
        if (hasChange && !changeOfValue && w.change() != null) {
            String text = words.get(w.change(), change(s.change().pct(), words, "narrative.change.up",
                    "narrative.change.down", "narrative.change.flat"));
            // whoever reported it, it is the change of their total, not of anything counted here: said apart
            if (hasValue && !s.value().isPartial()) {
                text = words.get("narrative.as_reported", text);
            }
            claims.add(new Narrative.Claim(text, s, true));
        }
        if (hasValue) {
            Figure f = s.value();
            String v = zh ? NarrativeNumbers.zh(f.value(), f.qualifier()) : NarrativeNumbers.en(f.value(), f.qualifier());
            String text;
            if (f.isPartial()) {
                text = words.get("narrative.coverage", words.get(w.value(), words.get("narrative.at_least", v)),
                        figureWords.coverage(f));
            } else if (!f.isComplete()) {
                // a rate or a median over the records so far (issue 17): no bound, but what it rests on is said
                text = words.get("narrative.coverage", words.get(w.value(), v), figureWords.coverage(f));
            } else {
                text = words.get(w.value(), v);
            }
            if (changeOfValue) {
                String change = change(s.change().pct(), words, "narrative.change_after.up",
                        "narrative.change_after.down", "narrative.change_after.flat");
                if (s.change().likeForLike()) {
                    change = words.get("narrative.like_for_like", change);
                }
                text = words.get("narrative.with_change", text, change);
            }
            boolean demo = f.isDemo() || (changeOfValue && s.change().basis() == Basis.SYNTHETIC_DEMO);
            claims.add(new Narrative.Claim(demo ? words.get("narrative.demo", text) : text, s));
        }
        return claims;
    }

    /**
     * A change as the report words it: "rose 64.4% year on year" (for a subject without a value) or "up 64.4% year
     * on year" (after a value); 同比上升64.4% either way.
     */
    private static String change(BigDecimal pct, BriefingWords words, String up, String down, String flat) {
        int sign = pct.signum();
        return sign == 0 ? words.get(flat) : words.get(sign > 0 ? up : down, NarrativeNumbers.percent(pct));
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
}
