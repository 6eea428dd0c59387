package org.antifraud.cc.ui.alerts;

/** What a pop-up notification says about new alerts. */
public record AlertNotice(String title, String text) {
}
