package org.antifraud.cc.ui.alerts;

/** One threshold as the thresholds table shows it, every text localized. */
public record ThresholdRow(long id, String indicator, String region, String grain, String rule, boolean enabled,
                           String enabledText, String createdBy) {
}
