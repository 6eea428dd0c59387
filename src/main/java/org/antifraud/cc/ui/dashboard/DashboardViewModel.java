package org.antifraud.cc.ui.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.PeriodPreset;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.drill.FigureDrillViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dashboard page: filters (period, region, campaign) and a drill-down path in, every panel out.
 * One load computes all panels off the FX thread; a newer load cancels a stale one.
 */
public final class DashboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);
    public static final String NATION = "CN";

    /** The report's headline figures, in the order the strip shows them. */
    public static final List<String> HEADLINE = DashboardPresenter.HEADLINE;
    /** What the province map can be coloured by. */
    public static final List<String> MAP_INDICATORS = DashboardService.MAP_INDICATORS;
    /** The battle zones' two figures in the zone table. */
    public static final String DENS = DashboardService.DENS;
    public static final String SUSPECTS = "suspects_arrested";

    /** One step of the breadcrumb. */
    public record Crumb(String code, String name) {
    }

    private final DashboardService service;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final Clock clock;

    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final StringProperty periodText = new SimpleStringProperty(this, "periodText", "");
    private final ObjectProperty<String> regionCode = new SimpleObjectProperty<>(this, "regionCode", NATION);
    private final ObjectProperty<String> campaignCode = new SimpleObjectProperty<>(this, "campaignCode");
    private final ObjectProperty<String> mapIndicator = new SimpleObjectProperty<>(this, "mapIndicator",
            MAP_INDICATORS.getFirst());
    private final ReadOnlyStringWrapper periodError = new ReadOnlyStringWrapper(this, "periodError");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper syntheticShown = new ReadOnlyBooleanWrapper(this, "syntheticShown");
    private final ReadOnlyObjectWrapper<DashboardData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<DashboardPanels> panels = new ReadOnlyObjectWrapper<>(this, "panels",
            DashboardPanels.EMPTY);
    private final ReadOnlyObjectWrapper<Instant> lastUpdated = new ReadOnlyObjectWrapper<>(this, "lastUpdated");
    private final ObservableList<String> path = FXCollections.observableArrayList(NATION);
    private final ObservableList<Crumb> breadcrumb = FXCollections.observableArrayList();
    private final ObservableList<Crumb> breadcrumbView = FXCollections.unmodifiableObservableList(breadcrumb);
    private final ObservableList<KpiTile> tiles = FXCollections.observableArrayList();
    private final ObservableList<KpiTile> tilesView = FXCollections.unmodifiableObservableList(tiles);

    private UiExecutor.Request running;
    /** By default a province's map or league figure opens the drill panel (issue 16); a hook may replace that. */
    private Consumer<String> onRegionActivated = this::drillRegion;
    private final FigureDrillViewModel figureDrill;

    public DashboardViewModel(DashboardService service, UiExecutor executor, Appearance appearance, Clock clock) {
        this(service, executor, appearance, clock, null);
    }

    /** With the drill panel's model: a tile then leads to what is behind its figure (issue 16). */
    public DashboardViewModel(DashboardService service, UiExecutor executor, Appearance appearance, Clock clock,
                              FigureDrillViewModel figureDrill) {
        this.figureDrill = figureDrill;
        this.service = service;
        this.catalog = service.catalog();
        this.executor = executor;
        this.appearance = appearance;
        this.clock = clock;
        appearance.localeProperty().addListener((obs, old, now) -> present());
        periodText.addListener((obs, old, now) -> periodError.set(null));
        period.addListener((obs, old, now) -> {
            if (now != null) {
                periodText.set(now.code());
            }
        });
        regionCode.addListener((obs, old, now) -> {
            if (now != null && !now.equals(path.getLast())) {
                path.setAll(defaultPath(now));
            }
        });
        mapIndicator.addListener((obs, old, now) -> present());
        path.addListener((ListChangeListener<String>) c -> updateBreadcrumb());
        updateBreadcrumb();
    }

    // --- commands

    /**
     * Opens the drill panel on one figure: what is behind it (issue 16). The one entry point for tiles, map tiles,
     * league rows and slide figures; nothing happens without a drill model.
     */
    public void drill(String indicator, String region, Period period, String campaign) {
        if (figureDrill != null && indicator != null && region != null && period != null) {
            figureDrill.drill(indicator, region, period, campaign);
        }
    }

    /** A KPI tile's figure: the indicator for the key of the figures shown. */
    public void drillTile(String indicator) {
        DashboardData shown = data.get();
        if (shown != null) {
            drill(indicator, shown.query().regionCode(), shown.query().period(), shown.query().campaignCode());
        }
    }

    /**
     * A province's figure of the map's indicator, for the period and campaign shown: what the map tile and the league
     * row show. Taiwan, Hong Kong and Macao report nothing, so there is nothing behind them to show.
     */
    public void drillRegion(String code) {
        DashboardData shown = data.get();
        if (shown != null && code != null && catalog.region(code).isPresent()
                && kind(code) != RegionKind.NON_REPORTING) {
            drill(mapIndicator.get(), code, shown.query().period(), shown.query().campaignCode());
        }
    }

    /** A battle zone's figure of {@code indicator} in the zone table, for the period and campaign shown. */
    public void drillZone(String zoneCode, String indicator) {
        DashboardData shown = data.get();
        if (shown != null && zoneCode != null) {
            drill(indicator, zoneCode, shown.query().period(), shown.query().campaignCode());
        }
    }

    /** A campaign row's achievement: its indicator in its own period, for the region shown. */
    public void drillCampaign(DashboardPanels.CampaignLine line) {
        DashboardData shown = data.get();
        if (shown != null && line != null) {
            drill(line.indicatorCode(), shown.query().regionCode(), line.period(), line.campaignCode());
        }
    }

    /** A bar of the den chart: that month (or day) and that bar's battle zone; "other provinces" is no region. */
    public void drillDenBar(int bucket, int series) {
        DashboardData shown = data.get();
        if (shown != null) {
            trendKey(shown.denTrend(), bucket, series).ifPresent(key -> drill(DashboardService.DENS, key,
                    shown.denTrend().buckets().get(bucket), shown.query().campaignCode()));
        }
    }

    /** A point of the warnings chart: that month (or day) and that channel, for the region shown. */
    public void drillWarningPoint(int bucket, int series) {
        DashboardData shown = data.get();
        if (shown != null) {
            trendKey(shown.warnings(), bucket, series).ifPresent(key -> drill(key, shown.query().regionCode(),
                    shown.warnings().buckets().get(bucket), shown.query().campaignCode()));
        }
    }

    private static Optional<String> trendKey(Trend trend, int bucket, int series) {
        if (trend == null || bucket < 0 || bucket >= trend.buckets().size() || series < 0
                || series >= trend.series().size() || Trend.OTHER.equals(trend.series().get(series).key())) {
            return Optional.empty();
        }
        return Optional.of(trend.series().get(series).key());
    }

    /** The drill panel's model, or null when the window has none. */
    public FigureDrillViewModel figureDrill() {
        return figureDrill;
    }

    /** Loads every panel for the current filters, with the busy indicators; a newer load cancels a stale one. */
    public void refresh() {
        load(true);
    }

    /** The same load without busy indicators, for live refresh: no flicker every two seconds. */
    public void refreshQuietly() {
        load(false);
    }

    /** Takes the typed period (Enter in the period field) and reloads; an invalid one is reported, nothing loads. */
    public boolean commitPeriodText() {
        try {
            Period p = Period.parse(periodText.get());
            periodError.set(null);
            period.set(p);
            refresh();
            return true;
        } catch (IllegalArgumentException e) {
            periodError.set(appearance.i18n().get("dashboard.period.invalid"));
            return false;
        }
    }

    public void choosePeriod(Period p) {
        periodError.set(null);
        period.set(p);
        refresh();
    }

    /** A preset relative to the data's latest day (or today, if the data reaches further). */
    public void applyPreset(PeriodPreset preset) {
        choosePeriod(preset.resolve(presetAnchor()));
    }

    LocalDate presetAnchor() {
        LocalDate today = LocalDate.now(clock);
        DashboardData d = data.get();
        return d == null || d.asOf() == null || d.asOf().isAfter(today) ? today : d.asOf();
    }

    public void chooseCampaign(String code) {
        campaignCode.set(code);
        refresh();
    }

    /**
     * Filters the whole dashboard to a zone or a province (a click on the map or the zones table):
     * a province inside the zone already chosen goes one level deeper, anything else starts from the nation.
     */
    public void drillDown(String code) {
        if (code == null || catalog.region(code).isEmpty() || code.equals(regionCode.get())
                || kind(code) == RegionKind.NON_REPORTING) {
            return; // Taiwan, Hong Kong, Macao report nothing: filtering to them would show only "no data"
        }
        List<String> next = defaultPath(code);
        String current = path.getLast();
        if (kind(code) == RegionKind.PROVINCE && kind(current) == RegionKind.ZONE
                && catalog.childrenOf(current).contains(code)) {
            next = List.of(NATION, current, code);
        } else if (kind(code) == RegionKind.PROVINCE && path.size() == 3
                && catalog.childrenOf(path.get(1)).contains(code)) {
            next = List.of(NATION, path.get(1), code);
        }
        path.setAll(next);
        regionCode.set(code);
        refresh();
    }

    /**
     * Called with the region code when the user activates a province (click or Enter on a league row or a map
     * tile): the hook for a province's detail panel. Null resets it to the drill panel ({@link #drillRegion}).
     */
    public void setOnRegionActivated(Consumer<String> handler) {
        this.onRegionActivated = handler == null ? this::drillRegion : handler;
    }

    /** A league row or map tile was activated: tells the hook (see {@link #setOnRegionActivated}). */
    public void activateRegion(String code) {
        if (code != null && catalog.region(code).isPresent()) {
            onRegionActivated.accept(code);
        }
    }

    /** Back to a breadcrumb step. */
    public void navigateTo(int crumbIndex) {
        if (crumbIndex < 0 || crumbIndex >= path.size() - 1) {
            return;
        }
        List<String> next = new ArrayList<>(path.subList(0, crumbIndex + 1));
        path.setAll(next);
        regionCode.set(next.getLast());
        refresh();
    }

    /** One level up (Esc / Backspace on the dashboard); false at the nation. */
    public boolean drillUp() {
        if (path.size() < 2) {
            return false;
        }
        navigateTo(path.size() - 2);
        return true;
    }

    private void load(boolean showBusy) {
        Period p = period.get();
        if (p == null || !p.code().equals(periodText.get())) {
            // what the period field shows is what loads
            try {
                p = Period.parse(periodText.get());
                period.set(p);
            } catch (IllegalArgumentException e) {
                periodError.set(appearance.i18n().get("dashboard.period.invalid"));
                return;
            }
        }
        StatsQuery query = new StatsQuery(p, regionCode.get() == null ? NATION : regionCode.get(),
                campaignCode.get());
        if (running != null) {
            running.cancel();
        }
        if (showBusy) {
            busy.set(true);
        }
        running = executor.run(() -> service.load(query),
                result -> {
                    busy.set(false);
                    loadError.set(null);
                    data.set(result);
                    lastUpdated.set(clock.instant());
                    present();
                },
                error -> {
                    busy.set(false);
                    if (error instanceof Problem problem) {
                        loadError.set(appearance.i18n().problem(problem));
                    } else {
                        LOG.error("could not load the dashboard for {}", query, error);
                        loadError.set(appearance.i18n().get("dashboard.load.failed"));
                    }
                });
    }

    private void present() {
        updateBreadcrumb();
        DashboardData d = data.get();
        if (d == null) {
            return;
        }
        I18n i18n = appearance.i18n();
        DashboardPresenter presenter = new DashboardPresenter(catalog, i18n);
        DashboardPanels result = presenter.present(d, mapIndicator.get());
        // the breadcrumb names the region; the heading says what else filters every panel
        String filters = d.query().period().code();
        String campaign = d.query().campaignCode();
        if (campaign != null) {
            filters += " \u00b7 " + catalog.campaign(campaign).map(c -> c.name(i18n.locale())).orElse(campaign);
        }
        heading.set(filters);
        syntheticShown.set(result.synthetic());
        tiles.setAll(result.tiles());
        panels.set(result);
    }

    private void updateBreadcrumb() {
        breadcrumb.setAll(path.stream().map(c -> new Crumb(c, regionName(c))).toList());
    }

    private RegionKind kind(String code) {
        return catalog.region(code).map(Region::kind).orElse(RegionKind.PROVINCE);
    }

    private List<String> defaultPath(String code) {
        return NATION.equals(code) ? List.of(NATION) : List.of(NATION, code);
    }

    // --- choices

    /** Region codes in the order the region chooser lists them: the nation, the zones, the provinces. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.ZONE, RegionKind.PROVINCE);
    }

    /** Campaign codes; the chooser adds "all campaigns" (null) in front. */
    public List<String> campaignChoices() {
        return catalog.campaigns().stream().map(Campaign::code).toList();
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String campaignName(String code) {
        return code == null ? appearance.i18n().get("filter.campaign.all")
                : catalog.campaign(code).map(c -> c.name(appearance.localeProperty().get())).orElse(code);
    }

    public String indicatorName(String code) {
        return catalog.indicator(code).map(i -> i.name(appearance.localeProperty().get())).orElse(code);
    }

    // --- properties

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public StringProperty periodTextProperty() {
        return periodText;
    }

    public ObjectProperty<String> regionCodeProperty() {
        return regionCode;
    }

    public ObjectProperty<String> campaignCodeProperty() {
        return campaignCode;
    }

    public ObjectProperty<String> mapIndicatorProperty() {
        return mapIndicator;
    }

    public ReadOnlyStringProperty periodErrorProperty() {
        return periodError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syntheticShownProperty() {
        return syntheticShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DashboardData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DashboardPanels> panelsProperty() {
        return panels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastUpdatedProperty() {
        return lastUpdated.getReadOnlyProperty();
    }

    public ObservableList<Crumb> breadcrumb() {
        return breadcrumbView;
    }

    public ObservableList<KpiTile> tiles() {
        return tilesView;
    }
}
