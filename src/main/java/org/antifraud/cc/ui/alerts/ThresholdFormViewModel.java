package org.antifraud.cc.ui.alerts;

import java.math.BigDecimal;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.service.figures.InstructionFigures;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alerts page's threshold form: a new threshold or a stored one (of which only the limit and whether it is on
 * change), checked once a save was tried and then as the operator types, saved, or deleted after asking.
 */
public final class ThresholdFormViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdFormViewModel.class);

    private final AlertService alerts;
    private final AlertWords words;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final String user;
    private final Runnable onSaved;
    private final Runnable onDeleted;
    private final ObjectProperty<String> indicator = new SimpleObjectProperty<>(this, "indicator");
    private final ObjectProperty<String> region = new SimpleObjectProperty<>(this, "region");
    private final ObjectProperty<String> tier = new SimpleObjectProperty<>(this, "tier", "");
    private final ObjectProperty<String> risk = new SimpleObjectProperty<>(this, "risk", "");
    private final ReadOnlyBooleanWrapper cutApplies = new ReadOnlyBooleanWrapper(this, "cutApplies");
    private final ObjectProperty<AlertGrain> grain = new SimpleObjectProperty<>(this, "grain", AlertGrain.DAY);
    private final ObjectProperty<AlertKind> kind = new SimpleObjectProperty<>(this, "kind", AlertKind.ABOVE);
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ReadOnlyObjectWrapper<Long> editingId = new ReadOnlyObjectWrapper<>(this, "editingId");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper indicatorError = new ReadOnlyStringWrapper(this, "indicatorError");
    private final ReadOnlyStringWrapper regionError = new ReadOnlyStringWrapper(this, "regionError");
    private final ReadOnlyStringWrapper limitError = new ReadOnlyStringWrapper(this, "limitError");
    private final ReadOnlyStringWrapper limitUnit = new ReadOnlyStringWrapper(this, "limitUnit", "");
    private final PageMessage message = new PageMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean showFieldErrors;

    /**
     * @param user      the operator, recorded as who created a threshold
     * @param onSaved   after a threshold was stored (the lists are read again, the thresholds evaluated)
     * @param onDeleted after a threshold was deleted
     */
    public ThresholdFormViewModel(AlertService alerts, AlertWords words, UiExecutor executor, DialogService dialogs,
                                  String user, Runnable onSaved, Runnable onDeleted) {
        this.alerts = alerts;
        this.words = words;
        this.executor = executor;
        this.dialogs = dialogs;
        this.user = user;
        this.onSaved = onSaved;
        this.onDeleted = onDeleted;
        indicator.addListener((obs, old, now) -> {
            // only the warning instructions' figures have tiers and risk levels (issue 17)
            cutApplies.set(now != null && InstructionFigures.ALL.contains(now));
            if (!cutApplies.get()) {
                tier.set("");
                risk.set("");
            }
            changed();
        });
        region.addListener((obs, old, now) -> changed());
        kind.addListener((obs, old, now) -> changed());
        limit.addListener((obs, old, now) -> changed());
        editingId.addListener((obs, old, now) -> editing.set(now != null));
        present();
    }

    /** An empty form for a new threshold. */
    public void newThreshold() {
        editingId.set(null);
        showFieldErrors = false;
        indicator.set(null);
        region.set(null);
        tier.set("");
        risk.set("");
        grain.set(AlertGrain.DAY);
        kind.set(AlertKind.ABOVE);
        limit.set("");
        enabled.set(true);
        clearFieldErrors();
        message.clear();
        present();
    }

    /** The stored threshold in the form, to change its limit or switch it off. */
    public void edit(AlertThreshold t) {
        showFieldErrors = false;
        editingId.set(t.id());
        indicator.set(t.indicatorCode());
        region.set(t.regionCode());
        tier.set(t.cut().tier() == null ? "" : t.cut().tier().code());
        risk.set(t.cut().risk() == null ? "" : t.cut().risk().code());
        grain.set(t.grain());
        kind.set(t.kind());
        limit.set(t.limit().stripTrailingZeros().toPlainString());
        enabled.set(t.enabled());
        clearFieldErrors();
        message.clear();
        present();
    }

    /** Checks the form; stores the threshold; then evaluates, since it may be crossed already. */
    public void save() {
        showFieldErrors = true;
        BigDecimal value = validate();
        if (value == null || indicatorError.get() != null || regionError.get() != null || busy.get()) {
            return;
        }
        ThresholdSpec spec = new ThresholdSpec(indicator.get(), region.get(), cut(), grain.get(), kind.get(), value,
                enabled.get());
        Long id = editingId.get();
        busy.set(true);
        executor.run(() -> id == null ? alerts.create(spec, user) : alerts.update(id, spec),
                saved -> {
                    busy.set(false);
                    editingId.set(saved.id());
                    showFieldErrors = false;
                    present();
                    message.show(words.i18n().get("alerts.form.saved"), false);
                    onSaved.run();
                },
                error -> {
                    busy.set(false);
                    message.show(failure(error, "could not save the threshold " + spec, "alerts.form.save_failed"), true);
                });
    }

    /** Asks (naming how many alerts go with it), then deletes the threshold in the form. */
    public void delete() {
        Long id = editingId.get();
        if (id == null) {
            return;
        }
        executor.run(() -> alerts.alertCount(id),
                count -> {
                    I18n i18n = words.i18n();
                    if (!dialogs.confirm(i18n.get("alerts.delete.title"), i18n.get("alerts.delete.confirm", count))) {
                        return;
                    }
                    executor.run(() -> {
                        alerts.delete(id);
                        return id;
                    }, deleted -> {
                        newThreshold();
                        message.show(words.i18n().get("alerts.delete.done"), false);
                        onDeleted.run();
                    }, error -> message.show(failure(error, "could not delete threshold " + id,
                            "alerts.delete.failed"), true));
                },
                error -> message.show(failure(error, "could not count the alerts of threshold " + id,
                        "alerts.delete.failed"), true));
    }

    /** The part of the instructions chosen ("" is every tier / every level). */
    private InstructionCut cut() {
        String t = tier.get();
        String r = risk.get();
        return InstructionCut.ofCodes(t == null || t.isEmpty() ? null : t, r == null || r.isEmpty() ? null : r);
    }

    private String failure(Throwable error, String logMessage, String key) {
        I18n i18n = words.i18n();
        if (error instanceof Problem p) {
            return i18n.problem(p);
        }
        LOG.error(logMessage, error);
        return i18n.get(key);
    }

    private void changed() {
        present();
        if (showFieldErrors) {
            validate();
        }
    }

    /** Sets the field errors; returns the limit when it is a usable number. */
    private BigDecimal validate() {
        I18n i18n = words.i18n();
        indicatorError.set(indicator.get() == null ? i18n.get("alerts.form.indicator.required") : null);
        regionError.set(region.get() == null ? i18n.get("alerts.form.region.required") : null);
        String text = limit.get() == null ? "" : limit.get().replaceAll("[\\s,，_]", "");
        BigDecimal value = null;
        String error = null;
        if (text.isEmpty()) {
            error = i18n.get("alerts.form.limit.required");
        } else {
            try {
                value = new BigDecimal(text);
                if (value.signum() < 0) {
                    error = i18n.get("alerts.form.limit.negative");
                } else if (value.stripTrailingZeros().scale() > 2) {
                    error = i18n.get("alerts.form.limit.precision");
                }
            } catch (NumberFormatException e) {
                error = i18n.get("alerts.form.limit.invalid");
            }
        }
        limitError.set(error);
        return error == null ? value : null;
    }

    private void clearFieldErrors() {
        indicatorError.set(null);
        regionError.set(null);
        limitError.set(null);
    }

    /** The title and the limit's unit, in the current language. */
    void present() {
        I18n i18n = words.i18n();
        title.set(i18n.get(editingId.get() == null ? "alerts.form.new" : "alerts.form.edit"));
        if (kind.get() == AlertKind.RISE_PCT) {
            limitUnit.set("%");
        } else {
            limitUnit.set(words.isMoney(indicator.get()) ? i18n.get("unit.cny") : "");
        }
    }

    public ObjectProperty<String> indicatorProperty() {
        return indicator;
    }

    public ObjectProperty<String> regionProperty() {
        return region;
    }

    /** The tier watched, a code; "" for every tier. */
    public ObjectProperty<String> tierProperty() {
        return tier;
    }

    /** The risk level watched, a code; "" for every level. */
    public ObjectProperty<String> riskProperty() {
        return risk;
    }

    /** Whether the indicator chosen is a figure of warning instructions, which alone can watch a tier or level. */
    public ReadOnlyBooleanProperty cutAppliesProperty() {
        return cutApplies.getReadOnlyProperty();
    }

    public ObjectProperty<AlertGrain> grainProperty() {
        return grain;
    }

    public ObjectProperty<AlertKind> kindProperty() {
        return kind;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyObjectProperty<Long> editingIdProperty() {
        return editingId.getReadOnlyProperty();
    }

    /** Editing a stored threshold: what it watches cannot change, only its limit and whether it is on. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
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

    /** What the last save or delete came to. */
    public PageMessage message() {
        return message;
    }

    /** A save is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
