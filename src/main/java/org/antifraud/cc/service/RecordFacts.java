package org.antifraud.cc.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;

/**
 * What a record adds to the day rollups (ADR 0013): a den takedown one den and its suspects, for its
 * campaign; a warning batch its warnings on the channel's indicator, the persons dissuaded and the funds
 * intercepted; a case one registered case, its loss, one solved case when solved; a day-grain statistic
 * its value. Year and month statistics are read directly by the rule and add nothing.
 */
final class RecordFacts {
    static final String DENS = "dens_destroyed";
    static final String SUSPECTS = "suspects_arrested";
    static final String PERSONS_DISSUADED = "persons_dissuaded";
    static final String FUNDS_INTERCEPTED = "funds_intercepted";

    private RecordFacts() {
    }

    static List<DayFact> of(EntryRecord record) {
        List<DayFact> facts = new ArrayList<>(3);
        switch (record) {
            case DenTakedown d -> {
                facts.add(new DayFact(DENS, d.regionCode(), d.takenOn(), d.campaignCode(), BigDecimal.ONE, 1, 0));
                facts.add(new DayFact(SUSPECTS, d.regionCode(), d.takenOn(), d.campaignCode(),
                        BigDecimal.valueOf(d.suspectsArrested()), 1, 0));
            }
            case WarningBatch w -> {
                facts.add(new DayFact(w.channel().indicatorCode(), w.regionCode(), w.batchOn(), null,
                        BigDecimal.valueOf(w.warnings()), 1, 0));
                facts.add(new DayFact(PERSONS_DISSUADED, w.regionCode(), w.batchOn(), null,
                        BigDecimal.valueOf(w.personsDissuaded()), 1, 0));
                facts.add(new DayFact(FUNDS_INTERCEPTED, w.regionCode(), w.batchOn(), null, w.fundsIntercepted(), 1, 0));
            }
            case FraudCase c -> {
                long synthetic = c.basis() == Basis.SYNTHETIC_DEMO ? 1 : 0;
                facts.add(new DayFact(CaseFacts.CASES_REGISTERED, c.regionCode(), c.registeredOn(), null,
                        BigDecimal.ONE, 1, synthetic));
                facts.add(new DayFact(CaseFacts.PROPERTY_LOSS, c.regionCode(), c.registeredOn(), null, c.loss(), 1,
                        synthetic));
                if (c.status() == CaseStatus.SOLVED) {
                    facts.add(new DayFact(CaseFacts.CASES_SOLVED, c.regionCode(), c.registeredOn(), null,
                            BigDecimal.ONE, 1, synthetic));
                }
            }
            case Statistic s -> {
                Measurement m = s.measurement();
                if (m.period().granularity() == Granularity.DAY && m.hasValue()) {
                    facts.add(new DayFact(m.indicatorCode(), m.regionCode(), m.period().start(), m.campaignCode(),
                            m.value(), 1, m.basis() == Basis.SYNTHETIC_DEMO ? 1 : 0));
                }
            }
        }
        return facts;
    }
}
