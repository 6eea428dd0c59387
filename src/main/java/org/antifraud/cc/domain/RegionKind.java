package org.antifraud.cc.domain;

/**
 * The nation, a provincial-level division that reports to the campaign (the 31), a battle zone (a group of
 * provinces), or a provincial-level unit that reports nothing to it (Taiwan, Hong Kong, Macao: on the map only,
 * never in a sum or a count of provinces).
 */
public enum RegionKind {
    NATION, PROVINCE, ZONE, NON_REPORTING
}
