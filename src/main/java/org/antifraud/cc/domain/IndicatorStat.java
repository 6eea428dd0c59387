package org.antifraud.cc.domain;

/** One indicator for one key: its value, last year's, and the change ({@code null} when there is none). */
public record IndicatorStat(Indicator indicator, Figure value, Figure previous, Change change) {
}
