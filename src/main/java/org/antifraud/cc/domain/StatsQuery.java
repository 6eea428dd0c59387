package org.antifraud.cc.domain;

/** The key the aggregation rule is asked about; {@code campaignCode} null means every campaign and none. */
public record StatsQuery(Period period, String regionCode, String campaignCode) {
}
