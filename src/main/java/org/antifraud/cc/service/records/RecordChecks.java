package org.antifraud.cc.service.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.persistence.SqlErrors;

/**
 * The checks at the door of every write, one home for form, CSV and package records: catalog codes, dates not in
 * the future, numbers by {@link FieldRules}, unique case numbers, and the problems of a lost race.
 */
final class RecordChecks {
    private final Catalog catalog;
    private final Clock clock;

    RecordChecks(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Runs {@code work}; a number the database cannot hold (a total of the rollups beyond DECIMAL(24, 2): every
     * single value is checked by {@link org.antifraud.cc.domain.FieldRules} before) becomes a problem, not a stack
     * trace. Nothing was written: the transaction rolled back.
     */
    static <T> T outOfRangeAsProblem(Supplier<T> work) {
        try {
            return work.get();
        } catch (Problem | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SqlErrors.numberOutOfRange(e)) {
                throw new Problem("total_out_of_range", "the totals would exceed what can be stored (at most "
                        + "22 digits before the point); nothing was imported", e);
            }
            throw e;
        }
    }

    static Problem conflict(RecordKind kind, String key) {
        return new Problem("record_conflict", "this record was changed by someone else since it was opened ("
                + kind.code() + " " + key + "); nothing was overwritten — open it again", kind.code(), key);
    }

    static Problem gone(RecordKind kind, String key) {
        return new Problem("record_gone", "this record was deleted by someone else (" + kind.code() + " " + key + ")",
                kind.code(), key);
    }

    static void checkUnique(EntryRepository entries, EntryRecord record, boolean existing) {
        if (record instanceof FraudCase c && entries.caseNumberTaken(c.caseNumber(), existing ? c.id() : null)) {
            throw new Problem("case_number_taken", "case number already used: " + c.caseNumber(), c.caseNumber());
        }
    }

    /** What the forms and the CSV reader check first, checked again at the door: catalog codes, dates, amounts. */
    void validate(EntryRecord record) {
        switch (record) {
            case DenTakedown d -> {
                notFuture("date", d.takenOn());
                province(d.regionCode());
                campaign(d.campaignCode());
                count("suspects_arrested", d.suspectsArrested());
                count("goip_devices", d.goipDevices());
                count("phone_cards", d.phoneCards());
                count("bank_cards", d.bankCards());
            }
            case WarningBatch w -> {
                notFuture("date", w.batchOn());
                region(w.regionCode());
                count("warnings", w.warnings());
                count("persons_dissuaded", w.personsDissuaded());
                money("funds_intercepted", w.fundsIntercepted());
            }
            case FraudCase c -> {
                notFuture("registered_on", c.registeredOn());
                region(c.regionCode());
                if (c.caseNumber().isBlank()) {
                    throw new Problem("field_required", "case_number is required", "case_number");
                }
                money("loss", c.loss());
                money("recovered", c.recovered());
                if (c.recovered().compareTo(c.loss()) > 0) {
                    throw new Problem("recovered_above_loss", "recovered is more than the loss: " + c.recovered(),
                            c.recovered().toPlainString());
                }
            }
            case WarningInstruction i -> {
                notFuture("issued_at", i.issuedAt());
                if (i.contactedAt() != null) {
                    notFuture("contacted_at", i.contactedAt());
                }
                region(i.regionCode());
                if (catalog.region(i.regionCode()).orElseThrow().kind() != RegionKind.PROVINCE) {
                    throw new Problem("instruction_not_in_province", "an instruction is issued in a province, not "
                            + i.regionCode(), i.regionCode());
                }
                if (i.fundsProtected() != null) {
                    money("funds_protected", i.fundsProtected());
                }
            }
            case Statistic s -> {
                Measurement m = s.measurement();
                if (catalog.indicator(m.indicatorCode()).isEmpty()) {
                    throw new Problem("unknown_indicator", "unknown indicator: " + m.indicatorCode(), m.indicatorCode());
                }
                region(m.regionCode());
                campaign(m.campaignCode());
                notFuture("period", m.period().start());
                if (m.value() != null) {
                    number("value", FieldRules.Amount.FIGURE, m.value(),
                            catalog.indicator(m.indicatorCode()).orElseThrow().unit());
                }
                if (m.changePct() != null) {
                    number("change_pct", FieldRules.Amount.CHANGE, m.changePct(), null);
                }
            }
        }
    }

    private void notFuture(String field, LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new Problem("date_in_future", field + " is in the future: " + day, field, day.toString());
        }
    }

    /** A time to the minute (issue 17): never after the present minute. */
    private void notFuture(String field, LocalDateTime time) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (time.isAfter(now)) {
            throw new Problem("time_in_future", field + " is in the future: " + time + " (it is now "
                    + now.truncatedTo(ChronoUnit.MINUTES) + ")", field, time.toString());
        }
    }

    private void region(String code) {
        if (catalog.region(code).isEmpty()) {
            throw new Problem("unknown_region", "unknown region: " + code, code);
        }
    }

    private void province(String code) {
        region(code);
        if (catalog.region(code).orElseThrow().kind() != RegionKind.PROVINCE) {
            throw new Problem("not_a_province", "a den takedown is in a province, not " + code, code);
        }
    }

    private void campaign(String code) {
        if (code != null && catalog.campaign(code).isEmpty()) {
            throw new Problem("unknown_campaign", "unknown campaign: " + code, code);
        }
    }

    private static void money(String field, BigDecimal value) {
        number(field, FieldRules.Amount.MONEY, value, null);
    }

    /** A number by the rules every entry path shares ({@link FieldRules}): a problem naming the field if not. */
    private static void number(String field, FieldRules.Amount kind, BigDecimal value,
                               Indicator.Unit unit) {
        FieldRules.Verdict verdict = FieldRules.check(kind, value, unit);
        String v = value.toPlainString();
        switch (verdict) {
            case OK -> { }
            case NEGATIVE -> throw new Problem("money_negative", field + " must not be negative: " + v, field, v);
            case TOO_MANY_DECIMALS -> throw kind == FieldRules.Amount.MONEY
                    ? new Problem("money_precision", field + " may have at most two decimals: " + v, field, v)
                    : new Problem("field_decimals", field + " may have at most " + kind.decimals()
                    + " decimals: " + v, field, v, kind.decimals());
            case NOT_WHOLE -> throw new Problem("field_not_whole", field + " is a whole number: " + v, field, v);
            default -> throw new Problem("field_out_of_range", field + " is too large: " + v + " (at most "
                    + kind.integerDigits() + " digits before the point)", field, v, kind.integerDigits());
        }
    }

    private static void count(String field, long value) {
        FieldRules.Verdict verdict = FieldRules.check(value);
        if (verdict == FieldRules.Verdict.NEGATIVE) {
            throw new Problem("money_negative", field + " must not be negative: " + value, field, String.valueOf(value));
        }
        if (verdict != FieldRules.Verdict.OK) {
            throw new Problem("field_out_of_range", field + " is too large: " + value + " (at most 18 digits)", field,
                    String.valueOf(value), 18);
        }
    }
}
