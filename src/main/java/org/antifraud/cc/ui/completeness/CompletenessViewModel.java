package org.antifraud.cc.ui.completeness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.figures.CompletenessService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's "Reporting completeness" panel (issue 12): for the months of the dashboard's period (at most the
 * last 12 that have begun) and the provinces of its region, how many months each province has submitted per kind,
 * the latest day of its records, and which months are late (not submitted {@code lateAfterDays} days after they
 * ended, on the injected clock's today). Loaded off the FX thread whenever the dashboard loads (live refresh too).
 */
public final class CompletenessViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CompletenessViewModel.class);

    /** One province × kind: "9/12", the latest record day, and the late months (empty: none late). */
    public record Cell(SubmissionKind kind, String countText, String latestText, boolean complete,
                       List<YearMonth> lateMonths, String tooltip) {
        public boolean late() {
            return !lateMonths.isEmpty();
        }
    }

    /** One province's line of the grid. */
    public record Row(String regionCode, String name, List<Cell> cells) {
    }

    private final CompletenessService service;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final Clock clock;
    private final ObservableIntegerValue lateAfterDays;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper lateCells = new ReadOnlyIntegerWrapper(this, "lateCells");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private ReportingCompleteness data;
    private UiExecutor.Request running;
    private InvalidationListener following;
    /** Held here, registered weakly: a wall screen's own instance does not outlive its window through the settings. */
    private final ChangeListener<Object> presentAgain = (obs, old, now) -> present();

    /** @param lateAfterDays the setting "late after N days" (1 – 60) */
    public CompletenessViewModel(CompletenessService service, Catalog catalog, UiExecutor executor,
                                 Appearance appearance, Clock clock, ObservableIntegerValue lateAfterDays) {
        this.service = service;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.clock = clock;
        this.lateAfterDays = lateAfterDays;
        appearance.localeProperty().addListener(new WeakChangeListener<>(presentAgain));
        lateAfterDays.addListener(new WeakChangeListener<>(presentAgain));
    }

    /** Loads again each time the dashboard's {@code data} has loaded (a filter changed, a refresh, live refresh). */
    public void follow(ObservableValue<DashboardData> data) {
        following = obs -> {
            DashboardData d = data.getValue();
            if (d != null) {
                load(d.query().period(), d.query().regionCode(), false);
            }
        };
        data.addListener(following);
        following.invalidated(null);
    }

    /** Reads the completeness of {@code period}'s months for the provinces of {@code regionCode}; a newer read cancels a stale one. */
    public void load(Period period, String regionCode, boolean showBusy) {
        List<YearMonth> months = ReportingCompleteness.monthsOf(period, LocalDate.now(clock));
        if (running != null) {
            running.cancel();
        }
        if (showBusy) {
            busy.set(true);
        }
        running = executor.run(() -> service.load(regionCode, months), result -> {
            running = null;
            show(result);
        }, failure -> {
            running = null;
            busy.set(false);
            LOG.error("could not read the reporting completeness of {} {}", period, regionCode, failure);
            error.set(appearance.i18n().get("completeness.load.failed"));
            loaded.set(true);
        });
    }

    /**
     * Reads the completeness of {@code period}'s months for {@code regionCode} and returns it, blocking: for a caller
     * that reads off the FX thread on its own schedule (the wall screen), then hands it to {@link #show}.
     */
    public ReportingCompleteness read(Period period, String regionCode) {
        return service.load(regionCode, ReportingCompleteness.monthsOf(period, LocalDate.now(clock)));
    }

    /** Shows completeness read elsewhere (on the FX thread). */
    public void show(ReportingCompleteness result) {
        busy.set(false);
        error.set(null);
        data = result;
        present();
        loaded.set(true);
    }

    private void present() {
        ReportingCompleteness d = data;
        if (d == null) {
            return;
        }
        I18n i18n = appearance.i18n();
        LocalDate today = LocalDate.now(clock);
        int days = lateAfterDays();
        int months = d.months().size();
        List<Row> result = new ArrayList<>();
        int late = 0;
        for (String unit : d.units()) {
            String name = regionName(unit);
            List<Cell> cells = new ArrayList<>();
            for (SubmissionKind kind : SubmissionKind.values()) {
                int submitted = d.submittedCount(unit, kind);
                LocalDate latest = d.latestRecord(unit, kind);
                List<YearMonth> lateMonths = d.lateMonths(unit, kind, today, days);
                String latestText = latest == null ? i18n.get("completeness.latest.none") : latest.toString();
                StringBuilder tip = new StringBuilder(i18n.get("completeness.tooltip", name, kindName(kind), submitted,
                        months, latestText));
                if (!lateMonths.isEmpty()) {
                    tip.append('\n').append(i18n.get("completeness.tooltip.late", join(lateMonths), days));
                }
                List<String> reopened = d.months().stream()
                        .filter(m -> d.state(unit, m, kind) == SubmissionState.REOPENED)
                        .map(m -> m + " (" + reasonOf(d, unit, m, kind) + ")").toList();
                if (!reopened.isEmpty()) {
                    tip.append('\n').append(i18n.get("completeness.tooltip.reopened", String.join(", ", reopened)));
                }
                if (!lateMonths.isEmpty()) {
                    late++;
                }
                cells.add(new Cell(kind, i18n.get("completeness.count", submitted, months), latestText,
                        months > 0 && submitted == months, List.copyOf(lateMonths), tip.toString()));
            }
            result.add(new Row(unit, name, List.copyOf(cells)));
        }
        lateCells.set(late);
        summary.set(months == 0 ? i18n.get("completeness.summary.none")
                : i18n.get("completeness.summary", d.months().getFirst().toString(), d.months().getLast().toString(),
                        months, days, late));
        rows.setAll(result);
    }

    private static String reasonOf(ReportingCompleteness d, String unit, YearMonth m, SubmissionKind kind) {
        Submission s = d.submissions().get(Submission.entityId(unit, m, kind));
        return s == null || s.reason() == null ? "" : s.reason();
    }

    private static String join(List<YearMonth> months) {
        return months.stream().map(YearMonth::toString).collect(Collectors.joining(", "));
    }

    private int lateAfterDays() {
        int n = lateAfterDays.get();
        return Math.max(ReportingCompleteness.MIN_LATE_AFTER_DAYS, Math.min(ReportingCompleteness.MAX_LATE_AFTER_DAYS, n));
    }

    public String kindName(SubmissionKind kind) {
        return appearance.i18n().get("completeness.kind." + kind.code());
    }

    private String regionName(String code) {
        return catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    /** The provinces' lines, in catalog order. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** "2022-01 – 2022-12 · 12 months · late after 10 days · 5 late". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a load has finished (well or not): an offscreen render waits for it. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** How many province × kind cells have a late month. */
    public ReadOnlyIntegerProperty lateCellsProperty() {
        return lateCells.getReadOnlyProperty();
    }
}
