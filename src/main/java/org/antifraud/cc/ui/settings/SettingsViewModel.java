package org.antifraud.cc.ui.settings;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

import org.antifraud.cc.service.DatasetService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Settings page: theme, language, the data folder, and removing the synthetic demo data. */
public final class SettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final DatasetService datasets;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final Runnable onDataChanged;
    private final ReadOnlyStringWrapper dataDirText = new ReadOnlyStringWrapper(this, "dataDirText");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final javafx.beans.property.StringProperty operatorName =
            new javafx.beans.property.SimpleStringProperty(this, "operatorName", "");
    private String osAccount = "";
    private java.util.function.Consumer<String> operatorSaver = name -> { };
    private final javafx.beans.property.StringProperty classification =
            new javafx.beans.property.SimpleStringProperty(this, "classification", "");
    private java.util.function.Consumer<String> classificationSaver = text -> { };

    private final ObservableBooleanValue demoPresent;

    /**
     * @param demoPresent   whether the database holds synthetic demo data (the status bar knows)
     * @param onDataChanged what to refresh after the demo data is gone
     */
    public SettingsViewModel(DatasetService datasets, String dataDir, UiExecutor executor, Appearance appearance,
                             DialogService dialogs, ObservableBooleanValue demoPresent, Runnable onDataChanged) {
        this.demoPresent = demoPresent;
        this.datasets = datasets;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.onDataChanged = onDataChanged;
        this.dataDirText.set(dataDir);
    }

    /** Asks, then deletes every synthetic-demo figure in one transaction, then refreshes what shows data. */
    public void removeDemo() {
        I18n i18n = appearance.i18n();
        if (busy.get() || !dialogs.confirm(i18n.get("demo.remove.title"), i18n.get("demo.remove.confirm"))) {
            return;
        }
        busy.set(true);
        executor.run(datasets::removeDemo,
                removed -> {
                    busy.set(false);
                    message.set(appearance.i18n().get("demo.remove.done", removed));
                    onDataChanged.run();
                },
                error -> {
                    busy.set(false);
                    LOG.error("could not remove the demo data", error);
                    message.set(appearance.i18n().get("demo.remove.failed"));
                    dialogs.error(appearance.i18n().get("demo.remove.title"), message.get());
                });
    }

    /**
     * The name the audit trail records for this workstation's changes: {@code saved} (blank: none), shown with
     * the operating-system account as the fallback; {@code saver} keeps a new one (off the FX thread).
     */
    public void useOperator(String saved, String account, java.util.function.Consumer<String> saver) {
        operatorName.set(saved == null ? "" : saved);
        osAccount = account == null ? "" : account;
        operatorSaver = saver;
    }

    /** The operator name as typed, recorded beside the operating-system account as declared (ADR 0027). */
    public javafx.beans.property.StringProperty operatorNameProperty() {
        return operatorName;
    }

    /** The account the audit trail names, whatever name is declared. */
    public String operatorFallback() {
        return osAccount;
    }

    /**
     * The classification line of briefings: {@code saved} (blank: the language's default, "内部资料 注意保密" /
     * "Internal — do not distribute"); {@code saver} keeps a new one.
     */
    public void useClassification(String saved, java.util.function.Consumer<String> saver) {
        classification.set(saved == null ? "" : saved);
        classificationSaver = saver;
    }

    /** The classification line as typed; blank means the language's default. */
    public javafx.beans.property.StringProperty classificationProperty() {
        return classification;
    }

    /** Keeps the typed classification line (stripped; blank returns to the default). */
    public void saveClassification() {
        String text = classification.get() == null ? "" : classification.get().strip();
        classification.set(text);
        classificationSaver.accept(text);
        message.set(text.isEmpty() ? appearance.i18n().get("settings.classification.default")
                : appearance.i18n().get("settings.classification.saved", text));
    }

    /** Keeps the typed operator name (stripped; blank: no declared name, the account alone). */
    public void saveOperator() {
        String name = operatorName.get() == null ? "" : operatorName.get().strip();
        operatorName.set(name);
        operatorSaver.accept(name);
        message.set(name.isEmpty() ? appearance.i18n().get("settings.operator.saved", osAccount)
                : appearance.i18n().get("settings.operator.saved_declared", osAccount, name));
    }

    // --- reporting completeness: "late after N days" (issue 12)

    private final javafx.beans.property.ReadOnlyIntegerWrapper lateAfterDays = new javafx.beans.property.ReadOnlyIntegerWrapper(
            this, "lateAfterDays", org.antifraud.cc.domain.ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS);
    private final javafx.beans.property.StringProperty lateAfterDaysText =
            new javafx.beans.property.SimpleStringProperty(this, "lateAfterDaysText",
                    Integer.toString(org.antifraud.cc.domain.ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS));
    private final ReadOnlyStringWrapper lateAfterDaysError = new ReadOnlyStringWrapper(this, "lateAfterDaysError");
    private java.util.function.Consumer<String> lateAfterDaysSaver = text -> { };

    {
        lateAfterDaysText.addListener((obs, old, now) -> lateAfterDaysError.set(null));
    }

    /**
     * How many days after a month ends an unsubmitted month is late: {@code saved} (the settings file's text; blank,
     * unreadable or out of range: the default), {@code saver} keeps a new one.
     */
    public void useLateAfterDays(String saved, java.util.function.Consumer<String> saver) {
        Integer days = parseLateAfterDays(saved);
        int n = days == null ? org.antifraud.cc.domain.ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS : days;
        lateAfterDays.set(n);
        lateAfterDaysText.set(Integer.toString(n));
        lateAfterDaysError.set(null);
        lateAfterDaysSaver = saver;
    }

    /** The whole number of days in 1 – 60 that {@code text} is, or null. */
    static Integer parseLateAfterDays(String text) {
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n >= org.antifraud.cc.domain.ReportingCompleteness.MIN_LATE_AFTER_DAYS
                    && n <= org.antifraud.cc.domain.ReportingCompleteness.MAX_LATE_AFTER_DAYS ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Keeps the typed number of days, or says what is wrong with it (and keeps the last good one). */
    public boolean saveLateAfterDays() {
        Integer days = parseLateAfterDays(lateAfterDaysText.get());
        if (days == null) {
            lateAfterDaysError.set(appearance.i18n().get("settings.late.invalid",
                    org.antifraud.cc.domain.ReportingCompleteness.MIN_LATE_AFTER_DAYS,
                    org.antifraud.cc.domain.ReportingCompleteness.MAX_LATE_AFTER_DAYS));
            return false;
        }
        lateAfterDaysError.set(null);
        lateAfterDays.set(days);
        lateAfterDaysText.set(Integer.toString(days));
        lateAfterDaysSaver.accept(Integer.toString(days));
        message.set(appearance.i18n().get("settings.late.saved", days));
        return true;
    }

    /** The days in effect (1 – 60). */
    public javafx.beans.property.ReadOnlyIntegerProperty lateAfterDaysProperty() {
        return lateAfterDays.getReadOnlyProperty();
    }

    /** The days as typed. */
    public javafx.beans.property.StringProperty lateAfterDaysTextProperty() {
        return lateAfterDaysText;
    }

    /** Null, or why the typed days cannot be kept. */
    public ReadOnlyStringProperty lateAfterDaysErrorProperty() {
        return lateAfterDaysError.getReadOnlyProperty();
    }

    public Appearance appearance() {
        return appearance;
    }

    public ReadOnlyStringProperty dataDirTextProperty() {
        return dataDirText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Nothing to remove, or a removal under way: the command is not available. */
    public BooleanExpression removeDemoDisabled() {
        return BooleanExpression.booleanExpression(demoPresent).not().or(busy);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
