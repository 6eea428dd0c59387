package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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

    Checks(I18n i18n, LocalDate today) {
        this.i18n = i18n;
        this.today = today;
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

    /** The text, stripped; null when blank. */
    static String optional(FormField<String> field) {
        String v = field.get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A non-negative whole number; blank is 0 unless required. */
    long count(FormField<String> field, boolean required) {
        String text = number(field);
        if (text.isEmpty()) {
            if (required) {
                fail(field, "entry.error.required");
            }
            return 0;
        }
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                fail(field, "entry.error.negative");
            }
            return n;
        } catch (NumberFormatException e) {
            fail(field, text.startsWith("-") && text.substring(1).chars().allMatch(Character::isDigit)
                    ? "entry.error.negative" : "entry.error.count");
            return 0;
        }
    }

    /** An amount of money: at least 0, at most two decimals; blank is 0 unless required. */
    BigDecimal money(FormField<String> field, boolean required) {
        String text = number(field);
        if (text.isEmpty()) {
            if (required) {
                fail(field, "entry.error.required");
            }
            return BigDecimal.ZERO;
        }
        BigDecimal v = decimal(field, text, "entry.error.money");
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v.signum() < 0) {
            fail(field, "entry.error.negative");
        } else if (v.stripTrailingZeros().scale() > 2) {
            fail(field, "entry.error.money_precision");
        }
        return v;
    }

    /** A number or nothing (null) for a statistic; {@code decimals} at most, never negative if {@code signed} is false. */
    BigDecimal number(FormField<String> field, int decimals, boolean signed) {
        String text = number(field);
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal v = decimal(field, text, "entry.error.number");
        if (v == null) {
            return null;
        }
        if (!signed && v.signum() < 0) {
            fail(field, "entry.error.negative");
        } else if (v.stripTrailingZeros().scale() > decimals) {
            fail(field, "entry.error.decimals", decimals);
        }
        return v;
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

    private BigDecimal decimal(FormField<String> field, String text, String key) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            fail(field, key);
            return null;
        }
    }

    /** The text of a number field without the separators people type (spaces, commas). */
    private static String number(FormField<String> field) {
        String v = field.get();
        return v == null ? "" : v.replaceAll("[\\s,，_]", "");
    }
}
