package org.antifraud.cc.domain;

import java.util.List;
import java.util.Locale;

/** A region of the catalog: {@code CN}, a province such as {@code CN-GD}, or a zone such as {@code ZONE-EAST}. */
public record Region(String code, RegionKind kind, String parentCode, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return Lang.isChinese(locale) ? nameZh : nameEn;
    }

    /** The Chinese name without its administrative suffix, for a map tile: 广东, 内蒙古, 新疆 (at least two characters). */
    public String shortNameZh() {
        for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")) {
            if (nameZh.endsWith(suffix) && nameZh.length() > suffix.length() + 1) {
                return nameZh.substring(0, nameZh.length() - suffix.length());
            }
        }
        return nameZh;
    }

    /** The English name without a parenthesis, for a map tile: Xizang. */
    public String shortNameEn() {
        int paren = nameEn.indexOf(" (");
        return paren > 0 ? nameEn.substring(0, paren) : nameEn;
    }

    /** The map tile's name in the window's language. */
    public String shortName(Locale locale) {
        return Lang.isChinese(locale) ? shortNameZh() : shortNameEn();
    }
}
