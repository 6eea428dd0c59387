package org.antifraud.cc.domain;

/** The nation, a provincial-level division, or a battle zone (a group of provinces). */
public enum RegionKind {
    NATION, PROVINCE, ZONE
}
