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

    public enum Unit {
        COUNT, CNY
    }
}
