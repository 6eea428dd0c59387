package org.antifraud.cc.domain;

/** The four lines of work the report describes. */
public enum IndicatorCategory {
    CRACKDOWN, PREVENTION, GOVERNANCE, PUBLICITY
}
