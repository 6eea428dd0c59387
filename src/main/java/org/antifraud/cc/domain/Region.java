package org.antifraud.cc.domain;

import java.util.Locale;

/** A region of the catalog: {@code CN}, a province such as {@code CN-GD}, or a zone such as {@code ZONE-EAST}. */
public record Region(String code, RegionKind kind, String parentCode, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return Lang.isChinese(locale) ? nameZh : nameEn;
    }
}
