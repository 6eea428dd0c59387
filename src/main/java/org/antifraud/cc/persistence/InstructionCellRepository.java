package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.DEMO_INSTRUCTION;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_INSTRUCTION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
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
    /** The first key of the advisory locks of instruction cells (the second is the cell key's hash). */
    private static final int ADVISORY_CLASS = 0x17C3;

    private final DSLContext dsl;

    InstructionCellRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The two spans cells are stored for (ADR 0040): months, and days (what a period cutting a month reads). */
    public enum Grain {
        MONTH("instruction_month", "month_start"),
        DAY("instruction_day", "issued_on");

        final String table;
        final String start;

        Grain(String table, String start) {
            this.table = table;
            this.start = start;
        }

        /** The span of this grain starting on {@code start}. */
        Period span(LocalDate start) {
            return this == MONTH ? Period.month(YearMonth.from(start)) : Period.day(start);
        }

        /** The key of the cell of this grain an instruction belongs to. */
        public InstructionCell.Key keyOf(WarningInstruction w, boolean synthetic) {
            return this == MONTH ? InstructionCell.Key.monthOf(w, synthetic) : InstructionCell.Key.dayOf(w, synthetic);
        }

        public InstructionCell empty(InstructionCell.Key key) {
            return this == MONTH ? InstructionCell.month(key) : InstructionCell.day(key);
        }
    }

    /** The stored row of some cells: every tier and risk level of one span, province and layer. */
    private record Row(LocalDate start, String regionCode, boolean synthetic) {
        static final java.util.Comparator<Row> ORDER = java.util.Comparator.comparing(Row::start)
                .thenComparing(Row::regionCode).thenComparing(Row::synthetic);

        static Row of(InstructionCell c) {
            return new Row(c.span().start(), c.regionCode(), c.synthetic());
        }
    }

    /**
     * The month cells of {@code provinces} from the month of {@code firstMonth} to that of {@code lastMonth}, both
     * layers; of one tier and/or risk level where given.
     */
    public List<InstructionCell> cells(Collection<String> provinces, LocalDate firstMonth, LocalDate lastMonth,
                                       InstructionTier tier, RiskLevel risk) {
        return read(Grain.MONTH, provinces, firstMonth.withDayOfMonth(1), lastMonth.withDayOfMonth(1), tier, risk);
    }

    /** The day cells of {@code provinces} from {@code first} to {@code last} (both included), both layers. */
    public List<InstructionCell> storedDays(Collection<String> provinces, LocalDate first, LocalDate last,
                                            InstructionTier tier, RiskLevel risk) {
        return read(Grain.DAY, provinces, first, last, tier, risk);
    }

    /** Hundreds of rows a dashboard load: read from the result set, four columns, each row's parts in one value. */
    private List<InstructionCell> read(Grain grain, Collection<String> provinces, LocalDate first, LocalDate last,
                                       InstructionTier tier, RiskLevel risk) {
        if (provinces != null && provinces.isEmpty() || last.isBefore(first)) {
            return List.of();
        }
        List<Object> binds = new ArrayList<>(List.of(first, last));
        String sql = "SELECT " + grain.start + ", region_code, synthetic, parts FROM " + grain.table + " WHERE "
                + grain.start + " BETWEEN ? AND ?";
        if (provinces != null) { // (null: every province, the checks of a rebuild)
            binds.addAll(provinces);
            sql += " AND region_code IN (" + String.join(", ", java.util.Collections.nCopies(provinces.size(), "?"))
                    + ")";
        }
        List<InstructionCell> cells = new ArrayList<>();
        try (ResultSet rs = dsl.resultQuery(sql, binds.toArray()).fetchSize(1000).fetchResultSet()) {
            while (rs.next()) {
                for (InstructionCell c : unpacked(grain, new Row(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getBoolean(3)), rs.getBytes(4))) {
                    if ((tier == null || c.tier() == tier) && (risk == null || c.risk() == risk)) {
                        cells.add(c);
                    }
                }
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
        return all(Grain.MONTH);
    }

    /** Every stored cell of {@code grain}. */
    public List<InstructionCell> all(Grain grain) {
        return read(grain, null, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null, null);
    }

    /**
     * Adds each change (a cell of positive or negative counts, of {@code grain}'s spans) to its stored row; a cell
     * left empty is dropped from it, a row left empty deleted. On a shared PostgreSQL database two desks may write the
     * same row at once: each takes the rows in one order, under a transaction-scoped advisory lock per row (the row
     * lock alone cannot cover a row not yet stored). On H2, all rows in a few statements.
     */
    public void apply(Grain grain, Collection<InstructionCell> changes) {
        java.util.TreeMap<Row, List<InstructionCell>> rows = new java.util.TreeMap<>(Row.ORDER);
        for (InstructionCell c : changes) {
            rows.computeIfAbsent(Row.of(c), k -> new ArrayList<>()).add(c);
        }
        if (rows.isEmpty()) {
            return;
        }
        if (Vendor.of(dsl) == Vendor.H2) {
            applyTogether(grain, rows);
            return;
        }
        Map<Row, Collection<InstructionCell>> fresh = new java.util.LinkedHashMap<>(); // inserted together at the end
        for (Map.Entry<Row, List<InstructionCell>> e : rows.entrySet()) {
            Row row = e.getKey();
            // a hash every desk computes alike (an enum's own hash differs between processes)
            int hash = java.util.Objects.hash(grain.table, row.start().toString(), row.regionCode(), row.synthetic());
            dsl.fetch("SELECT pg_advisory_xact_lock(?, ?)", ADVISORY_CLASS, hash);
            Record stored = dsl.resultQuery("SELECT parts FROM " + grain.table + " WHERE " + grain.start
                    + " = ? AND region_code = ? AND synthetic = ? FOR UPDATE", row.start(), row.regionCode(),
                    row.synthetic()).fetchOne();
            Map<String, InstructionCell> parts = sum(grain, row, stored == null ? null : stored.get(0, byte[].class),
                    e.getValue());
            if (stored == null) {
                if (!parts.isEmpty()) {
                    fresh.put(row, parts.values());
                }
            } else if (parts.isEmpty()) {
                dsl.execute("DELETE FROM " + grain.table + " WHERE " + grain.start
                        + " = ? AND region_code = ? AND synthetic = ?", row.start(), row.regionCode(), row.synthetic());
            } else {
                dsl.execute("UPDATE " + grain.table + " SET issued = ?, parts = ? WHERE " + grain.start
                                + " = ? AND region_code = ? AND synthetic = ?", issued(parts.values()),
                        InstructionCell.pack(parts.values()), row.start(), row.regionCode(), row.synthetic());
            }
        }
        // (on PostgreSQL each row's advisory lock is held to the end of the transaction: no other desk adds it meanwhile)
        insertRows(grain, fresh);
    }

    /**
     * The cells of a stored row; a value that does not decode (changed outside the application) is a {@link Problem}
     * naming the row and the way back ({@code rollups --rebuild}), never figures read from it.
     */
    private static List<InstructionCell> unpacked(Grain grain, Row row, byte[] parts) {
        try {
            return InstructionCell.unpack(grain.span(row.start()), row.regionCode(), row.synthetic(), parts);
        } catch (IllegalArgumentException e) {
            throw damaged(row.regionCode(), grain.span(row.start()), e);
        }
    }

    /** The problem of warning instructions' stored sums that do not hold together: rebuilt from the instructions. */
    public static Problem damaged(String regionCode, Period span, Exception cause) {
        return new Problem("instruction_cells_damaged", "the stored sums of warning instructions of " + regionCode + " "
                + span.code() + " are damaged: run rollups --rebuild (audit verify names every changed row)", cause,
                regionCode, span.code());
    }

    /** A stored row's parts (none when {@code stored} is null) plus {@code changes}, the emptied ones dropped. */
    private static Map<String, InstructionCell> sum(Grain grain, Row row, byte[] stored, List<InstructionCell> changes) {
        Map<String, InstructionCell> parts = new java.util.HashMap<>();
        if (stored != null) {
            for (InstructionCell c : unpacked(grain, row, stored)) {
                parts.put(c.tier() + "|" + c.risk(), c);
            }
        }
        for (InstructionCell change : changes) {
            parts.computeIfAbsent(change.tier() + "|" + change.risk(), k -> grain.empty(change.key())).add(change, 1);
        }
        parts.values().removeIf(InstructionCell::isEmpty);
        return parts;
    }

    /**
     * H2 (one process; the record writers take turns, ADR 0034): the rows of the changes' span read and locked in one
     * statement, then updated, deleted and inserted in three batches — an import touches tens of thousands of rows.
     */
    private void applyTogether(Grain grain, java.util.TreeMap<Row, List<InstructionCell>> rows) {
        java.util.Set<String> provinces = new java.util.TreeSet<>();
        rows.keySet().forEach(r -> provinces.add(r.regionCode()));
        List<Object> binds = new ArrayList<>(List.of(rows.firstKey().start(), rows.lastKey().start()));
        binds.addAll(provinces);
        Map<Row, byte[]> stored = new HashMap<>();
        dsl.resultQuery("SELECT " + grain.start + ", region_code, synthetic, parts FROM " + grain.table + " WHERE "
                        + grain.start + " BETWEEN ? AND ? AND region_code IN ("
                        + String.join(", ", java.util.Collections.nCopies(provinces.size(), "?")) + ") FOR UPDATE",
                binds.toArray()).forEach(r -> {
                    Row row = new Row(r.get(0, LocalDate.class), r.get(1, String.class), r.get(2, Boolean.class));
                    if (rows.containsKey(row)) {
                        stored.put(row, r.get(3, byte[].class));
                    }
                });
        Map<Row, Collection<InstructionCell>> updated = new java.util.LinkedHashMap<>();
        List<Row> emptied = new ArrayList<>();
        Map<Row, Collection<InstructionCell>> fresh = new java.util.LinkedHashMap<>();
        for (Map.Entry<Row, List<InstructionCell>> e : rows.entrySet()) {
            byte[] before = stored.get(e.getKey());
            Map<String, InstructionCell> parts = sum(grain, e.getKey(), before, e.getValue());
            if (before == null) {
                if (!parts.isEmpty()) {
                    fresh.put(e.getKey(), parts.values());
                }
            } else if (parts.isEmpty()) {
                emptied.add(e.getKey());
            } else {
                updated.put(e.getKey(), parts.values());
            }
        }
        String where = " WHERE " + grain.start + " = ? AND region_code = ? AND synthetic = ?";
        JdbcBatch.run(dsl, "UPDATE " + grain.table + " SET issued = ?, parts = ?" + where, updated.entrySet(),
                (update, e) -> {
                    update.setLong(1, issued(e.getValue()));
                    update.setBytes(2, InstructionCell.pack(e.getValue()));
                    update.setObject(3, e.getKey().start());
                    update.setString(4, e.getKey().regionCode());
                    update.setBoolean(5, e.getKey().synthetic());
                });
        JdbcBatch.run(dsl, "DELETE FROM " + grain.table + where, emptied, (delete, row) -> {
            delete.setObject(1, row.start());
            delete.setString(2, row.regionCode());
            delete.setBoolean(3, row.synthetic());
        });
        insertRows(grain, fresh);
    }

    private static long issued(Collection<InstructionCell> parts) {
        return parts.stream().mapToLong(InstructionCell::issued).sum();
    }

    /** Inserts new cells of {@code grain} (the demo's, a rebuild's): none of their rows may be stored yet. */
    public void insert(Grain grain, Collection<InstructionCell> cells) {
        Map<Row, Collection<InstructionCell>> rows = new java.util.TreeMap<>(Row.ORDER);
        for (InstructionCell c : cells) {
            rows.computeIfAbsent(Row.of(c), k -> new ArrayList<>()).add(c);
        }
        insertRows(grain, rows);
    }

    private void insertRows(Grain grain, Map<Row, Collection<InstructionCell>> rows) {
        String sql = "INSERT INTO " + grain.table + " (" + grain.start
                + ", region_code, synthetic, issued, parts) VALUES (?, ?, ?, ?, ?)";
        JdbcBatch.run(dsl, sql, rows.entrySet(), (insert, e) -> {
            insert.setObject(1, e.getKey().start());
            insert.setString(2, e.getKey().regionCode());
            insert.setBoolean(3, e.getKey().synthetic());
            insert.setLong(4, issued(e.getValue()));
            insert.setBytes(5, InstructionCell.pack(e.getValue()));
        });
    }

    /**
     * Recomputes every cell of both grains from the instructions, entered and demo, read once in a stream; returns
     * how many month cells. The rows are few (months or days × provinces × 2), the instructions may be millions.
     */
    public int rebuild() {
        Map<Grain, Map<InstructionCell.Key, InstructionCell>> cells = recomputed();
        for (Grain g : Grain.values()) {
            dsl.execute("DELETE FROM " + g.table);
            insert(g, cells.get(g).values());
        }
        return cells.get(Grain.MONTH).size();
    }

    /**
     * The stored rows that differ from what the instructions give (tampering outside the application, or a bug): each
     * part that differs with its issued count stored and recomputed (0 where it is missing on that side), or the
     * whole row where its value does not decode or its total does not match its parts, for the audit's check.
     */
    public List<RollupRepository.Difference> differences() {
        Map<Grain, Map<InstructionCell.Key, InstructionCell>> recomputed = recomputed();
        List<RollupRepository.Difference> out = new ArrayList<>();
        for (Grain g : Grain.values()) {
            Map<Row, List<InstructionCell>> expected = new java.util.TreeMap<>(Row.ORDER);
            recomputed.get(g).values().forEach(c -> expected.computeIfAbsent(Row.of(c), k -> new ArrayList<>()).add(c));
            Map<Row, Record> stored = new java.util.TreeMap<>(Row.ORDER);
            dsl.resultQuery("SELECT " + g.start + ", region_code, synthetic, issued, parts FROM " + g.table)
                    .forEach(r -> stored.put(new Row(r.get(0, LocalDate.class), r.get(1, String.class),
                            r.get(2, Boolean.class)), r));
            java.util.Set<Row> keys = new java.util.TreeSet<>(Row.ORDER);
            keys.addAll(expected.keySet());
            keys.addAll(stored.keySet());
            for (Row row : keys) {
                List<InstructionCell> want = expected.getOrDefault(row, List.of());
                Record have = stored.get(row);
                byte[] bytes = have == null ? null : have.get(4, byte[].class);
                if (have != null && !want.isEmpty() && java.util.Arrays.equals(bytes, InstructionCell.pack(want))
                        && have.get(3, Long.class) == issued(want)) {
                    continue;
                }
                String period = g == Grain.MONTH ? row.start().toString().substring(0, 7) : row.start().toString();
                String demo = row.synthetic() ? " demo" : "";
                List<InstructionCell> parts;
                try {
                    parts = have == null ? List.of() : unpacked(g, row, bytes);
                } catch (Problem damaged) {
                    out.add(difference(g, row, period + demo, have.get(3, Long.class), issued(want)));
                    continue;
                }
                int before = out.size();
                Map<String, InstructionCell> byPart = new java.util.TreeMap<>();
                parts.forEach(c -> byPart.put(c.tier().code() + "/" + c.risk().code(), c));
                Map<String, InstructionCell> wanted = new java.util.TreeMap<>();
                want.forEach(c -> wanted.put(c.tier().code() + "/" + c.risk().code(), c));
                java.util.Set<String> names = new java.util.TreeSet<>(byPart.keySet());
                names.addAll(wanted.keySet());
                for (String name : names) {
                    InstructionCell s = byPart.get(name);
                    InstructionCell r = wanted.get(name);
                    if (s == null || r == null || !signature(s).equals(signature(r))) {
                        out.add(difference(g, row, period + " " + name + demo, s == null ? 0 : s.issued(),
                                r == null ? 0 : r.issued()));
                    }
                }
                if (out.size() == before) { // the parts agree: the row's total or layout was changed
                    out.add(difference(g, row, period + demo, have == null ? 0 : have.get(3, Long.class), issued(want)));
                }
            }
        }
        return out;
    }

    private static RollupRepository.Difference difference(Grain g, Row row, String period, long stored,
                                                          long recomputed) {
        return new RollupRepository.Difference(g.table, "warning_instructions", row.regionCode(), period, "",
                java.math.BigDecimal.valueOf(stored), java.math.BigDecimal.valueOf(recomputed), null, null);
    }

    private static String signature(InstructionCell c) {
        return c.issued() + "|" + c.dissuaded() + "|" + c.decided() + "|" + c.fundsCount() + "|"
                + c.funds().stripTrailingZeros().toPlainString() + "|" + c.listsText();
    }

    /** Every cell of both grains summed from the instructions, entered and demo, read once in a stream. */
    private Map<Grain, Map<InstructionCell.Key, InstructionCell>> recomputed() {
        Map<Grain, Map<InstructionCell.Key, InstructionCell>> cells = new java.util.EnumMap<>(Grain.class);
        for (Grain g : Grain.values()) {
            cells.put(g, new HashMap<>());
        }
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

    private static void addTo(Map<Grain, Map<InstructionCell.Key, InstructionCell>> cells, WarningInstruction w,
                              boolean synthetic) {
        for (Grain g : Grain.values()) {
            cells.get(g).computeIfAbsent(g.keyOf(w, synthetic), g::empty).add(w, 1);
        }
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

    /** Deletes the demo instructions and the demo cells; returns how many instructions. */
    public long deleteDemo() {
        for (Grain g : Grain.values()) {
            dsl.execute("DELETE FROM " + g.table + " WHERE synthetic = TRUE");
        }
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
}
