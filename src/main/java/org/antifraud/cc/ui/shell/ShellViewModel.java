package org.antifraud.cc.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;
import org.antifraud.cc.ui.dashboard.DashboardViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window: which page is shown, and the status bar (database, data as of, demo data, busy). */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DatasetService datasets;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DashboardViewModel dashboard;
    private final ZoneId zone;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DASHBOARD);
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText");
    private final ReadOnlyStringWrapper dataAsOfText = new ReadOnlyStringWrapper(this, "dataAsOfText", "");
    private final ReadOnlyStringWrapper lastUpdatedText = new ReadOnlyStringWrapper(this, "lastUpdatedText", "");
    private final BooleanProperty helpShown =
            new SimpleBooleanProperty(this, "helpShown");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ReadOnlyBooleanWrapper demoPresent = new ReadOnlyBooleanWrapper(this, "demoPresent");
    private final ReadOnlyBooleanWrapper statusBusy = new ReadOnlyBooleanWrapper(this, "statusBusy");
    private final BooleanExpression busy;
    private final IntegerProperty unacknowledgedAlerts = new SimpleIntegerProperty(this, "unacknowledgedAlerts");
    private final ReadOnlyStringWrapper alertBadgeText = new ReadOnlyStringWrapper(this, "alertBadgeText", "");
    private final ReadOnlyStringWrapper alertBadgeTooltip = new ReadOnlyStringWrapper(this, "alertBadgeTooltip", "");
    private final List<Runnable> alsoOnRefresh = new CopyOnWriteArrayList<>();
    private final ReadOnlyBooleanWrapper reconnecting = new ReadOnlyBooleanWrapper(this, "reconnecting");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper connectionTooltip = new ReadOnlyStringWrapper(this, "connectionTooltip", "");
    private DatabaseSession session = DatabaseSession.own();
    private WriteAccess access = WriteAccess.ALL;
    private final String databaseDescription;
    private Instant dataChangedAt;
    private UiExecutor.Request running;

    public ShellViewModel(DatasetService datasets, String databaseDescription, UiExecutor executor,
                          Appearance appearance, DashboardViewModel dashboard, ZoneId zone) {
        this.datasets = datasets;
        this.executor = executor;
        this.appearance = appearance;
        this.dashboard = dashboard;
        this.zone = zone;
        this.databaseDescription = databaseDescription;
        this.databaseText.set(databaseDescription);
        this.busy = Bindings.or(statusBusy, dashboard.busyProperty());
        appearance.localeProperty().addListener((obs, old, now) -> {
            presentAsOf();
            presentAlertBadge();
            presentSession();
        });
        dashboard.lastUpdatedProperty().addListener((obs, old, now) -> presentAsOf());
        unacknowledgedAlerts.addListener((obs, old, now) -> presentAlertBadge());
        presentAsOf();
    }

    /**
     * The database this window works on, for the status bar: on a shared database where it is, the login and its role
     * ({@code 127.0.0.1:5432/cc · li_gd (operator)}); on the folder's own file, its path.
     */
    public void useSession(DatabaseSession session) {
        this.session = session;
        this.access = WriteAccess.of(session);
        presentSession();
    }

    /** Whether the window works on a shared database (set before the view loads). */
    public boolean isShared() {
        return session.shared();
    }

    /** What this session may change (the Data menu's writes follow it). */
    public WriteAccess writeAccess() {
        return access;
    }

    /**
     * The shared database's change feed lost the server ({@code true}) or listens again ({@code false}); the status
     * bar says "reconnecting…" meanwhile.
     */
    public void setReconnecting(boolean now) {
        reconnecting.set(now);
        presentSession();
    }

    private void presentSession() {
        var i18n = appearance.i18n();
        databaseText.set(!session.shared() ? databaseDescription : i18n.get("status.shared", session.where(),
                session.user(), WriteAccess.roleName(i18n, session.role())));
        connectionText.set(reconnecting.get() ? i18n.get("status.reconnecting") : "");
        connectionTooltip.set(i18n.get("status.reconnecting.tooltip"));
    }

    /** Ctrl+R: the figures and the status bar again, and whatever else asked to follow a refresh. */
    public void refreshAll() {
        dashboard.refresh();
        refreshStatus();
        refreshFollowers();
    }

    /** What asked to follow every refresh, alone: at the window's start, once the first figures are in. */
    public void refreshFollowers() {
        alsoOnRefresh.forEach(Runnable::run);
    }

    /** {@code action} runs after every {@link #refreshAll()} (the alerts' evaluation, for one). */
    public void alsoOnRefresh(Runnable action) {
        alsoOnRefresh.add(action);
    }

    public void refreshStatus() {
        if (running != null) {
            running.cancel();
        }
        statusBusy.set(true);
        running = executor.run(() -> new Status(datasets.dataChangedAt().orElse(null), datasets.hasDemo()),
                status -> {
                    statusBusy.set(false);
                    dataChangedAt = status.changedAt();
                    demoPresent.set(status.demo());
                    presentAsOf();
                },
                error -> {
                    statusBusy.set(false);
                    LOG.error("could not read the database status", error);
                    dataAsOfText.set(appearance.i18n().get("status.unavailable"));
                });
    }

    private void presentAsOf() {
        var i18n = appearance.i18n();
        dataAsOfText.set(dataChangedAt == null ? i18n.get("status.as_of.none")
                : i18n.get("status.as_of", AS_OF.format(dataChangedAt.atZone(zone))));
        Instant updated = dashboard.lastUpdatedProperty().get();
        String text = updated == null ? "" : i18n.get("status.last_updated", TIME.format(updated.atZone(zone)));
        var shown = dashboard.dataProperty().get();
        if (updated != null && shown != null) {
            // the figures' own date, never the day they were read (issue 12)
            text += " \u00b7 " + (shown.dataAsOf() == null ? i18n.get("dashboard.data_as_of.none")
                    : i18n.get("dashboard.data_as_of", shown.dataAsOf().toString()));
        }
        lastUpdatedText.set(text);
    }

    private void presentAlertBadge() {
        int n = unacknowledgedAlerts.get();
        alertBadgeText.set(n <= 0 ? "" : n > 99 ? "99+" : String.valueOf(n));
        alertBadgeTooltip.set(n <= 0 ? "" : appearance.i18n().get("alerts.badge.tooltip", n));
    }

    private record Status(Instant changedAt, boolean demo) {
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    /** Whether the shared database's change feed is reconnecting after losing the server. */
    public ReadOnlyBooleanProperty reconnectingProperty() {
        return reconnecting.getReadOnlyProperty();
    }

    /** What "reconnecting" means, for its tooltip. */
    public ReadOnlyStringProperty connectionTooltipProperty() {
        return connectionTooltip.getReadOnlyProperty();
    }

    /** "Reconnecting…" while it is, else empty. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataAsOfTextProperty() {
        return dataAsOfText.getReadOnlyProperty();
    }

    /** "Last updated hh:mm:ss": when the dashboard last finished loading (by hand or by live refresh). */
    public ReadOnlyStringProperty lastUpdatedTextProperty() {
        return lastUpdatedText.getReadOnlyProperty();
    }

    /** The keyboard-shortcut overlay (F1). */
    public BooleanProperty helpShownProperty() {
        return helpShown;
    }

    public ReadOnlyBooleanProperty demoPresentProperty() {
        return demoPresent.getReadOnlyProperty();
    }

    /** How many alerts wait for acknowledgement; the composition root binds it to the Alerts page. */
    public IntegerProperty unacknowledgedAlertsProperty() {
        return unacknowledgedAlerts;
    }

    /** The navigation badge: the count, "99+", or empty when nothing waits. */
    public ReadOnlyStringProperty alertBadgeTextProperty() {
        return alertBadgeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertBadgeTooltipProperty() {
        return alertBadgeTooltip.getReadOnlyProperty();
    }

    public BooleanExpression busyProperty() {
        return busy;
    }
}
