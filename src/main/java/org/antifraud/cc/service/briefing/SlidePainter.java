package org.antifraud.cc.service.briefing;

import java.util.List;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.service.figures.InstructionFigures;

/**
 * Paints one slide of a {@link Deck} on a {@link SlideSurface}: 16:9, sized to be read from the back of a room
 * (no text under 22 px of 1080). Every slide states its filters under its title; the footer holds the
 * classification line, the period and region, the data-as-of time and page n/N. A slide that shows any synthetic
 * demo figure carries a "demo data" badge, and the figure itself is marked. Stateless; one painter serves any
 * number of threads. This class draws the frame and the title slide; each kind of content has its own painter
 * ({@link KpiTiles}, {@link RegionsSlide}, {@link ChartSlides}, {@link CampaignTable}, {@link NarrativeSlide}).
 */
public final class SlidePainter {
    static final double MARGIN = 96;
    static final double CONTENT_TOP = 250;
    static final double CONTENT_BOTTOM = 960;
    static final double FOOTER_LINE = 994;
    static final double MIN_TEXT = 22;
    private static final List<String> HEADLINE = List.of("suspects_arrested", "cases_registered", "property_loss",
            "dens_destroyed", "ringleaders_arrested", "cases_solved", "persons_dissuaded", "funds_intercepted");

    private final Catalog catalog;

    public SlidePainter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Paints slide {@code index} (0-based) of {@code deck}. */
    public void paint(Deck deck, int index, SlideSurface surface, SlidePalette palette) {
        paintOn(deck, index, surface, palette);
    }

    /** Whether slide {@code index} shows any synthetic demo figure (it then carries the "demo data" badge). */
    public boolean showsDemo(Deck deck, int index) {
        return paintOn(deck, index, new MeasuringSurface(), SlidePalette.LIGHT).demo;
    }

    private SlideCanvas paintOn(Deck deck, int index, SlideSurface surface, SlidePalette palette) {
        SlideCanvas c = new SlideCanvas(deck, surface, palette, catalog);
        SlideKind kind = deck.slides().get(index);
        surface.fill(0, 0, SlideSurface.WIDTH, SlideSurface.HEIGHT, palette.background());
        switch (kind) {
            case TITLE -> title(c);
            case HEADLINE -> KpiTiles.paint(c, KpiTiles.stats(deck, HEADLINE), 4);
            case REGIONS -> RegionsSlide.paint(c);
            case DENS -> ChartSlides.dens(c);
            case WARNINGS -> ChartSlides.warnings(c);
            case INSTRUCTIONS -> KpiTiles.paint(c, KpiTiles.stats(deck, InstructionFigures.ALL), 3);
            case INTERCEPTION -> KpiTiles.paint(c, KpiTiles.ofCategory(deck, IndicatorCategory.GOVERNANCE), 3);
            case CAMPAIGNS -> CampaignTable.paint(c);
            case PUBLICITY -> KpiTiles.paint(c, KpiTiles.ofCategory(deck, IndicatorCategory.PUBLICITY), 4);
            case NARRATIVE -> NarrativeSlide.paint(c);
        }
        if (kind != SlideKind.TITLE) {
            header(c, kind.title(deck.locale()));
        }
        footer(c, index, deck.size());
        return c;
    }

    // ------------------------------------------------------------------------------------------------ frame

    private static void header(SlideCanvas c, String title) {
        SlideSurface s = c.surface;
        s.fill(MARGIN, 72, 96, 8, c.palette.accent());
        SlideText.fitted(s, title, MARGIN, 160, 1400, 64, true, c.palette.text());
        s.text(filters(c), MARGIN, 214, 28, false, c.palette.muted());
        if (c.demo) {
            String badge = c.words.get("slide.demo_badge");
            double w = s.width(badge, 28, true) + 48;
            s.fill(SlideSurface.WIDTH - MARGIN - w, 110, w, 56, c.palette.demo());
            s.text(badge, SlideSurface.WIDTH - MARGIN - w + 24, 148, 28, true, c.palette.onDemo());
        }
    }

    private static String filters(SlideCanvas c) {
        String period = c.period();
        String region = c.regionName(c.deck.query().regionCode());
        String code = c.deck.query().campaignCode();
        String campaign = code == null ? c.words.get("slide.all_campaigns")
                : c.catalog.campaign(code).map(x -> x.name(c.locale())).orElse(code);
        return c.words.get("slide.filters", period, region, campaign);
    }

    private static void footer(SlideCanvas c, int index, int count) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        s.line(MARGIN, FOOTER_LINE, SlideSurface.WIDTH - MARGIN, FOOTER_LINE, 2, p.border());
        double base = 1042;
        s.text(c.deck.classification(), MARGIN, base, 26, true, p.classification());
        String middle = c.period() + " · " + c.regionName(c.deck.query().regionCode()) + " · "
                + c.words.get("deck.as_of", SlideFigures.asOf(c.deck));
        SlideText.centered(s, middle, SlideSurface.WIDTH / 2, base, 24, false, p.muted());
        String page = (index + 1) + " / " + count;
        SlideText.right(s, page, SlideSurface.WIDTH - MARGIN, base, 26, true, p.muted());
        if (c.deck.auditFingerprint() != null) { // the trail as it was: compare with audit fingerprint --at N (ADR 0027)
            SlideText.right(s, c.words.get("slide.audit", c.deck.auditFingerprint()),
                    SlideSurface.WIDTH - MARGIN - s.width(page, 26, true) - 32, base, MIN_TEXT, false, p.muted());
        }
    }

    // ------------------------------------------------------------------------------------------------ title slide

    private static void title(SlideCanvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        s.fill(0, 0, 28, SlideSurface.HEIGHT, p.accent());
        s.text(c.deck.classification(), MARGIN + 40, 170, 40, true, p.classification());
        String title = SlideKind.TITLE.title(c.locale());
        s.text(title, MARGIN + 40, 470, SlideText.fitSize(s, title, 1600, 120, true), true, p.text());
        s.fill(MARGIN + 40, 520, 240, 10, p.accent());
        s.text(c.period() + " · " + c.regionName(c.deck.query().regionCode()), MARGIN + 40, 640, 60, false, p.text());
        s.text(c.words.get("slide.cover.as_of", SlideFigures.asOf(c.deck)), MARGIN + 40, 730, 36, false, p.muted());
        String basis = c.words.get("slide.cover.basis");
        s.text(SlideText.fit(s, basis, 1600, 32, false), MARGIN + 40, 800, 32, false, p.muted());
    }
}
