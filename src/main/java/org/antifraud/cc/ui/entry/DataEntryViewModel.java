package org.antifraud.cc.ui.entry;

import java.time.Clock;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.records.DraftService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.Debouncer;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;

/**
 * The Data entry page, one ViewModel per concern, owned and wired here: the forms and their validation
 * ({@link #forms()}), what is written from them with undo ({@link #changes()}), drafts that survive a crash
 * ({@link #drafts()}), the history of the shown kind ({@link #history()}) and the audit trail with its
 * verification ({@link #audit()}). They share the page's message line and its busy indicator.
 */
public final class DataEntryViewModel {
    /** The audit trail's origin of what this page saves, and of what its undo does. */
    public static final String ORIGIN_FORM = "form";
    public static final String ORIGIN_UNDO = "undo";

    private final EntryNames names;
    private final PageMessage message = new PageMessage();
    private final EntryFormsViewModel forms;
    private final RecordChangesViewModel changes;
    private final DraftsViewModel drafts;
    private final HistoryViewModel history;
    private final AuditViewModel audit;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean activated;
    private final Appearance appearance;
    private WriteAccess access = WriteAccess.ALL;

    public DataEntryViewModel(RecordService records, AuditService audit, DraftService drafts, Catalog catalog,
                              UiExecutor executor, Appearance appearance, DialogService dialogs,
                              Debouncer draftDebouncer, Clock clock) {
        this.appearance = appearance;
        this.names = new EntryNames(catalog, appearance);
        this.forms = new EntryFormsViewModel(names, appearance, message, clock);
        this.history = new HistoryViewModel(records, forms.kindProperty(), names, executor, appearance, message);
        this.audit = new AuditViewModel(audit, names, executor, appearance, message, clock.getZone());
        this.changes = new RecordChangesViewModel(records, forms, names, executor, appearance, dialogs, message,
                this::listsChanged);
        this.drafts = new DraftsViewModel(drafts, records, forms, names, executor, appearance, message,
                draftDebouncer, clock);
        forms.kindProperty().addListener((obs, old, now) -> {
            if (activated) {
                history.reload();
            }
        });
        busy.bind(changes.busyProperty().or(history.busyProperty()).or(this.audit.busyProperty()));
    }

    /**
     * What this session may write (before the page is shown): a viewer's writes are disabled, an operator's region
     * fields offer only their regions. The record service checks the same.
     */
    public void useWriteAccess(WriteAccess access) {
        this.access = access;
        names.limitTo(access);
    }

    public WriteAccess writeAccess() {
        return access;
    }

    /** Why writing is disabled here ("your role (viewer) cannot change data"). */
    public String readOnlyReason() {
        return access.readOnlyReason(appearance.i18n());
    }

    /** The page is shown: the history (and the audit trail, if shown) are read. */
    public void activate() {
        activated = true;
        listsChanged();
    }

    /** The data changed elsewhere (live refresh): the lists are read again, the forms left alone. */
    public void refreshQuietly() {
        if (activated) {
            listsChanged();
        }
    }

    private void listsChanged() {
        history.reload();
        audit.reload(); // if shown
    }

    public EntryNames names() {
        return names;
    }

    public EntryFormsViewModel forms() {
        return forms;
    }

    public RecordChangesViewModel changes() {
        return changes;
    }

    public DraftsViewModel drafts() {
        return drafts;
    }

    public HistoryViewModel history() {
        return history;
    }

    public AuditViewModel audit() {
        return audit;
    }

    /** The page's message line, which every part of the page speaks on. */
    public PageMessage message() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
