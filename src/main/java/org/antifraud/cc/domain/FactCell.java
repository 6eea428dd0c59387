package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * The sum of the day-grain facts stored for exactly one region (not its children) over one year,
 * month or day ({@code periodCode} as {@link Period#code()}), for one campaign ({@code ""} for none).
 */
public record FactCell(String indicatorCode, String regionCode, String periodCode, String campaignCode,
                       BigDecimal amount, long factCount, long syntheticCount) {

    public Figure figure() {
        return new Figure(amount, syntheticCount > 0 ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED, null, null);
    }
}
