package org.antifraud.cc.ui.alerts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alerts page: the operators' thresholds (a table here, the form in {@link #form()}) and the alerts they raised
 * ({@link #feed()}). {@link #evaluate()} checks the thresholds against the figures; call it whenever the data
 * changes. New alerts go to the notice listeners (the pop-up notifications).
 */
public final class AlertsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsViewModel.class);
    /** More new alerts than this at once make one summary notice instead of one each. */
    static final int MAX_SINGLE_NOTICES = 3;

    private final AlertService alerts;
    private final UiExecutor executor;
    private final AlertWords words;
    private final ThresholdFormViewModel form;
    private final AlertFeedViewModel feed;
    private List<AlertThreshold> thresholdData = List.of();
    private final ObservableList<ThresholdRow> thresholds = FXCollections.observableArrayList();
    private final ObservableList<ThresholdRow> thresholdsView = FXCollections.unmodifiableObservableList(thresholds);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final List<Consumer<List<AlertNotice>>> noticeListeners = new CopyOnWriteArrayList<>();
    private UiExecutor.Request reloading;
    private boolean reloadRunning;
    private boolean evaluating;
    private boolean evaluateAgain;

    /**
     * @param user the operator, recorded as who created a threshold and who acknowledged an alert
     * @param zone the time zone alert times are shown in
     */
    private WriteAccess access = WriteAccess.ALL;

    /** What this session may change (a viewer of a shared database: nothing), for the view to disable the rest. */
    public void useWriteAccess(WriteAccess access) {
        this.access = access;
    }

    public WriteAccess writeAccess() {
        return access;
    }

    public AlertsViewModel(AlertService alerts, Catalog catalog, UiExecutor executor, Appearance appearance,
                           DialogService dialogs, String user, ZoneId zone) {
        this.alerts = alerts;
        this.executor = executor;
        this.words = new AlertWords(catalog, appearance, zone);
        this.form = new ThresholdFormViewModel(alerts, words, executor, dialogs, user, () -> {
            reload();
            evaluate(); // a new or changed threshold may be crossed already
        }, this::reload);
        this.feed = new AlertFeedViewModel(alerts, words, executor, user, this::reload, loadError::set);
        form.busyProperty().addListener((obs, old, now) -> updateBusy());
        appearance.localeProperty().addListener((obs, old, now) -> {
            presentThresholds();
            feed.present();
            form.present();
        });
    }

    /** Reads the thresholds, the alerts (as filtered) and the unacknowledged count again. */
    public void reload() {
        if (reloading != null) {
            reloading.cancel();
        }
        AlertFilter filter = feed.filter();
        reloadRunning = true;
        updateBusy();
        reloading = executor.run(() -> new Snapshot(alerts.thresholds(), alerts.events(filter), alerts.unacknowledgedCount()),
                snapshot -> {
                    reloadRunning = false;
                    updateBusy();
                    loadError.set(null);
                    thresholdData = snapshot.thresholds();
                    presentThresholds();
                    feed.show(snapshot.events(), snapshot.unacknowledged());
                    form.present();
                },
                error -> {
                    reloadRunning = false;
                    updateBusy();
                    LOG.error("could not load the alerts", error);
                    loadError.set(words.i18n().get("alerts.load.failed"));
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
                    loadError.set(words.i18n().get("alerts.evaluate.failed"));
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
        I18n i18n = words.i18n();
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
                    words.indicatorName(e.indicatorCode(), e.cut()), words.regionName(e.regionCode()));
            String text = i18n.get("alerts.notice.text", e.periodCode(), words.valueText(e),
                    words.ruleText(e.kind(), e.limit()));
            notices.add(new AlertNotice(title, text));
        }
        return notices;
    }

    /** The stored threshold {@code thresholdId} in the form, to change its limit or switch it off. */
    public void edit(long thresholdId) {
        thresholdData.stream().filter(t -> t.id() == thresholdId).findFirst().ifPresent(form::edit);
    }

    private void presentThresholds() {
        I18n i18n = words.i18n();
        List<ThresholdRow> rows = new ArrayList<>();
        for (AlertThreshold t : thresholdData) {
            rows.add(new ThresholdRow(t.id(), words.indicatorName(t.indicatorCode(), t.cut()), words.regionName(t.regionCode()),
                    words.grainName(t.grain()), words.ruleText(t.kind(), t.limit()), t.enabled(),
                    i18n.get(t.enabled() ? "alerts.enabled.on" : "alerts.enabled.off"), t.createdBy()));
        }
        thresholds.setAll(rows);
    }

    private void updateBusy() {
        busy.set(reloadRunning || evaluating || form.busyProperty().get());
    }

    private record Snapshot(List<AlertThreshold> thresholds, List<AlertEvent> events, int unacknowledged) {
    }

    public AlertWords words() {
        return words;
    }

    public ThresholdFormViewModel form() {
        return form;
    }

    public AlertFeedViewModel feed() {
        return feed;
    }

    public ObservableList<ThresholdRow> thresholds() {
        return thresholdsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
