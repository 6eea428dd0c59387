package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored threshold: what is watched ({@code indicatorCode}, {@code regionCode}, {@code cut}, {@code grain}; fixed
 * once created), when it counts as crossed ({@code kind}, {@code limit}), and whether it is evaluated at all.
 */
public record AlertThreshold(long id, String indicatorCode, String regionCode, InstructionCut cut, AlertGrain grain,
                             AlertKind kind, BigDecimal limit, boolean enabled, Instant createdAt, String createdBy) {

    public AlertThreshold {
        cut = cut == null ? InstructionCut.NONE : cut;
    }

    /** The part an operator enters. */
    public ThresholdSpec spec() {
        return new ThresholdSpec(indicatorCode, regionCode, cut, grain, kind, limit, enabled);
    }
}
