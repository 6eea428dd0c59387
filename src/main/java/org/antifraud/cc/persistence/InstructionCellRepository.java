package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.DEMO_INSTRUCTION;
import static org.antifraud.cc.persistence.jooq.Tables.INSTRUCTION_CELL;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_INSTRUCTION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.jooq.tables.records.InstructionCellRecord;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The month cells of warning instructions (V24, ADR 0040) and the scale demo's instructions. Blocking and
 * thread-agnostic; the caller chooses the transaction.
 */
public final class InstructionCellRepository {
    private static final String INSERT_DEMO = JdbcBatch.insertSql(DEMO_INSTRUCTION, DEMO_INSTRUCTION.SEQ,
            DEMO_INSTRUCTION.ISSUED_AT, DEMO_INSTRUCTION.REGION_CODE, DEMO_INSTRUCTION.TIER,
            DEMO_INSTRUCTION.RISK_LEVEL, DEMO_INSTRUCTION.CONTACTED_AT, DEMO_INSTRUCTION.OUTCOME,
            DEMO_INSTRUCTION.FUNDS_PROTECTED);
    private static final String INSERT_CELL = JdbcBatch.insertSql(INSTRUCTION_CELL, INSTRUCTION_CELL.MONTH_START,
            INSTRUCTION_CELL.REGION_CODE, INSTRUCTION_CELL.TIER, INSTRUCTION_CELL.RISK_LEVEL,
            INSTRUCTION_CELL.SYNTHETIC, INSTRUCTION_CELL.ISSUED, INSTRUCTION_CELL.DISSUADED, INSTRUCTION_CELL.DECIDED,
            INSTRUCTION_CELL.FUNDS_COUNT, INSTRUCTION_CELL.FUNDS, INSTRUCTION_CELL.MINUTES, INSTRUCTION_CELL.PENDING);

    /** The first key of the advisory locks of instruction cells (the second is the cell key's hash). */
    private static final int ADVISORY_CLASS = 0x17C3;

    private final DSLContext dsl;

    InstructionCellRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The month cells of {@code provinces} from the month of {@code firstMonth} to that of {@code lastMonth}, both layers. */
    public List<InstructionCell> cells(Collection<String> provinces, LocalDate firstMonth, LocalDate lastMonth,
                                       InstructionTier tier, RiskLevel risk) {
        if (provinces.isEmpty()) {
            return List.of();
        }
        Condition c = INSTRUCTION_CELL.REGION_CODE.in(provinces)
                .and(INSTRUCTION_CELL.MONTH_START.between(firstMonth.withDayOfMonth(1), lastMonth.withDayOfMonth(1)));
        if (tier != null) {
            c = c.and(INSTRUCTION_CELL.TIER.eq(tier.code()));
        }
        if (risk != null) {
            c = c.and(INSTRUCTION_CELL.RISK_LEVEL.eq(risk.code()));
        }
        // thousands of rows a dashboard load: read from the result set, without a jOOQ record for each
        List<InstructionCell> cells = new ArrayList<>();
        try (ResultSet rs = dsl.select(INSTRUCTION_CELL.MONTH_START, INSTRUCTION_CELL.REGION_CODE, INSTRUCTION_CELL.TIER,
                        INSTRUCTION_CELL.RISK_LEVEL, INSTRUCTION_CELL.SYNTHETIC, INSTRUCTION_CELL.ISSUED,
                        INSTRUCTION_CELL.DISSUADED, INSTRUCTION_CELL.DECIDED, INSTRUCTION_CELL.FUNDS_COUNT,
                        INSTRUCTION_CELL.FUNDS, INSTRUCTION_CELL.MINUTES, INSTRUCTION_CELL.PENDING)
                .from(INSTRUCTION_CELL).where(c).fetchSize(1000).fetchResultSet()) {
            Map<String, InstructionTier> tiers = new HashMap<>();
            Map<String, RiskLevel> risks = new HashMap<>();
            while (rs.next()) {
                InstructionCell.Key key = new InstructionCell.Key(rs.getObject(1, LocalDate.class), rs.getString(2),
                        tiers.computeIfAbsent(rs.getString(3), InstructionTier::fromCode),
                        risks.computeIfAbsent(rs.getString(4), RiskLevel::fromCode), rs.getBoolean(5));
                cells.add(InstructionCell.stored(key, rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getBigDecimal(10), rs.getBytes(11), rs.getBytes(12)));
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the instruction cells", e);
        }
        return cells;
    }

    /**
     * The instructions of {@code provinces} issued from {@code from} (included) to {@code until} (excluded), entered
     * ones and the demo's, summed per day, province, tier, risk level and layer: the days a period cuts (ADR 0040).
     * Read from the result sets straight into the cells: tens of thousands of rows on some dashboard loads.
     */
    public List<InstructionCell> dayCells(Collection<String> provinces, LocalDateTime from, LocalDateTime until,
                                          InstructionTier tier, RiskLevel risk) {
        if (provinces.isEmpty() || !from.isBefore(until)) {
            return List.of();
        }
        Map<InstructionCell.Key, InstructionCell.Builder> days = new HashMap<>();
        Condition entered = WARNING_INSTRUCTION.REGION_CODE.in(provinces).and(WARNING_INSTRUCTION.ISSUED_AT.ge(from))
                .and(WARNING_INSTRUCTION.ISSUED_AT.lt(until));
        Condition demo = DEMO_INSTRUCTION.REGION_CODE.in(provinces).and(DEMO_INSTRUCTION.ISSUED_AT.ge(from))
                .and(DEMO_INSTRUCTION.ISSUED_AT.lt(until));
        if (tier != null) {
            entered = entered.and(WARNING_INSTRUCTION.TIER.eq(tier.code()));
            demo = demo.and(DEMO_INSTRUCTION.TIER.eq(tier.code()));
        }
        if (risk != null) {
            entered = entered.and(WARNING_INSTRUCTION.RISK_LEVEL.eq(risk.code()));
            demo = demo.and(DEMO_INSTRUCTION.RISK_LEVEL.eq(risk.code()));
        }
        sumDays(dsl.select(WARNING_INSTRUCTION.ISSUED_AT, WARNING_INSTRUCTION.REGION_CODE, WARNING_INSTRUCTION.TIER,
                WARNING_INSTRUCTION.RISK_LEVEL, WARNING_INSTRUCTION.CONTACTED_AT, WARNING_INSTRUCTION.OUTCOME,
                WARNING_INSTRUCTION.FUNDS_PROTECTED).from(WARNING_INSTRUCTION).where(entered), false, days);
        sumDays(dsl.select(DEMO_INSTRUCTION.ISSUED_AT, DEMO_INSTRUCTION.REGION_CODE, DEMO_INSTRUCTION.TIER,
                DEMO_INSTRUCTION.RISK_LEVEL, DEMO_INSTRUCTION.CONTACTED_AT, DEMO_INSTRUCTION.OUTCOME,
                DEMO_INSTRUCTION.FUNDS_PROTECTED).from(DEMO_INSTRUCTION).where(demo), true, days);
        List<InstructionCell> cells = new ArrayList<>(days.size());
        days.values().forEach(b -> cells.add(b.build()));
        return cells;
    }

    /** Adds the rows of {@code query} (issued, region, tier, risk, contacted, outcome, funds) to their day's cell. */
    private static void sumDays(org.jooq.ResultQuery<?> query, boolean synthetic,
                                Map<InstructionCell.Key, InstructionCell.Builder> days) {
        Map<String, InstructionTier> tiers = new HashMap<>();
        Map<String, RiskLevel> risks = new HashMap<>();
        Map<String, InstructionOutcome> outcomes = new HashMap<>();
        try (ResultSet rs = query.fetchSize(1000).fetchResultSet()) {
            while (rs.next()) {
                LocalDateTime issued = rs.getObject(1, LocalDateTime.class);
                LocalDate day = issued.toLocalDate();
                InstructionCell.Key key = new InstructionCell.Key(day, rs.getString(2),
                        tiers.computeIfAbsent(rs.getString(3), InstructionTier::fromCode),
                        risks.computeIfAbsent(rs.getString(4), RiskLevel::fromCode), synthetic);
                days.computeIfAbsent(key, k -> new InstructionCell.Builder(org.antifraud.cc.domain.Period.day(day),
                                k.regionCode(), k.tier(), k.risk(), synthetic))
                        .add(issued, rs.getObject(5, LocalDateTime.class),
                                outcomes.computeIfAbsent(rs.getString(6), InstructionOutcome::fromCode),
                                rs.getBigDecimal(7));
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the instructions", e);
        }
    }

    /** Every month cell (the check of a rebuild). */
    public List<InstructionCell> all() {
        return dsl.selectFrom(INSTRUCTION_CELL).fetch(InstructionCellRepository::cell);
    }

    /**
     * Adds each change (a cell of positive or negative counts) to its stored cell; a cell left empty is deleted. On a
     * shared PostgreSQL database two desks may write the same cell at once: each takes the cells in one order, under
     * a transaction-scoped advisory lock per cell (the row lock alone cannot cover a cell not yet stored).
     */
    public void apply(Collection<InstructionCell> changes) {
        List<InstructionCell> ordered = new ArrayList<>(changes);
        ordered.sort(java.util.Comparator.comparing((InstructionCell c) -> c.span().start())
                .thenComparing(InstructionCell::regionCode).thenComparing(InstructionCell::tier)
                .thenComparing(InstructionCell::risk).thenComparing(InstructionCell::synthetic));
        boolean shared = Vendor.of(dsl) == Vendor.POSTGRESQL;
        List<InstructionCell> fresh = new ArrayList<>(); // cells not stored yet: inserted together at the end
        for (InstructionCell change : ordered) {
            InstructionCell.Key k = change.key();
            if (shared) {
                // a hash every desk computes alike (an enum's own hash differs between processes)
                int cell = java.util.Objects.hash(k.start().toString(), k.regionCode(), k.tier().code(),
                        k.risk().code(), k.synthetic());
                dsl.fetch("SELECT pg_advisory_xact_lock(?, ?)", ADVISORY_CLASS, cell);
            }
            Condition key = INSTRUCTION_CELL.MONTH_START.eq(k.start()).and(INSTRUCTION_CELL.REGION_CODE.eq(k.regionCode()))
                    .and(INSTRUCTION_CELL.TIER.eq(k.tier().code())).and(INSTRUCTION_CELL.RISK_LEVEL.eq(k.risk().code()))
                    .and(INSTRUCTION_CELL.SYNTHETIC.eq(k.synthetic()));
            InstructionCellRecord stored = dsl.selectFrom(INSTRUCTION_CELL).where(key).forUpdate().fetchOne();
            InstructionCell sum = stored == null ? InstructionCell.month(k) : cell(stored);
            sum.addAll(change);
            if (stored != null) {
                dsl.deleteFrom(INSTRUCTION_CELL).where(key).execute();
                if (!sum.isEmpty()) {
                    insert(List.of(sum));
                }
            } else if (!sum.isEmpty()) {
                fresh.add(sum);
            }
        }
        // (on PostgreSQL each key's advisory lock is held to the end of the transaction: no other desk adds it meanwhile)
        insert(fresh);
    }

    /** Inserts new cells (the demo's, a rebuild's). */
    public void insert(Collection<InstructionCell> cells) {
        JdbcBatch.run(dsl, INSERT_CELL, cells, (insert, c) -> {
            insert.setObject(1, c.span().start());
            insert.setString(2, c.regionCode());
            insert.setString(3, c.tier().code());
            insert.setString(4, c.risk().code());
            insert.setBoolean(5, c.synthetic());
            insert.setLong(6, c.issued());
            insert.setLong(7, c.dissuaded());
            insert.setLong(8, c.decided());
            insert.setLong(9, c.fundsCount());
            insert.setBigDecimal(10, c.funds());
            insert.setBytes(11, c.minutesBytes());
            insert.setBytes(12, c.pendingBytes());
        });
    }

    /**
     * Recomputes every cell from the instructions, entered and demo, read once in a stream; returns how many cells.
     * The cells are few (months × provinces × 9 × 2), the instructions may be millions.
     */
    public int rebuild() {
        Map<InstructionCell.Key, InstructionCell> cells = recomputed();
        dsl.deleteFrom(INSTRUCTION_CELL).execute();
        insert(cells.values());
        return cells.size();
    }

    /**
     * The cells whose stored sums differ from the instructions' (tampering outside the application, or a bug): each
     * with the issued count stored and recomputed (0 where the cell is missing on that side), for the audit's check.
     */
    public List<RollupRepository.Difference> differences() {
        Map<InstructionCell.Key, InstructionCell> stored = new HashMap<>();
        all().forEach(c -> stored.put(c.key(), c));
        Map<InstructionCell.Key, InstructionCell> recomputed = recomputed();
        java.util.Set<InstructionCell.Key> keys = new java.util.TreeSet<>(java.util.Comparator
                .comparing((InstructionCell.Key k) -> k.start()).thenComparing(InstructionCell.Key::regionCode)
                .thenComparing(InstructionCell.Key::tier).thenComparing(InstructionCell.Key::risk)
                .thenComparing(InstructionCell.Key::synthetic));
        keys.addAll(stored.keySet());
        keys.addAll(recomputed.keySet());
        List<RollupRepository.Difference> out = new ArrayList<>();
        for (InstructionCell.Key k : keys) {
            InstructionCell s = stored.get(k);
            InstructionCell r = recomputed.get(k);
            if (s == null || r == null || !signature(s).equals(signature(r))) {
                out.add(new RollupRepository.Difference("instruction_cell", "warning_instructions", k.regionCode(),
                        k.start().toString().substring(0, 7) + " " + k.tier().code() + "/" + k.risk().code()
                                + (k.synthetic() ? " demo" : ""), "",
                        java.math.BigDecimal.valueOf(s == null ? 0 : s.issued()),
                        java.math.BigDecimal.valueOf(r == null ? 0 : r.issued()), null, null));
            }
        }
        return out;
    }

    private static String signature(InstructionCell c) {
        return c.issued() + "|" + c.dissuaded() + "|" + c.decided() + "|" + c.fundsCount() + "|"
                + c.funds().stripTrailingZeros().toPlainString() + "|" + c.listsText();
    }

    /** Every cell summed from the instructions, entered and demo, read once in a stream. */
    private Map<InstructionCell.Key, InstructionCell> recomputed() {
        Map<InstructionCell.Key, InstructionCell> cells = new HashMap<>();
        try (Cursor<? extends Record> rows = dsl.select(WARNING_INSTRUCTION.ISSUED_AT, WARNING_INSTRUCTION.REGION_CODE,
                        WARNING_INSTRUCTION.TIER, WARNING_INSTRUCTION.RISK_LEVEL, WARNING_INSTRUCTION.CONTACTED_AT,
                        WARNING_INSTRUCTION.OUTCOME, WARNING_INSTRUCTION.FUNDS_PROTECTED)
                .from(WARNING_INSTRUCTION).fetchSize(5000).fetchLazy()) {
            rows.forEach(r -> addTo(cells, row(r, 0L), false));
        }
        try (Cursor<? extends Record> rows = demoSelect().from(DEMO_INSTRUCTION).fetchSize(5000).fetchLazy()) {
            rows.forEach(r -> addTo(cells, row(r, 0L), true));
        }
        return cells;
    }

    private static void addTo(Map<InstructionCell.Key, InstructionCell> cells, WarningInstruction w, boolean synthetic) {
        cells.computeIfAbsent(InstructionCell.Key.monthOf(w, synthetic), InstructionCell::month).add(w, 1);
    }

    // --- the scale demo's instructions

    /** Inserts demo instructions, numbered from {@code firstSeq} in list order. */
    public void insertDemo(List<WarningInstruction> instructions, long firstSeq) {
        long[] seq = {firstSeq};
        JdbcBatch.run(dsl, INSERT_DEMO, instructions, (insert, w) -> {
            insert.setLong(1, seq[0]++);
            insert.setObject(2, w.issuedAt());
            insert.setString(3, w.regionCode());
            insert.setString(4, w.tier().code());
            insert.setString(5, w.riskLevel().code());
            insert.setObject(6, w.contactedAt());
            insert.setString(7, w.outcome().code());
            insert.setBigDecimal(8, w.fundsProtected());
        });
    }

    /** The demo instructions of {@code provinces} issued from {@code from} (included) to {@code until} (excluded). */
    public List<WarningInstruction> demo(Collection<String> provinces, LocalDateTime from, LocalDateTime until,
                                         InstructionTier tier, RiskLevel risk) {
        if (provinces.isEmpty()) {
            return List.of();
        }
        Condition c = DEMO_INSTRUCTION.REGION_CODE.in(provinces).and(DEMO_INSTRUCTION.ISSUED_AT.ge(from))
                .and(DEMO_INSTRUCTION.ISSUED_AT.lt(until));
        if (tier != null) {
            c = c.and(DEMO_INSTRUCTION.TIER.eq(tier.code()));
        }
        if (risk != null) {
            c = c.and(DEMO_INSTRUCTION.RISK_LEVEL.eq(risk.code()));
        }
        List<WarningInstruction> rows = new ArrayList<>();
        demoSelect().select(DEMO_INSTRUCTION.SEQ).from(DEMO_INSTRUCTION).where(c).fetchSize(1000)
                .forEach(r -> rows.add(row(r, r.get(DEMO_INSTRUCTION.SEQ))));
        return rows;
    }

    /** Deletes the demo instructions and the demo cells; returns how many instructions. */
    public long deleteDemo() {
        dsl.deleteFrom(INSTRUCTION_CELL).where(INSTRUCTION_CELL.SYNTHETIC.isTrue()).execute();
        return dsl.deleteFrom(DEMO_INSTRUCTION).execute();
    }

    public long demoCount() {
        return dsl.fetchCount(DEMO_INSTRUCTION);
    }

    private org.jooq.SelectSelectStep<Record> demoSelect() {
        return dsl.select(List.of(DEMO_INSTRUCTION.ISSUED_AT, DEMO_INSTRUCTION.REGION_CODE, DEMO_INSTRUCTION.TIER,
                DEMO_INSTRUCTION.RISK_LEVEL, DEMO_INSTRUCTION.CONTACTED_AT, DEMO_INSTRUCTION.OUTCOME,
                DEMO_INSTRUCTION.FUNDS_PROTECTED));
    }

    /** An instruction from the first seven columns (issued … funds) of either table; {@code seq} makes its id. */
    private static WarningInstruction row(Record r, long seq) {
        return new WarningInstruction(new UUID(0, seq), r.get(0, LocalDateTime.class), r.get(1, String.class),
                InstructionTier.fromCode(r.get(2, String.class)), RiskLevel.fromCode(r.get(3, String.class)),
                r.get(4, LocalDateTime.class), InstructionOutcome.fromCode(r.get(5, String.class)),
                r.get(6, java.math.BigDecimal.class));
    }

    private static InstructionCell cell(InstructionCellRecord r) {
        return InstructionCell.stored(new InstructionCell.Key(r.getMonthStart(), r.getRegionCode(),
                        InstructionTier.fromCode(r.getTier()), RiskLevel.fromCode(r.getRiskLevel()), r.getSynthetic()),
                r.getIssued(), r.getDissuaded(), r.getDecided(), r.getFundsCount(), r.getFunds(), r.getMinutes(),
                r.getPending());
    }
}
