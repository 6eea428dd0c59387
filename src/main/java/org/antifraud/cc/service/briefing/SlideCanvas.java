package org.antifraud.cc.service.briefing;

import java.util.Locale;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;

/**
 * One slide being painted: the deck, the surface, the colours, the catalog's names, and whether a demo figure has
 * been shown (the header then carries the badge). The pieces every slide shares live here too: the empty state and
 * the basis tag.
 */
final class SlideCanvas {
    final Deck deck;
    final SlideSurface surface;
    final SlidePalette palette;
    final Catalog catalog;
    final BriefingWords words;
    final boolean zh;
    boolean demo;

    SlideCanvas(Deck deck, SlideSurface surface, SlidePalette palette, Catalog catalog) {
        this.deck = deck;
        this.surface = surface;
        this.palette = palette;
        this.catalog = catalog;
        this.words = BriefingWords.of(deck.locale());
        this.zh = Lang.isChinese(deck.locale());
    }

    Locale locale() {
        return deck.locale();
    }

    String regionName(String code) {
        return catalog.region(code).map(r -> r.name(deck.locale())).orElse(code);
    }

    /** The deck's period, as the slides write it. */
    String period() {
        return words.period(deck.query().period());
    }

    /** Marks the box of a figure of the deck's region as the place to drill from ({@link SlideSurface#figure}). */
    void spot(double x, double y, double w, double h, String indicator) {
        spot(x, y, w, h, indicator, deck.query().regionCode());
    }

    /** As {@link #spot(double, double, double, double, String)}, for a figure of another region (a province, a zone). */
    void spot(double x, double y, double w, double h, String indicator, String regionCode) {
        spot(x, y, w, h, indicator, regionCode, null, null);
    }

    /**
     * As above, for a figure of its own period (a bar's month; null: the deck's) or campaign (a campaign's row; null:
     * the deck's). The spot is named for a screen reader: the indicator, the region, and the period and campaign where
     * they are not the deck's.
     */
    void spot(double x, double y, double w, double h, String indicator, String regionCode, Period period,
              String campaign) {
        StringBuilder label = new StringBuilder(catalog.indicator(indicator).map(i -> i.name(locale())).orElse(indicator));
        label.append(" \u00b7 ").append(regionName(regionCode));
        if (period != null) {
            label.append(" \u00b7 ").append(words.period(period));
        }
        if (campaign != null) {
            label.append(" \u00b7 ").append(catalog.campaign(campaign).map(c -> c.name(locale())).orElse(campaign));
        }
        surface.figure(new FigureSpot(x, y, w, h, indicator, regionCode, period, campaign, label.toString()));
    }

    /** Says that there is nothing to show, in the middle of the box. */
    void noData(double x, double y, double w, double h) {
        String text = words.get("slide.no_data_here");
        SlideText.centered(surface, text, x + w / 2, y + h / 2, 40, false, palette.muted());
    }

    /** A figure's basis under it: muted words, or a demo tag that stands out. */
    void basisTag(Basis basis, double x, double baseline) {
        String text = SlideFigures.basisText(basis, words);
        if (basis == Basis.SYNTHETIC_DEMO) {
            double w = surface.width(text, 24, true) + 24;
            surface.fill(x - 4, baseline - 26, w, 36, palette.demo());
            surface.text(text, x + 8, baseline, 24, true, palette.onDemo());
        } else {
            surface.text(text, x, baseline, 24, false, palette.muted());
        }
    }
}
