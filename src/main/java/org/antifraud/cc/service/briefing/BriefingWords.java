package org.antifraud.cc.service.briefing;

import java.text.MessageFormat;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;

/**
 * The briefing's words (slides, narrative, Markdown) from the application's resource bundle: {@code slide.*},
 * {@code narrative.*}, {@code markdown.*} and {@code deck.*} keys of {@code i18n/messages*.properties}. A pattern
 * with arguments is a {@link MessageFormat}; callers pass numbers already written as text, so nothing is regrouped.
 */
final class BriefingWords {
    private static final String BUNDLE = "i18n.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    private BriefingWords(Locale locale) {
        this.locale = Lang.closest(locale);
        // no fallback to the system's language: an English briefing stays English on a Chinese system
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static BriefingWords of(Locale locale) {
        return new BriefingWords(locale);
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A period as a label: 2022年第3季度, Q3 2022. */
    String period(Period p) {
        return periodWords(p, "deck.period.year", "deck.period.quarter", "deck.period.month", "deck.period.day",
                "deck.period.range");
    }

    /** A period opening a sentence: 2022年第3季度, In Q3 2022. */
    String when(Period p) {
        return periodWords(p, "narrative.when.year", "narrative.when.quarter", "narrative.when.month",
                "narrative.when.day", "narrative.when.range");
    }

    /** Arguments: {0} the year, {1} the quarter or month number, {2} the month's English name, {3} the day. */
    private String periodWords(Period p, String year, String quarter, String month, String day, String range) {
        String y = String.valueOf(p.start().getYear());
        String m = String.valueOf(p.start().getMonthValue());
        String name = p.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return switch (p.granularity()) {
            case YEAR -> get(year, y);
            case QUARTER -> get(quarter, y, String.valueOf((p.start().getMonthValue() - 1) / 3 + 1));
            case MONTH -> get(month, y, m, name);
            case DAY -> get(day, y, m, name, String.valueOf(p.start().getDayOfMonth()));
            case RANGE -> get(range, p.start().toString(), p.end().toString());
        };
    }
}
