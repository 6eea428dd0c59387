package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change to the day-grain rollups: {@code amount} added to an indicator for a region, a day and a
 * campaign ({@code ""} for none), made of {@code factCount} facts of which {@code syntheticCount} are
 * synthetic demo. Negative amounts and counts take facts away (an edited or deleted record).
 */
public record DayFact(String indicatorCode, String regionCode, LocalDate day, String campaignCode,
                      BigDecimal amount, long factCount, long syntheticCount) {

    public static final String NO_CAMPAIGN = "";

    public DayFact {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(amount, "amount");
        campaignCode = campaignCode == null ? NO_CAMPAIGN : campaignCode;
    }

    /** The same fact taken away. */
    public DayFact negate() {
        return new DayFact(indicatorCode, regionCode, day, campaignCode, amount.negate(), -factCount, -syntheticCount);
    }
}
