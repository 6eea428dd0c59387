package org.antifraud.cc.ui.wall;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;

import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.ui.alerts.AlertFeedViewModel;
import org.antifraud.cc.ui.alerts.AlertRow;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.antifraud.cc.ui.dashboard.DashboardPanels;
import org.antifraud.cc.ui.dashboard.DashboardViewModel;
import org.antifraud.cc.ui.dashboard.KpiTile;
import org.slf4j.LoggerFactory;

/**
 * What the wall screen shows, page by page, made for being read from across a room: the desk dashboard's figures
 * (the same ViewModel, so live refresh keeps both current), the alerts feed and the reporting completeness, cut down to
 * what fits large. Adds the headline figures' last twelve months (the KPI sparklines), read again whenever the
 * dashboard's figures change, a clock and the page shown. No nodes: {@link WallScreen} draws it.
 */
public final class WallScreenViewModel {
    /** The pages in the order they rotate. */
    public enum Page {
        KPIS("wall.page.kpis"), BATTLES("wall.page.battles"), DENS("wall.page.dens"), WARNINGS("wall.page.warnings"),
        INSTRUCTIONS("wall.page.instructions"), ALERTS("wall.page.alerts"), COMPLETENESS("wall.page.completeness");

        private final String key;

        Page(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** How many headline figures the KPI page shows (3 × 3), league rows, alerts. */
    static final int KPIS = 9;
    static final int LEAGUE_ROWS = 10;
    static final int ALERTS = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** Reads the headline figures' months for a query (off the FX thread). */
    @FunctionalInterface
    public interface MonthsSource {
        Trend read(StatsQuery query, List<String> indicators) throws Exception;
    }

    /**
     * One headline figure on the wall: its name, value and unit, change against last year, basis, whether demo data is
     * in it, and its last twelve months (a null month is a gap) and whether demo data is in them: a reported total's
     * sparkline drawn from demo months is marked as such, never passed off as the total's history.
     */
    public record Kpi(String code, String name, String value, String unit, String change, Boolean changeGood,
                      String basis, boolean synthetic, List<Double> months, boolean monthsSynthetic) {
    }

    private final DashboardViewModel dashboard;
    private final AlertFeedViewModel alerts;
    private final CompletenessViewModel completeness;
    private final MonthsSource months;
    private final UiExecutor executor;
    private final Clock clock;
    private final I18n i18n;

    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 0);
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText", "");
    private final ReadOnlyStringWrapper dataAsOf = new ReadOnlyStringWrapper(this, "dataAsOf", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyBooleanWrapper synthetic = new ReadOnlyBooleanWrapper(this, "synthetic");
    private final ReadOnlyBooleanWrapper monthsLoaded = new ReadOnlyBooleanWrapper(this, "monthsLoaded");
    private final ReadOnlyObjectWrapper<DashboardPanels> panels =
            new ReadOnlyObjectWrapper<>(this, "panels", DashboardPanels.EMPTY);
    private final ObservableList<Kpi> kpis = FXCollections.observableArrayList();
    private final ObservableList<DashboardPanels.LeagueRow> league = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> latestAlerts = FXCollections.observableArrayList();
    // the read-only views are made once: a listener on a throwaway view would be collected with it
    private final ObservableList<Kpi> kpisView = FXCollections.unmodifiableObservableList(kpis);
    private final ObservableList<DashboardPanels.LeagueRow> leagueView = FXCollections.unmodifiableObservableList(league);
    private final ObservableList<AlertRow> alertsView = FXCollections.unmodifiableObservableList(latestAlerts);
    private final ChangeListener<DashboardPanels> panelsListener = (obs, old, now) -> present();
    private final ChangeListener<DashboardData> dataListener = (obs, old, now) -> readMonths(now);
    private final ListChangeListener<AlertRow> alertsListener = c -> presentAlerts();
    private Map<String, List<Double>> monthsByIndicator = Map.of();
    /** The indicators whose months hold demo data. */
    private Set<String> demoMonths = Set.of();
    private UiExecutor.Request reading;

    public WallScreenViewModel(DashboardViewModel dashboard, AlertFeedViewModel alerts,
                               CompletenessViewModel completeness, MonthsSource months, UiExecutor executor,
                               Clock clock, I18n i18n) {
        this.dashboard = dashboard;
        this.alerts = alerts;
        this.completeness = completeness;
        this.months = months;
        this.executor = executor;
        this.clock = clock;
        this.i18n = i18n;
        // weakly: a wall closed is collected, the window's ViewModels it listened to live on
        dashboard.panelsProperty().addListener(new WeakChangeListener<>(panelsListener));
        dashboard.dataProperty().addListener(new WeakChangeListener<>(dataListener));
        if (alerts != null) {
            alerts.rows().addListener(new WeakListChangeListener<>(alertsListener));
        }
        present();
        presentAlerts();
        readMonths(dashboard.dataProperty().get());
        tick();
    }

    /** Once a second: the clock. */
    public void tick() {
        clockText.set(CLOCK.format(clock.instant().atZone(clock.getZone())));
    }

    /** Shows page {@code index} (taken modulo the page count, so a rotation can simply count on). */
    public void showPage(int index) {
        page.set(Math.floorMod(index, Page.values().length));
    }

    public static int pageCount() {
        return Page.values().length;
    }

    public String pageName(int index) {
        return i18n.get(Page.values()[Math.floorMod(index, Page.values().length)].key());
    }

    private void readMonths(DashboardData data) {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        if (data == null || months == null) {
            return;
        }
        List<String> codes = DashboardViewModel.HEADLINE;
        boolean[] done = {false};
        UiExecutor.Request r = executor.run(() -> months.read(data.query(), codes), trend -> {
            done[0] = true;
            reading = null;
            monthsByIndicator = byIndicator(trend);
            demoMonths = withDemo(trend);
            monthsLoaded.set(true);
            presentKpis();
        }, error -> {
            done[0] = true;
            reading = null;
            // the figures stay; only their sparklines wait for the next read
            LoggerFactory.getLogger(WallScreenViewModel.class).warn("wall screen could not read the months: {}",
                    error.toString());
            monthsLoaded.set(true);
        });
        reading = done[0] ? null : r; // a synchronous executor has already called back
    }

    private static Map<String, List<Double>> byIndicator(Trend trend) {
        Map<String, List<Double>> out = new HashMap<>();
        for (Trend.Series s : trend.series()) {
            out.put(s.key(), s.values().stream().map(f -> f.isKnown() ? f.value().doubleValue() : null).toList());
        }
        return out;
    }

    private static Set<String> withDemo(Trend trend) {
        Set<String> out = new HashSet<>();
        for (Trend.Series s : trend.series()) {
            if (s.values().stream().anyMatch(f -> f.isKnown() && f.isDemo())) {
                out.add(s.key());
            }
        }
        return out;
    }

    private void present() {
        DashboardPanels p = dashboard.panelsProperty().get();
        panels.set(p == null ? DashboardPanels.EMPTY : p);
        DashboardData d = dashboard.dataProperty().get();
        dataAsOf.set(d == null || d.dataAsOf() == null ? i18n.get("dashboard.data_as_of.none")
                : i18n.get("dashboard.data_as_of", DATE.format(d.dataAsOf())));
        scope.set(d == null ? "" : dashboard.regionName(d.query().regionCode()) + " \u00b7 "
                + dashboard.headingProperty().get());
        synthetic.set(panels.get().synthetic());
        league.setAll(panels.get().league().stream().limit(LEAGUE_ROWS).toList());
        presentKpis();
    }

    private void presentKpis() {
        List<Kpi> out = new ArrayList<>();
        for (KpiTile t : panels.get().tiles()) {
            if (!t.headline() || out.size() == KPIS) {
                continue;
            }
            out.add(new Kpi(t.code(), t.name(), t.known() ? t.valueText() : i18n.get("kpi.no_data"),
                    t.known() ? t.unitText() : "", t.changeText(), t.changeGood(), t.basisText(), t.synthetic(),
                    monthsByIndicator.getOrDefault(t.code(), List.of()), demoMonths.contains(t.code())));
        }
        kpis.setAll(out);
    }

    private void presentAlerts() {
        latestAlerts.setAll(alerts == null ? List.of() : alerts.rows().stream().limit(ALERTS).toList());
    }

    /** The words of a figure's basis in the legend: reported, computed, synthetic demo. */
    public String basisLegend() {
        return i18n.get("wall.basis.legend", i18n.get("basis.reported"), i18n.get("basis.computed"),
                i18n.get("basis.synthetic-demo"));
    }

    public I18n i18n() {
        return i18n;
    }

    public CompletenessViewModel completeness() {
        return completeness;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    /** "data as of 2022-12-31": the latest day the figures shown cover. */
    public ReadOnlyStringProperty dataAsOfProperty() {
        return dataAsOf.getReadOnlyProperty();
    }

    /** The region and period every page shows: "China · 2022". */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** Whether synthetic demo data contributes to any figure shown. */
    public ReadOnlyBooleanProperty syntheticProperty() {
        return synthetic.getReadOnlyProperty();
    }

    /** Whether the months have been read once (a snapshot waits for it). */
    public ReadOnlyBooleanProperty monthsLoadedProperty() {
        return monthsLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DashboardPanels> panelsProperty() {
        return panels.getReadOnlyProperty();
    }

    public ObservableList<Kpi> kpis() {
        return kpisView;
    }

    /** The top of the province league table. */
    public ObservableList<DashboardPanels.LeagueRow> league() {
        return leagueView;
    }

    /** The latest alerts, newest first. */
    public ObservableList<AlertRow> alerts() {
        return alertsView;
    }
}
