package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;

/**
 * What a record adds to the day rollups (ADR 0013): a den takedown one den and its suspects, for its
 * campaign; a warning batch its warnings on the channel's indicator, the persons dissuaded and the funds
 * intercepted; a case one registered case, its loss, one solved case when solved; a warning instruction one
 * instruction, one dissuaded when it dissuaded, and the money it protected, on the day it was issued (issue 17); a
 * day-grain statistic its value. Year and month statistics are read directly by the rule and add nothing.
 */
public final class RecordFacts {
    public static final String DENS = "dens_destroyed";
    public static final String SUSPECTS = "suspects_arrested";
    public static final String PERSONS_DISSUADED = "persons_dissuaded";
    public static final String FUNDS_INTERCEPTED = "funds_intercepted";
    /** Issue 17: every instruction, those that dissuaded, the money they protected; on the day of issue. */
    public static final String WARNING_INSTRUCTIONS = "warning_instructions";
    public static final String INSTRUCTIONS_DISSUADED = "instructions_dissuaded";
    public static final String FUNDS_PROTECTED = "funds_protected";
    public static final List<String> INSTRUCTION_INDICATORS = List.of(WARNING_INSTRUCTIONS, INSTRUCTIONS_DISSUADED,
            FUNDS_PROTECTED);

    private RecordFacts() {
    }

    public static List<DayFact> of(EntryRecord record) {
        List<DayFact> facts = new ArrayList<>(3);
        switch (record) {
            case DenTakedown d -> {
                facts.add(DayFact.one(DENS, d.regionCode(), d.takenOn(), d.campaignCode(), BigDecimal.ONE, false));
                facts.add(DayFact.one(SUSPECTS, d.regionCode(), d.takenOn(), d.campaignCode(),
                        BigDecimal.valueOf(d.suspectsArrested()), false));
            }
            case WarningBatch w -> {
                facts.add(DayFact.one(w.channel().indicatorCode(), w.regionCode(), w.batchOn(), null,
                        BigDecimal.valueOf(w.warnings()), false));
                facts.add(DayFact.one(PERSONS_DISSUADED, w.regionCode(), w.batchOn(), null,
                        BigDecimal.valueOf(w.personsDissuaded()), false));
                facts.add(DayFact.one(FUNDS_INTERCEPTED, w.regionCode(), w.batchOn(), null, w.fundsIntercepted(), false));
            }
            case FraudCase c -> {
                boolean synthetic = c.basis() == Basis.SYNTHETIC_DEMO;
                facts.add(DayFact.one(CaseFacts.CASES_REGISTERED, c.regionCode(), c.registeredOn(), null,
                        BigDecimal.ONE, synthetic));
                facts.add(DayFact.one(CaseFacts.PROPERTY_LOSS, c.regionCode(), c.registeredOn(), null, c.loss(),
                        synthetic));
                if (c.status() == CaseStatus.SOLVED) {
                    facts.add(DayFact.one(CaseFacts.CASES_SOLVED, c.regionCode(), c.registeredOn(), null,
                            BigDecimal.ONE, synthetic));
                }
            }
            case WarningInstruction i -> {
                LocalDate issued = i.issuedAt().toLocalDate();
                facts.add(DayFact.one(WARNING_INSTRUCTIONS, i.regionCode(), issued, null, BigDecimal.ONE, false));
                if (i.outcome() == InstructionOutcome.DISSUADED) {
                    facts.add(DayFact.one(INSTRUCTIONS_DISSUADED, i.regionCode(), issued, null, BigDecimal.ONE, false));
                }
                if (i.fundsProtected() != null) {
                    facts.add(DayFact.one(FUNDS_PROTECTED, i.regionCode(), issued, null, i.fundsProtected(), false));
                }
            }
            case Statistic s -> {
                Measurement m = s.measurement();
                if (m.period().granularity() == Granularity.DAY && m.hasValue()) {
                    facts.add(DayFact.one(m.indicatorCode(), m.regionCode(), m.period().start(), m.campaignCode(),
                            m.value(), m.basis() == Basis.SYNTHETIC_DEMO));
                }
            }
        }
        return facts;
    }
}
