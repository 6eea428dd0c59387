package org.antifraud.cc.domain;

import java.util.Arrays;

/** The kinds of record a clerk enters or a field station sends, by the table that holds them. */
public enum RecordKind {
    DEN_TAKEDOWN("den_takedown"),
    WARNING_BATCH("warning_batch"),
    FRAUD_CASE("fraud_case"),
    /** One early-warning instruction and the race to reach its person (issue 17). */
    WARNING_INSTRUCTION("warning_instruction"),
    /** A figure that arrives as a total from another agency: a measurement. */
    STATISTIC("measurement");

    private final String code;

    RecordKind(String code) {
        this.code = code;
    }

    /** The table, and the entity name in the audit trail. */
    public String code() {
        return code;
    }

    public static RecordKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record kind: " + code));
    }
}
