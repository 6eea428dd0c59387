package org.antifraud.cc.ui.entry;

import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Data entry page writes: the shown form saved (new, or the edited record under its version), a listed
 * record deleted, and undo of the last save or delete. One write at a time.
 */
public final class RecordChangesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RecordChangesViewModel.class);

    private final RecordService records;
    private final EntryFormsViewModel forms;
    private final EntryNames names;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final PageMessage message;
    private final Runnable listsChanged;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper(this, "saves");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private UndoAction lastAction;

    /** @param listsChanged called after every write, so that the history and the audit trail are read again */
    public RecordChangesViewModel(RecordService records, EntryFormsViewModel forms, EntryNames names,
                                  UiExecutor executor, Appearance appearance, DialogService dialogs,
                                  PageMessage message, Runnable listsChanged) {
        this.records = records;
        this.forms = forms;
        this.names = names;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.message = message;
        this.listsChanged = listsChanged;
    }

    /** Checks the form; saves the record (new, or the edited one under its version); ready for the next one. */
    public void save() {
        EntryForm form = forms.currentForm();
        EntryRecord record = forms.recordToSave();
        if (record == null || busy.get()) {
            return;
        }
        StoredRecord before = form.editing();
        Integer expected = before == null ? null : before.version();
        busy.set(true);
        executor.run(() -> records.save(record, expected, DataEntryViewModel.ORIGIN_FORM), stored -> {
            busy.set(false);
            remember(before == null ? new UndoAction.Inserted(stored) : new UndoAction.Edited(before, stored));
            message.show(appearance.i18n().get(before == null ? "entry.saved" : "entry.updated",
                    names.kindName(form.kind()), names.describe(stored.record())), false);
            forms.clearForNext(form);
            saves.set(saves.get() + 1);
            listsChanged.run();
        }, error -> {
            busy.set(false);
            failed(form, record, error);
        });
    }

    /** Asks, then deletes the record (if no one changed it since it was listed). */
    public void delete(HistoryRow row) {
        StoredRecord stored = row.stored();
        EntryRecord record = stored.record();
        I18n i18n = appearance.i18n();
        if (!dialogs.confirm(i18n.get("entry.delete.title"),
                i18n.get("entry.delete.confirm", names.kindName(record.kind()), names.describe(record)))) {
            return;
        }
        busy.set(true);
        executor.run(() -> records.delete(record.kind(), record.key(), stored.version(), DataEntryViewModel.ORIGIN_FORM),
                before -> {
                    busy.set(false);
                    remember(new UndoAction.Deleted(before));
                    forms.leaveEditOf(record);
                    message.show(appearance.i18n().get("entry.deleted", names.kindName(record.kind()),
                            names.describe(record)), false);
                    listsChanged.run();
                }, error -> {
                    busy.set(false);
                    failed(forms.form(record.kind()), record, error);
                });
    }

    /** Undoes the last save or delete: a new record deleted, an edit reverted, a deleted record restored. */
    public void undo() {
        UndoAction action = lastAction;
        if (action == null || busy.get()) {
            return;
        }
        remember(null);
        busy.set(true);
        String origin = DataEntryViewModel.ORIGIN_UNDO;
        executor.run(() -> switch (action) {
            case UndoAction.Inserted i -> records.delete(i.after().record().kind(), i.after().record().key(),
                    i.after().version(), origin);
            case UndoAction.Edited e -> records.save(e.before().record(), e.after().version(), origin);
            case UndoAction.Deleted d -> records.restore(d.before().record(), origin);
        }, done -> {
            busy.set(false);
            EntryRecord r = action.subject().record();
            forms.leaveEditOf(r);
            message.show(appearance.i18n().get("entry.undone", names.kindName(r.kind()), names.describe(r)), false);
            listsChanged.run();
        }, error -> {
            busy.set(false);
            failed(forms.form(action.subject().record().kind()), action.subject().record(), error);
        });
    }

    private void failed(EntryForm form, EntryRecord record, Throwable error) {
        I18n i18n = appearance.i18n();
        if (error instanceof Problem p) {
            switch (p.key()) {
                case "case_number_taken" -> {
                    String taken = i18n.get("entry.error.case_number_taken", ((FraudCase) record).caseNumber());
                    forms.serviceError(form, "case_number", taken);
                    message.show(taken, true);
                }
                case "record_conflict" -> message.show(i18n.get("entry.conflict"), true);
                case "record_gone" -> message.show(i18n.get("entry.gone"), true);
                default -> message.show(i18n.problem(p), true);
            }
            return;
        }
        LOG.error("could not save {}", record, error);
        message.show(i18n.get("entry.save_failed"), true);
    }

    private void remember(UndoAction action) {
        lastAction = action;
        canUndo.set(action != null);
    }

    public Optional<UndoAction> lastAction() {
        return Optional.ofNullable(lastAction);
    }

    /** A write is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Counts successful saves: the view puts the focus back in the form after each. */
    public ReadOnlyIntegerProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }
}
