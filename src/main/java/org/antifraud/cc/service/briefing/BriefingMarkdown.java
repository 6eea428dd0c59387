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
        return BriefingWords.of(locale).get("deck.classification");
    }

    public static String write(Narrative narrative, StatsReport figures, Catalog catalog, Locale locale,
                               String classification) {
        LocalDate dataAsOf = figures.dataAsOf();
        boolean zh = Lang.isChinese(locale);
        BriefingWords words = BriefingWords.of(locale);
        String region = catalog.region(figures.query().regionCode()).map(r -> r.name(locale))
                .orElse(figures.query().regionCode());
        // in English the period's code (2022-Q3), as typed on the command line
        String period = zh ? words.period(figures.query().period()) : figures.query().period().code();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(SlideKind.TITLE.title(locale)).append(" · ").append(line(period)).append(" · ")
                .append(line(region)).append("\n\n");
        md.append("*").append(line(classification)).append("* · ")
                .append(words.get("deck.as_of", dataAsOf == null ? "—" : dataAsOf.toString())).append("\n");
        for (Narrative.Paragraph p : narrative.paragraphs()) {
            md.append("\n## ").append(line(p.heading())).append("\n\n").append(inert(p.text())).append("\n");
        }
        if (narrative.paragraphs().isEmpty()) {
            md.append("\n").append(words.get("markdown.no_figures")).append("\n");
        }
        md.append("\n## ").append(words.get("markdown.key_figures")).append("\n\n");
        md.append("| ").append(String.join(" | ", words.get("markdown.column.indicator"),
                words.get("markdown.column.value"), words.get("markdown.column.change"),
                words.get("markdown.column.basis"), words.get("markdown.column.covers"),
                words.get("markdown.column.source"))).append(" |\n");
        md.append("|---|---:|---:|---|---|---|\n");
        FigureWords figureWords = FigureWords.of(locale);
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
                String value = figureWords.value(f, zh ? NarrativeNumbers.zh(f.value(), f.qualifier())
                        : NarrativeNumbers.en(f.value(), f.qualifier()));
                String change = !hasChange || apart ? "—" : figureWords.change(s.change(), signed(s.change().pct()));
                row(md, name, value, change, f.basis(), figureWords.coverage(f), f.source(), words);
            }
            if (apart || (!s.value().isKnown() && hasChange)) {
                String change = figureWords.change(s.change(), signed(s.change().pct()));
                row(md, name, "—", change, s.change().basis(), "", s.change().source(), words);
            }
            if (s.recordsSoFar().isKnown()) {
                Figure r = s.recordsSoFar();
                String value = figureWords.value(r, zh ? NarrativeNumbers.zh(r.value(), r.qualifier())
                        : NarrativeNumbers.en(r.value(), r.qualifier()));
                row(md, words.get("markdown.records_so_far", name), value, "—", r.basis(), figureWords.coverage(r),
                        null, words);
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value, String change, Basis basis, String covers,
                            Source source, BriefingWords words) {
        String from = basis == Basis.SYNTHETIC_DEMO ? words.get("markdown.source.demo")
                : source != null ? cell(source.sentence())
                : words.get(basis == Basis.REPORTED ? "markdown.source.reported" : "markdown.source.computed");
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" | ").append(change).append(" | ")
                .append(basisWord(basis, words)).append(" | ").append(covers.isEmpty() ? "—" : cell(covers)).append(" | ")
                .append(from).append(" |\n");
    }

    private static String signed(BigDecimal pct) {
        return (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "") + NarrativeNumbers.percent(pct) + "%";
    }

    private static String basisWord(Basis basis, BriefingWords words) {
        if (basis == null) {
            return "—";
        }
        return words.get(switch (basis) {
            case REPORTED -> "markdown.basis.reported";
            case COMPUTED -> "markdown.basis.computed";
            case SYNTHETIC_DEMO -> "markdown.basis.synthetic_demo";
        });
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
