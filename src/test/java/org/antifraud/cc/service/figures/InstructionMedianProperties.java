package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RiskLevel;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The median minutes to contact is read off coarse buckets and then the exact minutes of one bucket
 * ({@link InstructionCellIndex}, ADR 0040): for any cells, provinces and periods it must equal PostgreSQL's
 * {@code percentile_cont(0.5)} over every contact time itself — odd and even counts, middles in one bucket or two,
 * minutes below the exact range, far above it, and exactly on a bucket's edge.
 */
class InstructionMedianProperties {
    private static final List<String> PROVINCES = List.of("CN-AA", "CN-BB", "CN-CC", "CN-DD");

    @Property(tries = 400, seed = "20221201")
    void theMedianOffTheBucketsIsTheMedianOfEveryContactTime(@ForAll long seed) {
        Random random = new Random(seed);
        List<InstructionCell> cells = new ArrayList<>();
        List<long[]> minutesOf = new ArrayList<>(); // province index, month, minutes
        int spread = List.of(10, 70, 300, 5_000, 200_000).get(random.nextInt(5));
        for (int p = 0; p < PROVINCES.size(); p++) {
            for (int month = 1; month <= 12; month++) {
                for (InstructionTier tier : InstructionTier.values()) {
                    for (RiskLevel risk : RiskLevel.values()) {
                        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                        if (n == 0) {
                            continue;
                        }
                        Period span = Period.month(YearMonth.of(2022, month));
                        InstructionCell.Builder b = new InstructionCell.Builder(span, PROVINCES.get(p), tier, risk,
                                false);
                        LocalDateTime issued = span.start().atTime(10, 0);
                        for (int i = 0; i < n; i++) {
                            long minutes = edgeOrRandom(random, spread);
                            b.add(issued, issued.plusMinutes(minutes), InstructionOutcome.DISSUADED, null);
                            minutesOf.add(new long[] {p, month, minutes});
                        }
                        cells.add(b.build());
                    }
                }
            }
        }
        InstructionCellIndex index = new InstructionCellIndex(cells);
        Set<String> provinces = new HashSet<>();
        for (int p = 0; p < PROVINCES.size(); p++) {
            if (random.nextBoolean() || provinces.isEmpty() && p == PROVINCES.size() - 1) {
                provinces.add(PROVINCES.get(p));
            }
        }
        int first = 1 + random.nextInt(12);
        int last = first + random.nextInt(13 - first);
        Period period = Period.range(YearMonth.of(2022, first).atDay(1), YearMonth.of(2022, last).atEndOfMonth());

        List<Long> expected = new ArrayList<>();
        for (long[] m : minutesOf) {
            if (provinces.contains(PROVINCES.get((int) m[0])) && m[1] >= first && m[1] <= last) {
                expected.add(m[2]);
            }
        }
        BigDecimal median = InstructionCellIndex.median(index.within(provinces, period, false));
        assertThat(median).isEqualTo(percentileCont(expected));
    }

    /** A contact time: often on or next to a bucket's edge, else anywhere up to {@code spread}. */
    private static long edgeOrRandom(Random random, int spread) {
        if (random.nextInt(3) == 0) {
            int b = random.nextInt(140);
            return Math.max(0, InstructionCellIndex.bucketStart(b) + random.nextInt(3) - 1);
        }
        return random.nextInt(spread);
    }

    private static BigDecimal percentileCont(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        long low = sorted.get((n - 1) / 2);
        long high = sorted.get(n / 2);
        return BigDecimal.valueOf(low + high).divide(BigDecimal.valueOf(2)).setScale(1, RoundingMode.HALF_UP);
    }

    @Property(tries = 200, seed = "20221202")
    void everyMinuteFallsInTheBucketWhoseRangeHoldsIt(@ForAll long seed) {
        long minute = Math.abs(new Random(seed).nextLong() % 50_000_000L);
        int b = InstructionCellIndex.bucket(minute);
        assertThat(InstructionCellIndex.bucketStart(b)).isLessThanOrEqualTo(minute);
        assertThat(InstructionCellIndex.bucketStart(b + 1)).isGreaterThan(minute);
    }
}
