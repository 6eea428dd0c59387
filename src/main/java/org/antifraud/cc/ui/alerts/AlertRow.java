package org.antifraud.cc.ui.alerts;

/** One alert as the alerts list shows it, every text localized. {@code acknowledged} is empty while open. */
public record AlertRow(long id, String raisedAt, String indicator, String region, String period, String value,
                       String limit, String acknowledged, boolean open, boolean synthetic) {
}
