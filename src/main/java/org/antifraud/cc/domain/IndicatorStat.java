package org.antifraud.cc.domain;

/**
 * One indicator for one key: its value, last year's (of the same layer: real or demo), the change ({@code null}
 * when there is none) and, where the value is a reported total, the records entered under the key so far
 * ({@link Figure#UNKNOWN} otherwise).
 */
public record IndicatorStat(Indicator indicator, Figure value, Figure previous, Change change, Figure recordsSoFar) {

    public IndicatorStat(Indicator indicator, Figure value, Figure previous, Change change) {
        this(indicator, value, previous, change, Figure.UNKNOWN);
    }
}
