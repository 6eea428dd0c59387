package org.antifraud.cc.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;

/** The resource bundle of one language: {@code i18n/messages.properties} (English) and {@code _zh} (Chinese). */
public final class I18n {
    public static final String BUNDLE = "i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = Lang.closest(locale);
        this.bundle = bundle(this.locale);
    }

    /** No fallback to the system locale: English must stay English on a Chinese system. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, Lang.closest(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean isChinese() {
        return Lang.isChinese(locale);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A {@link Problem} as one localized line ({@code problem.<key>} filled with its arguments). */
    public String problem(Problem problem) {
        String pattern = getOrDefault("problem." + problem.key(), null);
        if (pattern == null) {
            return problem.getMessage();
        }
        Object[] args = problem.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Problem.Term term) {
                args[i] = getOrDefault("term." + term.key(), term.english());
            }
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The text for a key, or {@code fallback} when the bundle has none. */
    public String getOrDefault(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
