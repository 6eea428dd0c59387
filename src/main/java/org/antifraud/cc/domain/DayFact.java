package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change to the day-grain rollups: {@code amount} added to an indicator for a region, a day and a
 * campaign ({@code ""} for none), made of {@code factCount} facts of which {@code syntheticCount} are
 * synthetic demo, worth {@code syntheticAmount} of the amount. Negative amounts and counts take facts away
 * (an edited or deleted record). The synthetic part travels apart so that a rollup cell holding real
 * records and demo facts of one day still splits into both (issue 12).
 */
public record DayFact(String indicatorCode, String regionCode, LocalDate day, String campaignCode,
                      BigDecimal amount, long factCount, long syntheticCount, BigDecimal syntheticAmount) {

    public static final String NO_CAMPAIGN = "";

    public DayFact {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(syntheticAmount, "syntheticAmount");
        campaignCode = campaignCode == null ? NO_CAMPAIGN : campaignCode;
        if (syntheticCount == 0 && syntheticAmount.signum() != 0) {
            throw new IllegalArgumentException("a synthetic amount without synthetic facts: " + syntheticAmount);
        }
    }

    /** One fact worth {@code amount}, real or synthetic demo as a whole. */
    public static DayFact one(String indicatorCode, String regionCode, LocalDate day, String campaignCode,
                              BigDecimal amount, boolean synthetic) {
        return new DayFact(indicatorCode, regionCode, day, campaignCode, amount, 1, synthetic ? 1 : 0,
                synthetic ? amount : BigDecimal.ZERO);
    }

    /** {@code factCount} facts worth {@code amount} together, all real or all synthetic demo. */
    public static DayFact all(String indicatorCode, String regionCode, LocalDate day, String campaignCode,
                              BigDecimal amount, long factCount, boolean synthetic) {
        return new DayFact(indicatorCode, regionCode, day, campaignCode, amount, factCount, synthetic ? factCount : 0,
                synthetic ? amount : BigDecimal.ZERO);
    }

    /** The same fact taken away. */
    public DayFact negate() {
        return new DayFact(indicatorCode, regionCode, day, campaignCode, amount.negate(), -factCount, -syntheticCount,
                syntheticAmount.negate());
    }
}
