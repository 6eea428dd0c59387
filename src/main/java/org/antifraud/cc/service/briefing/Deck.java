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
 */
public record Deck(StatsQuery query, Locale locale, List<SlideKind> slides, String classification, LocalDate dataAsOf,
                   DashboardData data, Narrative narrative) {
    public Deck {
        slides = List.copyOf(slides);
    }

    public int size() {
        return slides.size();
    }
}
