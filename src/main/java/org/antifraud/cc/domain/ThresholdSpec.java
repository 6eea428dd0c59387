package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A threshold as an operator enters it, before it is stored; fields may be missing until it is checked. {@code cut}
 * narrows a figure of warning instructions to one tier and/or risk level ({@link InstructionCut#NONE}: all of them).
 */
public record ThresholdSpec(String indicatorCode, String regionCode, InstructionCut cut, AlertGrain grain,
                            AlertKind kind, BigDecimal limit, boolean enabled) {

    public ThresholdSpec {
        cut = cut == null ? InstructionCut.NONE : cut;
    }

    /** A threshold on the whole of a figure (no cut). */
    public ThresholdSpec(String indicatorCode, String regionCode, AlertGrain grain, AlertKind kind, BigDecimal limit,
                         boolean enabled) {
        this(indicatorCode, regionCode, InstructionCut.NONE, grain, kind, limit, enabled);
    }

    /** Whether it watches the same thing as {@code other}: the part that cannot change once created. */
    public boolean sameWatchAs(ThresholdSpec other) {
        return Objects.equals(indicatorCode, other.indicatorCode)
                && Objects.equals(regionCode, other.regionCode)
                && cut.equals(other.cut)
                && grain == other.grain && kind == other.kind;
    }
}
