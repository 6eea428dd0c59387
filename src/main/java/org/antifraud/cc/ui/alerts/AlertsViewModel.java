package org.antifraud.cc.ui.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alerts page: operators' thresholds (a table and a form) and the alerts they raised (a filterable list
 * to acknowledge). {@link #evaluate()} checks the thresholds against the figures; call it whenever the data
 * changes. New alerts go to the notice listeners (the pop-up notifications).
 */
public final class AlertsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** More new alerts than this at once make one summary notice instead of one each. */
    static final int MAX_SINGLE_NOTICES = 3;

    private final AlertService alerts;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final String user;
    private final ZoneId zone;

    private List<AlertThreshold> thresholdData = List.of();
    private List<AlertEvent> eventData = List.of();
    private final ObservableList<ThresholdRow> thresholds = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> alertRows = FXCollections.observableArrayList();
    private final ObservableList<ThresholdRow> thresholdsView = FXCollections.unmodifiableObservableList(thresholds);
    private final ObservableList<AlertRow> alertRowsView = FXCollections.unmodifiableObservableList(alertRows);
    private final BooleanProperty unacknowledgedOnly = new SimpleBooleanProperty(this, "unacknowledgedOnly", true);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyIntegerWrapper unacknowledgedCount = new ReadOnlyIntegerWrapper(this, "unacknowledgedCount");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");

    // the threshold form
    private final ObjectProperty<String> formIndicator = new SimpleObjectProperty<>(this, "formIndicator");
    private final ObjectProperty<String> formRegion = new SimpleObjectProperty<>(this, "formRegion");
    private final ObjectProperty<AlertGrain> formGrain = new SimpleObjectProperty<>(this, "formGrain", AlertGrain.DAY);
    private final ObjectProperty<AlertKind> formKind = new SimpleObjectProperty<>(this, "formKind", AlertKind.ABOVE);
    private final StringProperty formLimit = new SimpleStringProperty(this, "formLimit", "");
    private final BooleanProperty formEnabled = new SimpleBooleanProperty(this, "formEnabled", true);
    private final ReadOnlyObjectWrapper<Long> editingId = new ReadOnlyObjectWrapper<>(this, "editingId");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyStringWrapper indicatorError = new ReadOnlyStringWrapper(this, "indicatorError");
    private final ReadOnlyStringWrapper regionError = new ReadOnlyStringWrapper(this, "regionError");
    private final ReadOnlyStringWrapper limitError = new ReadOnlyStringWrapper(this, "limitError");
    private final ReadOnlyStringWrapper limitUnit = new ReadOnlyStringWrapper(this, "limitUnit", "");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper(this, "formMessage", "");
    private final ReadOnlyBooleanWrapper formMessageIsError = new ReadOnlyBooleanWrapper(this, "formMessageIsError");
    private boolean showFieldErrors;

    private final List<Consumer<List<AlertNotice>>> noticeListeners = new CopyOnWriteArrayList<>();
    private UiExecutor.Request reloading;
    private boolean reloadRunning;
    private boolean evaluating;
    private boolean evaluateAgain;
    private boolean saving;

    /**
     * @param user the operator, recorded as who created a threshold and who acknowledged an alert
     * @param zone the time zone alert times are shown in
     */
    public AlertsViewModel(AlertService alerts, Catalog catalog, UiExecutor executor, Appearance appearance,
                           DialogService dialogs, String user, ZoneId zone) {
        this.alerts = alerts;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.user = user;
        this.zone = zone;
        appearance.localeProperty().addListener((obs, old, now) -> presentAll());
        unacknowledgedOnly.addListener((obs, old, now) -> reload());
        searchText.addListener((obs, old, now) -> presentAlerts());
        formIndicator.addListener((obs, old, now) -> formChanged());
        formRegion.addListener((obs, old, now) -> formChanged());
        formKind.addListener((obs, old, now) -> formChanged());
        formLimit.addListener((obs, old, now) -> formChanged());
        editingId.addListener((obs, old, now) -> editing.set(now != null));
        presentForm();
    }

    // --- loading and evaluating

    /** Reads the thresholds, the alerts (as filtered) and the unacknowledged count again. */
    public void reload() {
        if (reloading != null) {
            reloading.cancel();
        }
        AlertFilter filter = unacknowledgedOnly.get() ? AlertFilter.unacknowledged() : AlertFilter.all();
        reloadRunning = true;
        updateBusy();
        reloading = executor.run(() -> new Snapshot(alerts.thresholds(), alerts.events(filter), alerts.unacknowledgedCount()),
                snapshot -> {
                    reloadRunning = false;
                    updateBusy();
                    loadError.set(null);
                    thresholdData = snapshot.thresholds();
                    eventData = snapshot.events();
                    unacknowledgedCount.set(snapshot.unacknowledged());
                    presentAll();
                },
                error -> {
                    reloadRunning = false;
                    updateBusy();
                    LOG.error("could not load the alerts", error);
                    loadError.set(appearance.i18n().get("alerts.load.failed"));
                });
    }

    /**
     * Checks every enabled threshold against the figures, off the FX thread; new alerts become notices and
     * the lists are read again. Call it on the FX thread whenever the data changes. A call while one runs is
     * not lost and not doubled: one more evaluation follows when the running one ends. (An evaluation is never
     * cancelled: its alerts are stored once, so a cancelled one would never be notified.)
     */
    public void evaluate() {
        if (evaluating) {
            evaluateAgain = true;
            return;
        }
        evaluating = true;
        updateBusy();
        executor.run(alerts::evaluate,
                raised -> {
                    evaluationEnded();
                    if (!raised.isEmpty()) {
                        List<AlertNotice> notices = notices(raised);
                        noticeListeners.forEach(l -> l.accept(notices));
                    }
                    reload();
                    evaluateAgainIfAsked();
                },
                error -> {
                    evaluationEnded();
                    LOG.error("could not evaluate the alert thresholds", error);
                    loadError.set(appearance.i18n().get("alerts.evaluate.failed"));
                    evaluateAgainIfAsked();
                });
    }

    private void evaluationEnded() {
        evaluating = false;
        updateBusy();
    }

    private void evaluateAgainIfAsked() {
        if (evaluateAgain) {
            evaluateAgain = false;
            evaluate();
        }
    }

    /** Whoever shows notifications hears of new alerts here, on the FX thread. */
    public void addNoticeListener(Consumer<List<AlertNotice>> listener) {
        noticeListeners.add(listener);
    }

    /** One notice per new alert, or one summary when there are many. */
    List<AlertNotice> notices(List<AlertEvent> raised) {
        I18n i18n = appearance.i18n();
        if (raised.size() > MAX_SINGLE_NOTICES) {
            long demo = raised.stream().filter(AlertEvent::isDemo).count();
            String title = demo == raised.size() ? i18n.get("alerts.notice.many.title.demo", raised.size())
                    : demo > 0 ? i18n.get("alerts.notice.many.title.some_demo", raised.size(), demo)
                    : i18n.get("alerts.notice.many.title", raised.size());
            return List.of(new AlertNotice(title, i18n.get("alerts.notice.many.text")));
        }
        List<AlertNotice> notices = new ArrayList<>();
        for (AlertEvent e : raised) {
            // an alert on demo data says so first, before anything that could be read as real
            String title = i18n.get(e.isDemo() ? "alerts.notice.title.demo" : "alerts.notice.title",
                    indicatorName(e.indicatorCode()), regionName(e.regionCode()));
            String text = i18n.get("alerts.notice.text", e.periodCode(), valueText(e, i18n),
                    ruleText(e.kind(), e.limit(), i18n));
            notices.add(new AlertNotice(title, text));
        }
        return notices;
    }

    // --- acknowledging

    /** Acknowledges the given alerts in the operator's name. */
    public void acknowledge(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> copy = List.copyOf(ids);
        executor.run(() -> alerts.acknowledge(copy, user),
                count -> reload(),
                error -> {
                    LOG.error("could not acknowledge alerts {}", copy, error);
                    loadError.set(appearance.i18n().get("alerts.acknowledge.failed"));
                });
    }

    // --- the threshold form

    /** An empty form for a new threshold. */
    public void newThreshold() {
        editingId.set(null);
        showFieldErrors = false;
        formIndicator.set(null);
        formRegion.set(null);
        formGrain.set(AlertGrain.DAY);
        formKind.set(AlertKind.ABOVE);
        formLimit.set("");
        formEnabled.set(true);
        clearFieldErrors();
        setMessage("", false);
        presentForm();
    }

    /** The stored threshold in the form, to change its limit or switch it off. */
    public void edit(long thresholdId) {
        thresholdData.stream().filter(t -> t.id() == thresholdId).findFirst().ifPresent(t -> {
            showFieldErrors = false;
            editingId.set(t.id());
            formIndicator.set(t.indicatorCode());
            formRegion.set(t.regionCode());
            formGrain.set(t.grain());
            formKind.set(t.kind());
            formLimit.set(t.limit().stripTrailingZeros().toPlainString());
            formEnabled.set(t.enabled());
            clearFieldErrors();
            setMessage("", false);
            presentForm();
        });
    }

    /** Checks the form; stores the threshold; then evaluates, since it may be crossed already. */
    public void save() {
        showFieldErrors = true;
        BigDecimal limit = validate();
        if (limit == null || indicatorError.get() != null || regionError.get() != null || saving) {
            return;
        }
        ThresholdSpec spec = new ThresholdSpec(formIndicator.get(), formRegion.get(), formGrain.get(), formKind.get(),
                limit, formEnabled.get());
        Long id = editingId.get();
        saving = true;
        updateBusy();
        executor.run(() -> id == null ? alerts.create(spec, user) : alerts.update(id, spec),
                saved -> {
                    saving = false;
                    updateBusy();
                    editingId.set(saved.id());
                    showFieldErrors = false;
                    presentForm();
                    setMessage(appearance.i18n().get("alerts.form.saved"), false);
                    reload();
                    evaluate();
                },
                error -> {
                    saving = false;
                    updateBusy();
                    setMessage(failure(error, "could not save the threshold " + spec, "alerts.form.save_failed"), true);
                });
    }

    /** Asks (naming how many alerts go with it), then deletes the threshold in the form. */
    public void deleteEditing() {
        Long id = editingId.get();
        if (id == null) {
            return;
        }
        executor.run(() -> alerts.alertCount(id),
                count -> {
                    I18n i18n = appearance.i18n();
                    if (!dialogs.confirm(i18n.get("alerts.delete.title"), i18n.get("alerts.delete.confirm", count))) {
                        return;
                    }
                    executor.run(() -> {
                        alerts.delete(id);
                        return id;
                    }, deleted -> {
                        newThreshold();
                        setMessage(appearance.i18n().get("alerts.delete.done"), false);
                        reload();
                    }, error -> setMessage(failure(error, "could not delete threshold " + id,
                            "alerts.delete.failed"), true));
                },
                error -> setMessage(failure(error, "could not count the alerts of threshold " + id,
                        "alerts.delete.failed"), true));
    }

    private String failure(Throwable error, String logMessage, String key) {
        I18n i18n = appearance.i18n();
        if (error instanceof Problem p) {
            return i18n.problem(p);
        }
        LOG.error(logMessage, error);
        return i18n.get(key);
    }

    private void formChanged() {
        presentForm();
        if (showFieldErrors) {
            validate();
        }
    }

    /** Sets the field errors; returns the limit when it is a usable number. */
    private BigDecimal validate() {
        I18n i18n = appearance.i18n();
        indicatorError.set(formIndicator.get() == null ? i18n.get("alerts.form.indicator.required") : null);
        regionError.set(formRegion.get() == null ? i18n.get("alerts.form.region.required") : null);
        String text = formLimit.get() == null ? "" : formLimit.get().replaceAll("[\\s,，_]", "");
        BigDecimal limit = null;
        String error = null;
        if (text.isEmpty()) {
            error = i18n.get("alerts.form.limit.required");
        } else {
            try {
                limit = new BigDecimal(text);
                if (limit.signum() < 0) {
                    error = i18n.get("alerts.form.limit.negative");
                } else if (limit.stripTrailingZeros().scale() > 2) {
                    error = i18n.get("alerts.form.limit.precision");
                }
            } catch (NumberFormatException e) {
                error = i18n.get("alerts.form.limit.invalid");
            }
        }
        limitError.set(error);
        return error == null ? limit : null;
    }

    private void clearFieldErrors() {
        indicatorError.set(null);
        regionError.set(null);
        limitError.set(null);
    }

    private void setMessage(String text, boolean error) {
        formMessage.set(text);
        formMessageIsError.set(error);
    }

    private void updateBusy() {
        busy.set(reloadRunning || evaluating || saving);
    }

    // --- presenting

    private void presentAll() {
        presentThresholds();
        presentAlerts();
        presentForm();
    }

    private void presentThresholds() {
        I18n i18n = appearance.i18n();
        List<ThresholdRow> rows = new ArrayList<>();
        for (AlertThreshold t : thresholdData) {
            rows.add(new ThresholdRow(t.id(), indicatorName(t.indicatorCode()), regionName(t.regionCode()),
                    grainName(t.grain()), ruleText(t.kind(), t.limit(), i18n), t.enabled(),
                    i18n.get(t.enabled() ? "alerts.enabled.on" : "alerts.enabled.off"), t.createdBy()));
        }
        thresholds.setAll(rows);
    }

    private void presentAlerts() {
        I18n i18n = appearance.i18n();
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        List<AlertRow> rows = new ArrayList<>();
        for (AlertEvent e : eventData) {
            AlertRow row = row(e, i18n);
            if (needle.isEmpty() || matches(e, row, needle)) {
                rows.add(row);
            }
        }
        alertRows.setAll(rows);
        countText.set(i18n.get("alerts.count", unacknowledgedCount.get()));
    }

    private static boolean matches(AlertEvent e, AlertRow row, String needle) {
        return List.of(row.indicator(), row.region(), row.period(), e.indicatorCode(), e.regionCode(), row.acknowledged())
                .stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    private AlertRow row(AlertEvent e, I18n i18n) {
        String acknowledged = e.isAcknowledged()
                ? i18n.get("alerts.acknowledged_by", e.acknowledgedBy(), time(e.acknowledgedAt())) : "";
        String indicator = e.isDemo() ? i18n.get("alerts.row.demo", indicatorName(e.indicatorCode()))
                : indicatorName(e.indicatorCode());
        return new AlertRow(e.id(), time(e.raisedAt()), indicator, regionName(e.regionCode()),
                e.periodCode(), valueText(e, i18n), ruleText(e.kind(), e.limit(), i18n), acknowledged,
                !e.isAcknowledged(), e.basis() == Basis.SYNTHETIC_DEMO);
    }

    private void presentForm() {
        I18n i18n = appearance.i18n();
        formTitle.set(i18n.get(editingId.get() == null ? "alerts.form.new" : "alerts.form.edit"));
        if (formKind.get() == AlertKind.RISE_PCT) {
            limitUnit.set("%");
        } else {
            boolean money = formIndicator.get() != null && catalog.indicator(formIndicator.get())
                    .map(i -> i.unit() == Indicator.Unit.CNY).orElse(false);
            limitUnit.set(money ? i18n.get("unit.cny") : "");
        }
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private String valueText(AlertEvent e, I18n i18n) {
        boolean zh = i18n.isChinese();
        String value = NumberFormats.full(e.value(), null, zh);
        if (e.partial()) {
            // a partial figure is a lower bound of its key's total (issue 12)
            value = i18n.get("alerts.value.partial", value);
        }
        if (e.kind() == AlertKind.RISE_PCT && e.risePct() != null) {
            value = i18n.get(e.partial() ? "alerts.value.rise.like_for_like" : "alerts.value.rise",
                    NumberFormats.percent(e.risePct()), value, NumberFormats.full(e.previousValue(), null, zh));
        }
        return e.isDemo() ? i18n.get("alerts.value.demo", value) : value;
    }

    private String ruleText(AlertKind kind, BigDecimal limit, I18n i18n) {
        String number = NumberFormats.full(limit, null, i18n.isChinese());
        return i18n.get(kind == AlertKind.ABOVE ? "alerts.rule.above" : "alerts.rule.rise_pct", number);
    }

    // --- choices and names for the form

    /** Indicator codes in catalog order. */
    public List<String> indicatorChoices() {
        return catalog.indicators().stream().map(Indicator::code).toList();
    }

    /** Region codes as the dashboard lists them: the nation, the zones, the provinces. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.ZONE, RegionKind.PROVINCE);
    }

    public String indicatorName(String code) {
        return code == null ? "" : catalog.indicator(code).map(i -> i.name(appearance.localeProperty().get())).orElse(code);
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String grainName(AlertGrain grain) {
        return grain == null ? "" : appearance.i18n().get("alerts.grain." + grain.code());
    }

    public String kindName(AlertKind kind) {
        return kind == null ? "" : appearance.i18n().get("alerts.kind." + kind.code());
    }

    private record Snapshot(List<AlertThreshold> thresholds, List<AlertEvent> events, int unacknowledged) {
    }

    // --- properties

    public ObservableList<ThresholdRow> thresholds() {
        return thresholdsView;
    }

    public ObservableList<AlertRow> alertRows() {
        return alertRowsView;
    }

    public BooleanProperty unacknowledgedOnlyProperty() {
        return unacknowledgedOnly;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyIntegerProperty unacknowledgedCountProperty() {
        return unacknowledgedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ObjectProperty<String> formIndicatorProperty() {
        return formIndicator;
    }

    public ObjectProperty<String> formRegionProperty() {
        return formRegion;
    }

    public ObjectProperty<AlertGrain> formGrainProperty() {
        return formGrain;
    }

    public ObjectProperty<AlertKind> formKindProperty() {
        return formKind;
    }

    public StringProperty formLimitProperty() {
        return formLimit;
    }

    public BooleanProperty formEnabledProperty() {
        return formEnabled;
    }

    public ReadOnlyObjectProperty<Long> editingIdProperty() {
        return editingId.getReadOnlyProperty();
    }

    /** Editing a stored threshold: what it watches cannot change, only its limit and whether it is on. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty indicatorErrorProperty() {
        return indicatorError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty regionErrorProperty() {
        return regionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitErrorProperty() {
        return limitError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitUnitProperty() {
        return limitUnit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty formMessageIsErrorProperty() {
        return formMessageIsError.getReadOnlyProperty();
    }
}
