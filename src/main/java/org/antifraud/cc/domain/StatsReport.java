package org.antifraud.cc.domain;

import java.util.List;

/** Every requested indicator for one key, in catalog order. */
public record StatsReport(StatsQuery query, List<IndicatorStat> indicators) {
}
