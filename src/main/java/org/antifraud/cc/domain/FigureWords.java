package org.antifraud.cc.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one wording of what a figure covers and what its change belongs to (issue 12), for every output: tiles,
 * tables, map, alerts, slides, narrative, Markdown. A partial figure reads "≥ 12 · 1 of 31 provinces reporting",
 * never as a total; a change reported for a total that is not the value shown reads "reported total +64.4%".
 * The words come from the application's resource bundle ({@code figure.*} keys).
 */
public final class FigureWords {
    private static final String BUNDLE = "i18n.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    private FigureWords(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The words of the language closest to {@code locale} (no fallback to the system's language). */
    public static FigureWords of(Locale locale) {
        Locale closest = Lang.closest(locale);
        return new FigureWords(ResourceBundle.getBundle(BUNDLE, closest,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), closest);
    }

    private String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** {@code formatted} as the figure stands: a partial figure is a lower bound ("≥ 12"). */
    public String value(Figure f, String formatted) {
        return f.isPartial() ? get("figure.partial.value", formatted) : formatted;
    }

    /**
     * What a computed figure covers, short: "1 of 31 provinces reporting" (a region of many provinces, nothing
     * submitted yet), "371 of 372 province-months submitted" (some submitted), "3 of 12 months submitted" (one
     * province), "all submitted" (complete); empty for a reported, demo or unknown figure.
     */
    public String coverage(Figure f) {
        if (!f.isKnown() || f.basis() != Basis.COMPUTED || f.coverage() == null) {
            return "";
        }
        Coverage c = f.coverage();
        if (c.isComplete()) {
            return get("figure.coverage.complete");
        }
        if (c.unitsExpected() == 1) {
            return get("figure.coverage.months", c.submitted(), c.expected());
        }
        // nothing submitted yet: how many provinces the records come from; else how much is submitted
        return c.submitted() == 0 ? get("figure.coverage.units", c.unitsWithData(), c.unitsExpected())
                : get("figure.coverage.unit_months", c.submitted(), c.expected());
    }

    /** The unit-months behind {@link #coverage}: "0 of 372 province-months submitted"; empty where it has none. */
    public String coverageDetail(Figure f) {
        if (!f.isKnown() || f.basis() != Basis.COMPUTED || f.coverage() == null) {
            return "";
        }
        String detail = get("figure.coverage.detail", f.coverage().submitted(), f.coverage().expected());
        return f.isPartial() ? detail + " " + get("figure.partial.note") : detail;
    }

    /** A change as it may be read: of the value, like for like, or of a reported total that is not the value. */
    public String change(Change c, String formatted) {
        if (c.of() == ChangeOf.REPORTED_TOTAL) {
            return get("figure.change.reported_total", formatted);
        }
        return c.likeForLike() ? get("figure.change.like_for_like", formatted) : formatted;
    }

    /** The label of a change that is not the value's own ("reported total"), or empty for one that is. */
    public String changeLabel(Change c) {
        return c.of() == ChangeOf.REPORTED_TOTAL ? get("figure.change.reported_total.label") : "";
    }

    /** The records entered under a reported total: "records so far: ≥ 12 (1 of 31 provinces reporting)". */
    public String recordsSoFar(Figure records, String formatted) {
        String coverage = coverage(records);
        String value = value(records, formatted);
        return get("figure.records_so_far", coverage.isEmpty() ? value : value + " (" + coverage + ")");
    }

    /** The same, short, where there is room for one line only: "records so far: ≥ 12" (the "≥" says partial). */
    public String recordsSoFarShort(Figure records, String formatted) {
        return get("figure.records_so_far", value(records, formatted));
    }

    /** The word for a demo figure where it stands. */
    public String demo() {
        return get("kpi.synthetic");
    }
}
