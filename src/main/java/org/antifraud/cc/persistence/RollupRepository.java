package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_DAY;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_MONTH;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_YEAR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.DayFact;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The rollups of day-grain facts (rollup_day, rollup_month, rollup_year). Writers keep them current
 * in their own transaction with {@link #add}; {@link #rebuild} recomputes them from the raw rows.
 * See ADR 0013.
 */
public final class RollupRepository {
    private static final int CHUNK = 5_000;
    private final DSLContext dsl;

    RollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds the facts to all three grains (summing facts with the same key first). */
    public void add(Collection<DayFact> facts) {
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        Map<List<Object>, BigDecimal> days = new LinkedHashMap<>();
        Map<List<Object>, BigDecimal> months = new LinkedHashMap<>();
        Map<List<Object>, BigDecimal> years = new LinkedHashMap<>();
        Map<List<Object>, long[]> monthCounts = new LinkedHashMap<>();
        Map<List<Object>, long[]> yearCounts = new LinkedHashMap<>();
        for (DayFact f : facts) {
            LocalDate day = f.day();
            accumulate(days, counts, List.of(f.indicatorCode(), f.regionCode(), day, f.campaignCode()), f);
            accumulate(months, monthCounts, List.of(f.indicatorCode(), f.regionCode(), day.withDayOfMonth(1),
                    f.campaignCode()), f);
            accumulate(years, yearCounts, List.of(f.indicatorCode(), f.regionCode(), day.getYear(),
                    f.campaignCode()), f);
        }
        upsert(ROLLUP_DAY, ROLLUP_DAY.FACT_DAY, days, counts);
        upsert(ROLLUP_MONTH, ROLLUP_MONTH.MONTH_START, months, monthCounts);
        upsert(ROLLUP_YEAR, ROLLUP_YEAR.YEAR_NO, years, yearCounts);
    }

    private static void accumulate(Map<List<Object>, BigDecimal> sums, Map<List<Object>, long[]> counts,
                                   List<Object> key, DayFact f) {
        sums.merge(key, f.amount(), BigDecimal::add);
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += f.factCount();
        c[1] += f.syntheticCount();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void upsert(Table<?> table, TableField<?, ?> periodField, Map<List<Object>, BigDecimal> sums,
                        Map<List<Object>, long[]> counts) {
        if (sums.isEmpty()) {
            return;
        }
        Field<String> indicator = (Field<String>) table.field("indicator_code");
        Field<String> region = (Field<String>) table.field("region_code");
        Field<String> campaign = (Field<String>) table.field("campaign_code");
        Field<BigDecimal> amount = (Field<BigDecimal>) table.field("amount");
        Field<Long> factCount = (Field<Long>) table.field("fact_count");
        Field<Long> syntheticCount = (Field<Long>) table.field("synthetic_count");
        Field period = periodField;
        List<Map.Entry<List<Object>, BigDecimal>> entries = List.copyOf(sums.entrySet());
        for (int i = 0; i < entries.size(); i += CHUNK) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(table, indicator, region, period, campaign, amount,
                            factCount, syntheticCount)
                    .values(null, null, null, null, null, null, null)
                    .onConflict(indicator, region, period, campaign)
                    .doUpdate()
                    .set(amount, amount.plus(DSL.excluded(amount)))
                    .set(factCount, factCount.plus(DSL.excluded(factCount)))
                    .set(syntheticCount, syntheticCount.plus(DSL.excluded(syntheticCount))));
            for (Map.Entry<List<Object>, BigDecimal> e : entries.subList(i, Math.min(entries.size(), i + CHUNK))) {
                List<Object> k = e.getKey();
                long[] c = counts.get(k);
                batch = batch.bind(k.get(0), k.get(1), k.get(2), k.get(3), e.getValue(), c[0], c[1]);
            }
            batch.execute();
        }
        // a cell whose last fact was taken away is no longer known
        dsl.deleteFrom(table).where(factCount.le(0L)).execute();
    }

    /** How many day-grain facts the rollups hold. */
    public long factCount() {
        Long n = dsl.select(DSL.sum(ROLLUP_YEAR.FACT_COUNT)).from(ROLLUP_YEAR).fetchOne(0, Long.class);
        return n == null ? 0 : n;
    }

    /** Recomputes all three grains from the raw rows (day-grain measurements and fraud cases). */
    public void rebuild() {
        dsl.deleteFrom(ROLLUP_DAY).execute();
        dsl.deleteFrom(ROLLUP_MONTH).execute();
        dsl.deleteFrom(ROLLUP_YEAR).execute();
        dsl.execute("""
                INSERT INTO rollup_day (indicator_code, region_code, fact_day, campaign_code, amount, fact_count, synthetic_count)
                SELECT indicator_code, region_code, fact_day, campaign_code, SUM(amount), SUM(n), SUM(s) FROM (
                    SELECT indicator_code, region_code, period_start AS fact_day, COALESCE(campaign_code, '') AS campaign_code,
                           amount, 1 AS n, CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END AS s
                      FROM measurement WHERE grain = 'D' AND amount IS NOT NULL
                    UNION ALL
                    SELECT 'cases_registered', region_code, registered_on, '', COUNT(*), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END)
                      FROM fraud_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'property_loss', region_code, registered_on, '', SUM(loss), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END)
                      FROM fraud_case GROUP BY region_code, registered_on
                    UNION ALL
                    SELECT 'cases_solved', region_code, registered_on, '', COUNT(*), COUNT(*),
                           SUM(CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END)
                      FROM fraud_case WHERE status = 'solved' GROUP BY region_code, registered_on
                ) f GROUP BY indicator_code, region_code, fact_day, campaign_code""");
        dsl.execute("""
                INSERT INTO rollup_month (indicator_code, region_code, month_start, campaign_code, amount, fact_count, synthetic_count)
                SELECT indicator_code, region_code, DATEADD(DAY, 1 - EXTRACT(DAY FROM fact_day), fact_day), campaign_code,
                       SUM(amount), SUM(fact_count), SUM(synthetic_count)
                  FROM rollup_day
                 GROUP BY indicator_code, region_code, DATEADD(DAY, 1 - EXTRACT(DAY FROM fact_day), fact_day), campaign_code""");
        dsl.execute("""
                INSERT INTO rollup_year (indicator_code, region_code, year_no, campaign_code, amount, fact_count, synthetic_count)
                SELECT indicator_code, region_code, EXTRACT(YEAR FROM month_start), campaign_code,
                       SUM(amount), SUM(fact_count), SUM(synthetic_count)
                  FROM rollup_month
                 GROUP BY indicator_code, region_code, EXTRACT(YEAR FROM month_start), campaign_code""");
    }
}
