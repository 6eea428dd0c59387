package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warning instructions of one province, tier and risk level issued in one span of days (a month, as the rollup keeps
 * them, or one day, read from the instructions themselves), of one layer (entered or synthetic demo), summed so that
 * every figure of issue 17 is exact from them (ADR 0040): counts, money, the contact times as a histogram of whole
 * minutes, and the issue times of those still pending with nobody reached (an open breach and the backlog's age
 * depend on the present). Mutable while it is summed; not shared between threads.
 */
public final class InstructionCell {
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
    /** contact minutes → how many. */
    private final TreeMap<Long, Long> minutes = new TreeMap<>();
    /** issue times of the pending instructions nobody has reached, each as often as it occurs. */
    private final TreeMap<LocalDateTime, Long> pending = new TreeMap<>();

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
    }

    /** A new, empty month cell for {@code key}. */
    public static InstructionCell month(Key key) {
        return new InstructionCell(Period.month(java.time.YearMonth.from(key.start())), key.regionCode(),
                key.tier(), key.risk(), key.synthetic());
    }

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
            bump(minutes, w.contactMinutes(), sign);
        } else if (w.outcome() == InstructionOutcome.PENDING) {
            bump(pending, w.issuedAt(), sign);
        }
    }

    /** Adds every count of {@code other} (of the same layer) to this one. */
    public void addAll(InstructionCell other) {
        issued += other.issued;
        dissuaded += other.dissuaded;
        decided += other.decided;
        fundsCount += other.fundsCount;
        funds = funds.add(other.funds);
        other.minutes.forEach((m, n) -> bump(minutes, m, n));
        other.pending.forEach((t, n) -> bump(pending, t, n));
    }

    private static <K> void bump(Map<K, Long> map, K key, long by) {
        long n = map.getOrDefault(key, 0L) + by;
        if (n == 0) {
            map.remove(key);
        } else {
            map.put(key, n);
        }
    }

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

    /** Contact minutes → how many instructions were reached after so many minutes; ascending. */
    public TreeMap<Long, Long> minutes() {
        return minutes;
    }

    /** Issue times of the pending instructions nobody has reached → how many; ascending. */
    public TreeMap<LocalDateTime, Long> pending() {
        return pending;
    }

    /** Whether nothing is left in it (every instruction taken away again). */
    public boolean isEmpty() {
        return issued == 0;
    }

    // --- the stored form of a month cell's two lists

    /** The contact histogram as stored: "minutes:count" pairs, ascending, comma-separated. */
    public String minutesText() {
        StringBuilder s = new StringBuilder();
        minutes.forEach((m, n) -> {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(m).append(':').append(n);
        });
        return s.toString();
    }

    /** The pending issue times as stored: minutes since the month's start, ascending, comma-separated, repeated. */
    public String pendingText() {
        LocalDateTime start = span.start().atStartOfDay();
        StringBuilder s = new StringBuilder();
        pending.forEach((t, n) -> {
            for (long i = 0; i < n; i++) {
                if (!s.isEmpty()) {
                    s.append(',');
                }
                s.append(ChronoUnit.MINUTES.between(start, t));
            }
        });
        return s.toString();
    }

    /** A stored month cell as it was written ({@link #minutesText()}, {@link #pendingText()}). */
    public static InstructionCell stored(Key key, long issued, long dissuaded, long decided, long fundsCount,
                                         BigDecimal funds, String minutesText, String pendingText) {
        InstructionCell cell = month(key);
        cell.issued = issued;
        cell.dissuaded = dissuaded;
        cell.decided = decided;
        cell.fundsCount = fundsCount;
        cell.funds = funds;
        for (String pair : split(minutesText)) {
            int colon = pair.indexOf(':');
            cell.minutes.put(Long.parseLong(pair, 0, colon, 10), Long.parseLong(pair, colon + 1, pair.length(), 10));
        }
        LocalDateTime start = cell.span.start().atStartOfDay();
        for (String offset : split(pendingText)) {
            bump(cell.pending, start.plusMinutes(Long.parseLong(offset)), 1);
        }
        return cell;
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',') {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        return parts;
    }

    /** The key of this cell (its span's first day). */
    public Key key() {
        return new Key(span.start(), regionCode, tier, risk, synthetic);
    }
}
