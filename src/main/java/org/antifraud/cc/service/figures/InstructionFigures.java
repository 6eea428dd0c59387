package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionBoard;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.Repositories;

/**
 * The six figures of warning instructions (issue 17, ADR 0039), computed from the instructions themselves for a
 * period, a set of provinces and, where asked, one tier or risk level: instructions, dissuaded, the dissuasion rate
 * (dissuaded ÷ instructions with an outcome other than pending, × 100, one decimal), the median minutes to contact
 * (over contacted instructions, interpolated as PostgreSQL's {@code percentile_cont(0.5)}, one decimal), the
 * breaches of the time limits (late contacts, and instructions nobody has reached whose limit passed before the
 * as-of time), and the funds protected. An instruction counts in the period in which it was issued.
 */
public final class InstructionFigures {
    public static final String INSTRUCTIONS = RecordFacts.WARNING_INSTRUCTIONS;
    public static final String DISSUADED = RecordFacts.INSTRUCTIONS_DISSUADED;
    public static final String RATE = "dissuasion_rate_pct";
    public static final String MEDIAN = "contact_minutes_median";
    public static final String BREACHES = "sla_breaches";
    public static final String FUNDS = RecordFacts.FUNDS_PROTECTED;
    /** The six, in catalog order. */
    public static final List<String> ALL = List.of(INSTRUCTIONS, DISSUADED, RATE, MEDIAN, BREACHES, FUNDS);
    /** Those that are not sums of day facts: always computed here. */
    public static final Set<String> TIMED = Set.of(RATE, MEDIAN, BREACHES);

    /** Where the time limits are kept (app_state), one key per risk level: {@code sla.minutes.high} … */
    public static String slaKey(RiskLevel risk) {
        return "sla.minutes." + risk.code();
    }

    private InstructionFigures() {
    }

    /** The time limits in force: those set ({@code sla set}), else the defaults; a damaged value is the default. */
    public static InstructionSla sla(Repositories repos) {
        InstructionSla sla = InstructionSla.DEFAULT;
        for (RiskLevel risk : RiskLevel.values()) {
            var set = repos.appState().get(slaKey(risk));
            if (set.isPresent()) {
                try {
                    sla = sla.with(risk, Integer.parseInt(set.get()));
                } catch (IllegalArgumentException e) {
                    // a value changed outside the application: the default stands
                }
            }
        }
        return sla;
    }

    /** The instructions of {@code provinces} issued from the first day of {@code first} to the last of {@code last}. */
    public static List<WarningInstruction> read(Repositories repos, Collection<String> provinces, Period first,
                                                 Period last, InstructionCut cut) {
        if (provinces.isEmpty()) {
            return List.of();
        }
        return repos.entries().instructions(provinces, first.start().atStartOfDay(),
                last.end().plusDays(1).atStartOfDay(), cut.tier(), cut.risk());
    }

    /**
     * The six figures of the rows issued in {@code period} in {@code provinces}, by indicator code; a figure is absent
     * where there is nothing to compute it from (no instruction at all: none of them; no outcome yet: no rate; nobody
     * contacted: no median; no money recorded: no funds).
     */
    public static Map<String, BigDecimal> figures(List<WarningInstruction> rows, Set<String> provinces, Period period,
                                                  InstructionSla sla, LocalDateTime asOf) {
        long count = 0;
        long dissuaded = 0;
        long decided = 0;
        long breaches = 0;
        BigDecimal funds = null;
        List<Long> minutes = new ArrayList<>();
        for (WarningInstruction r : rows) {
            if (!provinces.contains(r.regionCode()) || !period.contains(Period.day(r.issuedAt().toLocalDate()))) {
                continue;
            }
            count++;
            if (r.outcome() == InstructionOutcome.DISSUADED) {
                dissuaded++;
            }
            if (r.outcome() != InstructionOutcome.PENDING) {
                decided++;
            }
            int limit = sla.minutes(r.riskLevel());
            if (r.contactedAt() != null) {
                long m = r.contactMinutes();
                minutes.add(m);
                if (m > limit) {
                    breaches++;
                }
            } else if (r.outcome() == InstructionOutcome.PENDING && r.issuedAt().plusMinutes(limit).isBefore(asOf)) {
                breaches++; // nobody reached yet, and the limit has passed
            }
            if (r.fundsProtected() != null) {
                funds = funds == null ? r.fundsProtected() : funds.add(r.fundsProtected());
            }
        }
        Map<String, BigDecimal> figures = new HashMap<>();
        if (count == 0) {
            return figures;
        }
        figures.put(INSTRUCTIONS, BigDecimal.valueOf(count));
        figures.put(DISSUADED, BigDecimal.valueOf(dissuaded));
        figures.put(BREACHES, BigDecimal.valueOf(breaches));
        if (decided > 0) {
            figures.put(RATE, BigDecimal.valueOf(dissuaded * 100).divide(BigDecimal.valueOf(decided), 1,
                    RoundingMode.HALF_UP));
        }
        if (!minutes.isEmpty()) {
            figures.put(MEDIAN, median(minutes));
        }
        if (funds != null) {
            figures.put(FUNDS, funds);
        }
        return figures;
    }

    /**
     * The dashboard's board of the rows issued in {@code period} in {@code provinces}: per tier and risk level the
     * instructions and those reached within their limit; the pending ones nobody has reached, by age at {@code asOf}
     * (within the limit, past it, and past a day, each counted once, in the oldest group it reached).
     */
    public static InstructionBoard board(List<WarningInstruction> rows, Set<String> provinces, Period period,
                                         InstructionSla sla, LocalDateTime asOf) {
        Map<InstructionTier, Map<RiskLevel, long[]>> counts = new java.util.EnumMap<>(InstructionTier.class);
        long within = 0;
        long past = 0;
        long day = 0;
        for (WarningInstruction r : rows) {
            if (!provinces.contains(r.regionCode()) || !period.contains(Period.day(r.issuedAt().toLocalDate()))) {
                continue;
            }
            long[] c = counts.computeIfAbsent(r.tier(), t -> new java.util.EnumMap<>(RiskLevel.class))
                    .computeIfAbsent(r.riskLevel(), k -> new long[2]);
            c[0]++;
            int limit = sla.minutes(r.riskLevel());
            if (r.contactedAt() != null && r.contactMinutes() <= limit) {
                c[1]++;
            }
            if (r.contactedAt() == null && r.outcome() == InstructionOutcome.PENDING) {
                if (r.issuedAt().plusDays(1).isBefore(asOf)) {
                    day++;
                } else if (r.issuedAt().plusMinutes(limit).isBefore(asOf)) {
                    past++;
                } else {
                    within++;
                }
            }
        }
        Map<InstructionTier, Map<RiskLevel, InstructionBoard.Cell>> cells = new java.util.EnumMap<>(InstructionTier.class);
        counts.forEach((tier, byRisk) -> {
            Map<RiskLevel, InstructionBoard.Cell> row = new java.util.EnumMap<>(RiskLevel.class);
            byRisk.forEach((risk, c) -> row.put(risk, new InstructionBoard.Cell(c[0], c[1])));
            cells.put(tier, row);
        });
        return new InstructionBoard(cells, within, past, day);
    }

    /** The median as {@code percentile_cont(0.5)}: the middle value, or halfway between the two middle ones. */
    static BigDecimal median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(BigDecimal.valueOf(2));
        return middle.setScale(1, RoundingMode.HALF_UP);
    }
}
