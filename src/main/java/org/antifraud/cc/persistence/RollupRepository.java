package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_DAY;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_MONTH;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_TEN_DAYS;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_YEAR;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.WarningChannel;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The rollups of day-grain facts (rollup_day, rollup_ten_days, rollup_month, rollup_year). Writers keep them current
 * in their own transaction with {@link #add}; {@link #rebuild} recomputes them from the raw rows.
 * See ADR 0013.
 */
public final class RollupRepository {
    private final DSLContext dsl;

    RollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds the facts to every grain (summing facts with the same key first). */
    public void add(Collection<DayFact> facts) {
        Sums sums = new Sums(EnumSet.allOf(Grain.class));
        facts.forEach(sums::add);
        write(sums);
    }

    /**
     * Facts summed per rollup cell in memory, for the grains chosen, to be written with {@link #write}: a bulk
     * writer (the scale demo) adds each chunk's day cells as it goes and the coarser cells, which every chunk
     * would otherwise update again and again, once at the end.
     */
    public static final class Sums {
        private final Set<Grain> grains;
        private final Map<Grain, Map<Cell, Sum>> cells = new EnumMap<>(Grain.class);

        public Sums(Set<Grain> grains) {
            this.grains = EnumSet.copyOf(grains);
            for (Grain g : this.grains) {
                cells.put(g, new LinkedHashMap<>());
            }
        }

        public void add(DayFact f) {
            for (Grain g : grains) {
                accumulate(cells.get(g), new Cell(f.indicatorCode(), f.regionCode(), g.periodOf(f.day()), f.campaignCode()), f);
            }
        }
    }

    /** Adds what {@code sums} holds to the rollups and empties it. */
    public void write(Sums sums) {
        write(sums, false);
    }

    /**
     * Like {@link #write(Sums)}; with {@code newCells} the caller knows that no cell of {@code sums} is stored
     * yet (see {@link #noDayCellBetween}), and plain INSERTs take the place of MERGEs (a quarter faster). Should
     * a cell exist after all, the insert fails on its primary key and the transaction with it: nothing is
     * ever counted twice.
     */
    public void write(Sums sums, boolean newCells) {
        for (Grain g : sums.grains) {
            Map<Cell, Sum> cells = sums.cells.get(g);
            upsert(g, cells, newCells);
            cells.clear();
        }
    }

    /** Whether rollup_day holds no cell from {@code first} to {@code last}: then no coarser cell of those days exists either. */
    public boolean noDayCellBetween(LocalDate first, LocalDate last) {
        return !dsl.fetchExists(dsl.selectOne().from(ROLLUP_DAY).where(ROLLUP_DAY.FACT_DAY.between(first, last)));
    }

    /** The first day of the ten-day period (旬) of {@code day}: the 1st, 11th or 21st of its month. */
    public static LocalDate tenDayStart(LocalDate day) {
        int d = day.getDayOfMonth();
        return day.withDayOfMonth(d <= 10 ? 1 : d <= 20 ? 11 : 21);
    }

    /** The last day of the ten-day period starting on {@code start}. */
    public static LocalDate tenDayEnd(LocalDate start) {
        return start.getDayOfMonth() == 21 ? YearMonth.from(start).atEndOfMonth() : start.plusDays(9);
    }

    /** A rollup key: the period is a day, a month's first day or a year number. */
    private record Cell(String indicator, String region, Object period, String campaign) {
    }

    /** One order of the cells of a grain (its periods are all dates or all year numbers). */
    @SuppressWarnings("unchecked")
    private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::indicator).thenComparing(Cell::region)
            .thenComparing(c -> (Comparable<Object>) c.period()).thenComparing(Cell::campaign);

    private static final class Sum {
        BigDecimal amount = BigDecimal.ZERO;
        long facts;
        long synthetic;
        /** The synthetic facts' part of {@code amount}: a cell may hold real and demo facts (issue 12). */
        BigDecimal syntheticAmount = BigDecimal.ZERO;
    }

    /** The rollup tables, each a grain of the calendar. */
    public enum Grain {
        DAY("rollup_day", "fact_day", "DATE"),
        TEN_DAYS("rollup_ten_days", "period_start", "DATE"),
        MONTH("rollup_month", "month_start", "DATE"),
        YEAR("rollup_year", "year_no", "INTEGER");

        /** The grains above a day. */
        public static final Set<Grain> COARSE = EnumSet.of(TEN_DAYS, MONTH, YEAR);

        final String table;
        final String period;
        final String merge;
        final String insert;
        /**
         * PostgreSQL's own upsert: unlike its MERGE, two transactions adding to the same new cell at once both count
         * (the second waits for the first and adds to its row) instead of one failing on the key (ADR 0034).
         */
        final String upsert;
        final String deleteEmpty;

        /**
         * One MERGE per cell, in plain JDBC: jOOQ's emulation of ON CONFLICT for H2 and its per-row binding
         * cost twice what H2 spends on the statement. Standard SQL (PostgreSQL 15 has MERGE too).
         */
        Grain(String table, String period, String periodType) {
            this.table = table;
            this.period = period;
            merge = "MERGE INTO " + table + " r USING (SELECT CAST(? AS VARCHAR(48)) i, CAST(? AS VARCHAR(16)) g,"
                    + " CAST(? AS " + periodType + ") p, CAST(? AS VARCHAR(48)) c, CAST(? AS DECIMAL(24, 2)) a,"
                    + " CAST(? AS BIGINT) f, CAST(? AS BIGINT) s, CAST(? AS DECIMAL(24, 2)) sa) t"
                    + " ON (r.indicator_code = t.i AND r.region_code = t.g AND r." + period + " = t.p AND r.campaign_code = t.c)"
                    + " WHEN MATCHED THEN UPDATE SET amount = r.amount + t.a, fact_count = r.fact_count + t.f,"
                    + " synthetic_count = r.synthetic_count + t.s, synthetic_amount = r.synthetic_amount + t.sa"
                    + " WHEN NOT MATCHED THEN INSERT (indicator_code, region_code, " + period + ", campaign_code, amount,"
                    + " fact_count, synthetic_count, synthetic_amount) VALUES (t.i, t.g, t.p, t.c, t.a, t.f, t.s, t.sa)";
            insert = "INSERT INTO " + table + " (indicator_code, region_code, " + period + ", campaign_code, amount,"
                    + " fact_count, synthetic_count, synthetic_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            upsert = insert + " ON CONFLICT (indicator_code, region_code, " + period + ", campaign_code) DO UPDATE SET"
                    + " amount = " + table + ".amount + EXCLUDED.amount, fact_count = " + table + ".fact_count"
                    + " + EXCLUDED.fact_count, synthetic_count = " + table + ".synthetic_count + EXCLUDED.synthetic_count,"
                    + " synthetic_amount = " + table + ".synthetic_amount + EXCLUDED.synthetic_amount";
            deleteEmpty = "DELETE FROM " + table + " WHERE indicator_code = ? AND region_code = ? AND " + period
                    + " = ? AND campaign_code = ? AND fact_count <= 0";
        }

        /**
         * This coarse grain's cells summed from day cells ({@code days}: a table or a subquery with rollup_day's
         * columns), in the column order of the rollup tables.
         */
        String fromDays(String days, Vendor vendor) {
            String p = vendor == Vendor.H2 ? switch (this) {
                case DAY -> throw new IllegalStateException("the day grain is made from the raw rows");
                case TEN_DAYS -> "DATEADD(DAY, CASE WHEN EXTRACT(DAY FROM fact_day) <= 10 THEN 1"
                        + " WHEN EXTRACT(DAY FROM fact_day) <= 20 THEN 11 ELSE 21 END - EXTRACT(DAY FROM fact_day), fact_day)";
                case MONTH -> "DATEADD(DAY, 1 - EXTRACT(DAY FROM fact_day), fact_day)";
                case YEAR -> "EXTRACT(YEAR FROM fact_day)";
            } : switch (this) { // PostgreSQL: a date plus whole days is a date; EXTRACT gives a numeric
                case DAY -> throw new IllegalStateException("the day grain is made from the raw rows");
                case TEN_DAYS -> "fact_day + (CASE WHEN EXTRACT(DAY FROM fact_day) <= 10 THEN 1"
                        + " WHEN EXTRACT(DAY FROM fact_day) <= 20 THEN 11 ELSE 21 END"
                        + " - CAST(EXTRACT(DAY FROM fact_day) AS INTEGER))";
                case MONTH -> "CAST(DATE_TRUNC('month', fact_day) AS DATE)";
                case YEAR -> "CAST(EXTRACT(YEAR FROM fact_day) AS INTEGER)";
            };
            return "SELECT indicator_code, region_code, " + p + ", campaign_code, SUM(amount), SUM(fact_count),"
                    + " SUM(synthetic_count), SUM(synthetic_amount) FROM " + days
                    + " GROUP BY indicator_code, region_code, " + p + ", campaign_code";
        }

        /** The key of the cell holding {@code day}: the day, the first day of its ten days or month, the year. */
        Object periodOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case TEN_DAYS -> tenDayStart(day);
                case MONTH -> day.withDayOfMonth(1);
                case YEAR -> day.getYear();
            };
        }
    }

    private static void accumulate(Map<Cell, Sum> sums, Cell key, DayFact f) {
        Sum sum = sums.computeIfAbsent(key, k -> new Sum());
        sum.amount = sum.amount.add(f.amount());
        sum.facts += f.factCount();
        sum.synthetic += f.syntheticCount();
        sum.syntheticAmount = sum.syntheticAmount.add(f.syntheticAmount());
    }

    private void upsert(Grain grain, Map<Cell, Sum> sums, boolean newCells) {
        if (sums.isEmpty()) {
            return;
        }
        Collection<Map.Entry<Cell, Sum>> cells = sums.entrySet();
        String statement = newCells ? grain.insert : grain.merge;
        if (Vendor.of(dsl) == Vendor.POSTGRESQL) {
            // many desks write at once: upserts, in one order of the cells, so that two writers of the same cells
            // wait for each other instead of deadlocking
            statement = grain.upsert;
            List<Map.Entry<Cell, Sum>> ordered = new ArrayList<>(cells);
            ordered.sort(Map.Entry.comparingByKey(CELL_ORDER));
            cells = ordered;
        }
        JdbcBatch.run(dsl, statement, cells, (merge, e) -> {
            bindKey(merge, e.getKey());
            merge.setBigDecimal(5, e.getValue().amount);
            merge.setLong(6, e.getValue().facts);
            merge.setLong(7, e.getValue().synthetic);
            merge.setBigDecimal(8, e.getValue().syntheticAmount);
        });
        // a cell whose last fact was taken away is no longer known; only cells that lost facts can be
        // empty (a DELETE over the whole table on every call made big writes quadratic)
        List<Cell> shrunk = sums.entrySet().stream().filter(e -> e.getValue().facts < 0).map(Map.Entry::getKey)
                .toList();
        JdbcBatch.run(dsl, grain.deleteEmpty, shrunk, RollupRepository::bindKey);
    }

    private static void bindKey(PreparedStatement statement, Cell cell) throws SQLException {
        statement.setString(1, cell.indicator());
        statement.setString(2, cell.region());
        statement.setObject(3, cell.period());
        statement.setString(4, cell.campaign());
    }

    /** How many facts the rollups hold, and how many of them are synthetic (from the few year cells). */
    public long[] factCounts() {
        var r = dsl.select(DSL.coalesce(DSL.sum(ROLLUP_YEAR.FACT_COUNT), BigDecimal.ZERO),
                DSL.coalesce(DSL.sum(ROLLUP_YEAR.SYNTHETIC_COUNT), BigDecimal.ZERO)).from(ROLLUP_YEAR).fetchOne();
        return new long[]{r.value1().longValue(), r.value2().longValue()};
    }

    /** How many day-grain facts the rollups hold. */
    public long factCount() {
        Long n = dsl.select(DSL.sum(ROLLUP_YEAR.FACT_COUNT)).from(ROLLUP_YEAR).fetchOne(0, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Recomputes every grain from the raw rows: day-grain measurements, fraud cases, den takedowns, warning
     * batches, the scale demo's tables. Each fact's synthetic-demo part is summed apart (issue 12). The warning
     * instructions' month cells too (ADR 0040).
     */
    public void rebuild() {
        new InstructionCellRepository(dsl).rebuild();
        dsl.deleteFrom(ROLLUP_DAY).execute();
        dsl.deleteFrom(ROLLUP_MONTH).execute();
        dsl.deleteFrom(ROLLUP_YEAR).execute();
        dsl.deleteFrom(ROLLUP_TEN_DAYS).execute();
        dsl.execute("INSERT INTO rollup_day (indicator_code, region_code, fact_day, campaign_code, amount, fact_count,"
                + " synthetic_count, synthetic_amount) " + daySelect());
        for (Grain g : Grain.COARSE) {
            dsl.execute("INSERT INTO " + g.table + " (indicator_code, region_code, " + g.period + ", campaign_code, amount,"
                    + " fact_count, synthetic_count, synthetic_amount) " + g.fromDays("rollup_day", Vendor.of(dsl)));
        }
    }

    /**
     * The day rollup as the raw rows make it, one SELECT (indicator_code, region_code, fact_day, campaign_code,
     * amount, fact count, synthetic count, synthetic amount): what {@link #rebuild} writes and {@link #differences}
     * compares with.
     */
    private static String daySelect() {
        return """
                SELECT indicator_code, region_code, fact_day, campaign_code, SUM(amount), SUM(n), SUM(s), SUM(sa) FROM (
                    SELECT indicator_code, region_code, period_start AS fact_day, COALESCE(campaign_code, '') AS campaign_code,
                           amount, 1 AS n, CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END AS s,
                           CASE WHEN basis = 'synthetic-demo' THEN amount ELSE 0 END AS sa
                      FROM measurement WHERE grain = 'D' AND amount IS NOT NULL
                    UNION ALL
                    SELECT 'cases_registered', region_code, registered_on, '', COUNT(*), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END)
                      FROM fraud_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'property_loss', region_code, registered_on, '', SUM(loss), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN loss ELSE 0 END)
                      FROM fraud_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'cases_solved', region_code, registered_on, '', COUNT(*), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END)
                      FROM fraud_case WHERE status = 'solved' GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'dens_destroyed', region_code, taken_on, COALESCE(campaign_code, ''), 1, 1, 0, 0
                      FROM den_takedown
                    UNION ALL
                    SELECT 'suspects_arrested', region_code, taken_on, COALESCE(campaign_code, ''), suspects_arrested,
                           1, 0, 0
                      FROM den_takedown
                    UNION ALL
                    SELECT %s, region_code, batch_on, '', warnings, 1, 0, 0 FROM warning_batch
                    UNION ALL
                    SELECT 'persons_dissuaded', region_code, batch_on, '', persons_dissuaded, 1, 0, 0 FROM warning_batch
                    UNION ALL
                    SELECT 'funds_intercepted', region_code, batch_on, '', funds_intercepted, 1, 0, 0 FROM warning_batch
                    UNION ALL
                    SELECT 'warning_instructions', region_code, CAST(issued_at AS DATE), '', 1, 1, 0, 0
                      FROM warning_instruction
                    UNION ALL
                    SELECT 'instructions_dissuaded', region_code, CAST(issued_at AS DATE), '', 1, 1, 0, 0
                      FROM warning_instruction WHERE outcome = 'dissuaded'
                    UNION ALL
                    SELECT 'funds_protected', region_code, CAST(issued_at AS DATE), '', funds_protected, 1, 0, 0
                      FROM warning_instruction WHERE funds_protected IS NOT NULL
                    UNION ALL
                    SELECT indicator_code, region_code, fact_day, COALESCE(campaign_code, ''), amount, 1, 1, amount
                      FROM demo_figure
                    UNION ALL
                    SELECT 'cases_registered', region_code, registered_on, '', COUNT(*), COUNT(*), COUNT(*), COUNT(*)
                      FROM demo_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'property_loss', region_code, registered_on, '', SUM(loss), COUNT(*), COUNT(*), SUM(loss)
                      FROM demo_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'cases_solved', region_code, registered_on, '', COUNT(*), COUNT(*), COUNT(*), COUNT(*)
                      FROM demo_case WHERE status = 'solved' GROUP BY region_code, registered_on
                ) f GROUP BY indicator_code, region_code, fact_day, campaign_code""".formatted(warningIndicator());
    }

    /** A rollup cell whose stored sums differ from the raw rows' (null: the cell is missing on that side). */
    public record Difference(String table, String indicator, String region, String period, String campaign,
                             BigDecimal storedAmount, BigDecimal recomputedAmount, Long storedFacts,
                             Long recomputedFacts) {
    }

    /**
     * Every cell of every grain whose amount or counts differ from the raw rows' (recomputed as {@link #rebuild}
     * does, read only): the cells of both sides that the other lacks, compared with EXCEPT in the database.
     */
    public List<Difference> differences() {
        List<Difference> out = new ArrayList<>();
        String days = "(" + daySelect() + ")";
        for (Grain g : Grain.values()) {
            String stored = "SELECT indicator_code, region_code, " + g.period + " AS p, campaign_code,"
                    + " CAST(amount AS DECIMAL(24, 2)) AS a, fact_count AS f, synthetic_count AS s,"
                    + " CAST(synthetic_amount AS DECIMAL(24, 2)) AS sa FROM " + g.table;
            String source = g == Grain.DAY ? daySelect()
                    : g.fromDays(days + " d (indicator_code, region_code, fact_day, campaign_code, amount, fact_count,"
                    + " synthetic_count, synthetic_amount)", Vendor.of(dsl));
            String recomputed = "SELECT indicator_code, region_code, p, campaign_code, CAST(a AS DECIMAL(24, 2)),"
                    + " CAST(f AS BIGINT), CAST(s AS BIGINT), CAST(sa AS DECIMAL(24, 2)) FROM (" + source
                    + ") r (indicator_code, region_code, p, campaign_code, a, f, s, sa)";
            Map<List<String>, Object[]> cells = new LinkedHashMap<>();
            collect(cells, "(" + stored + ") EXCEPT (" + recomputed + ")", 0);
            collect(cells, "(" + recomputed + ") EXCEPT (" + stored + ")", 1);
            cells.forEach((k, v) -> out.add(new Difference(g.table, k.get(0), k.get(1), k.get(2), k.get(3),
                    (BigDecimal) v[0], (BigDecimal) v[1], (Long) v[2], (Long) v[3])));
        }
        out.addAll(new InstructionCellRepository(dsl).differences()); // the warning instructions' month cells (ADR 0040)
        return out;
    }

    private void collect(Map<List<String>, Object[]> cells, String sql, int side) {
        for (Record r : dsl.fetch(sql)) {
            List<String> key = List.of(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                    r.get(3, String.class));
            Object[] v = cells.computeIfAbsent(key, k -> new Object[4]);
            v[side] = r.get(4, BigDecimal.class);
            v[2 + side] = r.get(5, Long.class);
        }
    }

    /**
     * The indicator of a warning_batch row's channel as an SQL expression, from {@link WarningChannel} (the one
     * place that maps them); shared with {@link FactRepository}'s reading of the raw rows.
     */
    static String warningIndicator() {
        StringBuilder sql = new StringBuilder("CASE channel");
        for (WarningChannel c : WarningChannel.values()) {
            sql.append(" WHEN '").append(c.code()).append("' THEN '").append(c.indicatorCode()).append('\'');
        }
        return sql.append(" END").toString();
    }
}
