package org.antifraud.cc.service.records;


import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.RollupRepository;
import org.antifraud.cc.service.figures.RecordFacts;

/** A record before (null: new) and after (null: deleted) one change. */
record RecordChange(StoredRecord before, StoredRecord after) {

    /** What some changes add to and take from the rollups (ADR 0013), written. */
    static void writeRollups(Repositories repos, List<RecordChange> changes) {
        RollupRepository.Sums sums = new RollupRepository.Sums(EnumSet.allOf(RollupRepository.Grain.class));
        boolean any = false;
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
                }
            }
        }
        if (any) {
            repos.rollups().write(sums);
        }
        writeInstructionCells(repos, changes);
    }

    /** What the changes of warning instructions add to and take from their month cells (ADR 0040), written. */
    private static void writeInstructionCells(Repositories repos, List<RecordChange> changes) {
        Map<InstructionCell.Key, InstructionCell> cells = new HashMap<>();
        for (RecordChange c : changes) {
            if (c.before() != null && c.before().record() instanceof WarningInstruction w) {
                cells.computeIfAbsent(InstructionCell.Key.monthOf(w, false), InstructionCell::month).add(w, -1);
            }
            if (c.after() != null && c.after().record() instanceof WarningInstruction w) {
                cells.computeIfAbsent(InstructionCell.Key.monthOf(w, false), InstructionCell::month).add(w, 1);
            }
        }
        if (!cells.isEmpty()) {
            repos.instructionCells().apply(cells.values());
        }
    }
}
