package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * The sum of the day-grain facts stored for exactly one region (not its children) over one year, month or day
 * ({@code periodCode} as {@link Period#code()}), for one campaign ({@code ""} for none): {@code factCount} facts,
 * of which {@code syntheticCount} synthetic demo worth {@code syntheticAmount}. The real and the demo part are
 * read apart: they are never added (issue 12).
 */
public record FactCell(String indicatorCode, String regionCode, String periodCode, String campaignCode,
                       BigDecimal amount, long factCount, long syntheticCount, BigDecimal syntheticAmount) {

    /** The real records' part, computed; unknown when every fact is synthetic. */
    public Figure real() {
        return factCount - syntheticCount > 0
                ? new Figure(amount.subtract(syntheticAmount), Basis.COMPUTED, null, null) : Figure.UNKNOWN;
    }

    /** The synthetic demo part; unknown when no fact is synthetic. */
    public Figure demo() {
        return syntheticCount > 0 ? new Figure(syntheticAmount, Basis.SYNTHETIC_DEMO, null, null) : Figure.UNKNOWN;
    }
}
