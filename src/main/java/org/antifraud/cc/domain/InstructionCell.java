package org.antifraud.cc.domain;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warning instructions of one province, tier and risk level issued in one span of days (a month, as the rollup keeps
 * them, or one day, read from the instructions themselves), of one layer (entered or synthetic demo), summed so that
 * every figure of issue 17 is exact from them (ADR 0040): counts, money, the contact times as a histogram of whole
 * minutes, and the issue times of those still pending with nobody reached (an open breach and the backlog's age
 * depend on the present).
 *
 * <p>Two states: while instructions are added or taken away (a rebuild, the demo, a record change) the lists are
 * maps; once read, sorted arrays, which is how a stored cell comes back and what the figures read. Not shared between
 * threads while it is summed.
 */
public final class InstructionCell {
    private static final long[] NONE = new long[0];

    private final Period span;
    private final String regionCode;
    private final InstructionTier tier;
    private final RiskLevel risk;
    private final boolean synthetic;
    private long issued;
    private long dissuaded;
    private long decided;
    private long fundsCount;
    private BigDecimal funds = BigDecimal.ZERO;
    /** contact minutes, ascending, and how many of each (read state). */
    private long[] minuteKeys = NONE;
    private long[] minuteCounts = NONE;
    /** issue times of the pending instructions nobody has reached, minutes since the span's start, ascending. */
    private long[] pendingOffsets = NONE;
    /** the same while summed (null once read). */
    private TreeMap<Long, Long> minutesBeingSummed;
    private TreeMap<Long, Long> pendingBeingSummed;

    public InstructionCell(Period span, String regionCode, InstructionTier tier, RiskLevel risk, boolean synthetic) {
        this.span = span;
        this.regionCode = regionCode;
        this.tier = tier;
        this.risk = risk;
        this.synthetic = synthetic;
    }

    /** The cell's key: where an instruction of {@code span}'s kind (month or day) belongs. */
    public record Key(LocalDate start, String regionCode, InstructionTier tier, RiskLevel risk, boolean synthetic) {
        public static Key monthOf(WarningInstruction w, boolean synthetic) {
            return new Key(w.issuedAt().toLocalDate().withDayOfMonth(1), w.regionCode(), w.tier(), w.riskLevel(),
                    synthetic);
        }

        public static Key dayOf(WarningInstruction w, boolean synthetic) {
            return new Key(w.issuedAt().toLocalDate(), w.regionCode(), w.tier(), w.riskLevel(), synthetic);
        }
    }

    /** A new, empty day cell for {@code key} (its start is the day). */
    public static InstructionCell day(Key key) {
        return new InstructionCell(Period.day(key.start()), key.regionCode(), key.tier(), key.risk(), key.synthetic());
    }

    /** A new, empty month cell for {@code key}. */
    public static InstructionCell month(Key key) {
        return new InstructionCell(Period.month(YearMonth.from(key.start())), key.regionCode(), key.tier(), key.risk(),
                key.synthetic());
    }

    // --- summing

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one instruction. */
    public void add(WarningInstruction w, int sign) {
        issued += sign;
        if (w.outcome() == InstructionOutcome.DISSUADED) {
            dissuaded += sign;
        }
        if (w.outcome() != InstructionOutcome.PENDING) {
            decided += sign;
        }
        if (w.fundsProtected() != null) {
            fundsCount += sign;
            funds = sign > 0 ? funds.add(w.fundsProtected()) : funds.subtract(w.fundsProtected());
        }
        if (w.contactedAt() != null) {
            bump(summedMinutes(), w.contactMinutes(), sign);
        } else if (w.outcome() == InstructionOutcome.PENDING) {
            bump(summedPending(), ChronoUnit.MINUTES.between(span.start().atStartOfDay(), w.issuedAt()), sign);
        }
    }

    /**
     * Adds ({@code sign} 1) or takes away ({@code sign} -1) every count of {@code other}, of the same province, tier,
     * risk level and layer; its span may differ (a month less the days a period leaves out).
     */
    public void add(InstructionCell other, int sign) {
        issued += sign * other.issued;
        dissuaded += sign * other.dissuaded;
        decided += sign * other.decided;
        fundsCount += sign * other.fundsCount;
        funds = sign > 0 ? funds.add(other.funds) : funds.subtract(other.funds);
        TreeMap<Long, Long> minutes = summedMinutes();
        other.forEachMinute((m, n) -> bump(minutes, m, sign * n));
        TreeMap<Long, Long> pending = summedPending();
        // the pending times count from each span's start
        long minutesShift = ChronoUnit.MINUTES.between(span.start().atStartOfDay(), other.span.start().atStartOfDay());
        if (other.pendingBeingSummed != null) { // a change: its taken-away times are negative counts
            other.pendingBeingSummed.forEach((o, n) -> bump(pending, o + minutesShift, sign * n));
        } else {
            for (long offset : other.pendingOffsets) {
                bump(pending, offset + minutesShift, sign);
            }
        }
    }

    /**
     * {@code whole} (read state) less {@code parts} (read state, each of the same region, tier, risk level and layer),
     * as a new cell of {@code span}: the same as a cell of {@code span} to which {@code whole} is added and each part
     * taken away with {@link #add}, worked out by merging the sorted lists instead of through a map entry per minute
     * (a period that cuts a month reads the month less its other days on every dashboard load: ADR 0040).
     */
    public static InstructionCell less(Period span, InstructionCell whole, List<InstructionCell> parts) {
        InstructionCell c = new InstructionCell(span, whole.regionCode, whole.tier, whole.risk, whole.synthetic);
        whole.freeze();
        c.issued = whole.issued;
        c.dissuaded = whole.dissuaded;
        c.decided = whole.decided;
        c.fundsCount = whole.fundsCount;
        c.funds = whole.funds;
        long[] keys = whole.minuteKeys;
        long[] counts = whole.minuteCounts;
        long origin = span.start().toEpochDay() * MINUTES_A_DAY;
        long[] pending = shifted(whole.pendingOffsets, whole.span.start().toEpochDay() * MINUTES_A_DAY - origin);
        for (InstructionCell part : parts) {
            part.freeze();
            c.issued -= part.issued;
            c.dissuaded -= part.dissuaded;
            c.decided -= part.decided;
            c.fundsCount -= part.fundsCount;
            c.funds = c.funds.subtract(part.funds);
            // the contact histogram: counts per minute subtracted, a minute whose count comes to 0 gone
            long[] k = new long[keys.length + part.minuteKeys.length];
            long[] n = new long[k.length];
            int i = 0;
            int j = 0;
            int out = 0;
            while (i < keys.length || j < part.minuteKeys.length) {
                long key;
                long count;
                if (j == part.minuteKeys.length || i < keys.length && keys[i] < part.minuteKeys[j]) {
                    key = keys[i];
                    count = counts[i++];
                } else if (i == keys.length || part.minuteKeys[j] < keys[i]) {
                    key = part.minuteKeys[j];
                    count = -part.minuteCounts[j++];
                } else {
                    key = keys[i];
                    count = counts[i++] - part.minuteCounts[j++];
                }
                if (count != 0) {
                    k[out] = key;
                    n[out++] = count;
                }
            }
            keys = Arrays.copyOf(k, out);
            counts = Arrays.copyOf(n, out);
            // the pending issue times: each taken away once where it occurs (one taken away more often than added
            // leaves nothing, as a cell's summing does)
            long[] taken = shifted(part.pendingOffsets, part.span.start().toEpochDay() * MINUTES_A_DAY - origin);
            long[] left = new long[pending.length];
            int p = 0;
            int q = 0;
            int kept = 0;
            while (p < pending.length) {
                if (q == taken.length || pending[p] < taken[q]) {
                    left[kept++] = pending[p++];
                } else if (taken[q] < pending[p]) {
                    q++;
                } else {
                    p++;
                    q++;
                }
            }
            pending = Arrays.copyOf(left, kept);
        }
        c.minuteKeys = keys;
        c.minuteCounts = counts;
        c.pendingOffsets = pending;
        return c;
    }

    private static final long MINUTES_A_DAY = 24 * 60;

    private static long[] shifted(long[] offsets, long by) {
        if (by == 0) {
            return offsets;
        }
        long[] out = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            out[i] = offsets[i] + by;
        }
        return out;
    }

    /** Negative counts of a change are kept while summing: a delta cell holds what an edit took away. */
    private void forEachMinute(java.util.function.ObjLongConsumer<Long> action) {
        if (minutesBeingSummed != null) {
            minutesBeingSummed.forEach((m, n) -> action.accept(m, n));
        } else {
            for (int i = 0; i < minuteKeys.length; i++) {
                action.accept(minuteKeys[i], minuteCounts[i]);
            }
        }
    }

    private TreeMap<Long, Long> summedMinutes() {
        if (minutesBeingSummed == null) {
            minutesBeingSummed = new TreeMap<>();
            for (int i = 0; i < minuteKeys.length; i++) {
                minutesBeingSummed.put(minuteKeys[i], minuteCounts[i]);
            }
        }
        return minutesBeingSummed;
    }

    private TreeMap<Long, Long> summedPending() {
        if (pendingBeingSummed == null) {
            pendingBeingSummed = new TreeMap<>();
            for (long offset : pendingOffsets) {
                bump(pendingBeingSummed, offset, 1);
            }
        }
        return pendingBeingSummed;
    }

    private static void bump(Map<Long, Long> map, long key, long by) {
        long n = map.getOrDefault(key, 0L) + by;
        if (n == 0) {
            map.remove(key);
        } else {
            map.put(key, n);
        }
    }

    /** Ends summing: the maps become sorted arrays. A pending time taken away more often than added is an error. */
    private void freeze() {
        if (minutesBeingSummed != null) {
            minuteKeys = new long[minutesBeingSummed.size()];
            minuteCounts = new long[minuteKeys.length];
            int i = 0;
            for (Map.Entry<Long, Long> e : minutesBeingSummed.entrySet()) {
                minuteKeys[i] = e.getKey();
                minuteCounts[i++] = e.getValue();
            }
            minutesBeingSummed = null;
        }
        if (pendingBeingSummed != null) {
            long total = pendingBeingSummed.values().stream().mapToLong(Long::longValue).filter(n -> n > 0).sum();
            long[] offsets = new long[Math.toIntExact(total)];
            int i = 0;
            for (Map.Entry<Long, Long> e : pendingBeingSummed.entrySet()) {
                for (long k = 0; k < e.getValue(); k++) {
                    offsets[i++] = e.getKey();
                }
            }
            pendingOffsets = offsets;
            pendingBeingSummed = null;
        }
    }

    // --- reading

    public Period span() {
        return span;
    }

    public String regionCode() {
        return regionCode;
    }

    public InstructionTier tier() {
        return tier;
    }

    public RiskLevel risk() {
        return risk;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public long issued() {
        return issued;
    }

    public long dissuaded() {
        return dissuaded;
    }

    /** Those with an outcome other than pending. */
    public long decided() {
        return decided;
    }

    /** How many recorded money protected. */
    public long fundsCount() {
        return fundsCount;
    }

    public BigDecimal funds() {
        return funds;
    }

    /** Distinct contact minutes, ascending. */
    public long[] minuteKeys() {
        freeze();
        return minuteKeys;
    }

    /** How many were reached after {@link #minuteKeys()}' minutes, in the same order. */
    public long[] minuteCounts() {
        freeze();
        return minuteCounts;
    }

    /** How many were reached after more than {@code limit} minutes. */
    public long contactedAfter(long limit) {
        freeze();
        int i = Arrays.binarySearch(minuteKeys, limit);
        // summed where asked (once a cell a load): a list of running sums per read cell was a tenth of what a
        // dashboard load allocated
        long n = 0;
        for (int k = i >= 0 ? i + 1 : -i - 1; k < minuteCounts.length; k++) {
            n += minuteCounts[k];
        }
        return n;
    }

    /** How many were reached at all (every contact minute counted). */
    public long contacted() {
        return contactedAfter(-1); // contact minutes are never negative
    }

    /** Issue times of the pending instructions nobody has reached, ascending, each as often as it occurs. */
    public long[] pendingOffsets() {
        freeze();
        return pendingOffsets;
    }

    /** The issue time of a pending instruction from its {@link #pendingOffsets()} entry. */
    public LocalDateTime pendingTime(long offset) {
        return span.start().atStartOfDay().plusMinutes(offset);
    }

    /** How many pending instructions nobody has reached were issued before {@code time}. */
    public long pendingIssuedBefore(LocalDateTime time) {
        freeze();
        long offset = ChronoUnit.MINUTES.between(span.start().atStartOfDay(), time);
        long n = 0;
        for (long o : pendingOffsets) {
            if (o < offset) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    /** Contact minutes → how many (a copy, for checks and tests). */
    public TreeMap<Long, Long> minutes() {
        TreeMap<Long, Long> copy = new TreeMap<>();
        forEachMinute(copy::put);
        return copy;
    }

    /** Whether nothing is left in it (every instruction taken away again). */
    public boolean isEmpty() {
        return issued == 0;
    }

    // --- the stored form of a month cell's two lists: unsigned varints, each value the difference from the one before

    /** The contact histogram as stored: (minute − previous minute, count) pairs. */
    public byte[] minutesBytes() {
        freeze();
        ByteArrayOutputStream out = new ByteArrayOutputStream(minuteKeys.length * 2 + 4);
        long previous = 0;
        for (int i = 0; i < minuteKeys.length; i++) {
            varint(out, minuteKeys[i] - previous);
            varint(out, minuteCounts[i]);
            previous = minuteKeys[i];
        }
        return out.toByteArray();
    }

    /** The pending issue times as stored: minutes since the span's start, each the difference from the one before. */
    public byte[] pendingBytes() {
        freeze();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pendingOffsets.length + 4);
        long previous = 0;
        for (long offset : pendingOffsets) {
            varint(out, offset - previous);
            previous = offset;
        }
        return out.toByteArray();
    }

    /** Readable form of the two lists (checks, tests, the log). */
    public String listsText() {
        freeze();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < minuteKeys.length; i++) {
            s.append(minuteKeys[i]).append(':').append(minuteCounts[i]).append(',');
        }
        s.append('|');
        for (long o : pendingOffsets) {
            s.append(o).append(',');
        }
        return s.toString();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalStateException("a stored cell has no negative count or order: " + value);
        }
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /**
     * The two lists from their stored form ({@link #minutesBytes()} in {@code b[minutesFrom, minutesTo)},
     * {@link #pendingBytes()} in {@code b[pendingFrom, pendingTo)}): the read state. Decoded straight into the lists,
     * each counted first (a dashboard load reads thousands of these; decoding through a list of every number and its
     * copy was two fifths of what a load allocated).
     */
    private void setLists(byte[] b, int minutesFrom, int minutesTo, int pendingFrom, int pendingTo) {
        int n = varints(b, minutesFrom, minutesTo);
        if (n % 2 != 0) {
            throw new IllegalArgumentException("a damaged instruction cell: a contact minute without its count");
        }
        long[] keys = n == 0 ? NONE : new long[n / 2];
        long[] counts = n == 0 ? NONE : new long[n / 2];
        Unpacker minutes = new Unpacker(b, minutesFrom);
        long previous = 0;
        for (int i = 0; i < keys.length; i++) {
            previous += minutes.varint();
            keys[i] = previous;
            counts[i] = minutes.varint();
        }
        minuteKeys = keys;
        minuteCounts = counts;
        int m = varints(b, pendingFrom, pendingTo);
        long[] offsets = m == 0 ? NONE : new long[m];
        Unpacker pending = new Unpacker(b, pendingFrom);
        long offset = 0;
        for (int i = 0; i < m; i++) {
            offset += pending.varint();
            offsets[i] = offset;
        }
        pendingOffsets = offsets;
    }

    /** How many numbers {@code b[from, to)} holds; a number running past its end or too long is damage. */
    private static int varints(byte[] b, int from, int to) {
        int n = 0;
        int shift = 0;
        for (int i = from; i < to; i++) {
            if ((b[i] & 0x80) == 0) {
                n++;
                shift = 0;
            } else {
                shift += 7;
                if (shift > 63) {
                    throw new IllegalArgumentException("a damaged instruction cell");
                }
            }
        }
        if (shift != 0) {
            throw new IllegalArgumentException("a damaged instruction cell");
        }
        return n;
    }

    /**
     * Sums instructions into a new cell, adding only (a span read from the instructions themselves): the two lists are
     * gathered as plain numbers and sorted once, without a map entry per instruction (ADR 0040: the days a period cuts
     * are read this way on every dashboard load).
     */
    public static final class Builder {
        private final InstructionCell cell;
        private final LocalDateTime spanStart;
        private long[] minutes = new long[64];
        private int minuteCount;
        private long[] pending = new long[8];
        private int pendingCount;

        public Builder(Period span, String regionCode, InstructionTier tier, RiskLevel risk, boolean synthetic) {
            cell = new InstructionCell(span, regionCode, tier, risk, synthetic);
            spanStart = span.start().atStartOfDay();
        }

        /** Adds one instruction; {@code contactedAt} and {@code funds} may be null. */
        public void add(LocalDateTime issuedAt, LocalDateTime contactedAt, InstructionOutcome outcome,
                        BigDecimal funds) {
            cell.issued++;
            if (outcome == InstructionOutcome.DISSUADED) {
                cell.dissuaded++;
            }
            if (outcome != InstructionOutcome.PENDING) {
                cell.decided++;
            }
            if (funds != null) {
                cell.fundsCount++;
                cell.funds = cell.funds.add(funds);
            }
            if (contactedAt != null) {
                if (minuteCount == minutes.length) {
                    minutes = Arrays.copyOf(minutes, minuteCount * 2);
                }
                minutes[minuteCount++] = ChronoUnit.MINUTES.between(issuedAt, contactedAt);
            } else if (outcome == InstructionOutcome.PENDING) {
                if (pendingCount == pending.length) {
                    pending = Arrays.copyOf(pending, pendingCount * 2);
                }
                pending[pendingCount++] = ChronoUnit.MINUTES.between(spanStart, issuedAt);
            }
        }

        /** The cell, read state: the same as adding each instruction with {@link InstructionCell#add}. */
        public InstructionCell build() {
            Arrays.sort(minutes, 0, minuteCount);
            int distinct = 0;
            for (int i = 0; i < minuteCount; i++) {
                if (i == 0 || minutes[i] != minutes[i - 1]) {
                    distinct++;
                }
            }
            long[] keys = new long[distinct];
            long[] counts = new long[distinct];
            int k = -1;
            for (int i = 0; i < minuteCount; i++) {
                if (i == 0 || minutes[i] != minutes[i - 1]) {
                    keys[++k] = minutes[i];
                }
                counts[k]++;
            }
            cell.minuteKeys = keys;
            cell.minuteCounts = counts;
            long[] offsets = Arrays.copyOf(pending, pendingCount);
            Arrays.sort(offsets);
            cell.pendingOffsets = offsets;
            return cell;
        }
    }

    // --- the stored form of one span, province and layer: every tier and risk level in one row (ADR 0040)

    /**
     * The cells of one span, province and layer — its tiers and risk levels — as one stored value, in tier then risk
     * order (the same cells always give the same bytes: the audit compares them): how many parts, then per part its
     * tier and risk codes, the four counts, the money as text to the cent, and the two lists as {@link #minutesBytes()} and
     * {@link #pendingBytes()} give them, each with its length before it.
     */
    public static byte[] pack(java.util.Collection<InstructionCell> parts) {
        List<InstructionCell> ordered = new java.util.ArrayList<>(parts);
        ordered.sort(java.util.Comparator.comparing(InstructionCell::tier).thenComparing(InstructionCell::risk));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + parts.size() * 64);
        varint(out, ordered.size());
        for (InstructionCell c : ordered) {
            section(out, c.tier.code().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            section(out, c.risk.code().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            varint(out, c.issued);
            varint(out, c.dissuaded);
            varint(out, c.decided);
            varint(out, c.fundsCount);
            // to the cent, as the instructions hold it: 0 and 0.00 are one value
            section(out, c.funds.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            section(out, c.minutesBytes());
            section(out, c.pendingBytes());
        }
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, byte[] bytes) {
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    /**
     * The cells a stored value of {@link #pack} holds, each of {@code span}, {@code regionCode} and the layer.
     * A value that does not decode is an {@link IllegalArgumentException} ("a damaged instruction cell").
     */
    public static List<InstructionCell> unpack(Period span, String regionCode, boolean synthetic, byte[] bytes) {
        Unpacker in = new Unpacker(bytes);
        try {
            int n = Math.toIntExact(in.varint());
            List<InstructionCell> cells = new java.util.ArrayList<>(Math.min(n, 16));
            for (int i = 0; i < n; i++) {
                InstructionCell c = new InstructionCell(span, regionCode, in.tier(), in.risk(), synthetic);
                c.issued = in.varint();
                c.dissuaded = in.varint();
                c.decided = in.varint();
                c.fundsCount = in.varint();
                c.funds = in.money();
                int minutesFrom = in.section();
                int minutesTo = in.at;
                int pendingFrom = in.section();
                c.setLists(in.bytes, minutesFrom, minutesTo, pendingFrom, in.at);
                cells.add(c);
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException("a damaged instruction cell: bytes after its last part");
            }
            return cells;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null
                    && e.getMessage().startsWith("a damaged instruction cell")) {
                throw e;
            }
            throw new IllegalArgumentException("a damaged instruction cell of " + regionCode + " " + span, e);
        }
    }

    /** Reads a packed value front to back; running past its end is damage. */
    private static final class Unpacker {
        private final byte[] bytes;
        private int at;

        Unpacker(byte[] bytes) {
            this(bytes == null ? new byte[0] : bytes, 0);
        }

        Unpacker(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift <= 63; shift += 7) {
                if (at >= bytes.length) {
                    throw new IllegalArgumentException("a damaged instruction cell: it ends early");
                }
                byte b = bytes[at++];
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("a damaged instruction cell: a number too long");
        }

        /** Steps over the next part (its length, then its bytes); where its bytes begin ({@link #at}: where they end). */
        int section() {
            long n = varint();
            if (n < 0 || n > bytes.length - at) {
                throw new IllegalArgumentException("a damaged instruction cell: a part longer than the value");
            }
            int from = at;
            at += (int) n;
            return from;
        }

        /** The next part as a tier's code, compared byte by byte (no string per part: thousands a dashboard load). */
        InstructionTier tier() {
            return code(InstructionTier.values(), InstructionTier::code, InstructionTier::fromCode);
        }

        /** The next part as a risk level's code, as {@link #tier()}. */
        RiskLevel risk() {
            return code(RiskLevel.values(), RiskLevel::code, RiskLevel::fromCode);
        }

        /** The next part as the one of {@code values} whose code it is; anything else as {@code fromCode} refuses it. */
        private <E> E code(E[] values, java.util.function.Function<E, String> codeOf,
                           java.util.function.Function<String, E> fromCode) {
            int from = section();
            for (E e : values) {
                if (codeIs(codeOf.apply(e), from)) {
                    return e;
                }
            }
            return fromCode.apply(new String(bytes, from, at - from, java.nio.charset.StandardCharsets.US_ASCII));
        }

        private boolean codeIs(String code, int from) {
            if (code.length() != at - from) {
                return false;
            }
            for (int i = 0; i < code.length(); i++) {
                if (bytes[from + i] != code.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The next part as an amount of money written out ("0.00" read without a string). */
        BigDecimal money() {
            int from = section();
            char[] digits = new char[at - from];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = (char) (bytes[from + i] & 0xFF);
            }
            try {
                return new BigDecimal(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a damaged instruction cell: an amount of money that is none", e);
            }
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }

    /** The key of this cell (its span's first day). */
    public Key key() {
        return new Key(span.start(), regionCode, tier, risk, synthetic);
    }
}
