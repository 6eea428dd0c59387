package org.antifraud.cc.ui.entry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data entry page's audit section: the trail (by kind and search text, read while the section is shown) and
 * its verification, which recomputes the chain and compares every record with it.
 */
public final class AuditViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);
    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditService audit;
    private final EntryNames names;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final PageMessage message;
    private final ZoneId zone;
    private final ObjectProperty<RecordKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private List<AuditEntry> data = List.of();
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private UiExecutor.Request request;
    private boolean loading;
    private boolean shown;
    private AuditService.Report report;
    private boolean verifying;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper verifyText = new ReadOnlyStringWrapper(this, "verifyText", "");
    private final ReadOnlyObjectWrapper<Boolean> verifyIntact = new ReadOnlyObjectWrapper<>(this, "verifyIntact");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<String> findingsView = FXCollections.unmodifiableObservableList(findings);

    /** @param zone the time zone entries' times are shown in */
    public AuditViewModel(AuditService audit, EntryNames names, UiExecutor executor, Appearance appearance,
                          PageMessage message, ZoneId zone) {
        this.audit = audit;
        this.names = names;
        this.executor = executor;
        this.appearance = appearance;
        this.message = message;
        this.zone = zone;
        kind.addListener((obs, old, now) -> reload());
        text.addListener((obs, old, now) -> reload());
        appearance.localeProperty().addListener((obs, old, now) -> {
            present();
            presentReport();
        });
    }

    /** The audit section is shown (or hidden): it is read while shown. */
    public void show(boolean show) {
        boolean was = shown;
        shown = show;
        if (show && !was) {
            reload();
        }
    }

    /** Whether the audit section is the one shown (it stays so when the page is built again). */
    public boolean shown() {
        return shown;
    }

    /** Reads the trail again, if the section is shown; an older read still running is cancelled. */
    public void reload() {
        if (!shown) {
            return;
        }
        if (request != null) {
            request.cancel();
        }
        RecordKind k = kind.get();
        String search = text.get() == null || text.get().isBlank() ? null : text.get().strip();
        loading = true;
        updateBusy();
        request = executor.run(() -> audit.entries(k, null, null, search, LIMIT), entries -> {
            loading = false;
            updateBusy();
            data = entries;
            present();
        }, error -> {
            loading = false;
            updateBusy();
            LOG.error("could not read the audit trail", error);
            message.show(appearance.i18n().get("entry.audit.failed"), true);
        });
    }

    private void present() {
        I18n i18n = appearance.i18n();
        List<AuditRow> shownRows = new ArrayList<>();
        for (AuditEntry e : data) {
            String changed = "";
            if (e.before() != null && e.after() != null) {
                changed = String.join(", ", StateText.differences(e.before(), e.after()));
            }
            String who = e.declaredName() == null ? e.actor()
                    : i18n.get("entry.audit.actor_declared", e.actor(), e.declaredName());
            shownRows.add(new AuditRow(e.seq(), TIME.format(e.recordedAt().atZone(zone)), who,
                    i18n.getOrDefault("entry.audit.action." + e.action(), e.action()), entityName(e.entity()),
                    e.entityId(), originName(e.origin()), changed));
        }
        rows.setAll(shownRows);
    }

    /** Recomputes the audit chain and compares every record with it: long work, off the FX thread. */
    public void verify() {
        if (verifying) {
            return;
        }
        verifying = true;
        updateBusy();
        verifyText.set(appearance.i18n().get("entry.audit.verifying"));
        verifyIntact.set(null);
        findings.clear();
        executor.runLong(audit::verify, r -> {
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
            return names.kindName(RecordKind.fromCode(entity));
        } catch (IllegalArgumentException e) {
            return appearance.i18n().getOrDefault("entry.audit.entity." + entity, entity); // a submission
        }
    }

    private String originName(String origin) {
        return origin == null ? "" : appearance.i18n().getOrDefault("entry.audit.origin." + origin, origin);
    }

    private void updateBusy() {
        busy.set(loading || verifying);
    }

    /** The kind of record whose entries are listed; null for all. */
    public ObjectProperty<RecordKind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<AuditRow> rows() {
        return rowsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
