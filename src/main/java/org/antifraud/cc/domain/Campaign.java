package org.antifraud.cc.domain;

import java.util.Locale;

/** A named campaign or operation (断链, 拔钉, a regional battle, a cluster battle …). */
public record Campaign(String code, String kind, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return Lang.isChinese(locale) ? nameZh : nameEn;
    }
}
