package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.ui.common.I18n;

/**
 * One pass over a form's fields: each check returns the field's value as the record needs it and notes the
 * field's error (localized) when there is one. The record is built only when no field has an error.
 */
final class Checks {
    private final I18n i18n;
    private final LocalDate today;
    private final Map<FormField<?>, String> errors = new LinkedHashMap<>();
    /** The rules of numbers: the same as the CSV reader's ({@link FieldRules}). */
    private final FieldRules.Parser numbers = new FieldRules.Parser();

    private final Function<String, Indicator.Unit> units;
    /** The present minute: no time entered may be later (issue 17). */
    private final LocalDateTime now;

    Checks(I18n i18n, LocalDate today) {
        this(i18n, today, code -> null);
    }

    /** @param units the unit of an indicator by its code (null: unknown) */
    Checks(I18n i18n, LocalDate today, Function<String, Indicator.Unit> units) {
        this(i18n, today.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.MINUTES), units);
    }

    /** As above, with the present minute for the time fields. */
    Checks(I18n i18n, LocalDateTime now, Function<String, Indicator.Unit> units) {
        this.i18n = i18n;
        this.today = now.toLocalDate();
        this.now = now;
        this.units = units;
    }

    /** A time as the forms write it: {@code 2022-07-01 08:05}. */
    static String minute(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * A time to the minute, written {@code YYYY-MM-DD HH:MM} (or with a T, as in a CSV file), not after the present
     * minute; blank is null, an error only when {@code required}.
     */
    LocalDateTime time(FormField<String> field, boolean required) {
        String text = optional(field);
        if (text == null) {
            if (required) {
                fail(field, "entry.error.required");
            }
            return null;
        }
        LocalDateTime t = null;
        if (text.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}")) {
            try {
                t = LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                t = null;
            }
        }
        if (t == null) {
            fail(field, "entry.error.time");
        } else if (t.isAfter(now)) {
            fail(field, "entry.error.time_future");
        }
        return t;
    }

    /** The unit of the indicator chosen (null: none chosen, or unknown). */
    Indicator.Unit unitOf(String indicatorCode) {
        return indicatorCode == null ? null : units.apply(indicatorCode);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Map<FormField<?>, String> errors() {
        return errors;
    }

    void fail(FormField<?> field, String key, Object... args) {
        errors.putIfAbsent(field, i18n.get(key, args));
    }

    LocalDate date(FormField<LocalDate> field) {
        LocalDate d = field.get();
        if (d == null) {
            fail(field, "entry.error.date");
        } else if (d.isAfter(today)) {
            fail(field, "entry.error.date_future");
        }
        return d;
    }

    <T> T choice(FormField<T> field) {
        T v = field.get();
        if (v == null) {
            fail(field, "entry.error.choose");
        }
        return v;
    }

    String required(FormField<String> field) {
        String v = optional(field);
        if (v == null) {
            fail(field, "entry.error.required");
        }
        return v;
    }

    /** Optional text of at most {@code max} characters ({@link FieldRules}' column widths), stripped; null when blank. */
    String text(FormField<String> field, int max) {
        String v = optional(field);
        if (v != null && v.length() > max) {
            fail(field, "entry.error.too_long", max);
        }
        return v;
    }

    /** The text, stripped; null when blank. */
    static String optional(FormField<String> field) {
        String v = field.get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A non-negative whole number ({@link FieldRules.Amount#COUNT}); blank is 0 unless required. */
    long count(FormField<String> field, boolean required) {
        String text = number(field);
        if (text.isEmpty()) {
            if (required) {
                fail(field, "entry.error.required");
            }
            return 0;
        }
        long n = numbers.count(text);
        if (n < 0) {
            verdict(field, FieldRules.Amount.COUNT, "entry.error.count");
            return 0;
        }
        return n;
    }

    /** An amount of money ({@link FieldRules.Amount#MONEY}): at least 0, at most two decimals; blank is 0 unless required. */
    BigDecimal money(FormField<String> field, boolean required) {
        String text = number(field);
        if (text.isEmpty()) {
            if (required) {
                fail(field, "entry.error.required");
            }
            return BigDecimal.ZERO;
        }
        BigDecimal v = numbers.parse(FieldRules.Amount.MONEY, text, null);
        if (v == null) {
            verdict(field, FieldRules.Amount.MONEY, "entry.error.money");
            return BigDecimal.ZERO;
        }
        return v;
    }

    /**
     * A figure's value or a change, or nothing (null), by the rules of {@code kind}; {@code unit} is the indicator's
     * (a count indicator's value is whole), null when not chosen yet.
     */
    BigDecimal number(FormField<String> field, FieldRules.Amount kind, Indicator.Unit unit) {
        String text = number(field);
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal v = numbers.parse(kind, text, unit);
        if (v == null) {
            verdict(field, kind, "entry.error.number");
        }
        return v;
    }

    /** The field's error for the number {@link #numbers} just refused. */
    private void verdict(FormField<String> field, FieldRules.Amount kind, String notNumberKey) {
        switch (numbers.error()) {
            case NEGATIVE -> fail(field, "entry.error.negative");
            case TOO_LARGE -> fail(field, "entry.error.too_large", kind.integerDigits());
            case NOT_WHOLE -> fail(field, kind == FieldRules.Amount.COUNT ? "entry.error.count" : "entry.error.whole");
            case TOO_MANY_DECIMALS -> {
                if (kind == FieldRules.Amount.MONEY) {
                    fail(field, "entry.error.money_precision");
                } else {
                    fail(field, "entry.error.decimals", kind.decimals());
                }
            }
            default -> fail(field, notNumberKey);
        }
    }

    /** A year, month or day, not starting in the future. */
    Period period(FormField<String> field) {
        String text = optional(field);
        if (text == null) {
            fail(field, "entry.error.required");
            return null;
        }
        try {
            Period p = Period.parse(text);
            if (!p.isStorable()) {
                fail(field, "entry.error.period");
                return null;
            }
            if (p.start().isAfter(today)) {
                fail(field, "entry.error.date_future");
            }
            return p;
        } catch (IllegalArgumentException e) {
            fail(field, "entry.error.period");
            return null;
        }
    }

    /**
     * The text of a number field without the separators people type between thousands (spaces, commas,
     * underscores): the one leniency of the form over a CSV file, where a comma is the cell separator. A point is
     * never removed: {@code 12.500} has three decimals, as in a file.
     */
    private static String number(FormField<String> field) {
        String v = field.get();
        return v == null ? "" : v.replaceAll("[\\s,，_]", "");
    }
}
