package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_DAY;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_MONTH;
import static org.antifraud.cc.persistence.jooq.Tables.ROLLUP_YEAR;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.persistence.jooq.Tables;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * Day-grain facts summed per region, campaign and year/month/day: from the rollups (what the app
 * uses) or by a GROUP BY over the raw rows (what the benchmark compares against). Both answer the
 * same {@link CellPlan} with the same cells.
 */
public final class FactRepository {
    private static final int FEW_INDICATORS = 6;
    private final DSLContext dsl;

    FactRepository(DSLContext dsl) {
        // the reads' values written into the SQL: H2 tests each row against an IN list of bind parameters one value
        // after another, a list of constants it looks up as a set (bench dashboard, taking turns: median 30.8 / 29.6 ms
        // bound, 24.3 / 25.7 ms written in; once settled 19.2 / 17.0 against 13.6 / 12.7 ms)
        Settings settings = dsl.settings() == null ? new Settings() : (Settings) dsl.settings().clone();
        this.dsl = DSL.using(dsl.configuration().derive(settings.withStatementType(StatementType.STATIC_STATEMENT)));
    }

    /** The latest day with any figure or record, if any. */
    public Optional<LocalDate> latestDay() {
        LocalDate day = dsl.select(DSL.max(ROLLUP_DAY.FACT_DAY)).from(ROLLUP_DAY).fetchOne(0, LocalDate.class);
        LocalDate coarse = dsl.select(DSL.max(Tables.MEASUREMENT.PERIOD_END))
                .from(Tables.MEASUREMENT)
                .where(Tables.MEASUREMENT.GRAIN.in("Y", "M"))
                .fetchOne(0, LocalDate.class);
        if (day == null) {
            return Optional.ofNullable(coarse);
        }
        return Optional.of(coarse == null || day.isAfter(coarse) ? day : coarse);
    }

    /**
     * The latest day from {@code first} to {@code last} with a day-grain fact of the indicators in the regions. The
     * latest month with a fact is found in the month rollup first, then the day within that month by reading the day
     * index backwards: a MAX over the day rollup of a whole year, filtered by indicator and region, read millions of
     * rows (bench dashboard ×4).
     */
    public Optional<LocalDate> latestDayWithin(Collection<String> indicators, Collection<String> regions,
                                                        LocalDate first, LocalDate last) {
        LocalDate end = last;
        while (!end.isBefore(first)) {
            // the month index read backwards, first match wins (a MAX read every month of the range: 8 ms a load)
            LocalDate month = dsl.select(ROLLUP_MONTH.MONTH_START)
                    .from(byDate(ROLLUP_MONTH.getName(), "rollup_month_month_ix"))
                    .where(ROLLUP_MONTH.MONTH_START.between(first.withDayOfMonth(1), end),
                            ROLLUP_MONTH.INDICATOR_CODE.in(indicators), ROLLUP_MONTH.REGION_CODE.in(regions))
                    .orderBy(ROLLUP_MONTH.MONTH_START.desc()).limit(1)
                    .fetchOne(0, LocalDate.class);
            if (month == null) {
                return Optional.empty();
            }
            // the month's last day with a fact: the day index read backwards from the month's end, first match wins
            LocalDate monthEnd = YearMonth.from(month).atEndOfMonth();
            LocalDate from = month.isBefore(first) ? first : month;
            LocalDate to = monthEnd.isAfter(end) ? end : monthEnd;
            LocalDate day = dsl.select(ROLLUP_DAY.FACT_DAY).from(byDate(ROLLUP_DAY.getName(), "rollup_day_day_ix"))
                    .where(ROLLUP_DAY.FACT_DAY.between(from, to), ROLLUP_DAY.INDICATOR_CODE.in(indicators),
                            ROLLUP_DAY.REGION_CODE.in(regions))
                    .orderBy(ROLLUP_DAY.FACT_DAY.desc()).limit(1)
                    .fetchOne(0, LocalDate.class);
            if (day != null) {
                return Optional.of(day);
            }
            // the month's facts lie outside the range (its clipped first or last month): look before it
            end = month.minusDays(1);
        }
        return Optional.empty();
    }

    /** The cells of the plan from the rollups; {@code campaignCode} null means every campaign. */
    public List<FactCell> fromRollups(Collection<String> indicators, Collection<String> regions, CellPlan plan,
                                      String campaignCode) {
        List<FactCell> cells = new ArrayList<>();
        if (!plan.years().isEmpty()) {
            Condition where = ROLLUP_YEAR.YEAR_NO.in(plan.years())
                    .and(ROLLUP_YEAR.INDICATOR_CODE.in(indicators)).and(ROLLUP_YEAR.REGION_CODE.in(regions));
            if (campaignCode != null) {
                where = where.and(ROLLUP_YEAR.CAMPAIGN_CODE.eq(campaignCode));
            }
            read(dsl.select(ROLLUP_YEAR.INDICATOR_CODE, ROLLUP_YEAR.REGION_CODE, ROLLUP_YEAR.YEAR_NO,
                            ROLLUP_YEAR.CAMPAIGN_CODE, ROLLUP_YEAR.AMOUNT, ROLLUP_YEAR.FACT_COUNT,
                            ROLLUP_YEAR.SYNTHETIC_COUNT, ROLLUP_YEAR.SYNTHETIC_AMOUNT)
                    .from(ROLLUP_YEAR).where(where), PeriodColumn.YEAR, cells::add);
        }
        if (!plan.monthStarts().isEmpty()) {
            Condition where = ROLLUP_MONTH.MONTH_START.in(plan.monthStarts())
                    .and(ROLLUP_MONTH.INDICATOR_CODE.in(indicators)).and(ROLLUP_MONTH.REGION_CODE.in(regions));
            if (campaignCode != null) {
                where = where.and(ROLLUP_MONTH.CAMPAIGN_CODE.eq(campaignCode));
            }
            read(dsl.select(ROLLUP_MONTH.INDICATOR_CODE, ROLLUP_MONTH.REGION_CODE, ROLLUP_MONTH.MONTH_START,
                            ROLLUP_MONTH.CAMPAIGN_CODE, ROLLUP_MONTH.AMOUNT, ROLLUP_MONTH.FACT_COUNT,
                            ROLLUP_MONTH.SYNTHETIC_COUNT, ROLLUP_MONTH.SYNTHETIC_AMOUNT)
                    .from(byDate(ROLLUP_MONTH.getName(), "rollup_month_month_ix")).where(where), PeriodColumn.MONTH,
                    cells::add);
        }
        if (!plan.days().isEmpty()) {
            if (indicators.size() <= FEW_INDICATORS) {
                // a trend of a few indicators: each indicator's window by (indicator, day); H2 does not combine
                // an IN list of indicators with a range of days in one index scan
                LocalDate first = plan.days().stream().min(LocalDate::compareTo).orElseThrow();
                LocalDate last = plan.days().stream().max(LocalDate::compareTo).orElseThrow();
                for (String indicator : indicators) {
                    Condition where = ROLLUP_DAY.INDICATOR_CODE.eq(indicator)
                            .and(ROLLUP_DAY.FACT_DAY.between(first, last)).and(ROLLUP_DAY.REGION_CODE.in(regions));
                    if (campaignCode != null) {
                        where = where.and(ROLLUP_DAY.CAMPAIGN_CODE.eq(campaignCode));
                    }
                    read(dsl.select(ROLLUP_DAY.INDICATOR_CODE, ROLLUP_DAY.REGION_CODE, ROLLUP_DAY.FACT_DAY,
                                    ROLLUP_DAY.CAMPAIGN_CODE, ROLLUP_DAY.AMOUNT, ROLLUP_DAY.FACT_COUNT,
                                    ROLLUP_DAY.SYNTHETIC_COUNT, ROLLUP_DAY.SYNTHETIC_AMOUNT)
                            .from(byDate(ROLLUP_DAY.getName(), "rollup_day_indicator_day_ix")).where(where),
                            PeriodColumn.DAY, plan.days()::contains, cells::add);
                }
            } else {
                Condition where = ROLLUP_DAY.FACT_DAY.in(plan.days())
                        .and(ROLLUP_DAY.INDICATOR_CODE.in(indicators)).and(ROLLUP_DAY.REGION_CODE.in(regions));
                if (campaignCode != null) {
                    where = where.and(ROLLUP_DAY.CAMPAIGN_CODE.eq(campaignCode));
                }
                read(dsl.select(ROLLUP_DAY.INDICATOR_CODE, ROLLUP_DAY.REGION_CODE, ROLLUP_DAY.FACT_DAY,
                                ROLLUP_DAY.CAMPAIGN_CODE, ROLLUP_DAY.AMOUNT, ROLLUP_DAY.FACT_COUNT,
                                ROLLUP_DAY.SYNTHETIC_COUNT, ROLLUP_DAY.SYNTHETIC_AMOUNT)
                        .from(byDate(ROLLUP_DAY.getName(), "rollup_day_day_ix")).where(where), PeriodColumn.DAY,
                        cells::add);
            }
        }
        for (CellPlan.Span span : plan.spans()) {
            cells.addAll(spanCells(indicators, regions, span, campaignCode));
        }
        return cells;
    }

    /**
     * The same cells by a naive GROUP BY over the raw rows (day-grain measurements, fraud cases, den takedowns,
     * warning batches, the scale demo's tables), with no rollup: the baseline of {@code bench dashboard}.
     */
    public List<FactCell> fromRawRows(Collection<String> indicators, Collection<String> regions, CellPlan plan,
                                      String campaignCode) {
        List<FactCell> cells = new ArrayList<>();
        // one GROUP BY per grain over the window its cells span, then keep the cells the plan asked for
        if (!plan.years().isEmpty()) {
            int first = plan.years().stream().min(Integer::compare).orElseThrow();
            int last = plan.years().stream().max(Integer::compare).orElseThrow();
            raw(indicators, regions, campaignCode, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), "Y").stream()
                    .filter(c -> plan.years().contains(Integer.parseInt(c.periodCode())))
                    .forEach(cells::add);
        }
        if (!plan.monthStarts().isEmpty()) {
            LocalDate first = plan.monthStarts().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = YearMonth.from(plan.monthStarts().stream().max(LocalDate::compareTo).orElseThrow())
                    .atEndOfMonth();
            Set<String> wanted = new HashSet<>();
            plan.monthStarts().forEach(m -> wanted.add(YearMonth.from(m).toString()));
            raw(indicators, regions, campaignCode, first, last, "M").stream()
                    .filter(c -> wanted.contains(c.periodCode()))
                    .forEach(cells::add);
        }
        if (!plan.days().isEmpty()) {
            LocalDate first = plan.days().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = plan.days().stream().max(LocalDate::compareTo).orElseThrow();
            Set<String> wanted = new HashSet<>();
            plan.days().forEach(d -> wanted.add(d.toString()));
            raw(indicators, regions, campaignCode, first, last, "D").stream()
                    .filter(c -> wanted.contains(c.periodCode()))
                    .forEach(cells::add);
        }
        for (CellPlan.Span span : plan.spans()) {
            cells.addAll(raw(indicators, regions, campaignCode, span.first(), span.last(), span.code()));
        }
        return cells;
    }

    private List<FactCell> raw(Collection<String> indicators, Collection<String> regions, String campaignCode,
                               LocalDate from, LocalDate to, String grain) {
        String inIndicators = inList(indicators);
        String inRegions = inList(regions);
        // the bucket of a fact's day at this grain; a span is one bucket
        String bucket = switch (grain) {
            case "Y" -> "CAST(EXTRACT(YEAR FROM d) AS VARCHAR)";
            case "M" -> "SUBSTRING(CAST(d AS VARCHAR), 1, 7)";
            case "D" -> "CAST(d AS VARCHAR)";
            default -> "'" + grain + "'";
        };
        StringBuilder sql = new StringBuilder("""
                SELECT indicator_code, region_code, campaign_code, %s AS bucket, SUM(amount), SUM(n), SUM(s), SUM(sa)
                  FROM (
                  SELECT indicator_code, region_code, COALESCE(campaign_code, '') AS campaign_code, amount,
                         period_start AS d, 1 AS n, CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END AS s,
                         CASE WHEN basis = 'synthetic-demo' THEN amount ELSE 0 END AS sa
                    FROM measurement
                   WHERE grain = 'D' AND amount IS NOT NULL AND period_start BETWEEN ? AND ?
                     AND indicator_code IN (%s) AND region_code IN (%s)
                  UNION ALL
                  SELECT indicator_code, region_code, COALESCE(campaign_code, ''), amount, fact_day, 1, 1, amount
                    FROM demo_figure
                   WHERE fact_day BETWEEN ? AND ? AND indicator_code IN (%s) AND region_code IN (%s)
                """.formatted(bucket, inIndicators, inRegions, inIndicators, inRegions));
        List<Object> binds = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to), Date.valueOf(from),
                Date.valueOf(to)));
        String caseBasis = "CASE WHEN basis = 'synthetic-demo' THEN 1 ELSE 0 END";
        String caseSynthetic = "CASE WHEN basis = 'synthetic-demo' THEN %s ELSE 0 END";
        if (campaignCode == null || campaignCode.isEmpty()) {
            for (String[] caseIndicator : new String[][] {
                    {"cases_registered", "1", ""}, {"property_loss", "loss", ""},
                    {"cases_solved", "1", " AND status = 'solved'"}}) {
                if (indicators.contains(caseIndicator[0])) {
                    sql.append("""
                              UNION ALL
                              SELECT '%s', region_code, '', %s, registered_on, 1, %s, %s FROM fraud_case
                               WHERE registered_on BETWEEN ? AND ? AND region_code IN (%s)%s
                            """.formatted(caseIndicator[0], caseIndicator[1], caseBasis,
                            caseSynthetic.formatted(caseIndicator[1]), inRegions, caseIndicator[2]));
                    binds.add(Date.valueOf(from));
                    binds.add(Date.valueOf(to));
                    sql.append("""
                              UNION ALL
                              SELECT '%s', region_code, '', %s, registered_on, 1, 1, %s FROM demo_case
                               WHERE registered_on BETWEEN ? AND ? AND region_code IN (%s)%s
                            """.formatted(caseIndicator[0], caseIndicator[1], caseIndicator[1], inRegions,
                            caseIndicator[2]));
                    binds.add(Date.valueOf(from));
                    binds.add(Date.valueOf(to));
                }
            }
        }
        // entered dens (for their campaign) and warning batches (no campaign): always real
        for (String[] den : new String[][] {{"dens_destroyed", "1"}, {"suspects_arrested", "suspects_arrested"}}) {
            if (indicators.contains(den[0])) {
                sql.append("""
                          UNION ALL
                          SELECT '%s', region_code, COALESCE(campaign_code, ''), %s, taken_on, 1, 0, 0 FROM den_takedown
                           WHERE taken_on BETWEEN ? AND ? AND region_code IN (%s)
                        """.formatted(den[0], den[1], inRegions));
                binds.add(Date.valueOf(from));
                binds.add(Date.valueOf(to));
            }
        }
        if (campaignCode == null || campaignCode.isEmpty()) {
            sql.append("""
                      UNION ALL
                      SELECT indicator_code, region_code, '', amount, batch_on, 1, 0, 0 FROM (
                        SELECT %s AS indicator_code, region_code, warnings AS amount, batch_on FROM warning_batch
                        UNION ALL
                        SELECT 'persons_dissuaded', region_code, persons_dissuaded, batch_on FROM warning_batch
                        UNION ALL
                        SELECT 'funds_intercepted', region_code, funds_intercepted, batch_on FROM warning_batch
                      ) w WHERE batch_on BETWEEN ? AND ? AND indicator_code IN (%s) AND region_code IN (%s)
                    """.formatted(RollupRepository.warningIndicator(), inIndicators, inRegions));
            binds.add(Date.valueOf(from));
            binds.add(Date.valueOf(to));
            // warning instructions (issue 17), on the day each was issued: no campaign, always real
            sql.append("""
                      UNION ALL
                      SELECT indicator_code, region_code, '', amount, issued_on, 1, 0, 0 FROM (
                        SELECT 'warning_instructions' AS indicator_code, region_code, 1 AS amount,
                               CAST(issued_at AS DATE) AS issued_on FROM warning_instruction
                        UNION ALL
                        SELECT 'instructions_dissuaded', region_code, 1, CAST(issued_at AS DATE) FROM warning_instruction
                         WHERE outcome = 'dissuaded'
                        UNION ALL
                        SELECT 'funds_protected', region_code, funds_protected, CAST(issued_at AS DATE)
                          FROM warning_instruction WHERE funds_protected IS NOT NULL
                      ) i WHERE issued_on BETWEEN ? AND ? AND indicator_code IN (%s) AND region_code IN (%s)
                    """.formatted(inIndicators, inRegions));
            binds.add(Date.valueOf(from));
            binds.add(Date.valueOf(to));
        }
        sql.append(") f");
        if (campaignCode != null) {
            sql.append(" WHERE campaign_code = ?");
            binds.add(campaignCode);
        }
        sql.append(" GROUP BY indicator_code, region_code, campaign_code");
        if (!bucket.startsWith("'")) { // a span's bucket is a constant, which PostgreSQL refuses in a GROUP BY
            sql.append(", ").append(bucket);
        }
        List<FactCell> cells = new ArrayList<>();
        for (Record r : dsl.fetch(sql.toString(), binds.toArray())) {
            cells.add(new FactCell(r.get(0, String.class), r.get(1, String.class), r.get(3, String.class),
                    r.get(2, String.class), r.get(4, BigDecimal.class), r.get(5, Long.class), r.get(6, Long.class),
                    r.get(7, BigDecimal.class)));
        }
        return cells;
    }

    /**
     * One summed cell per indicator, region and campaign for a run of days inside one month. A run that
     * covers most of its month is read as the month's cell minus the few days it leaves out (a 28-day
     * window reads three days, not twenty-eight); the benchmark's raw path checks both agree.
     */
    private List<FactCell> spanCells(Collection<String> indicators, Collection<String> regions, CellPlan.Span span,
                                     String campaignCode) {
        YearMonth month = YearMonth.from(span.first());
        long spanDays = span.last().toEpochDay() - span.first().toEpochDay() + 1;
        boolean oneMonth = YearMonth.from(span.last()).equals(month);
        if (!oneMonth || spanDays * 2 <= month.lengthOfMonth()) {
            return sumOfDays(indicators, regions, span.first(), span.last(), campaignCode, span.code());
        }
        Map<String, FactCell> byKey = new LinkedHashMap<>();
        Condition where = ROLLUP_MONTH.MONTH_START.eq(month.atDay(1))
                .and(ROLLUP_MONTH.INDICATOR_CODE.in(indicators)).and(ROLLUP_MONTH.REGION_CODE.in(regions));
        if (campaignCode != null) {
            where = where.and(ROLLUP_MONTH.CAMPAIGN_CODE.eq(campaignCode));
        }
        readSums(dsl.select(ROLLUP_MONTH.INDICATOR_CODE, ROLLUP_MONTH.REGION_CODE, ROLLUP_MONTH.CAMPAIGN_CODE,
                        ROLLUP_MONTH.AMOUNT, ROLLUP_MONTH.FACT_COUNT, ROLLUP_MONTH.SYNTHETIC_COUNT,
                        ROLLUP_MONTH.SYNTHETIC_AMOUNT)
                .from(byDate(ROLLUP_MONTH.getName(), "rollup_month_month_ix")).where(where), span.code(),
                c -> byKey.put(c.indicatorCode() + '|' + c.regionCode() + '|' + c.campaignCode(), c));
        List<FactCell> left = new ArrayList<>();
        if (span.first().isAfter(month.atDay(1))) {
            left.addAll(sumOfDays(indicators, regions, month.atDay(1), span.first().minusDays(1), campaignCode, ""));
        }
        if (span.last().isBefore(month.atEndOfMonth())) {
            left.addAll(sumOfDays(indicators, regions, span.last().plusDays(1), month.atEndOfMonth(), campaignCode, ""));
        }
        for (FactCell out : left) {
            byKey.computeIfPresent(out.indicatorCode() + '|' + out.regionCode() + '|' + out.campaignCode(),
                    (k, c) -> new FactCell(c.indicatorCode(), c.regionCode(), c.periodCode(), c.campaignCode(),
                            c.amount().subtract(out.amount()), c.factCount() - out.factCount(),
                            c.syntheticCount() - out.syntheticCount(),
                            c.syntheticAmount().subtract(out.syntheticAmount())));
        }
        // a cell whose facts all lie outside the run is no data, not zero
        return byKey.values().stream().filter(c -> c.factCount() > 0).toList();
    }

    /**
     * The facts of the days {@code first}..{@code last} summed per indicator, region and campaign: whole
     * ten-day periods (旬) from rollup_ten_days, the days around them from rollup_day.
     */
    private List<FactCell> sumOfDays(Collection<String> indicators, Collection<String> regions, LocalDate first,
                                     LocalDate last, String campaignCode, String code) {
        List<LocalDate> whole = new ArrayList<>();
        LocalDate start = RollupRepository.tenDayStart(first);
        if (!start.equals(first)) {
            start = RollupRepository.tenDayEnd(start).plusDays(1);
        }
        for (LocalDate s = start; !RollupRepository.tenDayEnd(s).isAfter(last); s = RollupRepository.tenDayEnd(s).plusDays(1)) {
            whole.add(s);
        }
        List<FactCell> parts = new ArrayList<>();
        if (whole.isEmpty()) {
            parts.addAll(daysSummed(indicators, regions, first, last, campaignCode));
        } else {
            if (first.isBefore(whole.getFirst())) {
                parts.addAll(daysSummed(indicators, regions, first, whole.getFirst().minusDays(1), campaignCode));
            }
            LocalDate wholeEnd = RollupRepository.tenDayEnd(whole.getLast());
            if (last.isAfter(wholeEnd)) {
                parts.addAll(daysSummed(indicators, regions, wholeEnd.plusDays(1), last, campaignCode));
            }
            Field<String> indicator = DSL.field(DSL.name("indicator_code"), String.class);
            Field<String> region = DSL.field(DSL.name("region_code"), String.class);
            Field<String> campaign = DSL.field(DSL.name("campaign_code"), String.class);
            Field<LocalDate> periodStart = DSL.field(DSL.name("period_start"), LocalDate.class);
            Field<BigDecimal> amount = DSL.field(DSL.name("amount"), BigDecimal.class);
            Field<Long> factCount = DSL.field(DSL.name("fact_count"), Long.class);
            Field<Long> syntheticCount = DSL.field(DSL.name("synthetic_count"), Long.class);
            Field<BigDecimal> syntheticAmount = DSL.field(DSL.name("synthetic_amount"), BigDecimal.class);
            Condition where = periodStart.in(whole).and(indicator.in(indicators)).and(region.in(regions));
            if (campaignCode != null) {
                where = where.and(campaign.eq(campaignCode));
            }
            readSums(dsl.select(indicator, region, campaign, DSL.sum(amount), DSL.sum(factCount), DSL.sum(syntheticCount),
                            DSL.sum(syntheticAmount))
                    .from(byDate("rollup_ten_days", "rollup_ten_days_day_ix")).where(where)
                    .groupBy(indicator, region, campaign), "", parts::add);
        }
        Map<String, FactCell> byKey = new LinkedHashMap<>();
        for (FactCell c : parts) {
            byKey.merge(c.indicatorCode() + '|' + c.regionCode() + '|' + c.campaignCode(),
                    new FactCell(c.indicatorCode(), c.regionCode(), code, c.campaignCode(), c.amount(), c.factCount(),
                            c.syntheticCount(), c.syntheticAmount()),
                    (a, b) -> new FactCell(a.indicatorCode(), a.regionCode(), code, a.campaignCode(),
                            a.amount().add(b.amount()), a.factCount() + b.factCount(),
                            a.syntheticCount() + b.syntheticCount(), a.syntheticAmount().add(b.syntheticAmount())));
        }
        return List.copyOf(byKey.values());
    }

    private List<FactCell> daysSummed(Collection<String> indicators, Collection<String> regions, LocalDate first,
                                      LocalDate last, String campaignCode) {
        Condition where = ROLLUP_DAY.FACT_DAY.between(first, last)
                .and(ROLLUP_DAY.INDICATOR_CODE.in(indicators)).and(ROLLUP_DAY.REGION_CODE.in(regions));
        if (campaignCode != null) {
            where = where.and(ROLLUP_DAY.CAMPAIGN_CODE.eq(campaignCode));
        }
        List<FactCell> cells = new ArrayList<>();
        readSums(dsl.select(ROLLUP_DAY.INDICATOR_CODE, ROLLUP_DAY.REGION_CODE, ROLLUP_DAY.CAMPAIGN_CODE,
                        DSL.sum(ROLLUP_DAY.AMOUNT), DSL.sum(ROLLUP_DAY.FACT_COUNT), DSL.sum(ROLLUP_DAY.SYNTHETIC_COUNT),
                        DSL.sum(ROLLUP_DAY.SYNTHETIC_AMOUNT))
                .from(byDate(ROLLUP_DAY.getName(), "rollup_day_day_ix")).where(where)
                .groupBy(ROLLUP_DAY.INDICATOR_CODE, ROLLUP_DAY.REGION_CODE, ROLLUP_DAY.CAMPAIGN_CODE), "", cells::add);
        return cells;
    }

    /** What a read's third column is: a year number, a month's first day or a day. */
    private enum PeriodColumn {
        YEAR, MONTH, DAY;

        String code(Object value) {
            return switch (this) {
                case YEAR -> String.format("%04d", (Integer) value);
                case MONTH -> YearMonth.from((LocalDate) value).toString();
                case DAY -> value.toString();
            };
        }
    }

    private static void read(ResultQuery<?> query, PeriodColumn column, Consumer<FactCell> out) {
        read(query, column, period -> true, out);
    }

    /**
     * The cells of a read of (indicator, region, period, campaign, amount, facts, synthetic facts, synthetic amount)
     * whose period {@code keep} keeps, straight from the result set: thousands of rows a dashboard load, where jOOQ's
     * records and the period's code made anew for every row cost as much as the database's reading (issue 17).
     */
    private static void read(ResultQuery<?> query, PeriodColumn column, Predicate<Object> keep,
                             Consumer<FactCell> out) {
        Map<Object, String> codes = new HashMap<>();
        java.util.function.Function<Object, String> codeOf = column::code; // one, not one a row
        try (ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                Object period = column == PeriodColumn.YEAR ? (Object) rs.getInt(3) : rs.getObject(3, LocalDate.class);
                if (keep.test(period)) {
                    out.accept(new FactCell(rs.getString(1), rs.getString(2), codes.computeIfAbsent(period, codeOf),
                            rs.getString(4), rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8)));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the rollups", e);
        }
    }

    /** The cells of a read of (indicator, region, campaign, amount, facts, synthetic facts, synthetic amount), as {@code code}. */
    private static void readSums(ResultQuery<?> query, String code, Consumer<FactCell> out) {
        try (ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                out.accept(new FactCell(rs.getString(1), rs.getString(2), code, rs.getString(3), rs.getBigDecimal(4),
                        rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)));
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the rollups", e);
        }
    }

    /**
     * The table read through its date index. H2's planner prefers the primary key for an IN list of
     * indicators, which reads every region's whole history of each; a window of dates is far smaller
     * (measured on 5 M cases: 840 ms against a few ms for a 28-day window). H2 syntax ({@code USE INDEX}); PostgreSQL
     * has no hints and its planner weighs the date index by its statistics (ADR 0032).
     */
    private Table<?> byDate(String table, String index) {
        if (Vendor.of(dsl) != Vendor.H2) {
            return DSL.table(DSL.name(table));
        }
        return DSL.table("{0} USE INDEX ({1})", DSL.name(table), DSL.name(index));
    }

    private String inList(Collection<String> codes) {
        return codes.stream().map(c -> dsl.render(DSL.inline(c))).collect(Collectors.joining(", "));
    }
}
