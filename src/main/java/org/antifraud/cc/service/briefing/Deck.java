package org.antifraud.cc.service.briefing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.StatsQuery;

/**
 * A briefing's slides with everything they show, read once: the dashboard's panels for the query and the
 * narrative. Painting a slide reads nothing more ({@link SlidePainter}).
 *
 * @param classification the footer's classification line (never blank)
 * @param dataAsOf       the latest day the deck's figures cover (not when they were read), or null when they know nothing
 * @param auditFingerprint the audit trail's last entry when the deck was read ({@code #N ab12-cd34-ef56-7890}, ADR
 *                         0027), printed in every footer; null when there is none
 */
public record Deck(StatsQuery query, Locale locale, List<SlideKind> slides, String classification, LocalDate dataAsOf,
                   DashboardData data, Narrative narrative, String auditFingerprint) {
    public Deck {
        slides = List.copyOf(slides);
    }

    /** A deck without an audit fingerprint. */
    public Deck(StatsQuery query, Locale locale, List<SlideKind> slides, String classification, LocalDate dataAsOf,
                DashboardData data, Narrative narrative) {
        this(query, locale, slides, classification, dataAsOf, data, narrative, null);
    }

    /** The same deck with only {@code chosen} slides. */
    public Deck withSlides(List<SlideKind> chosen) {
        return new Deck(query, locale, chosen, classification, dataAsOf, data, narrative, auditFingerprint);
    }

    public int size() {
        return slides.size();
    }
}
