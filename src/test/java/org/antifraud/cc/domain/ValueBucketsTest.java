package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** How figures fall into the map's six colour levels. */
class ValueBucketsTest {

    private static Map<Integer, Integer> countPerLevel(ValueBuckets b, List<Double> values) {
        Map<Integer, Integer> out = new TreeMap<>();
        values.forEach(v -> out.merge(b.level(v), 1, Integer::sum));
        return out;
    }

    @Test
    void thirtyOneProvincesFallIntoSixLevelsOfFiveOrSix() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            values.add(i * 10.0);
        }
        ValueBuckets b = ValueBuckets.quantile(values, 6);
        assertThat(countPerLevel(b, values)).containsOnlyKeys(0, 1, 2, 3, 4, 5)
                .allSatisfy((level, count) -> assertThat(count).isBetween(5, 6));
        assertThat(b.level(10)).isZero();
        assertThat(b.level(310)).isEqualTo(5);
    }

    @Test
    void oneHugeFigureDoesNotPushEveryOtherProvinceIntoTheLowestLevel() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            values.add((double) i);
        }
        values.add(1_000_000.0); // Guangdong-like outlier
        ValueBuckets b = ValueBuckets.quantile(values, 6);
        assertThat(b.level(1_000_000)).isEqualTo(5);
        assertThat(b.level(15)).isBetween(2, 3);
        assertThat(b.level(1)).isZero();
    }

    @Test
    void levelsNeverDecreaseAsValuesGrowAndEqualValuesShareALevel() {
        List<Double> values = Arrays.asList(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 9.0, 12.0, 12.0, 40.0, 41.0, 300.0);
        ValueBuckets b = ValueBuckets.quantile(values, 6);
        int previous = -1;
        for (double v : values.stream().sorted().toList()) {
            assertThat(b.level(v)).isGreaterThanOrEqualTo(previous);
            previous = b.level(v);
        }
        assertThat(b.level(12.0)).isEqualTo(b.level(12.0));
        assertThat(values.stream().filter(v -> v == 5.0).map(b::level).distinct().toList()).hasSize(1);
    }

    @Test
    void nullsAreNotFiguresAndNoFiguresMeansNoLevel() {
        ValueBuckets b = ValueBuckets.quantile(Arrays.asList(null, 3.0, null, Double.NaN), 6);
        assertThat(b.ranges()).hasSize(1);
        assertThat(b.level(3.0)).isEqualTo(5); // the only figure is the top
        ValueBuckets none = ValueBuckets.quantile(Arrays.asList(null, null), 6);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.level(1.0)).isEqualTo(-1);
        assertThat(none.ranges()).isEmpty();
    }

    @Test
    void fewFiguresSpanTheWholeRamp() {
        ValueBuckets b = ValueBuckets.quantile(List.of(1.0, 2.0, 3.0), 6);
        assertThat(List.of(b.level(1.0), b.level(2.0), b.level(3.0))).containsExactly(0, 3, 5);
    }

    @Test
    void rangesGiveEachOccupiedLevelItsSmallestAndLargestFigure() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            values.add((double) i);
        }
        List<ValueBuckets.Range> ranges = ValueBuckets.quantile(values, 6).ranges();
        assertThat(ranges).containsExactly(
                new ValueBuckets.Range(0, 1, 2), new ValueBuckets.Range(1, 3, 4), new ValueBuckets.Range(2, 5, 6),
                new ValueBuckets.Range(3, 7, 8), new ValueBuckets.Range(4, 9, 10), new ValueBuckets.Range(5, 11, 12));
    }
}
