package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.FraudCase;

/**
 * What fraud cases add to the rollups (ADR 0013): per region and registration day, cases_registered one
 * per case, property_loss its loss, cases_solved one per solved case. Collects any number of cases and
 * gives one fact per indicator, region and day, with the synthetic-demo cases' part of it apart (a day can
 * hold both: issue 12).
 */
public final class CaseFacts {
    public static final String CASES_REGISTERED = "cases_registered";
    public static final String PROPERTY_LOSS = "property_loss";
    public static final String CASES_SOLVED = "cases_solved";

    private record Key(String region, LocalDate day) {
    }

    /** cases, synthetic cases, loss in cents, solved, synthetic solved, synthetic cases' loss in cents. */
    private final Map<Key, long[]> cells = new HashMap<>();

    public void add(FraudCase c) {
        long[] cell = cells.computeIfAbsent(new Key(c.regionCode(), c.registeredOn()), k -> new long[6]);
        boolean synthetic = c.basis() == Basis.SYNTHETIC_DEMO;
        boolean solved = c.status() == CaseStatus.SOLVED;
        cell[0]++;
        cell[1] += synthetic ? 1 : 0;
        cell[2] += c.loss().movePointRight(2).longValueExact();
        cell[3] += solved ? 1 : 0;
        cell[4] += solved && synthetic ? 1 : 0;
        cell[5] += synthetic ? c.loss().movePointRight(2).longValueExact() : 0;
    }

    /** The facts of one of the three indicators, in no particular order. */
    public List<DayFact> facts(String indicator) {
        List<DayFact> facts = new ArrayList<>(cells.size());
        cells.forEach((key, c) -> {
            switch (indicator) {
                case CASES_REGISTERED -> facts.add(new DayFact(indicator, key.region(), key.day(), DayFact.NO_CAMPAIGN,
                        BigDecimal.valueOf(c[0]), c[0], c[1], BigDecimal.valueOf(c[1])));
                case PROPERTY_LOSS -> facts.add(new DayFact(indicator, key.region(), key.day(), DayFact.NO_CAMPAIGN,
                        BigDecimal.valueOf(c[2], 2), c[0], c[1], BigDecimal.valueOf(c[5], 2)));
                case CASES_SOLVED -> {
                    if (c[3] > 0) {
                        facts.add(new DayFact(indicator, key.region(), key.day(), DayFact.NO_CAMPAIGN,
                                BigDecimal.valueOf(c[3]), c[3], c[4], BigDecimal.valueOf(c[4])));
                    }
                }
                default -> throw new IllegalArgumentException("cases give no " + indicator);
            }
        });
        return facts;
    }
}
