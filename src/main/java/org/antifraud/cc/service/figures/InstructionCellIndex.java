package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.Period;

/**
 * The warning instructions' cells one load read (ADR 0040), grouped as every figure looks at them: by province, and
 * within a province by span (a month, or the days a period cuts) and layer — each group all tiers and risk levels of
 * one province's span. A load computes hundreds of medians over these (the headline, each zone and province, this
 * year and last, each province's twelve months); each group sums its contact times once into coarse buckets, so a
 * median adds a few hundred numbers per group and reads exact minutes only in the bucket where the middle falls.
 * Not shared between threads.
 */
public final class InstructionCellIndex {
    /** Minutes below this each have a bucket of their own; above, eight buckets to every doubling. */
    static final int EXACT = 64;

    /** The province, span and layer of some cells, with their contact times in coarse buckets (worked out once). */
    static final class Group {
        final String province;
        final Period span;
        final boolean synthetic;
        final List<InstructionCell> cells = new ArrayList<>();
        private long[] buckets;
        private long contacted;

        Group(String province, Period span, boolean synthetic) {
            this.province = province;
            this.span = span;
            this.synthetic = synthetic;
        }

        private InstructionSla totalsSla;
        private LocalDateTime totalsAsOf;
        private Totals totals;

        /**
         * The group's counts, money and breaches (late contacts under {@code sla}, and those nobody has reached whose
         * limit passed before {@code asOf}): worked out once for a load's limits and present, then read by every
         * figure the group is part of.
         */
        Totals totals(InstructionSla sla, LocalDateTime asOf) {
            if (totals == null || !sla.equals(totalsSla) || !asOf.equals(totalsAsOf)) {
                long issued = 0;
                long dissuaded = 0;
                long decided = 0;
                long fundsCount = 0;
                long breaches = 0;
                BigDecimal funds = BigDecimal.ZERO;
                for (InstructionCell c : cells) {
                    issued += c.issued();
                    dissuaded += c.dissuaded();
                    decided += c.decided();
                    fundsCount += c.fundsCount();
                    funds = funds.add(c.funds());
                    int limit = sla.minutes(c.risk());
                    breaches += c.contactedAfter(limit);
                    // nobody reached yet, and the limit has passed
                    breaches += c.pendingIssuedBefore(asOf.minusMinutes(limit));
                }
                totals = new Totals(issued, dissuaded, decided, fundsCount, funds, breaches);
                totalsSla = sla;
                totalsAsOf = asOf;
            }
            return totals;
        }

        private long[] buckets() {
            if (buckets == null) {
                int top = 0;
                for (InstructionCell c : cells) {
                    long[] keys = c.minuteKeys();
                    if (keys.length > 0) {
                        top = Math.max(top, bucket(keys[keys.length - 1]) + 1);
                    }
                }
                long[] b = new long[top];
                long n = 0;
                for (InstructionCell c : cells) {
                    long[] keys = c.minuteKeys();
                    long[] counts = c.minuteCounts();
                    for (int i = 0; i < keys.length; i++) {
                        b[bucket(keys[i])] += counts[i];
                        n += counts[i];
                    }
                }
                contacted = n;
                buckets = b;
            }
            return buckets;
        }
    }

    /** A group's sums: issued, dissuaded, decided (an outcome other than pending), with money, money, breaches. */
    record Totals(long issued, long dissuaded, long decided, long fundsCount, BigDecimal funds, long breaches) {
        static final Totals NONE = new Totals(0, 0, 0, 0, BigDecimal.ZERO, 0);

        Totals plus(Totals o) {
            return new Totals(issued + o.issued, dissuaded + o.dissuaded, decided + o.decided,
                    fundsCount + o.fundsCount, funds.add(o.funds), breaches + o.breaches);
        }
    }

    private final Map<String, List<Group>> byProvince = new HashMap<>();

    /** Groups {@code cells} (of any provinces, spans and layers; spans of one province and layer do not overlap). */
    public InstructionCellIndex(Collection<InstructionCell> cells) {
        Map<String, Map<GroupKey, Group>> groups = new HashMap<>();
        for (InstructionCell c : cells) {
            groups.computeIfAbsent(c.regionCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(new GroupKey(c.span().start(), c.span().end(), c.synthetic()),
                            k -> new Group(c.regionCode(), c.span(), c.synthetic()))
                    .cells.add(c);
        }
        groups.forEach((province, byKey) -> byProvince.put(province, new ArrayList<>(byKey.values())));
    }

    private record GroupKey(LocalDate start, LocalDate end, boolean synthetic) {
    }

    /** Whether {@code province} has any cell here. */
    boolean has(String province) {
        return byProvince.containsKey(province);
    }

    /**
     * The groups of {@code provinces} and {@code synthetic}'s layer within {@code period}. A cell that overlaps the
     * period in part is a fault of the read (every period's months are whole cells or split into days).
     */
    List<Group> within(Set<String> provinces, Period period, boolean synthetic) {
        List<Group> in = new ArrayList<>();
        for (String province : provinces) {
            for (Group g : byProvince.getOrDefault(province, List.of())) {
                if (g.synthetic != synthetic) {
                    continue;
                }
                if (period.contains(g.span)) {
                    in.add(g);
                } else if (!g.span.end().isBefore(period.start()) && !g.span.start().isAfter(period.end())) {
                    throw new IllegalStateException("a cell of " + g.span + " overlaps " + period + " in part");
                }
            }
        }
        return in;
    }

    /** The coarse bucket of a contact time in minutes: exact below {@value #EXACT}, then eight to every doubling. */
    static int bucket(long minute) {
        if (minute < EXACT) {
            return (int) minute;
        }
        int octave = 63 - Long.numberOfLeadingZeros(minute); // 6 or more
        int eighth = (int) ((minute >>> (octave - 3)) & 7);
        return EXACT + (octave - 6) * 8 + eighth;
    }

    /** The first minute of bucket {@code b}. */
    static long bucketStart(int b) {
        if (b < EXACT) {
            return b;
        }
        int octave = (b - EXACT) / 8 + 6;
        int eighth = (b - EXACT) % 8;
        return (8L + eighth) << (octave - 3);
    }

    private static final ThreadLocal<long[]> SUMS = ThreadLocal.withInitial(() -> new long[256]);
    private static final ThreadLocal<long[]> DENSE = ThreadLocal.withInitial(() -> new long[4096]);

    /**
     * The median contact minutes over {@code groups} as PostgreSQL's {@code percentile_cont(0.5)} (the mean of the
     * two middle values when their number is even), exact; null if nobody was contacted.
     */
    static BigDecimal median(List<Group> groups) {
        long n = 0;
        int top = 0;
        for (Group g : groups) {
            long[] b = g.buckets();
            n += g.contacted;
            top = Math.max(top, b.length);
        }
        if (n == 0) {
            return null;
        }
        long[] sums = SUMS.get();
        if (sums.length < top) {
            sums = new long[Math.max(top, 2 * sums.length)];
            SUMS.set(sums);
        }
        Arrays.fill(sums, 0, top, 0);
        for (Group g : groups) {
            long[] b = g.buckets();
            for (int i = 0; i < b.length; i++) {
                sums[i] += b[i];
            }
        }
        long lowRank = (n - 1) / 2; // 0-based ranks of the two middle values (the same one when n is odd)
        long highRank = n / 2;
        long low = -1;
        long high = -1;
        long seen = 0;
        for (int i = 0; i < top && high < 0; i++) {
            long next = seen + sums[i];
            if (low < 0 && lowRank < next) {
                low = valueAt(groups, i, lowRank - seen);
            }
            if (highRank < next) {
                high = highRank == lowRank ? low : valueAt(groups, i, highRank - seen);
            }
            seen = next;
        }
        return BigDecimal.valueOf(low + high).divide(BigDecimal.valueOf(2)).setScale(1, RoundingMode.HALF_UP);
    }

    /** The contact minute of 0-based rank {@code rank} among those of bucket {@code b} over {@code groups}. */
    private static long valueAt(List<Group> groups, int b, long rank) {
        long from = bucketStart(b);
        long until = bucketStart(b + 1);
        long width = until - from;
        if (width > 1 << 20) { // minutes of years: a map, not an array
            TreeMap<Long, Long> in = new TreeMap<>();
            forEachIn(groups, from, until, (m, k) -> in.merge(m, k, Long::sum));
            long seen = 0;
            for (Map.Entry<Long, Long> e : in.entrySet()) {
                seen += e.getValue();
                if (rank < seen) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("unreachable: the bucket holds the rank");
        }
        long[] dense = DENSE.get();
        if (dense.length < width) {
            dense = new long[(int) width];
            DENSE.set(dense);
        }
        long[] counts = dense;
        Arrays.fill(counts, 0, (int) width, 0);
        forEachIn(groups, from, until, (m, k) -> counts[(int) (m - from)] += k);
        long seen = 0;
        for (int i = 0; i < width; i++) {
            seen += counts[i];
            if (rank < seen) {
                return from + i;
            }
        }
        throw new IllegalStateException("unreachable: the bucket holds the rank");
    }

    private interface MinuteCount {
        void accept(long minute, long count);
    }

    /** Every (contact minute, how many) of {@code groups}' cells from {@code from} (included) to {@code until}. */
    private static void forEachIn(List<Group> groups, long from, long until, MinuteCount action) {
        for (Group g : groups) {
            for (InstructionCell c : g.cells) {
                long[] keys = c.minuteKeys();
                long[] counts = c.minuteCounts();
                int i = Arrays.binarySearch(keys, from);
                for (int k = i >= 0 ? i : -i - 1; k < keys.length && keys[k] < until; k++) {
                    action.accept(keys[k], counts[k]);
                }
            }
        }
    }
}
