package org.antifraud.cc.domain;

/** The length of a period. Quarters are queried but never stored: a quarter is its three months. */
public enum Granularity {
    YEAR, QUARTER, MONTH, DAY
}
