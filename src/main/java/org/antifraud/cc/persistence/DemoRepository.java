package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.DEMO_CASE;
import static org.antifraud.cc.persistence.jooq.Tables.DEMO_FIGURE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.jooq.DSLContext;

/**
 * The scale demo's own tables, demo_case and demo_figure (V8, ADR 0018): synthetic-demo rows written by
 * the million, apart from entered records. Blocking and thread-agnostic; the caller chooses the transaction
 * and keeps the rollups current (ADR 0013).
 */
public final class DemoRepository {
    private static final String INSERT_CASE = JdbcBatch.insertSql(DEMO_CASE, DEMO_CASE.SEQ, DEMO_CASE.CASE_NUMBER,
            DEMO_CASE.REGISTERED_ON, DEMO_CASE.REGION_CODE, DEMO_CASE.FRAUD_TYPE, DEMO_CASE.LOSS, DEMO_CASE.RECOVERED,
            DEMO_CASE.STATUS);
    private static final String INSERT_FIGURE = JdbcBatch.insertSql(DEMO_FIGURE, DEMO_FIGURE.SEQ,
            DEMO_FIGURE.INDICATOR_CODE, DEMO_FIGURE.REGION_CODE, DEMO_FIGURE.FACT_DAY, DEMO_FIGURE.CAMPAIGN_CODE,
            DEMO_FIGURE.AMOUNT);

    private final DSLContext dsl;

    DemoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts demo cases (plain JDBC batches: millions of rows), each keyed by {@code sequence}: its place
     * in the generation order, from which the generator also makes its id.
     */
    public void insertCases(List<FraudCase> cases, ToLongFunction<FraudCase> sequence) {
        JdbcBatch.run(dsl, INSERT_CASE, cases, (insert, c) -> {
            insert.setLong(1, sequence.applyAsLong(c));
            insert.setString(2, c.caseNumber());
            insert.setObject(3, c.registeredOn());
            insert.setString(4, c.regionCode());
            insert.setString(5, c.type().code());
            insert.setBigDecimal(6, c.loss());
            insert.setBigDecimal(7, c.recovered());
            insert.setString(8, c.status().code());
        });
    }

    /**
     * Inserts day-grain demo figures, numbered from {@code firstSeq} in list order.
     *
     * @throws IllegalArgumentException if one is not a day figure with a value
     */
    public void insertFigures(List<Measurement> figures, long firstSeq) {
        for (Measurement m : figures) {
            if (!m.hasValue() || !m.period().start().equals(m.period().end())) {
                throw new IllegalArgumentException("a demo figure is a value for one day: " + m);
            }
        }
        long[] seq = {firstSeq};
        JdbcBatch.run(dsl, INSERT_FIGURE, figures, (insert, m) -> {
            insert.setLong(1, seq[0]++);
            insert.setString(2, m.indicatorCode());
            insert.setString(3, m.regionCode());
            insert.setObject(4, m.period().start());
            insert.setString(5, m.campaignCode());
            insert.setBigDecimal(6, m.value());
        });
    }

    /** What the demo rows add to the rollups, summed per cell: every fact synthetic (to subtract them). */
    public List<DayFact> dayFacts() {
        List<DayFact> facts = new ArrayList<>();
        dsl.fetch("""
                SELECT indicator_code, region_code, fact_day, COALESCE(campaign_code, ''), SUM(amount), COUNT(*)
                  FROM demo_figure GROUP BY indicator_code, region_code, fact_day, COALESCE(campaign_code, '')""")
                .forEach(r -> {
                    long n = r.get(5, Long.class);
                    facts.add(DayFact.all(r.get(0, String.class), r.get(1, String.class),
                            r.get(2, LocalDate.class), r.get(3, String.class), r.get(4, BigDecimal.class), n,
                            true));
                });
        dsl.fetch("""
                SELECT region_code, registered_on, COUNT(*), SUM(loss),
                       SUM(CASE WHEN status = 'solved' THEN 1 ELSE 0 END)
                  FROM demo_case GROUP BY region_code, registered_on""")
                .forEach(r -> {
                    String region = r.get(0, String.class);
                    LocalDate day = r.get(1, LocalDate.class);
                    long cases = r.get(2, Long.class);
                    long solved = r.get(4, Long.class);
                    facts.add(DayFact.all("cases_registered", region, day, DayFact.NO_CAMPAIGN,
                            BigDecimal.valueOf(cases), cases, true));
                    facts.add(DayFact.all("property_loss", region, day, DayFact.NO_CAMPAIGN,
                            r.get(3, BigDecimal.class), cases, true));
                    if (solved > 0) {
                        facts.add(DayFact.all("cases_solved", region, day, DayFact.NO_CAMPAIGN,
                                BigDecimal.valueOf(solved), solved, true));
                    }
                });
        return facts;
    }

    /** Deletes every demo row; returns how many. */
    public long deleteAll() {
        return (long) dsl.execute("DELETE FROM demo_figure") + dsl.execute("DELETE FROM demo_case");
    }

    public boolean exists() {
        return dsl.fetchExists(dsl.selectOne().from("demo_case"))
                || dsl.fetchExists(dsl.selectOne().from("demo_figure"));
    }

    /** Demo cases plus demo figures. */
    public long count() {
        return dsl.fetchOne("SELECT (SELECT COUNT(*) FROM demo_case) + (SELECT COUNT(*) FROM demo_figure)")
                .get(0, Long.class);
    }
}
