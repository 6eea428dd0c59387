package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * One campaign's result for one indicator: what it achieved by the aggregation rule, and against the
 * target where one was set ({@code target} and {@code pctOfTarget} null otherwise).
 */
public record CampaignRow(Campaign campaign, Indicator indicator, Period period, BigDecimal target,
                          Figure achieved, BigDecimal pctOfTarget) {
}
