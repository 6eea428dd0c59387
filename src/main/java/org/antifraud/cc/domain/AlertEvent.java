package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One crossing of a threshold in one period: the value found, the previous period's value for a
 * {@link AlertKind#RISE_PCT} threshold ({@code null} otherwise), the limit as it was then, and whether
 * and by whom it was acknowledged. {@code basis} is that of the compared figures (never a mix of real and demo);
 * {@code partial} when the value was a computed figure covering only part of its key (then "at least"). {@code cut}
 * is the threshold's part of the warning instructions ({@link InstructionCut#NONE} for every other figure).
 */
public record AlertEvent(long id, long thresholdId, String indicatorCode, String regionCode, InstructionCut cut,
                         AlertGrain grain,
                         AlertKind kind, String periodCode, BigDecimal value, BigDecimal previousValue,
                         BigDecimal limit, Basis basis, boolean partial, Instant raisedAt, Instant acknowledgedAt,
                         String acknowledgedBy) {

    public AlertEvent {
        cut = cut == null ? InstructionCut.NONE : cut;
    }

    public boolean isDemo() {
        return basis == Basis.SYNTHETIC_DEMO;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The rise against the previous period in percent, one decimal; {@code null} when there is none. */
    public BigDecimal risePct() {
        if (previousValue == null || previousValue.signum() == 0) {
            return null;
        }
        return value.subtract(previousValue).multiply(BigDecimal.valueOf(100))
                .divide(previousValue, 1, RoundingMode.HALF_UP);
    }
}
