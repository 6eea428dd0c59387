package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A threshold as an operator enters it, before it is stored; fields may be missing until it is checked. */
public record ThresholdSpec(String indicatorCode, String regionCode, AlertGrain grain, AlertKind kind,
                            BigDecimal limit, boolean enabled) {

    /** Whether it watches the same thing as {@code other}: the part that cannot change once created. */
    public boolean sameWatchAs(ThresholdSpec other) {
        return Objects.equals(indicatorCode, other.indicatorCode)
                && Objects.equals(regionCode, other.regionCode)
                && grain == other.grain && kind == other.kind;
    }
}
