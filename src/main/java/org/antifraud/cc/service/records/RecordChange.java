package org.antifraud.cc.service.records;


import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.InstructionCellRepository;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.RollupRepository;
import org.antifraud.cc.service.figures.RecordFacts;

/** A record before (null: new) and after (null: deleted) one change. */
record RecordChange(StoredRecord before, StoredRecord after) {

    /** What some changes add to and take from the rollups (ADR 0013), written. */
    static void writeRollups(Repositories repos, List<RecordChange> changes) {
        writeRollups(repos, changes, false);
    }

    /**
     * As above; with {@code onlyNew} (an import that adds records and changes none) the cells are inserted rather than
     * merged when the rollups hold no day cell of the new facts' days yet (a quarter faster, as the demo does: a cell
     * there after all fails the insert and the transaction, never counts twice).
     */
    static void writeRollups(Repositories repos, List<RecordChange> changes, boolean onlyNew) {
        RollupRepository.Sums sums = new RollupRepository.Sums(EnumSet.allOf(RollupRepository.Grain.class));
        boolean any = false;
        LocalDate first = null;
        LocalDate last = null;
        for (RecordChange c : changes) {
            if (c.before() != null) {
                for (var f : RecordFacts.of(c.before().record())) {
                    sums.add(f.negate());
                    any = true;
                }
            }
            if (c.after() != null) {
                for (var f : RecordFacts.of(c.after().record())) {
                    sums.add(f);
                    any = true;
                    first = first == null || f.day().isBefore(first) ? f.day() : first;
                    last = last == null || f.day().isAfter(last) ? f.day() : last;
                }
            }
        }
        if (any) {
            boolean newCells = onlyNew && first != null && changes.stream().allMatch(c -> c.before() == null)
                    // (whole years: a coarser cell of these days may hold days outside them)
                    && repos.rollups().noDayCellBetween(first.withDayOfYear(1), last.withMonth(12).withDayOfMonth(31));
            repos.rollups().write(sums, newCells);
        }
        writeInstructionCells(repos, changes);
    }

    /** What the changes of warning instructions add to and take from their month and day cells (ADR 0040), written. */
    private static void writeInstructionCells(Repositories repos, List<RecordChange> changes) {
        for (InstructionCellRepository.Grain grain : InstructionCellRepository.Grain.values()) {
            Map<InstructionCell.Key, InstructionCell> cells = new HashMap<>();
            for (RecordChange c : changes) {
                if (c.before() != null && c.before().record() instanceof WarningInstruction w) {
                    cells.computeIfAbsent(grain.keyOf(w, false), grain::empty).add(w, -1);
                }
                if (c.after() != null && c.after().record() instanceof WarningInstruction w) {
                    cells.computeIfAbsent(grain.keyOf(w, false), grain::empty).add(w, 1);
                }
            }
            if (!cells.isEmpty()) {
                repos.instructionCells().apply(grain, cells.values());
            }
        }
    }
}
