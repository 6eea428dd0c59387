package org.antifraud.cc.ui.common;

import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.antifraud.cc.domain.Lang;

/** The language and theme of the running application, shared by every ViewModel. */
public final class Appearance {
    private final ObjectProperty<Locale> locale;
    private final ObjectProperty<Theme> theme;

    public Appearance(Locale locale, Theme theme) {
        this.locale = new SimpleObjectProperty<>(this, "locale", Lang.closest(locale));
        this.theme = new SimpleObjectProperty<>(this, "theme", theme);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public I18n i18n() {
        return new I18n(locale.get());
    }
}
