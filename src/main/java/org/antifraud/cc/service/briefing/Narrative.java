package org.antifraud.cc.service.briefing;

import java.util.List;

import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.StatsQuery;

/**
 * A briefing's prose, in the report's style: paragraphs of sentences built from the figures of one period and
 * region. Every part of a sentence that states a figure is a {@link Claim} naming the figure it comes from, so a
 * reader (or the GUI, on hover) can see its basis and source.
 */
public record Narrative(StatsQuery query, List<Paragraph> paragraphs) {

    /** One paragraph: its heading (may be empty) and its text, in parts. */
    public record Paragraph(String heading, List<Part> parts) {
        public String text() {
            StringBuilder s = new StringBuilder();
            parts.forEach(p -> s.append(p.text()));
            return s.toString();
        }
    }

    /** A piece of a paragraph: plain words, or a figure with its provenance. */
    public sealed interface Part permits Words, Claim {
        String text();
    }

    public record Words(String text) implements Part {
    }

    /** Words stating {@code stat}'s value and/or its change; the stat holds basis and source of each. */
    public record Claim(String text, IndicatorStat stat, boolean ofChange) implements Part {

        /** A claim of the figure's value (with its own change, if it has one). */
        public Claim(String text, IndicatorStat stat) {
            this(text, stat, false);
        }
    }

    /** Everything, one paragraph a line. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(p.text());
        }
        return s.toString();
    }
}
