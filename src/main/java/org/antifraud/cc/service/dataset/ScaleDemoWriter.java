package org.antifraud.cc.service.dataset;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.InstructionCellRepository;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.RollupRepository;
import org.antifraud.cc.service.figures.CaseFacts;

/**
 * Writes a {@link ScaleDemo} into its own tables (demo_case, demo_figure: ADR 0018; demo_instruction and its
 * month cells: ADR 0040) in the caller's
 * transaction and keeps the rollups current: each chunk of daily figures is written with its day cells;
 * the figures' ten-day, month and year cells, and every cell of the cases (summed per region and day), are
 * summed in memory and written at the end: a few hundred thousand cells instead of millions of updates.
 */
final class ScaleDemoWriter implements ScaleDemo.Sink {
    /**
     * Shares of the time (measured at one and five million cases): the rows with their day cells about half,
     * the case and coarse cells a few percent, and H2's commit of one big transaction the rest (it visits
     * every changed index entry once more).
     */
    private static final double ROWS_SHARE = 0.5;
    static final double BEFORE_COMMIT = 0.55;

    private final Repositories repos;
    private final long total;
    private final DoubleConsumer progress;
    private final CaseFacts caseFacts = new CaseFacts();
    /** The day cells of the chunk being written. */
    private final RollupRepository.Sums days = new RollupRepository.Sums(EnumSet.of(RollupRepository.Grain.DAY));
    /** Ten-day, month and year cells of all daily figures: every chunk would update the same few again. */
    private final RollupRepository.Sums coarse = new RollupRepository.Sums(RollupRepository.Grain.COARSE);
    private long written;
    private long figureSequence = 1;
    private long instructionSequence = 1;
    /** The month cells of the demo's instructions, written once at the end. */
    private final Map<InstructionCell.Key, InstructionCell> instructionCells = new HashMap<>();
    /** The day cells of the day being generated (day after day: each day's are written when the next begins). */
    private final Map<InstructionCell.Key, InstructionCell.Builder> instructionDays = new HashMap<>();
    private java.time.LocalDate instructionDay;
    private final boolean newCells;

    /**
     * @param newCells the rollups hold no cell of the demo's days (checked after the old demo was removed):
     *                 every cell is inserted rather than merged
     */
    ScaleDemoWriter(Repositories repos, long total, boolean newCells, DoubleConsumer progress) {
        this.repos = repos;
        this.newCells = newCells;
        this.total = total;
        this.progress = progress;
    }

    @Override
    public void figures(List<Measurement> chunk) {
        repos.demo().insertFigures(chunk, figureSequence);
        figureSequence += chunk.size();
        for (Measurement m : chunk) {
            DayFact f = DayFact.one(m.indicatorCode(), m.regionCode(), m.period().start(), m.campaignCode(), m.value(), true);
            days.add(f);
            coarse.add(f);
        }
        repos.rollups().write(days, newCells); // the chunk's day cells now, the coarser ones in finish() (ADR 0013)
        advance(chunk.size());
    }

    @Override
    public void instructions(List<WarningInstruction> chunk) {
        repos.instructionCells().insertDemo(chunk, instructionSequence);
        instructionSequence += chunk.size();
        for (WarningInstruction w : chunk) {
            instructionCells.computeIfAbsent(InstructionCell.Key.monthOf(w, true), InstructionCell::month).add(w, 1);
            java.time.LocalDate day = w.issuedAt().toLocalDate();
            if (instructionDay != null && day.isAfter(instructionDay)) {
                writeInstructionDays();
            }
            instructionDay = day;
            instructionDays.computeIfAbsent(InstructionCell.Key.dayOf(w, true), k -> new InstructionCell.Builder(
                    Period.day(day), k.regionCode(), k.tier(), k.risk(), true))
                    .add(w.issuedAt(), w.contactedAt(), w.outcome(), w.fundsProtected());
        }
        advance(chunk.size());
    }

    @Override
    public void cases(List<FraudCase> chunk) {
        repos.demo().insertCases(chunk, ScaleDemo::sequenceOf);
        chunk.forEach(caseFacts::add);
        advance(chunk.size());
    }

    private void writeInstructionDays() {
        List<InstructionCell> cells = new java.util.ArrayList<>(instructionDays.size());
        instructionDays.values().forEach(b -> cells.add(b.build()));
        repos.instructionCells().insert(InstructionCellRepository.Grain.DAY, cells);
        instructionDays.clear();
    }

    /** Adds the daily figures' coarse cells and the cases to the rollups. */
    void finish() {
        // the demo's month and day cells: none existed (ADR 0040)
        writeInstructionDays();
        repos.instructionCells().insert(InstructionCellRepository.Grain.MONTH, instructionCells.values());
        repos.rollups().write(coarse, newCells);
        RollupRepository.Sums cases = new RollupRepository.Sums(EnumSet.allOf(RollupRepository.Grain.class));
        for (String indicator : List.of(CaseFacts.CASES_REGISTERED, CaseFacts.PROPERTY_LOSS, CaseFacts.CASES_SOLVED)) {
            caseFacts.facts(indicator).forEach(cases::add);
        }
        repos.rollups().write(cases, newCells);
    }

    /** Daily figures written (the instructions' daily counts among them). */
    long figuresWritten() {
        return figureSequence - 1;
    }

    long instructionsWritten() {
        return instructionSequence - 1;
    }

    private void advance(int rows) {
        written += rows;
        // the instructions' daily counts are not known ahead (a province-day without instructions has none)
        progress.accept(ROWS_SHARE * Math.min(1.0, (double) written / total));
    }
}
