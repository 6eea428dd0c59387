package org.antifraud.cc.ui.entry;

import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One field of a data-entry form: its value as the control holds it, its error (null when fine or not shown
 * yet), whether it is kept for the next record (batch entry), and how it is written into a draft.
 */
public final class FormField<T> {
    private final String name;
    private final boolean kept;
    private final Function<T, String> toText;
    private final Function<String, T> fromText;
    private final ObjectProperty<T> value;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final T initial;
    private boolean touched;

    FormField(String name, boolean kept, T initial, Function<T, String> toText, Function<String, T> fromText) {
        this.name = name;
        this.kept = kept;
        this.initial = initial;
        this.toText = toText;
        this.fromText = fromText;
        this.value = new SimpleObjectProperty<>(this, name, initial);
    }

    static FormField<String> text(String name, boolean kept) {
        return new FormField<>(name, kept, "", s -> s, s -> s);
    }

    public String name() {
        return name;
    }

    /** Kept after a save, for the next record of a batch (date, region, campaign). */
    public boolean kept() {
        return kept;
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T get() {
        return value.get();
    }

    public void set(T v) {
        value.set(v);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message);
    }

    /** Changed by the clerk since the form was last cleared: its errors show even before a save is tried. */
    boolean touched() {
        return touched;
    }

    void touched(boolean t) {
        touched = t;
    }

    /** Whether it holds nothing the clerk typed (its initial value). */
    boolean blank() {
        T v = value.get();
        return Objects.equals(v, initial) || v instanceof String s && s.isBlank() && (initial == null || "".equals(initial));
    }

    void reset() {
        value.set(initial);
    }

    String toText() {
        T v = value.get();
        return v == null ? null : toText.apply(v);
    }

    void fromText(String text) {
        value.set(text == null ? initial : fromText.apply(text));
    }
}
