package org.antifraud.cc.domain;

import java.time.YearMonth;
import java.util.BitSet;

/**
 * What a computed figure covers: which of the expected unit-months (reporting units under its region × months of
 * its period) are submitted (issue 12). Unit-month (u, m) is bit {@code (m - origin) * UNITS + u}, months counted
 * from {@code origin}; {@link #rebase} to a period's first month makes the coverage of the same key a year earlier
 * compare bit for bit ("like for like").
 */
public final class Coverage {
    /** More than the 31 provincial-level units, so that a unit index never spills into the next month. */
    public static final int UNITS = 64;

    private final int origin;
    private final BitSet submitted;
    private final int expected;
    private final int units;
    /** The units (by index) that have any data under the figure, submitted or not. */
    private final long unitsWithData;
    /**
     * Whether a figure that covers part of its key is a lower bound of the key's (a sum: more records can only add);
     * false for a rate or a median over the records so far (issue 17), which more records may move either way.
     */
    private final boolean bound;

    private Coverage(int origin, BitSet submitted, int expected, int units, long unitsWithData) {
        this(origin, submitted, expected, units, unitsWithData, true);
    }

    private Coverage(int origin, BitSet submitted, int expected, int units, long unitsWithData, boolean bound) {
        this.origin = origin;
        this.submitted = submitted;
        this.expected = expected;
        this.units = units;
        this.unitsWithData = unitsWithData;
        this.bound = bound;
    }

    /** The same coverage for a figure that is not a sum (a rate, a median): partial, it bounds nothing. */
    public Coverage notABound() {
        return new Coverage(origin, submitted, expected, units, unitsWithData, false);
    }

    /** Whether a partial figure of this coverage is a lower bound of its key's (see {@link #notABound}). */
    public boolean bounds() {
        return bound;
    }

    /** A month as a number: months since year 0. */
    public static int monthNo(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** The unit-months of {@code unitIndexes} × the months {@code first..last} that {@code submitted} says are in. */
    public static Coverage of(int[] unitIndexes, YearMonth first, YearMonth last, UnitMonthTest submitted) {
        BitSet bits = new BitSet();
        int origin = monthNo(first);
        int months = monthNo(last) - origin + 1;
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            for (int u : unitIndexes) {
                if (submitted.test(u, month)) {
                    bits.set(m * UNITS + u);
                }
            }
        }
        return new Coverage(origin, bits, unitIndexes.length * months, unitIndexes.length, 0L);
    }

    /** The same coverage, noting that {@code unitIndexes} have data under the figure. */
    public Coverage withData(int[] unitIndexes) {
        long mask = unitsWithData;
        for (int u : unitIndexes) {
            mask |= 1L << u;
        }
        return new Coverage(origin, submitted, expected, units, mask, bound);
    }

    /** Every unit-month of {@code unitIndexes} × {@code first..last}: a stored figure stands for all of them. */
    public static Coverage full(int[] unitIndexes, YearMonth first, YearMonth last) {
        return of(unitIndexes, first, last, (u, m) -> true).withData(unitIndexes);
    }

    /** Whether a unit (by index) has submitted a month. */
    @FunctionalInterface
    public interface UnitMonthTest {
        boolean test(int unitIndex, YearMonth month);
    }

    /**
     * The union of parts that cover disjoint unit-months (other units over the same months, or other months of the
     * same units); {@code partsAreUnits} says whether the parts are other units (children) or other months.
     */
    public static Coverage union(Iterable<Coverage> parts, boolean partsAreUnits) {
        int origin = Integer.MAX_VALUE;
        for (Coverage c : parts) {
            origin = Math.min(origin, c.origin);
        }
        BitSet bits = new BitSet();
        int expected = 0;
        int units = 0;
        long withData = 0;
        for (Coverage c : parts) {
            withData |= c.unitsWithData;
            int shift = (c.origin - origin) * UNITS;
            for (int i = c.submitted.nextSetBit(0); i >= 0; i = c.submitted.nextSetBit(i + 1)) {
                bits.set(i + shift);
            }
            expected += c.expected;
            units = partsAreUnits ? units + c.units : Math.max(units, c.units);
        }
        return new Coverage(origin == Integer.MAX_VALUE ? 0 : origin, bits, expected, units, withData);
    }

    /** The same unit-months counted from {@code first} (the first month of the figure's period). */
    public Coverage rebase(YearMonth first) {
        int newOrigin = monthNo(first);
        if (newOrigin == origin) {
            return this;
        }
        BitSet bits = new BitSet();
        int shift = (origin - newOrigin) * UNITS;
        for (int i = submitted.nextSetBit(0); i >= 0; i = submitted.nextSetBit(i + 1)) {
            if (i + shift >= 0) {
                bits.set(i + shift);
            }
        }
        return new Coverage(newOrigin, bits, expected, units, unitsWithData, bound);
    }

    public int submitted() {
        return submitted.cardinality();
    }

    public int expected() {
        return expected;
    }

    public boolean isComplete() {
        return submitted() == expected;
    }

    /** How many reporting units have any data under the figure (records or statistics), submitted or not. */
    public int unitsWithData() {
        return Long.bitCount(unitsWithData);
    }

    /** How many reporting units the figure's region has. */
    public int unitsExpected() {
        return units;
    }

    /** Whether both cover the same unit-months, each counted from its own origin (the same key a year apart). */
    public boolean sameUnitMonths(Coverage other) {
        return other != null && expected == other.expected && submitted.equals(other.submitted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage c && c.origin == origin && c.expected == expected && c.units == units
                && c.unitsWithData == unitsWithData && c.submitted.equals(submitted);
    }

    @Override
    public int hashCode() {
        return (submitted.hashCode() * 31 + expected) * 31 + origin;
    }

    @Override
    public String toString() {
        return submitted() + "/" + expected;
    }
}
