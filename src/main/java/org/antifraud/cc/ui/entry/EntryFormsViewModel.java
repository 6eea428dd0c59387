package org.antifraud.cc.ui.entry;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;

/**
 * The Data entry page's forms, one per record kind: which one is shown, validation as the clerk types (every
 * error once a save was tried), the record being edited, and emptying a form for the next record. Saving is
 * {@link RecordChangesViewModel}'s; keeping drafts is {@link DraftsViewModel}'s, which hears of every change here.
 */
public final class EntryFormsViewModel {
    /** Hears that a form's content changed: typed into ({@code reset} false), or emptied for the next record. */
    interface ContentListener {
        void changed(RecordKind kind, boolean reset);
    }

    private final EntryNames names;
    private final Appearance appearance;
    private final PageMessage message;
    private final Clock clock;
    private final Map<RecordKind, EntryForm> forms = new EnumMap<>(RecordKind.class);
    private final ObjectProperty<RecordKind> kind = new SimpleObjectProperty<>(this, "kind", RecordKind.DEN_TAKEDOWN);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final Map<RecordKind, Boolean> validity = new EnumMap<>(RecordKind.class);
    /** Forms where a save was tried: every error shows, not only those of fields the clerk changed. */
    private final Set<RecordKind> saveTried = EnumSet.noneOf(RecordKind.class);
    /** Errors the service found (a case number taken): shown until the field changes. */
    private final Map<FormField<?>, String> serviceErrors = new HashMap<>();
    private final List<ContentListener> contentListeners = new CopyOnWriteArrayList<>();
    /** Set while the ViewModel itself fills a form: that is no typing. */
    private boolean loading;

    public EntryFormsViewModel(EntryNames names, Appearance appearance, PageMessage message, Clock clock) {
        this.names = names;
        this.appearance = appearance;
        this.message = message;
        this.clock = clock;
        for (EntryForm form : List.of(new DenTakedownForm(), new WarningBatchForm(), new CaseForm(),
                new InstructionForm(), new StatisticForm())) {
            forms.put(form.kind(), form);
            for (FormField<?> field : form.fields()) {
                field.valueProperty().addListener((obs, old, now) -> fieldChanged(form, field));
            }
            revalidate(form);
        }
        kind.addListener((obs, old, now) -> presentForm());
        appearance.localeProperty().addListener((obs, old, now) -> {
            forms.values().forEach(this::revalidate);
            presentForm();
        });
        presentForm();
    }

    void addContentListener(ContentListener listener) {
        contentListeners.add(listener);
    }

    public EntryForm form(RecordKind k) {
        return forms.get(k);
    }

    public EntryForm currentForm() {
        return forms.get(kind.get());
    }

    private void fieldChanged(EntryForm form, FormField<?> field) {
        if (loading) {
            return;
        }
        field.touched(true);
        serviceErrors.remove(field);
        revalidate(form);
        contentListeners.forEach(l -> l.changed(form.kind(), false));
    }

    /** Checks the form; shows the errors of the fields changed (all, once a save was tried); returns the record. */
    private EntryRecord revalidate(EntryForm form) {
        Checks checks = new Checks(appearance.i18n(), LocalDateTime.now(clock), names::indicatorUnit);
        StoredRecord edited = form.editing();
        EntryRecord record = form.build(checks, edited == null ? null : edited.record());
        boolean showAll = saveTried.contains(form.kind());
        for (FormField<?> f : form.fields()) {
            String error = serviceErrors.get(f);
            if (error == null && (showAll || f.touched())) {
                error = checks.errors().get(f);
            }
            f.setError(error);
        }
        boolean ok = record != null && form.fields().stream().noneMatch(serviceErrors::containsKey);
        validity.put(form.kind(), ok);
        if (form.kind() == kind.get()) {
            valid.set(ok);
        }
        return ok ? record : null;
    }

    /** A save is tried: every error of the shown form shows; its record, or null while it is not valid. */
    EntryRecord recordToSave() {
        EntryForm form = currentForm();
        saveTried.add(form.kind());
        return revalidate(form);
    }

    /** An error the service found in a field (a case number taken), shown until the field changes. */
    void serviceError(EntryForm form, String fieldName, String error) {
        serviceErrors.put(form.field(fieldName), error);
        revalidate(form);
    }

    /** Esc: leaves an edit, or clears what was typed (the kept date, region and campaign stay). */
    public void cancel() {
        clearForNext(currentForm());
        message.clear();
    }

    /** Empties the form but its kept fields, leaves an edit, and forgets its draft. */
    void clearForNext(EntryForm form) {
        loading = true;
        try {
            form.clearForNext();
        } finally {
            loading = false;
        }
        form.fields().stream().filter(f -> !f.kept()).forEach(f -> f.touched(false));
        form.fields().forEach(serviceErrors::remove);
        saveTried.remove(form.kind());
        revalidate(form);
        presentForm();
        contentListeners.forEach(l -> l.changed(form.kind(), true));
    }

    /** Loads a stored record into its form, with the version it has now: a save changes it, if no one else has. */
    public void edit(HistoryRow row) {
        StoredRecord stored = row.stored();
        EntryForm form = forms.get(stored.record().kind());
        loading = true;
        try {
            form.clearAll();
            form.load(stored.record());
            form.editing(stored);
        } finally {
            loading = false;
        }
        form.fields().forEach(f -> f.touched(false));
        form.fields().forEach(serviceErrors::remove);
        saveTried.remove(form.kind());
        kind.set(form.kind());
        revalidate(form);
        presentForm();
        message.clear();
    }

    /**
     * Puts a kept draft back into its form: each field from its text ({@code text} by field name), and the record
     * it was editing, or null. The fields filled count as changed.
     */
    void restore(RecordKind k, Function<String, String> text, StoredRecord edited) {
        EntryForm form = forms.get(k);
        loading = true;
        try {
            form.clearAll();
            for (FormField<?> f : form.fields()) {
                f.fromText(text.apply(f.name()));
            }
            form.editing(edited);
        } finally {
            loading = false;
        }
        form.fields().forEach(f -> f.touched(!f.blank()));
        revalidate(form);
    }

    /** A form editing a record that just changed under it would only meet a conflict: it starts afresh. */
    void leaveEditOf(EntryRecord record) {
        EntryForm form = forms.get(record.kind());
        StoredRecord editingNow = form.editing();
        if (editingNow != null && Objects.equals(editingNow.record().key(), record.key())) {
            clearForNext(form);
        }
    }

    void presentForm() {
        EntryForm form = currentForm();
        I18n i18n = appearance.i18n();
        StoredRecord stored = form.editing();
        editing.set(stored != null);
        formTitle.set(stored == null ? i18n.get("entry.form.new", names.kindName(form.kind()))
                : i18n.get("entry.form.edit", names.kindName(form.kind()), names.describe(stored.record())));
        valid.set(validity.getOrDefault(form.kind(), false));
    }

    public ObjectProperty<RecordKind> kindProperty() {
        return kind;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }
}
