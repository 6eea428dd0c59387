package org.antifraud.cc.domain;

/**
 * The length of a period. Quarters and ranges are queried but never stored: a quarter is its three
 * months, a range its whole months and remaining days.
 */
public enum Granularity {
    YEAR, QUARTER, MONTH, DAY, RANGE
}
