package org.antifraud.cc.service.csv;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;

/**
 * The five kinds of CSV file and their columns (see {@code docs/csv-format.md}). {@link #columns()} is the
 * order a file is written in; a file may hold its columns in any order, and must hold every
 * {@link #required()} one.
 */
public enum CsvFileType {
    MEASUREMENTS("measurements", RecordKind.STATISTIC,
            List.of("indicator", "region", "period", "campaign", "value", "change_pct", "qualifier", "note", "source",
                    "sentence"),
            Set.of("indicator", "region", "period", "value"),
            Set.of("indicator", "period", "value", "change_pct", "qualifier", "source", "sentence")),
    DENS("dens", RecordKind.DEN_TAKEDOWN,
            List.of("id", "date", "region", "city", "campaign", "address", "suspects_arrested", "goip_devices",
                    "phone_cards", "bank_cards", "note"),
            Set.of("id", "date", "region", "suspects_arrested", "goip_devices", "phone_cards", "bank_cards"),
            Set.of("city", "address", "suspects_arrested", "goip_devices", "phone_cards", "bank_cards")),
    WARNINGS("warnings", RecordKind.WARNING_BATCH,
            List.of("id", "date", "region", "channel", "warnings", "persons_dissuaded", "funds_intercepted"),
            Set.of("id", "date", "region", "channel", "warnings", "persons_dissuaded", "funds_intercepted"),
            Set.of("channel", "warnings", "persons_dissuaded", "funds_intercepted")),
    CASES("cases", RecordKind.FRAUD_CASE,
            List.of("id", "case_number", "registered_on", "region", "fraud_type", "loss", "recovered", "status"),
            Set.of("id", "case_number", "registered_on", "region", "fraud_type", "loss", "recovered", "status"),
            Set.of("case_number", "registered_on", "fraud_type", "loss", "recovered", "status")),
    /** Early-warning instructions (issue 17): told from the other types by {@code tier} and {@code risk_level}. */
    INSTRUCTIONS("instructions", RecordKind.WARNING_INSTRUCTION,
            List.of("id", "issued_at", "region", "tier", "risk_level", "contacted_at", "outcome", "funds_protected"),
            Set.of("id", "issued_at", "region", "tier", "risk_level", "contacted_at", "outcome", "funds_protected"),
            Set.of("tier", "risk_level", "issued_at", "contacted_at", "outcome", "funds_protected"));

    private final String code;
    private final RecordKind kind;
    private final List<String> columns;
    private final Set<String> required;
    /** Columns no other type has: they tell the type of a file from its header. */
    private final Set<String> signature;

    CsvFileType(String code, RecordKind kind, List<String> columns, Set<String> required, Set<String> signature) {
        this.code = code;
        this.kind = kind;
        this.columns = columns;
        this.required = required;
        this.signature = signature;
    }

    /** The name used on the command line: measurements, dens, warnings, cases, instructions. */
    public String code() {
        return code;
    }

    /** The kind of record a row of this file becomes. */
    public RecordKind kind() {
        return kind;
    }

    /** Every column, in the order a file of this type is written. */
    public List<String> columns() {
        return columns;
    }

    /** The columns a file must have (a cell of one may still be empty where the rules allow it). */
    public Set<String> required() {
        return required;
    }

    /** The columns a file may have. */
    public List<String> optional() {
        return columns.stream().filter(c -> !required.contains(c)).toList();
    }

    public static Optional<CsvFileType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** The codes of all types, for messages: {@code measurements, dens, warnings, cases, instructions}. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(CsvFileType::code).toList());
    }

    /**
     * The type a header belongs to: the one with the most of its own columns in it (names compared trimmed
     * and case-insensitively); empty when no type has any, or two have as many.
     */
    public static Optional<CsvFileType> detect(Collection<String> header) {
        Set<String> names = new LinkedHashSet<>();
        for (String h : header) {
            names.add(normalise(h));
        }
        CsvFileType best = null;
        int bestScore = 0;
        boolean tie = false;
        for (CsvFileType t : values()) {
            int score = 0;
            for (String n : names) {
                if (t.signature.contains(n)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = t;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** A header name as matched against the columns: trimmed and lower case. */
    static String normalise(String headerName) {
        String s = headerName.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("\uFEFF") ? s.substring(1).strip() : s;
    }

    /** Whether the record is of this file's kind (a measurement file holds statistics). */
    public boolean accepts(EntryRecord record) {
        return record.kind() == kind;
    }

    /**
     * The order records are written in, so that an export of the same records is the same file: measurements by
     * indicator, region, period (start, then year before month before day) and campaign (none first); dens and
     * warnings by date, region (and channel), id; cases by registration date, region, case number, id; instructions
     * by the time of issue, region, id.
     */
    public Comparator<EntryRecord> order() {
        return switch (this) {
            case MEASUREMENTS -> Comparator.comparing((EntryRecord r) -> ((Statistic) r).measurement(), MEASUREMENT_ORDER);
            case DENS -> Comparator.comparing((EntryRecord r) -> (DenTakedown) r, Comparator
                    .comparing(DenTakedown::takenOn).thenComparing(DenTakedown::regionCode).thenComparing(DenTakedown::id));
            case WARNINGS -> Comparator.comparing((EntryRecord r) -> (WarningBatch) r, Comparator
                    .comparing(WarningBatch::batchOn).thenComparing(WarningBatch::regionCode)
                    .thenComparing(WarningBatch::channel).thenComparing(WarningBatch::id));
            case CASES -> Comparator.comparing((EntryRecord r) -> (FraudCase) r, Comparator
                    .comparing(FraudCase::registeredOn).thenComparing(FraudCase::regionCode)
                    .thenComparing(FraudCase::caseNumber).thenComparing(FraudCase::id));
            case INSTRUCTIONS -> Comparator.comparing((EntryRecord r) -> (WarningInstruction) r, Comparator
                    .comparing(WarningInstruction::issuedAt).thenComparing(WarningInstruction::regionCode)
                    .thenComparing(WarningInstruction::id));
        };
    }

    private static final Comparator<Measurement> MEASUREMENT_ORDER = Comparator
            .comparing(Measurement::indicatorCode)
            .thenComparing(Measurement::regionCode)
            .thenComparing(m -> m.period().start())
            .thenComparing(m -> m.period().granularity())
            .thenComparing(Measurement::campaignCode, Comparator.nullsFirst(Comparator.naturalOrder()));
}
