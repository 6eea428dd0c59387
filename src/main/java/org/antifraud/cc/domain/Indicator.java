package org.antifraud.cc.domain;

import java.util.Locale;

/**
 * An indicator of the catalog. {@code higherIsBetter} decides how a change is judged:
 * more arrests are good, fewer registered cases are good.
 */
public record Indicator(String code, IndicatorCategory category, Unit unit, String nameZh, String nameEn,
                        boolean higherIsBetter) {

    public String name(Locale locale) {
        return Lang.isChinese(locale) ? nameZh : nameEn;
    }

    /** How a value is read: a count, yuan, a percentage (issue 17's dissuasion rate), minutes (time to contact). */
    public enum Unit {
        COUNT, CNY, PCT, MINUTES
    }
}
