package org.antifraud.cc.domain;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the product: Chinese for zh-*, English otherwise. */
public final class Lang {
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private Lang() {
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** {@code zh} or {@code en} to a locale; throws {@link IllegalArgumentException} for anything else. */
    public static Locale fromTag(String tag) {
        return switch (tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language: " + tag + " (zh or en)");
        };
    }

    /** As {@link #fromTag}, empty for anything else (a hand-edited setting falls back rather than failing). */
    public static Optional<Locale> ofTag(String tag) {
        try {
            return Optional.of(fromTag(tag));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The product language closest to the given locale. */
    public static Locale closest(Locale locale) {
        return isChinese(locale) ? ZH : EN;
    }

    public static String tag(Locale locale) {
        return isChinese(locale) ? "zh" : "en";
    }
}
