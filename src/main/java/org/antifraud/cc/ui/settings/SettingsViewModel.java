package org.antifraud.cc.ui.settings;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.FileChooserService;
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
    private final StringProperty operatorName =
            new SimpleStringProperty(this, "operatorName", "");
    private String osAccount = "";
    private Consumer<String> operatorSaver = name -> { };
    private final StringProperty classification =
            new SimpleStringProperty(this, "classification", "");
    private Consumer<String> classificationSaver = text -> { };

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
        executor.runLong(datasets::removeDemo,
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
    public void useOperator(String saved, String account, Consumer<String> saver) {
        operatorName.set(saved == null ? "" : saved);
        osAccount = account == null ? "" : account;
        operatorSaver = saver;
    }

    /** The operator name as typed, recorded beside the operating-system account as declared (ADR 0027). */
    public StringProperty operatorNameProperty() {
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
    public void useClassification(String saved, Consumer<String> saver) {
        classification.set(saved == null ? "" : saved);
        classificationSaver = saver;
    }

    /** The classification line as typed; blank means the language's default. */
    public StringProperty classificationProperty() {
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

    private final ReadOnlyIntegerWrapper lateAfterDays = new ReadOnlyIntegerWrapper(
            this, "lateAfterDays", ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS);
    private final StringProperty lateAfterDaysText =
            new SimpleStringProperty(this, "lateAfterDaysText",
                    Integer.toString(ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS));
    private final ReadOnlyStringWrapper lateAfterDaysError = new ReadOnlyStringWrapper(this, "lateAfterDaysError");
    private Consumer<String> lateAfterDaysSaver = text -> { };

    {
        lateAfterDaysText.addListener((obs, old, now) -> lateAfterDaysError.set(null));
    }

    /**
     * How many days after a month ends an unsubmitted month is late: {@code saved} (the settings file's text; blank,
     * unreadable or out of range: the default), {@code saver} keeps a new one.
     */
    public void useLateAfterDays(String saved, Consumer<String> saver) {
        Integer days = parseLateAfterDays(saved);
        int n = days == null ? ReportingCompleteness.DEFAULT_LATE_AFTER_DAYS : days;
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
            return n >= ReportingCompleteness.MIN_LATE_AFTER_DAYS
                    && n <= ReportingCompleteness.MAX_LATE_AFTER_DAYS ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Keeps the typed number of days, or says what is wrong with it (and keeps the last good one). */
    public boolean saveLateAfterDays() {
        Integer days = parseLateAfterDays(lateAfterDaysText.get());
        if (days == null) {
            lateAfterDaysError.set(appearance.i18n().get("settings.late.invalid",
                    ReportingCompleteness.MIN_LATE_AFTER_DAYS,
                    ReportingCompleteness.MAX_LATE_AFTER_DAYS));
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
    public ReadOnlyIntegerProperty lateAfterDaysProperty() {
        return lateAfterDays.getReadOnlyProperty();
    }

    /** The days as typed. */
    public StringProperty lateAfterDaysTextProperty() {
        return lateAfterDaysText;
    }

    /** Null, or why the typed days cannot be kept. */
    public ReadOnlyStringProperty lateAfterDaysErrorProperty() {
        return lateAfterDaysError.getReadOnlyProperty();
    }

    // --- trusted field stations (issue 13): whose signed packages this workstation imports

    /** One trusted (or revoked) station key as the page lists it. */
    public record StationRow(String fingerprint, String label, String station, String since, boolean revoked) {
    }

    private final ObservableList<StationRow> stations =
            FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper ownStation = new ReadOnlyStringWrapper(this, "ownStation", "");
    private StationTrustService trust;
    private FileChooserService chooser;

    /** The trust list to show and change; {@code stationId}/{@code fingerprint}: this workstation's own. */
    public void useStations(StationTrustService trust,
                            FileChooserService chooser,
                            Callable<OwnStation> own) {
        this.trust = trust;
        this.chooser = chooser;
        // the station id is in the database and the key in a file: read off the FX thread
        executor.run(own, o -> ownStation.set(appearance.i18n().get("settings.stations.own", o.stationId(),
                StationKeys.grouped(o.fingerprint()))), this::stationFailed);
        refreshStations();
    }

    /** This workstation as a field station: its id and its signing key's fingerprint. */
    public record OwnStation(String stationId, String fingerprint) {
    }

    /** Reads the trust list again. */
    public void refreshStations() {
        if (trust == null) {
            return;
        }
        executor.run(trust::list, list -> stations.setAll(list.stream().map(this::row).toList()),
                error -> stationFailed(error));
    }

    private StationRow row(TrustedStation t) {
        I18n i18n = appearance.i18n();
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE
                .withZone(ZoneId.systemDefault());
        String since = i18n.get("settings.stations.since", day.format(t.trustedAt()))
                + (t.revoked() ? " · " + i18n.get("settings.stations.revoked_on", day.format(t.revokedAt())) : "");
        return new StationRow(StationKeys.grouped(t.fingerprint()), t.label(), t.station(),
                since, t.revoked());
    }

    /** Asks for a station key file and trusts it; false when the chooser was closed. */
    public boolean trustStation() {
        if (trust == null || busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> file = chooser.open(i18n.get("settings.stations.choose"),
                i18n.get("settings.stations.filter"), "*.pub", "*.txt", "*.properties", "*");
        if (file.isEmpty()) {
            return false;
        }
        changeStations(() -> trust.trust(StationKeys.readKeyFile(file.get()), null),
                "settings.stations.trusted");
        return true;
    }

    /** Asks, then revokes the row's key: its packages are refused from now on. */
    public boolean revokeStation(StationRow row) {
        if (trust == null || row == null || row.revoked() || busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        if (!dialogs.confirm(i18n.get("settings.stations.revoke.title"),
                i18n.get("settings.stations.revoke.confirm", row.label(), row.fingerprint()))) {
            return false;
        }
        changeStations(() -> trust.revoke(row.fingerprint()), "settings.stations.revoked");
        return true;
    }

    /** Runs a trust change off the FX thread, then says what it did ({@code doneKey}: label, fingerprint). */
    private void changeStations(Callable<TrustedStation> change,
                                String doneKey) {
        busy.set(true);
        executor.run(change,
                t -> {
                    busy.set(false);
                    message.set(appearance.i18n().get(doneKey, t.label(),
                            StationKeys.grouped(t.fingerprint())));
                    refreshStations();
                },
                error -> {
                    busy.set(false);
                    stationFailed(error);
                });
    }

    private void stationFailed(Throwable error) {
        I18n i18n = appearance.i18n();
        String why;
        if (error instanceof Problem p) {
            why = i18n.problem(p);
        } else {
            LOG.error("could not change the trusted stations", error);
            why = String.valueOf(error.getMessage());
        }
        message.set(i18n.get("settings.stations.failed", why));
        dialogs.error(i18n.get("settings.stations"), message.get());
    }

    /** The trusted stations, oldest first, revoked ones included. */
    public ObservableList<StationRow> stations() {
        return FXCollections.unmodifiableObservableList(stations);
    }

    /** "This workstation: station …, key …". */
    public ReadOnlyStringProperty ownStationProperty() {
        return ownStation.getReadOnlyProperty();
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
