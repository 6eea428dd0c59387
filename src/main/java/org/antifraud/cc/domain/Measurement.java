package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A stored figure: the value of an indicator for a region and a period, optionally for a campaign;
 * or a reported year-on-year change ({@code value} null, {@code changePct} set) where the source
 * publishes only the percentage. {@code source} is set for reported figures.
 */
public record Measurement(String indicatorCode, String regionCode, Period period, String campaignCode,
                          BigDecimal value, BigDecimal changePct, Basis basis, Qualifier qualifier,
                          Source source, String note) {

    public Measurement {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(basis, "basis");
        if (!period.isStorable()) {
            throw new IllegalArgumentException("a quarter is never stored: " + period);
        }
        if (value == null && changePct == null) {
            throw new IllegalArgumentException("a measurement needs a value or a change");
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("a value is never negative: " + value);
        }
    }

    public boolean hasValue() {
        return value != null;
    }

    public boolean hasReportedChange() {
        return changePct != null;
    }
}
