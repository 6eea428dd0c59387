package org.antifraud.cc.ui.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts the thresholds raised: the unacknowledged ones (or all), narrowed by a search text, how many are
 * open, and acknowledging them in the operator's name. The rows are read by {@link AlertsViewModel#reload()}.
 */
public final class AlertFeedViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeedViewModel.class);

    private final AlertService alerts;
    private final AlertWords words;
    private final UiExecutor executor;
    private final String user;
    private final Runnable reload;
    private final Consumer<String> showError;
    private List<AlertEvent> data = List.of();
    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty unacknowledgedOnly = new SimpleBooleanProperty(this, "unacknowledgedOnly", true);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyIntegerWrapper unacknowledgedCount = new ReadOnlyIntegerWrapper(this, "unacknowledgedCount");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");

    /**
     * @param user      the operator, recorded as who acknowledged an alert
     * @param reload    reads the alerts again (after the filter changed, after acknowledging)
     * @param showError shows the page's error line
     */
    public AlertFeedViewModel(AlertService alerts, AlertWords words, UiExecutor executor, String user,
                              Runnable reload, Consumer<String> showError) {
        this.alerts = alerts;
        this.words = words;
        this.executor = executor;
        this.user = user;
        this.reload = reload;
        this.showError = showError;
        unacknowledgedOnly.addListener((obs, old, now) -> reload.run());
        searchText.addListener((obs, old, now) -> present());
    }

    /** Which alerts to read: the unacknowledged ones, or all. */
    AlertFilter filter() {
        return unacknowledgedOnly.get() ? AlertFilter.unacknowledged() : AlertFilter.all();
    }

    /** The alerts read, and how many are open in all. */
    void show(List<AlertEvent> events, int unacknowledged) {
        data = events;
        unacknowledgedCount.set(unacknowledged);
        present();
    }

    /** Acknowledges the given alerts in the operator's name. */
    public void acknowledge(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> copy = List.copyOf(ids);
        executor.run(() -> alerts.acknowledge(copy, user),
                count -> reload.run(),
                error -> {
                    LOG.error("could not acknowledge alerts {}", copy, error);
                    showError.accept(words.i18n().get("alerts.acknowledge.failed"));
                });
    }

    void present() {
        I18n i18n = words.i18n();
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        List<AlertRow> shown = new ArrayList<>();
        for (AlertEvent e : data) {
            AlertRow row = row(e, i18n);
            if (needle.isEmpty() || matches(e, row, needle)) {
                shown.add(row);
            }
        }
        rows.setAll(shown);
        countText.set(i18n.get("alerts.count", unacknowledgedCount.get()));
    }

    private static boolean matches(AlertEvent e, AlertRow row, String needle) {
        return List.of(row.indicator(), row.region(), row.period(), e.indicatorCode(), e.regionCode(), row.acknowledged())
                .stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    private AlertRow row(AlertEvent e, I18n i18n) {
        String acknowledged = e.isAcknowledged()
                ? i18n.get("alerts.acknowledged_by", e.acknowledgedBy(), words.time(e.acknowledgedAt())) : "";
        String name = words.indicatorName(e.indicatorCode(), e.cut());
        String indicator = e.isDemo() ? i18n.get("alerts.row.demo", name) : name;
        return new AlertRow(e.id(), words.time(e.raisedAt()), indicator, words.regionName(e.regionCode()),
                e.periodCode(), words.valueText(e), words.ruleText(e.kind(), e.limit()), acknowledged,
                !e.isAcknowledged(), e.basis() == Basis.SYNTHETIC_DEMO);
    }

    public ObservableList<AlertRow> rows() {
        return rowsView;
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
}
