package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;

/**
 * The fields of one data-entry form and how they become a record (and a record, fields again). Which stored
 * record it edits, if any, with the version that was opened (optimistic locking).
 */
public abstract class EntryForm {
    private final RecordKind kind;
    private final List<FormField<?>> fields = new ArrayList<>();
    private StoredRecord editing;

    EntryForm(RecordKind kind) {
        this.kind = kind;
    }

    public RecordKind kind() {
        return kind;
    }

    /** The form's name, under which its draft is kept. */
    public String name() {
        return kind.code();
    }

    public List<FormField<?>> fields() {
        return Collections.unmodifiableList(fields);
    }

    @SuppressWarnings("unchecked")
    public <T> FormField<T> field(String name) {
        return (FormField<T>) fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + name()));
    }

    /** The record the fields describe (with {@code editing}'s id when editing), or null when a check failed. */
    abstract EntryRecord build(Checks checks, EntryRecord editing);

    /** Puts a stored record's values into the fields. */
    abstract void load(EntryRecord record);

    /** The stored record being edited, or null for a new one. */
    StoredRecord editing() {
        return editing;
    }

    void editing(StoredRecord stored) {
        this.editing = stored;
    }

    /** Whether the clerk has typed anything beyond the kept fields, or is editing a record. */
    boolean hasContent() {
        return editing != null || fields.stream().anyMatch(f -> !f.kept() && !f.blank());
    }

    /** Ready for the next record of a batch: the kept fields stay. */
    void clearForNext() {
        editing = null;
        fields.stream().filter(f -> !f.kept()).forEach(FormField::reset);
    }

    void clearAll() {
        editing = null;
        fields.forEach(FormField::reset);
    }

    // --- making fields

    FormField<String> text(String name) {
        return add(FormField.text(name, false));
    }

    FormField<String> keptText(String name) {
        return add(FormField.text(name, true));
    }

    FormField<LocalDate> date(String name) {
        return add(new FormField<LocalDate>(name, true, null, LocalDate::toString, EntryForm::parseDate));
    }

    FormField<String> code(String name, boolean kept) {
        return add(new FormField<String>(name, kept, null, s -> s, s -> s.isBlank() ? null : s));
    }

    <E extends Enum<E>> FormField<E> choice(String name, Class<E> type, E initial) {
        return add(new FormField<E>(name, false, initial, Enum::name, s -> parseEnum(type, s, initial)));
    }

    FormField<Boolean> flag(String name) {
        return add(new FormField<Boolean>(name, false, Boolean.FALSE, String::valueOf, Boolean::valueOf));
    }

    private <T> FormField<T> add(FormField<T> field) {
        fields.add(field);
        return field;
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, E fallback) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static String plain(Number n) {
        return n instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(n);
    }

    static <T> String orEmpty(T v, Function<T, String> f) {
        return v == null ? "" : f.apply(v);
    }
}
