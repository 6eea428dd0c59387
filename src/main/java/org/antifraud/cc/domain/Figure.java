package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * A value as the aggregation rule found it, with its basis; {@code source} only when the figure is
 * one stored reported measurement. {@link #UNKNOWN} when nothing is known.
 */
public record Figure(BigDecimal value, Basis basis, Qualifier qualifier, Source source) {

    public static final Figure UNKNOWN = new Figure(null, null, null, null);

    public boolean isKnown() {
        return value != null;
    }
}
