package org.antifraud.cc.ui.dashboard;

import org.antifraud.cc.domain.IndicatorCategory;

/**
 * What one KPI tile shows, already localized. {@code changeGood} is null when there is no change or it
 * is flat; {@code synthetic} when synthetic demo data contributes to the value or the change.
 */
public record KpiTile(String code, IndicatorCategory category, boolean headline, String name,
                      String valueText, boolean known, String unitText, String fullValueText,
                      String basisCode, String basisText,
                      String changeText, Boolean changeGood, String changeBasisText,
                      boolean synthetic, String tooltip) {
}
