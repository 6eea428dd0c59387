package org.antifraud.cc.ui.common;

import java.util.Locale;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

import org.antifraud.cc.domain.Lang;

/**
 * Binds theme and language toggles (menu items or radio buttons) to {@link Appearance} both ways, so
 * the View menu and the Settings page always show the same choice.
 */
public final class AppearanceToggles {
    private final ChangeListener<Theme> themeListener;
    private final ChangeListener<Locale> localeListener;

    private AppearanceToggles(Appearance appearance, Toggle dark, Toggle light, Toggle zh, Toggle en) {
        ToggleGroup themes = new ToggleGroup();
        dark.setToggleGroup(themes);
        light.setToggleGroup(themes);
        ToggleGroup langs = new ToggleGroup();
        zh.setToggleGroup(langs);
        en.setToggleGroup(langs);

        themeListener = (obs, old, now) -> (now == Theme.LIGHT ? light : dark).setSelected(true);
        localeListener = (obs, old, now) -> (Lang.isChinese(now) ? zh : en).setSelected(true);
        themeListener.changed(null, null, appearance.themeProperty().get());
        localeListener.changed(null, null, appearance.localeProperty().get());
        appearance.themeProperty().addListener(new WeakChangeListener<>(themeListener));
        appearance.localeProperty().addListener(new WeakChangeListener<>(localeListener));

        themes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                appearance.themeProperty().set(now == light ? Theme.LIGHT : Theme.DARK);
            }
        });
        langs.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                appearance.localeProperty().set(now == zh ? Lang.ZH : Lang.EN);
            }
        });
    }

    /** The returned object must be kept by the view: the Appearance holds its listeners weakly. */
    public static AppearanceToggles bind(Appearance appearance, Toggle dark, Toggle light, Toggle zh, Toggle en) {
        return new AppearanceToggles(appearance, dark, light, zh, en);
    }
}
