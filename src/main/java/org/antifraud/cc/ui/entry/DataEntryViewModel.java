package org.antifraud.cc.ui.entry;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.records.DraftService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.Debouncer;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data entry page: a form per record kind (validated as the clerk types, saved with optimistic locking),
 * the history of the chosen kind (search, edit, delete), undo of the last save or delete, drafts that survive a
 * crash, and the audit trail with its verification.
 */
public final class DataEntryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataEntryViewModel.class);
    /** The audit trail's origin of what this page saves, and of what its undo does. */
    public static final String ORIGIN_FORM = "form";
    public static final String ORIGIN_UNDO = "undo";
    static final int HISTORY_LIMIT = 500;
    static final int AUDIT_LIMIT = 500;
    private static final String DRAFT_SAVED_AT = "_saved_at";
    private static final String DRAFT_EDITING = "_editing";
    private static final String DRAFT_VERSION = "_version";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RecordService records;
    private final AuditService audit;
    private final DraftService drafts;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final Debouncer draftDebouncer;
    private final Clock clock;

    private final Map<RecordKind, EntryForm> forms = new EnumMap<>(RecordKind.class);
    private final ObjectProperty<RecordKind> kind = new SimpleObjectProperty<>(this, "kind", RecordKind.DEN_TAKEDOWN);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper(this, "saves");
    private final Map<RecordKind, Boolean> validity = new EnumMap<>(RecordKind.class);
    /** Forms where a save was tried: every error shows, not only those of fields the clerk changed. */
    private final Set<RecordKind> saveTried = java.util.EnumSet.noneOf(RecordKind.class);
    /** Errors the service found (a case number taken): shown until the field changes. */
    private final Map<FormField<?>, String> serviceErrors = new HashMap<>();
    private boolean loading;
    private boolean saving;

    // undo
    private UndoAction lastAction;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");

    // history
    private List<StoredRecord> historyData = List.of();
    private RecordKind historyKind;
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private UiExecutor.Request historyRequest;
    private boolean historyLoading;
    private boolean activated;

    // drafts
    private final Set<RecordKind> draftsDirty = java.util.EnumSet.noneOf(RecordKind.class);
    private boolean draftWriting;
    private boolean draftAgain;
    private Map<String, String> offeredDrafts = Map.of();
    private final ReadOnlyStringWrapper draftOffer = new ReadOnlyStringWrapper(this, "draftOffer");

    // audit
    private final ObjectProperty<RecordKind> auditKind = new SimpleObjectProperty<>(this, "auditKind");
    private final StringProperty auditText = new SimpleStringProperty(this, "auditText", "");
    private List<AuditEntry> auditData = List.of();
    private final ObservableList<AuditRow> auditRows = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> auditRowsView = FXCollections.unmodifiableObservableList(auditRows);
    private UiExecutor.Request auditRequest;
    private boolean auditLoading;
    private boolean auditShown;
    private AuditService.Report report;
    private final ReadOnlyStringWrapper verifyText = new ReadOnlyStringWrapper(this, "verifyText", "");
    private final ReadOnlyObjectWrapper<Boolean> verifyIntact = new ReadOnlyObjectWrapper<>(this, "verifyIntact");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<String> findingsView = FXCollections.unmodifiableObservableList(findings);
    private boolean verifying;

    public DataEntryViewModel(RecordService records, AuditService audit, DraftService drafts, Catalog catalog,
                              UiExecutor executor, Appearance appearance, DialogService dialogs,
                              Debouncer draftDebouncer, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.drafts = drafts;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.draftDebouncer = draftDebouncer;
        this.clock = clock;
        for (EntryForm form : List.of(new DenTakedownForm(), new WarningBatchForm(), new CaseForm(), new StatisticForm())) {
            forms.put(form.kind(), form);
            for (FormField<?> field : form.fields()) {
                field.valueProperty().addListener((obs, old, now) -> fieldChanged(form, field));
            }
            revalidate(form);
        }
        kind.addListener((obs, old, now) -> {
            presentForm();
            if (activated) {
                reloadHistory();
            }
        });
        searchText.addListener((obs, old, now) -> presentHistory());
        auditKind.addListener((obs, old, now) -> reloadAudit());
        auditText.addListener((obs, old, now) -> reloadAudit());
        appearance.localeProperty().addListener((obs, old, now) -> {
            forms.values().forEach(this::revalidate);
            presentForm();
            presentHistory();
            presentAudit();
            presentReport();
            presentDraftOffer();
        });
        presentForm();
    }

    // ------------------------------------------------------------------ start

    /** Looks for drafts kept from last time (off the FX thread) and offers them back. */
    public void checkDrafts() {
        executor.run(drafts::all, found -> {
            offeredDrafts = found.entrySet().stream()
                    .filter(e -> forms.keySet().stream().anyMatch(k -> k.code().equals(e.getKey())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            presentDraftOffer();
        }, error -> LOG.warn("could not read the kept drafts", error));
    }

    /** The page is shown: the history (and the audit trail, if shown) are read. */
    public void activate() {
        activated = true;
        reloadHistory();
        if (auditShown) {
            reloadAudit();
        }
    }

    /** The data changed elsewhere (live refresh): the lists are read again, the forms left alone. */
    public void refreshQuietly() {
        if (activated) {
            reloadHistory();
            if (auditShown) {
                reloadAudit();
            }
        }
    }

    // ------------------------------------------------------------------ the forms

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
        draftsDirty.add(form.kind());
        draftDebouncer.poke(this::flushDrafts);
    }

    /** Checks the form; shows the errors of the fields changed (all, once a save was tried); returns the record. */
    private EntryRecord revalidate(EntryForm form) {
        Checks checks = new Checks(appearance.i18n(), LocalDate.now(clock),
                code -> catalog.indicator(code).map(org.antifraud.cc.domain.Indicator::unit).orElse(null));
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

    /** Checks the form; saves the record (new, or the edited one under its version); ready for the next one. */
    public void save() {
        EntryForm form = currentForm();
        saveTried.add(form.kind());
        EntryRecord record = revalidate(form);
        if (record == null || saving) {
            return;
        }
        StoredRecord before = form.editing();
        Integer expected = before == null ? null : before.version();
        saving = true;
        updateBusy();
        executor.run(() -> records.save(record, expected, ORIGIN_FORM), stored -> {
            saving = false;
            updateBusy();
            remember(before == null ? new UndoAction.Inserted(stored) : new UndoAction.Edited(before, stored));
            I18n i18n = appearance.i18n();
            setMessage(i18n.get(before == null ? "entry.saved" : "entry.updated", kindName(form.kind()),
                    describe(stored.record())), false);
            resetForm(form, false);
            saves.set(saves.get() + 1);
            listsChanged();
        }, error -> {
            saving = false;
            updateBusy();
            saveFailed(form, record, error);
        });
    }

    private void saveFailed(EntryForm form, EntryRecord record, Throwable error) {
        I18n i18n = appearance.i18n();
        if (error instanceof Problem p) {
            switch (p.key()) {
                case "case_number_taken" -> {
                    String number = ((FraudCase) record).caseNumber();
                    FormField<String> field = form.field("case_number");
                    serviceErrors.put(field, i18n.get("entry.error.case_number_taken", number));
                    revalidate(form);
                    setMessage(i18n.get("entry.error.case_number_taken", number), true);
                }
                case "record_conflict" -> setMessage(i18n.get("entry.conflict"), true);
                case "record_gone" -> setMessage(i18n.get("entry.gone"), true);
                default -> setMessage(i18n.problem(p), true);
            }
            return;
        }
        LOG.error("could not save {}", record, error);
        setMessage(i18n.get("entry.save_failed"), true);
    }

    /** Esc: leaves an edit, or clears what was typed (the kept date, region and campaign stay). */
    public void cancel() {
        EntryForm form = currentForm();
        resetForm(form, false);
        setMessage("", false);
    }

    /** Empties the form (all of it, or all but the kept fields) and forgets its draft. */
    private void resetForm(EntryForm form, boolean all) {
        loading = true;
        try {
            if (all) {
                form.clearAll();
            } else {
                form.clearForNext();
            }
        } finally {
            loading = false;
        }
        form.fields().stream().filter(f -> all || !f.kept()).forEach(f -> f.touched(false));
        form.fields().forEach(serviceErrors::remove);
        saveTried.remove(form.kind());
        revalidate(form);
        presentForm();
        draftsDirty.add(form.kind());
        flushDrafts();
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
        setMessage("", false);
    }

    /** Asks, then deletes the record (if no one changed it since it was listed). */
    public void delete(HistoryRow row) {
        StoredRecord stored = row.stored();
        EntryRecord record = stored.record();
        I18n i18n = appearance.i18n();
        if (!dialogs.confirm(i18n.get("entry.delete.title"),
                i18n.get("entry.delete.confirm", kindName(record.kind()), describe(record)))) {
            return;
        }
        saving = true;
        updateBusy();
        executor.run(() -> records.delete(record.kind(), record.key(), stored.version(), ORIGIN_FORM), before -> {
            saving = false;
            updateBusy();
            remember(new UndoAction.Deleted(before));
            leaveEditOf(record);
            setMessage(appearance.i18n().get("entry.deleted", kindName(record.kind()), describe(record)), false);
            listsChanged();
        }, error -> {
            saving = false;
            updateBusy();
            saveFailed(forms.get(record.kind()), record, error);
        });
    }

    /** Undoes the last save or delete: a new record deleted, an edit reverted, a deleted record restored. */
    public void undo() {
        UndoAction action = lastAction;
        if (action == null || saving) {
            return;
        }
        remember(null);
        saving = true;
        updateBusy();
        executor.run(() -> switch (action) {
            case UndoAction.Inserted i -> records.delete(i.after().record().kind(), i.after().record().key(),
                    i.after().version(), ORIGIN_UNDO);
            case UndoAction.Edited e -> records.save(e.before().record(), e.after().version(), ORIGIN_UNDO);
            case UndoAction.Deleted d -> records.restore(d.before().record(), ORIGIN_UNDO);
        }, done -> {
            saving = false;
            updateBusy();
            leaveEditOf(action.subject().record());
            EntryRecord r = action.subject().record();
            setMessage(appearance.i18n().get("entry.undone", kindName(r.kind()), describe(r)), false);
            listsChanged();
        }, error -> {
            saving = false;
            updateBusy();
            saveFailed(forms.get(action.subject().record().kind()), action.subject().record(), error);
        });
    }

    private void remember(UndoAction action) {
        lastAction = action;
        canUndo.set(action != null);
    }

    /** A form editing a record that just changed under it would only meet a conflict: it starts afresh. */
    private void leaveEditOf(EntryRecord record) {
        EntryForm form = forms.get(record.kind());
        StoredRecord editingNow = form.editing();
        if (editingNow != null && java.util.Objects.equals(editingNow.record().key(), record.key())) {
            resetForm(form, false);
        }
    }

    private void listsChanged() {
        reloadHistory();
        if (auditShown) {
            reloadAudit();
        }
    }

    private void presentForm() {
        EntryForm form = currentForm();
        I18n i18n = appearance.i18n();
        StoredRecord stored = form.editing();
        editing.set(stored != null);
        formTitle.set(stored == null ? i18n.get("entry.form.new", kindName(form.kind()))
                : i18n.get("entry.form.edit", kindName(form.kind()), describe(stored.record())));
        valid.set(validity.getOrDefault(form.kind(), false));
    }

    private void setMessage(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    private void updateBusy() {
        busy.set(saving || historyLoading || auditLoading || verifying);
    }

    // ------------------------------------------------------------------ drafts

    /** Writes the drafts of the forms changed since the last write (an empty form's draft is deleted); in order. */
    void flushDrafts() {
        if (draftWriting) {
            draftAgain = true;
            return;
        }
        if (draftsDirty.isEmpty()) {
            return;
        }
        Map<String, String> writes = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (RecordKind k : draftsDirty) {
            EntryForm form = forms.get(k);
            writes.put(form.name(), form.hasContent() ? draftText(form, now) : null);
        }
        draftsDirty.clear();
        draftWriting = true;
        executor.run(() -> {
            writes.forEach((name, text) -> {
                if (text == null) {
                    drafts.delete(name);
                } else {
                    drafts.save(name, text, now);
                }
            });
            return writes.size();
        }, n -> draftWritten(), error -> {
            LOG.warn("could not keep the drafts of {}", writes.keySet(), error);
            draftWritten();
        });
    }

    private void draftWritten() {
        draftWriting = false;
        if (draftAgain) {
            draftAgain = false;
            flushDrafts();
        }
    }

    private static String draftText(EntryForm form, Instant at) {
        Properties p = new Properties();
        for (FormField<?> f : form.fields()) {
            String text = f.toText();
            if (text != null && !text.isEmpty()) {
                p.setProperty(f.name(), text);
            }
        }
        p.setProperty(DRAFT_SAVED_AT, at.toString());
        if (form.editing() != null) {
            p.setProperty(DRAFT_EDITING, form.editing().record().key());
            p.setProperty(DRAFT_VERSION, Integer.toString(form.editing().version()));
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Properties parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("a kept draft cannot be read; it is ignored", e);
        }
        return p;
    }

    private void presentDraftOffer() {
        if (offeredDrafts.isEmpty()) {
            draftOffer.set(null);
            return;
        }
        Instant newest = offeredDrafts.values().stream().map(t -> savedAt(parse(t))).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        I18n i18n = appearance.i18n();
        String when = "?";
        if (newest != null) {
            ZonedDateTime at = newest.atZone(clock.getZone());
            when = (at.toLocalDate().equals(LocalDate.now(clock)) ? HOUR_MINUTE : DAY_HOUR_MINUTE).format(at);
        }
        String which = offeredDrafts.keySet().stream().map(code -> kindName(RecordKind.fromCode(code)))
                .collect(Collectors.joining(i18n.isChinese() ? "、" : ", "));
        draftOffer.set(i18n.get("entry.draft.offer", when, which));
    }

    private static Instant savedAt(Properties p) {
        try {
            String s = p.getProperty(DRAFT_SAVED_AT);
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Puts the kept drafts back into their forms (a record being edited is edited again, under its old version). */
    public void restoreDrafts() {
        Map<String, String> offered = offeredDrafts;
        if (offered.isEmpty()) {
            return;
        }
        offeredDrafts = Map.of();
        presentDraftOffer();
        executor.run(() -> {
            Map<RecordKind, StoredRecord> edited = new EnumMap<>(RecordKind.class);
            offered.forEach((name, text) -> {
                RecordKind k = RecordKind.fromCode(name);
                Properties p = parse(text);
                String key = p.getProperty(DRAFT_EDITING);
                if (key != null) {
                    int version = Integer.parseInt(p.getProperty(DRAFT_VERSION, "0"));
                    records.find(k, key).ifPresent(s -> edited.put(k, new StoredRecord(s.record(), version)));
                }
            });
            return edited;
        }, edited -> {
            RecordKind newestKind = null;
            Instant newest = null;
            for (Map.Entry<String, String> e : offered.entrySet()) {
                RecordKind k = RecordKind.fromCode(e.getKey());
                EntryForm form = forms.get(k);
                Properties p = parse(e.getValue());
                loading = true;
                try {
                    form.clearAll();
                    for (FormField<?> f : form.fields()) {
                        f.fromText(p.getProperty(f.name()));
                    }
                    form.editing(edited.get(k));
                } finally {
                    loading = false;
                }
                form.fields().forEach(f -> f.touched(!f.blank()));
                revalidate(form);
                Instant at = savedAt(p);
                if (newestKind == null || at != null && (newest == null || at.isAfter(newest))) {
                    newestKind = k;
                    newest = at;
                }
            }
            if (newestKind != null) {
                kind.set(newestKind);
            }
            presentForm();
            setMessage(appearance.i18n().get("entry.draft.restored"), false);
        }, error -> {
            LOG.error("could not restore the kept drafts", error);
            setMessage(appearance.i18n().get("entry.draft.failed"), true);
        });
    }

    /** Forgets the kept drafts. */
    public void discardDrafts() {
        List<String> names = List.copyOf(offeredDrafts.keySet());
        offeredDrafts = Map.of();
        presentDraftOffer();
        executor.run(() -> {
            names.forEach(drafts::delete);
            return names.size();
        }, n -> { }, error -> LOG.warn("could not discard the kept drafts", error));
    }

    // ------------------------------------------------------------------ history

    /** Reads the newest records of the chosen kind again. */
    public void reloadHistory() {
        if (historyRequest != null) {
            historyRequest.cancel();
        }
        RecordKind k = kind.get();
        historyLoading = true;
        updateBusy();
        historyRequest = executor.run(() -> records.recent(k, HISTORY_LIMIT), rows -> {
            historyLoading = false;
            updateBusy();
            historyKind = k;
            historyData = rows;
            presentHistory();
        }, error -> {
            historyLoading = false;
            updateBusy();
            LOG.error("could not read the records of {}", k, error);
            setMessage(appearance.i18n().get("entry.history.failed"), true);
        });
    }

    private void presentHistory() {
        if (historyKind == null) {
            history.clear();
            return;
        }
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        List<HistoryRow> rows = new ArrayList<>();
        for (StoredRecord s : historyData) {
            HistoryRow row = new HistoryRow(s, cells(s.record()));
            if (needle.isEmpty() || row.cells().stream().anyMatch(c -> c.text().toLowerCase(Locale.ROOT).contains(needle))) {
                rows.add(row);
            }
        }
        history.setAll(rows);
    }

    /** The kind the history shows now (its columns). */
    public RecordKind historyKind() {
        return historyKind;
    }

    /** The column titles of a kind's history table. */
    public List<String> historyColumns(RecordKind k) {
        I18n i18n = appearance.i18n();
        List<String> keys = switch (k) {
            case DEN_TAKEDOWN -> List.of("entry.field.date", "entry.field.province", "entry.field.city",
                    "entry.field.campaign", "entry.field.suspects_arrested", "entry.field.goip_devices",
                    "entry.field.phone_cards", "entry.field.bank_cards");
            case WARNING_BATCH -> List.of("entry.field.date", "entry.field.region", "entry.field.channel",
                    "entry.field.warnings", "entry.field.persons_dissuaded", "entry.field.funds_intercepted");
            case FRAUD_CASE -> List.of("entry.field.case_number", "entry.field.registered_on", "entry.field.region",
                    "entry.field.type", "entry.field.loss", "entry.field.recovered", "entry.field.status");
            case STATISTIC -> List.of("entry.field.period", "entry.field.indicator", "entry.field.region",
                    "entry.field.campaign", "entry.field.value", "entry.field.change_pct", "entry.field.source");
        };
        return keys.stream().map(key -> plainLabel(i18n.get(key))).toList();
    }

    /** A label's text without its mnemonic marker. */
    private static String plainLabel(String s) {
        return s.replace("_", "");
    }

    private List<HistoryCell> cells(EntryRecord record) {
        boolean zh = appearance.i18n().isChinese();
        return switch (record) {
            case DenTakedown d -> List.of(HistoryCell.of(d.takenOn().toString()), HistoryCell.of(regionName(d.regionCode())),
                    HistoryCell.of(d.city()), HistoryCell.of(campaignName(d.campaignCode())), count(d.suspectsArrested(), zh),
                    count(d.goipDevices(), zh), count(d.phoneCards(), zh), count(d.bankCards(), zh));
            case WarningBatch w -> List.of(HistoryCell.of(w.batchOn().toString()), HistoryCell.of(regionName(w.regionCode())),
                    HistoryCell.of(channelName(w.channel())), count(w.warnings(), zh), count(w.personsDissuaded(), zh),
                    money(w.fundsIntercepted(), zh));
            case FraudCase c -> List.of(HistoryCell.of(c.caseNumber()), HistoryCell.of(c.registeredOn().toString()),
                    HistoryCell.of(regionName(c.regionCode())), HistoryCell.of(typeName(c.type())), money(c.loss(), zh),
                    money(c.recovered(), zh), HistoryCell.of(statusName(c.status())));
            case Statistic s -> {
                Measurement m = s.measurement();
                String value = m.value() == null ? "" : NumberFormats.full(m.value(), m.qualifier(), zh);
                yield List.of(new HistoryCell(m.period().code(), m.period().start().toString()),
                        HistoryCell.of(indicatorName(m.indicatorCode())), HistoryCell.of(regionName(m.regionCode())),
                        HistoryCell.of(campaignName(m.campaignCode())),
                        new HistoryCell(value, m.value() == null ? BigDecimal.valueOf(-1) : m.value()),
                        new HistoryCell(m.changePct() == null ? "" : NumberFormats.percent(m.changePct()),
                                m.changePct() == null ? BigDecimal.valueOf(-1000) : m.changePct()),
                        HistoryCell.of(m.source() == null ? null : m.source().title()));
            }
        };
    }

    private static HistoryCell count(long n, boolean zh) {
        return new HistoryCell(NumberFormats.full(BigDecimal.valueOf(n), null, zh), n);
    }

    private static HistoryCell money(BigDecimal v, boolean zh) {
        return new HistoryCell(NumberFormats.full(v, null, zh), v);
    }

    /** A few words naming a record in messages: its date and place, or its case number. */
    String describe(EntryRecord record) {
        return switch (record) {
            case DenTakedown d -> d.takenOn() + " " + regionName(d.regionCode());
            case WarningBatch w -> w.batchOn() + " " + regionName(w.regionCode()) + " " + channelName(w.channel());
            case FraudCase c -> c.caseNumber();
            case Statistic s -> indicatorName(s.measurement().indicatorCode()) + " "
                    + regionName(s.measurement().regionCode()) + " " + s.measurement().period().code();
        };
    }

    // ------------------------------------------------------------------ audit trail

    /** The audit section is shown (or hidden): it is read while shown. */
    public void showAudit(boolean shown) {
        boolean was = auditShown;
        auditShown = shown;
        if (shown && !was) {
            reloadAudit();
        }
    }

    /** Whether the audit section is the one shown (it stays so when the page is built again). */
    public boolean auditShown() {
        return auditShown;
    }

    public void reloadAudit() {
        if (!auditShown) {
            return;
        }
        if (auditRequest != null) {
            auditRequest.cancel();
        }
        RecordKind k = auditKind.get();
        String text = auditText.get() == null || auditText.get().isBlank() ? null : auditText.get().strip();
        auditLoading = true;
        updateBusy();
        auditRequest = executor.run(() -> audit.entries(k, null, null, text, AUDIT_LIMIT), entries -> {
            auditLoading = false;
            updateBusy();
            auditData = entries;
            presentAudit();
        }, error -> {
            auditLoading = false;
            updateBusy();
            LOG.error("could not read the audit trail", error);
            setMessage(appearance.i18n().get("entry.audit.failed"), true);
        });
    }

    private void presentAudit() {
        I18n i18n = appearance.i18n();
        List<AuditRow> rows = new ArrayList<>();
        for (AuditEntry e : auditData) {
            String changed = "";
            if (e.before() != null && e.after() != null) {
                changed = String.join(", ", StateText.differences(e.before(), e.after()));
            }
            String who = e.declaredName() == null ? e.actor()
                    : i18n.get("entry.audit.actor_declared", e.actor(), e.declaredName());
            rows.add(new AuditRow(e.seq(), TIME.format(e.recordedAt().atZone(clock.getZone())), who,
                    i18n.getOrDefault("entry.audit.action." + e.action(), e.action()), entityName(e.entity()),
                    e.entityId(), originName(e.origin()), changed));
        }
        auditRows.setAll(rows);
    }

    /** Recomputes the audit chain and compares every record with it, off the FX thread. */
    public void verify() {
        if (verifying) {
            return;
        }
        verifying = true;
        updateBusy();
        verifyText.set(appearance.i18n().get("entry.audit.verifying"));
        verifyIntact.set(null);
        findings.clear();
        executor.run(audit::verify, r -> {
            verifying = false;
            updateBusy();
            report = r;
            presentReport();
        }, error -> {
            verifying = false;
            updateBusy();
            LOG.error("could not verify the audit trail", error);
            verifyText.set(appearance.i18n().get("entry.audit.verify_failed"));
            verifyIntact.set(Boolean.FALSE);
        });
    }

    private void presentReport() {
        if (report == null) {
            return;
        }
        I18n i18n = appearance.i18n();
        verifyIntact.set(report.intact());
        if (report.intact()) {
            verifyText.set(i18n.get("entry.audit.intact", report.entries()));
        } else if (report.brokenAtSeq() != null) {
            verifyText.set(i18n.get("entry.audit.broken", report.brokenAtSeq(), report.findings().size()));
        } else if (!report.findings().isEmpty()) {
            verifyText.set(i18n.get("entry.audit.findings", report.findings().size(), report.entries()));
        } else {
            verifyText.set(i18n.get("entry.audit.problems", report.problems().size() + report.rollups().size()));
        }
        List<String> lines = new ArrayList<>();
        for (AuditService.Finding f : report.findings()) {
            String what = entityName(f.entity());
            lines.add(switch (f.kind()) {
                case CHANGED -> i18n.get("entry.audit.finding.changed", what, f.entityId(), String.join(", ", f.fields()));
                case NOT_IN_TRAIL -> i18n.get("entry.audit.finding.not_in_trail", what, f.entityId());
                case DELETED -> i18n.get("entry.audit.finding.deleted", what, f.entityId());
            });
        }
        if (report.brokenReason() != null) {
            lines.add(report.brokenReason());
        }
        lines.addAll(report.problems()); // the trail's own problems (anchor, key, baseline), as the service words them
        report.rollups().forEach(d -> lines.add(AuditService.describe(d)));
        findings.setAll(lines);
    }

    private String entityName(String entity) {
        try {
            return kindName(RecordKind.fromCode(entity));
        } catch (IllegalArgumentException e) {
            return appearance.i18n().getOrDefault("entry.audit.entity." + entity, entity); // a submission
        }
    }

    private String originName(String origin) {
        return origin == null ? "" : appearance.i18n().getOrDefault("entry.audit.origin." + origin, origin);
    }

    // ------------------------------------------------------------------ names and choices

    public String kindName(RecordKind k) {
        return appearance.i18n().get("entry.kind." + k.code());
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String campaignName(String code) {
        return code == null ? "" : catalog.campaign(code).map(c -> c.name(appearance.localeProperty().get())).orElse(code);
    }

    public String indicatorName(String code) {
        return code == null ? "" : catalog.indicator(code).map(i -> i.name(appearance.localeProperty().get())).orElse(code);
    }

    public String channelName(WarningChannel c) {
        return c == null ? "" : appearance.i18n().get("entry.channel." + c.code());
    }

    public String typeName(FraudType t) {
        return t == null ? "" : appearance.i18n().get("entry.fraud_type." + t.code());
    }

    public String statusName(CaseStatus s) {
        return s == null ? "" : appearance.i18n().get("entry.status." + s.code());
    }

    /** Provinces, for records that happen somewhere (den takedowns, warnings, cases). */
    public List<String> provinceChoices() {
        return catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(r -> r.code()).toList();
    }

    /** The nation and the provinces, for reported totals. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.PROVINCE);
    }

    public List<String> campaignChoices() {
        return catalog.campaigns().stream().map(c -> c.code()).toList();
    }

    public List<String> indicatorChoices() {
        return catalog.indicators().stream().map(Indicator::code).toList();
    }

    public Optional<UndoAction> lastAction() {
        return Optional.ofNullable(lastAction);
    }

    // ------------------------------------------------------------------ properties

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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

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

    public ObservableList<HistoryRow> history() {
        return historyView;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The kept drafts on offer ("A draft from 14:05 was kept …"), or null. */
    public ReadOnlyStringProperty draftOfferProperty() {
        return draftOffer.getReadOnlyProperty();
    }

    public ObjectProperty<RecordKind> auditKindProperty() {
        return auditKind;
    }

    public StringProperty auditTextProperty() {
        return auditText;
    }

    public ObservableList<AuditRow> auditRows() {
        return auditRowsView;
    }

    public ReadOnlyStringProperty verifyTextProperty() {
        return verifyText.getReadOnlyProperty();
    }

    /** Null before a verification; then whether the trail and the records agree. */
    public ReadOnlyObjectProperty<Boolean> verifyIntactProperty() {
        return verifyIntact.getReadOnlyProperty();
    }

    public ObservableList<String> findings() {
        return findingsView;
    }
}
