package org.antifraud.cc.ui.common;

/** The two themes. They only re-point the palette; views use semantic tokens. */
public enum Theme {
    DARK("styles/theme-dark.css"),
    LIGHT("styles/theme-light.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }
}
