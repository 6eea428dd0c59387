package org.antifraud.cc.service.briefing;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.service.figures.DashboardService;

/** Reads what a briefing's slides show: the dashboard's panels and the narrative of one query. Reads only. */
public final class DeckService {
    private final DashboardService dashboard;
    private final NarrativeService narratives;
    private final Supplier<String> auditFingerprint;

    public DeckService(DashboardService dashboard, NarrativeService narratives) {
        this(dashboard, narratives, () -> null);
    }

    /** @param auditFingerprint the audit trail's last entry as printed in footers (ADR 0027), or null */
    public DeckService(DashboardService dashboard, NarrativeService narratives,
                       Supplier<String> auditFingerprint) {
        this.dashboard = dashboard;
        this.narratives = narratives;
        this.auditFingerprint = auditFingerprint;
    }

    /**
     * The deck of {@code slides} for {@code query} in {@code locale}'s language. A blank classification means the
     * language's default. A {@link org.antifraud.cc.domain.Problem} for unknown codes.
     */
    public Deck deck(StatsQuery query, Locale locale, List<SlideKind> slides, String classification) {
        DashboardData data = dashboard.load(query);
        // the narrative from the same figures: one read, and the prose cannot disagree with the slides
        Narrative narrative = narratives.narrative(new StatsReport(query, data.kpis(), data.dataAsOf()), locale);
        String line = classification == null || classification.isBlank()
                ? BriefingMarkdown.defaultClassification(locale) : classification.strip();
        return new Deck(query, locale, slides, line, data.dataAsOf(), data, narrative, auditFingerprint.get());
    }
}
