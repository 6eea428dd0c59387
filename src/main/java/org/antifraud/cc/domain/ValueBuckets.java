package org.antifraud.cc.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Equal-count (quantile) classes of a set of figures, for colouring a map. Province figures are
 * heavily skewed (one or two provinces dwarf the rest), so equal-width classes would paint almost
 * every tile in the lowest colour; equal-count classes keep the ranking visible.
 *
 * <p>The level of a value is its rank (how many figures are strictly smaller) scaled to the levels:
 * {@code floor(rank * levels / n)}. Equal values always share a level. With fewer figures than
 * levels the ranks are spread over the whole ramp, so the largest figure is always the top level and
 * the smallest always level 0; a single figure is the top level. Nulls and NaN are not figures.
 */
public final class ValueBuckets {
    /** The figures that fell into one level: its smallest and largest. */
    public record Range(int level, double min, double max) {
    }

    private final double[] sorted;
    private final int levels;

    private ValueBuckets(double[] sorted, int levels) {
        this.sorted = sorted;
        this.levels = levels;
    }

    public static ValueBuckets quantile(Collection<Double> values, int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be positive: " + levels);
        }
        double[] figures = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        return new ValueBuckets(figures, levels);
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The level (0 = lowest) of a value; -1 if there are no figures at all. */
    public int level(double value) {
        int n = sorted.length;
        if (n == 0) {
            return -1;
        }
        int rank = lowerBound(value);
        int level;
        if (n == 1) {
            level = value < sorted[0] ? 0 : levels - 1;
        } else if (n < levels) {
            level = (int) Math.round(rank * (levels - 1) / (double) (n - 1));
        } else {
            level = (int) Math.floor(rank * (double) levels / n);
        }
        return Math.clamp(level, 0, levels - 1);
    }

    /** The occupied levels in ascending order, each with the range of its figures. */
    public List<Range> ranges() {
        List<Range> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int level = level(sorted[i]);
            double min = sorted[i];
            double max = min;
            while (i < sorted.length && level(sorted[i]) == level) {
                max = sorted[i];
                i++;
            }
            out.add(new Range(level, min, max));
        }
        return out;
    }

    private int lowerBound(double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "ValueBuckets" + Arrays.toString(sorted);
    }
}
