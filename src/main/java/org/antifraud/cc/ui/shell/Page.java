package org.antifraud.cc.ui.shell;

/** The pages of the main window, in navigation order. */
public enum Page {
    DASHBOARD, ENTRY, BRIEFING, ALERTS, SETTINGS
}
