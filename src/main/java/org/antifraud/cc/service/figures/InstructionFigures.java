package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionBoard;
import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.persistence.InstructionCellRepository;
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

    /**
     * The instructions of {@code provinces} issued in any of {@code periods} (and the days between), both layers,
     * summed (ADR 0040): each month that no period cuts in part as its stored month cell, the other days as their
     * stored day cells. Every period's figures are then exact from the cells within it.
     */
    public static List<InstructionCell> read(Repositories repos, Collection<String> provinces,
                                             Collection<Period> periods, InstructionCut cut) {
        return read(repos, provinces, periods, cut, CellSource.ROLLUPS);
    }

    /**
     * As above; from {@link CellSource#RAW_ROWS}, every day from the instructions themselves, no month cell (the
     * benchmark's naive way, and its check that both give the same).
     */
    public static List<InstructionCell> read(Repositories repos, Collection<String> provinces,
                                             Collection<Period> periods, InstructionCut cut, CellSource source) {
        if (provinces.isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        LocalDate from = periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow();
        if (source == CellSource.RAW_ROWS) {
            return repos.instructionCells().dayCells(provinces, from.atStartOfDay(), to.plusDays(1).atStartOfDay(),
                    cut.tier(), cut.risk());
        }
        List<InstructionCell> cells = new ArrayList<>();
        LocalDate wholeFrom = null; // the first of a run of whole months not yet read
        LocalDate month = from.withDayOfMonth(1);
        while (!month.isAfter(to)) {
            Period m = Period.month(java.time.YearMonth.from(month));
            boolean whole = !m.start().isBefore(from) && !m.end().isAfter(to) && periods.stream()
                    .allMatch(p -> p.contains(m) || m.end().isBefore(p.start()) || m.start().isAfter(p.end()));
            if (whole && wholeFrom == null) {
                wholeFrom = month;
            } else if (!whole) {
                if (wholeFrom != null) {
                    cells.addAll(repos.instructionCells().cells(provinces, wholeFrom, month.minusMonths(1),
                            cut.tier(), cut.risk()));
                    wholeFrom = null;
                }
                addCutMonth(repos, provinces, m, from, to, periods, cut, cells);
            }
            month = month.plusMonths(1);
        }
        if (wholeFrom != null) {
            cells.addAll(repos.instructionCells().cells(provinces, wholeFrom, to.withDayOfMonth(1), cut.tier(),
                    cut.risk()));
        }
        return cells;
    }

    /**
     * The days of month {@code m} within {@code from..to} that some period cuts: split where a period starts or ends,
     * each piece inside or outside every period. The cheaper of two ways: every piece's stored days, or — when the
     * largest piece is most of the month — the month's cell less its other days (as the day facts do, ADR 0013): a
     * 28-day window reads three days, not 28.
     */
    private static void addCutMonth(Repositories repos, Collection<String> provinces, Period m, LocalDate from,
                                    LocalDate to, Collection<Period> periods, InstructionCut cut,
                                    List<InstructionCell> cells) {
        LocalDate a = m.start().isBefore(from) ? from : m.start();
        LocalDate b = m.end().isAfter(to) ? to : m.end();
        java.util.TreeSet<LocalDate> starts = new java.util.TreeSet<>(List.of(a));
        for (Period p : periods) {
            if (p.start().isAfter(a) && !p.start().isAfter(b)) {
                starts.add(p.start());
            }
            if (!p.end().isBefore(a) && p.end().isBefore(b)) {
                starts.add(p.end().plusDays(1));
            }
        }
        List<LocalDate[]> pieces = new ArrayList<>();
        LocalDate[] largest = null;
        for (LocalDate start : starts) {
            LocalDate next = starts.higher(start);
            LocalDate[] piece = {start, next == null ? b : next.minusDays(1)};
            pieces.add(piece);
            if (largest == null || length(piece) > length(largest)) {
                largest = piece;
            }
        }
        long needed = ChronoUnit.DAYS.between(a, b) + 1;
        long monthDays = ChronoUnit.DAYS.between(m.start(), m.end()) + 1;
        if (monthDays - length(largest) >= needed) {
            addDays(repos, provinces, a, b.plusDays(1), cut, cells);
            return;
        }
        // the days of the month outside the largest piece, as day cells: those within from..to are needed too
        List<InstructionCell> rest = new ArrayList<>();
        addDays(repos, provinces, m.start(), largest[0], cut, rest);
        addDays(repos, provinces, largest[1].plusDays(1), m.end().plusDays(1), cut, rest);
        Period piece = Period.range(largest[0], largest[1]);
        Map<String, List<InstructionCell>> restOf = new HashMap<>();
        for (InstructionCell day : rest) {
            restOf.computeIfAbsent(cellKey(day), k -> new ArrayList<>()).add(day);
            if (!day.span().start().isBefore(a) && !day.span().end().isAfter(b)) {
                cells.add(day);
            }
        }
        for (InstructionCell month : repos.instructionCells().cells(provinces, m.start(), m.start(), cut.tier(),
                cut.risk())) {
            InstructionCell c = InstructionCell.less(piece, month, restOf.getOrDefault(cellKey(month), List.of()));
            restOf.remove(cellKey(month));
            if (!c.isEmpty()) {
                cells.add(c);
            }
        }
        if (!restOf.isEmpty()) { // a day's row without its month's: changed outside the application
            throw InstructionCellRepository.damaged(restOf.values().iterator().next().getFirst().regionCode(), m, null);
        }
    }

    private static long length(LocalDate[] piece) {
        return ChronoUnit.DAYS.between(piece[0], piece[1]) + 1;
    }

    private static String cellKey(InstructionCell c) {
        return c.regionCode() + '|' + c.tier() + '|' + c.risk() + '|' + c.synthetic();
    }

    /** The stored day cells from {@code from} (included) to {@code until} (excluded), both layers. */
    private static void addDays(Repositories repos, Collection<String> provinces, LocalDate from, LocalDate until,
                                InstructionCut cut, List<InstructionCell> cells) {
        if (from.isBefore(until)) {
            cells.addAll(repos.instructionCells().storedDays(provinces, from, until.minusDays(1), cut.tier(),
                    cut.risk()));
        }
    }

    /** The cells read, grouped as each figure looks at them (its own provinces' only). */
    public static InstructionCellIndex index(Collection<InstructionCell> cells) {
        return new InstructionCellIndex(cells);
    }

    /**
     * The six figures of the instructions issued in {@code period} in {@code provinces}, of one layer (entered, or
     * {@code synthetic} demo), by indicator code; a figure is absent where there is nothing to compute it from (no
     * instruction at all: none of them; no outcome yet: no rate; nobody contacted: no median; no money recorded: no
     * funds).
     */
    public static Map<String, BigDecimal> figures(InstructionCellIndex cells, Set<String> provinces,
                                                  Period period, InstructionSla sla, LocalDateTime asOf,
                                                  boolean synthetic) {
        List<InstructionCellIndex.Group> in = cells.within(provinces, period, synthetic);
        InstructionCellIndex.Totals t = InstructionCellIndex.Totals.NONE;
        for (InstructionCellIndex.Group g : in) {
            t = t.plus(g.totals(sla, asOf));
        }
        Map<String, BigDecimal> figures = new HashMap<>();
        if (t.issued() == 0) {
            return figures;
        }
        figures.put(INSTRUCTIONS, BigDecimal.valueOf(t.issued()));
        figures.put(DISSUADED, BigDecimal.valueOf(t.dissuaded()));
        figures.put(BREACHES, BigDecimal.valueOf(t.breaches()));
        if (t.decided() > 0) {
            figures.put(RATE, BigDecimal.valueOf(t.dissuaded() * 100).divide(BigDecimal.valueOf(t.decided()), 1,
                    RoundingMode.HALF_UP));
        }
        BigDecimal median = InstructionCellIndex.median(in);
        if (median != null) {
            figures.put(MEDIAN, median);
        }
        if (t.fundsCount() > 0) {
            figures.put(FUNDS, t.funds());
        }
        return figures;
    }

    /**
     * The dashboard's board of the instructions issued in {@code period} in {@code provinces}, of one layer: per tier
     * and risk level the instructions and those reached within their limit; the pending ones nobody has reached, by age
     * at {@code asOf} (within the limit, past it, and past a day, each counted once, in the oldest group it reached).
     */
    public static InstructionBoard board(InstructionCellIndex cells, Set<String> provinces,
                                         Period period, InstructionSla sla, LocalDateTime asOf, boolean synthetic) {
        Map<InstructionTier, Map<RiskLevel, long[]>> counts = new java.util.EnumMap<>(InstructionTier.class);
        long within = 0;
        long past = 0;
        long day = 0;
        List<InstructionCell> in = new ArrayList<>();
        cells.within(provinces, period, synthetic).forEach(g -> in.addAll(g.cells));
        for (InstructionCell cell : in) {
            long[] c = counts.computeIfAbsent(cell.tier(), t -> new java.util.EnumMap<>(RiskLevel.class))
                    .computeIfAbsent(cell.risk(), k -> new long[2]);
            c[0] += cell.issued();
            int limit = sla.minutes(cell.risk());
            c[1] += cell.contacted() - cell.contactedAfter(limit);
            for (long offset : cell.pendingOffsets()) {
                LocalDateTime issued = cell.pendingTime(offset);
                if (issued.plusDays(1).isBefore(asOf)) {
                    day++;
                } else if (issued.plusMinutes(limit).isBefore(asOf)) {
                    past++;
                } else {
                    within++;
                }
            }
        }
        Map<InstructionTier, Map<RiskLevel, InstructionBoard.Cell>> cells2 = new java.util.EnumMap<>(InstructionTier.class);
        counts.forEach((tier, byRisk) -> {
            Map<RiskLevel, InstructionBoard.Cell> row = new java.util.EnumMap<>(RiskLevel.class);
            byRisk.forEach((risk, c) -> row.put(risk, new InstructionBoard.Cell(c[0], c[1])));
            cells2.put(tier, row);
        });
        return new InstructionBoard(cells2, within, past, day, synthetic);
    }
}
