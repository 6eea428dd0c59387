package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * A value as the aggregation rule found it, with its basis; {@code source} only when the figure is one stored
 * reported measurement; {@code coverage} for a computed figure: which unit-months under its key are submitted
 * (issue 12). {@link #UNKNOWN} when nothing is known.
 */
public record Figure(BigDecimal value, Basis basis, Qualifier qualifier, Source source, Coverage coverage) {

    public static final Figure UNKNOWN = new Figure(null, null, null, null, null);

    public Figure(BigDecimal value, Basis basis, Qualifier qualifier, Source source) {
        this(value, basis, qualifier, source, null);
    }

    public boolean isKnown() {
        return value != null;
    }

    public boolean isDemo() {
        return basis == Basis.SYNTHETIC_DEMO;
    }

    /**
     * Whether the value is the whole figure for its key: a reported or demo value, or a computed one whose every
     * expected unit-month is submitted. {@code false} for an unknown figure.
     */
    public boolean isComplete() {
        return isKnown() && (basis != Basis.COMPUTED || coverage == null || coverage.isComplete());
    }

    /**
     * A computed sum that covers only part of its key: a lower bound, never to be shown as the key's total. A rate or
     * a median over part of its key is not one (its coverage says so: {@link Coverage#notABound}); it is shown as it
     * is, and its coverage says what it rests on.
     */
    public boolean isPartial() {
        return isKnown() && !isComplete() && (coverage == null || coverage.bounds());
    }

    public Figure withCoverage(Coverage c) {
        return new Figure(value, basis, qualifier, source, c);
    }
}
