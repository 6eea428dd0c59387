package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Every requested indicator for one key, in catalog order; {@code dataAsOf} the latest day the figures cover (issue
 * 12: the data's date, never the day it is read), or null when nothing is known.
 */
public record StatsReport(StatsQuery query, List<IndicatorStat> indicators, LocalDate dataAsOf) {

    public StatsReport(StatsQuery query, List<IndicatorStat> indicators) {
        this(query, indicators, null);
    }
}
