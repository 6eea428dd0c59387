package org.antifraud.cc.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The race of the warning instructions of one region and period (issue 17), for the dashboard's panel: per tier and
 * risk level how many were issued and how many reached their person within the time limit; and the open backlog —
 * instructions still pending that nobody has reached — by age: within its limit, past it, older than a day.
 * {@code synthetic}: the board is of the scale demo's instructions (there were no entered ones), to be marked so.
 */
public record InstructionBoard(Map<InstructionTier, Map<RiskLevel, Cell>> cells, long openWithinLimit,
                               long openPastLimit, long openPastDay, boolean synthetic) {
    public static final InstructionBoard EMPTY = new InstructionBoard(Map.of(), 0, 0, 0, false);

    /** Issued, and reached within the limit of their risk level. */
    public record Cell(long issued, long inTime) {
        public static final Cell NONE = new Cell(0, 0);
    }

    public InstructionBoard {
        Map<InstructionTier, Map<RiskLevel, Cell>> copy = new EnumMap<>(InstructionTier.class);
        cells.forEach((tier, row) -> copy.put(tier, Map.copyOf(row)));
        cells = Map.copyOf(copy);
    }

    public Cell cell(InstructionTier tier, RiskLevel risk) {
        return cells.getOrDefault(tier, Map.of()).getOrDefault(risk, Cell.NONE);
    }

    /** Whether no instruction was issued: the panel says "no data", never a table of zeros. */
    public boolean isEmpty() {
        return cells.values().stream().flatMap(r -> r.values().stream()).allMatch(c -> c.issued() == 0);
    }

    public long open() {
        return openWithinLimit + openPastLimit + openPastDay;
    }
}
