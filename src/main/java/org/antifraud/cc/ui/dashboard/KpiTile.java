package org.antifraud.cc.ui.dashboard;

import org.antifraud.cc.domain.IndicatorCategory;

/**
 * What one KPI tile shows, already localized. {@code changeGood} is null when there is no change or it
 * is flat; {@code synthetic} when synthetic demo data contributes to the value or the change; {@code noteText} what a
 * computed value covers or the records so far beside a reported total (empty for none); {@code partial} when the
 * value is a lower bound, not the key's total; {@code changeOfTotal} when the change belongs to a reported total,
 * not to the value shown (issue 12).
 */
public record KpiTile(String code, IndicatorCategory category, boolean headline, String name,
                      String valueText, boolean known, String unitText, String fullValueText,
                      String basisCode, String basisText,
                      String changeText, Boolean changeGood, String changeBasisText,
                      boolean synthetic, String tooltip, String noteText, boolean partial, boolean changeOfTotal) {
}
