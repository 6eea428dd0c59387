package org.antifraud.cc.domain;

/** Anything entered on the data-entry page or imported: it rolls up into the indicators and is audited. */
public sealed interface EntryRecord permits DenTakedown, WarningBatch, FraudCase, WarningInstruction, Statistic {
    RecordKind kind();

    /** Its id as the audit trail names it; null for a statistic not stored yet. */
    String key();

    /** The region it belongs to (an operator with regions writes only those: issue 15). */
    String regionCode();
}
