package org.antifraud.cc.domain;

import java.util.Map;

/** Every indicator for one region (a zone or a province), for the dashboard's period and campaign. */
public record RegionStats(String regionCode, Map<String, IndicatorStat> byIndicator) {

    public RegionStats {
        byIndicator = Map.copyOf(byIndicator);
    }

    public IndicatorStat stat(String indicatorCode) {
        return byIndicator.get(indicatorCode);
    }
}
