package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.FRAUD_CASE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.FraudCase;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Fraud cases. Blocking and thread-agnostic; the caller chooses the transaction and keeps the rollups current. */
public final class FraudCaseRepository {
    private static final String INSERT = JdbcBatch.insertSql(FRAUD_CASE, FRAUD_CASE.ID, FRAUD_CASE.CASE_NUMBER,
            FRAUD_CASE.REGISTERED_ON, FRAUD_CASE.REGION_CODE, FRAUD_CASE.FRAUD_TYPE, FRAUD_CASE.LOSS, FRAUD_CASE.RECOVERED,
            FRAUD_CASE.STATUS, FRAUD_CASE.BASIS);

    private final DSLContext dsl;

    FraudCaseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts in JDBC batches of one prepared statement (the caller's transaction makes them atomic).
     * Plain JDBC rather than jOOQ's batch: millions of rows, and jOOQ's per-row binding costs a third.
     */
    public void insertAll(Collection<FraudCase> cases) {
        JdbcBatch.run(dsl, INSERT, cases, (insert, c) -> {
            insert.setObject(1, c.id());
            insert.setString(2, c.caseNumber());
            insert.setObject(3, c.registeredOn());
            insert.setString(4, c.regionCode());
            insert.setString(5, c.type().code());
            insert.setBigDecimal(6, c.loss());
            insert.setBigDecimal(7, c.recovered());
            insert.setString(8, c.status().code());
            insert.setString(9, c.basis().code());
        });
    }

    /**
     * What the cases of a basis add to the rollups: per region and registration day, cases_registered,
     * property_loss and cases_solved (ADR 0013).
     */
    public List<DayFact> dayFactsOf(Basis basis) {
        Field<Integer> solved = DSL.when(FRAUD_CASE.STATUS.eq(CaseStatus.SOLVED.code()), 1).otherwise(0);
        boolean synthetic = basis == Basis.SYNTHETIC_DEMO;
        List<DayFact> facts = new ArrayList<>();
        dsl.select(FRAUD_CASE.REGION_CODE, FRAUD_CASE.REGISTERED_ON, DSL.count(), DSL.sum(FRAUD_CASE.LOSS),
                        DSL.sum(solved))
                .from(FRAUD_CASE)
                .where(FRAUD_CASE.BASIS.eq(basis.code()))
                .groupBy(FRAUD_CASE.REGION_CODE, FRAUD_CASE.REGISTERED_ON)
                .forEach(r -> {
                    long cases = r.value3();
                    long solvedCases = r.value5().longValue();
                    facts.add(DayFact.all("cases_registered", r.value1(), r.value2(), DayFact.NO_CAMPAIGN,
                            BigDecimal.valueOf(cases), cases, synthetic));
                    facts.add(DayFact.all("property_loss", r.value1(), r.value2(), DayFact.NO_CAMPAIGN,
                            r.value4(), cases, synthetic));
                    if (solvedCases > 0) {
                        facts.add(DayFact.all("cases_solved", r.value1(), r.value2(), DayFact.NO_CAMPAIGN,
                                BigDecimal.valueOf(solvedCases), solvedCases, synthetic));
                    }
                });
        return facts;
    }

    public int deleteByBasis(Basis basis) {
        return dsl.deleteFrom(FRAUD_CASE).where(FRAUD_CASE.BASIS.eq(basis.code())).execute();
    }

    public boolean existsByBasis(Basis basis) {
        return dsl.fetchExists(FRAUD_CASE, FRAUD_CASE.BASIS.eq(basis.code()));
    }

    public int countByBasis(Basis basis) {
        return dsl.fetchCount(FRAUD_CASE, FRAUD_CASE.BASIS.eq(basis.code()));
    }
}
