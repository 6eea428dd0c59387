package org.antifraud.cc.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of record a reporting unit declares complete for a month, and the indicators each feeds: the one
 * home of "which submissions make a computed figure complete" (issue 12).
 */
public enum SubmissionKind {
    DENS("dens", RecordKind.DEN_TAKEDOWN, List.of("dens_destroyed", "suspects_arrested")),
    WARNINGS("warnings", RecordKind.WARNING_BATCH, List.of("warning_instructions_issued", "warnings_local",
            "sms_12381_warnings", "app_warnings", "warning_calls", "warning_visits", "persons_dissuaded",
            "funds_intercepted")),
    CASES("cases", RecordKind.FRAUD_CASE, List.of("cases_registered", "property_loss", "cases_solved")),
    /** Issue 17: the figures counted from warning instructions. */
    INSTRUCTIONS("instructions", RecordKind.WARNING_INSTRUCTION, List.of("warning_instructions",
            "instructions_dissuaded", "funds_protected"));

    private final String code;
    private final RecordKind recordKind;
    private final List<String> indicators;

    SubmissionKind(String code, RecordKind recordKind, List<String> indicators) {
        this.code = code;
        this.recordKind = recordKind;
        this.indicators = indicators;
    }

    public String code() {
        return code;
    }

    public RecordKind recordKind() {
        return recordKind;
    }

    /** The kinds whose records feed {@code indicatorCode}: empty for indicators that only statistics give. */
    public static Set<SubmissionKind> feeding(String indicatorCode) {
        Set<SubmissionKind> kinds = EnumSet.noneOf(SubmissionKind.class);
        for (SubmissionKind k : values()) {
            if (k.indicators.contains(indicatorCode)) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    public static SubmissionKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown submission kind: " + code));
    }
}
