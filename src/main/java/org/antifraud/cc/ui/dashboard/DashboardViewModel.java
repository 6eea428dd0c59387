package org.antifraud.cc.ui.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.service.StatsService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.NumberFormats;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Dashboard page: a period and a region in, KPI tiles out. */
public final class DashboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    /** The report's headline figures, in the order the strip shows them. */
    public static final List<String> HEADLINE = List.of("suspects_arrested", "cases_registered", "property_loss",
            "dens_destroyed", "ringleaders_arrested", "warning_instructions_issued", "calls_intercepted",
            "sms_intercepted", "phone_cards_disposed");

    private final StatsService stats;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;

    private final StringProperty periodText = new SimpleStringProperty(this, "periodText", "");
    private final ObjectProperty<String> regionCode = new SimpleObjectProperty<>(this, "regionCode", "CN");
    private final ReadOnlyStringWrapper periodError = new ReadOnlyStringWrapper(this, "periodError");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper syntheticShown = new ReadOnlyBooleanWrapper(this, "syntheticShown");
    private final ReadOnlyObjectWrapper<StatsReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<KpiTile> tiles = FXCollections.observableArrayList();
    private final ObservableList<KpiTile> tilesView = FXCollections.unmodifiableObservableList(tiles);

    private UiExecutor.Request running;

    public DashboardViewModel(StatsService stats, Catalog catalog, UiExecutor executor, Appearance appearance) {
        this.stats = stats;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        appearance.localeProperty().addListener((obs, old, now) -> present());
        periodText.addListener((obs, old, now) -> periodError.set(null));
    }

    /** Reloads the figures for the current period and region; a newer refresh cancels a stale one. */
    public void refresh() {
        I18n i18n = appearance.i18n();
        Period period;
        try {
            period = Period.parse(periodText.get());
        } catch (IllegalArgumentException e) {
            periodError.set(i18n.get("dashboard.period.invalid"));
            return;
        }
        periodError.set(null);
        StatsQuery query = new StatsQuery(period, regionCode.get() == null ? "CN" : regionCode.get(), null);
        if (running != null) {
            running.cancel();
        }
        busy.set(true);
        running = executor.run(() -> stats.stats(query),
                result -> {
                    busy.set(false);
                    loadError.set(null);
                    report.set(result);
                    present();
                },
                error -> {
                    busy.set(false);
                    if (error instanceof Problem p) {
                        loadError.set(appearance.i18n().problem(p));
                    } else {
                        LOG.error("could not load the dashboard figures for {}", query, error);
                        loadError.set(appearance.i18n().get("dashboard.load.failed"));
                    }
                });
    }

    /** Region codes in the order the region chooser lists them: the nation, the zones, the provinces. */
    public List<String> regionChoices() {
        List<String> codes = new ArrayList<>();
        for (RegionKind kind : List.of(RegionKind.NATION, RegionKind.ZONE, RegionKind.PROVINCE)) {
            catalog.regionsOfKind(kind).forEach(r -> codes.add(r.code()));
        }
        return codes;
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    private void present() {
        StatsReport r = report.get();
        if (r == null) {
            return;
        }
        I18n i18n = appearance.i18n();
        List<KpiTile> result = new ArrayList<>();
        boolean anySynthetic = false;
        for (String code : HEADLINE) {
            r.indicators().stream().filter(s -> s.indicator().code().equals(code)).findFirst()
                    .ifPresent(s -> result.add(tile(s, true, i18n)));
        }
        for (IndicatorStat s : r.indicators()) {
            if (!HEADLINE.contains(s.indicator().code())) {
                result.add(tile(s, false, i18n));
            }
        }
        for (KpiTile t : result) {
            anySynthetic |= t.synthetic();
        }
        Locale locale = i18n.locale();
        Region region = catalog.region(r.query().regionCode()).orElseThrow();
        heading.set(i18n.get("dashboard.heading", region.name(locale), r.query().period().code()));
        syntheticShown.set(anySynthetic);
        tiles.setAll(result);
    }

    private static KpiTile tile(IndicatorStat s, boolean headline, I18n i18n) {
        Indicator ind = s.indicator();
        boolean zh = i18n.isChinese();
        Figure v = s.value();
        Change c = s.change();
        String valueText = v.isKnown() ? NumberFormats.compact(v.value(), v.qualifier(), zh) : i18n.get("kpi.no_data");
        String unitText = ind.unit() == Indicator.Unit.CNY && v.isKnown() ? i18n.get("unit.cny") : "";
        String fullText = v.isKnown() ? NumberFormats.full(v.value(), v.qualifier(), zh) : i18n.get("kpi.no_data");
        String basisCode = v.basis() == null ? "none" : v.basis().code();
        // a synthetic value shows the DEMO badge instead of a basis badge: one marker, not two
        String basisText = v.basis() == null || v.basis() == Basis.SYNTHETIC_DEMO ? ""
                : i18n.get("basis.short." + v.basis().code());

        String changeText = null;
        Boolean good = null;
        String changeBasisText = null;
        if (c != null) {
            changeText = arrow(c.pct()) + " " + NumberFormats.percent(c.pct());
            if (c.pct().signum() != 0) {
                good = (c.pct().signum() > 0) == ind.higherIsBetter();
            }
            changeBasisText = i18n.get("basis.short." + c.basis().code());
        }
        // a change computed from synthetic data already carries the synthetic basis
        boolean synthetic = v.basis() == Basis.SYNTHETIC_DEMO || (c != null && c.basis() == Basis.SYNTHETIC_DEMO);

        StringBuilder tip = new StringBuilder();
        tip.append(ind.name(i18n.locale())).append('\n').append(fullText);
        if (!unitText.isEmpty() && v.isKnown()) {
            tip.append(' ').append(unitText);
        }
        if (v.basis() != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.basis", i18n.get("basis." + v.basis().code())));
        }
        appendSource(tip, v.source(), i18n);
        if (s.previous().isKnown()) {
            tip.append("\n").append(i18n.get("kpi.tooltip.previous",
                    NumberFormats.full(s.previous().value(), s.previous().qualifier(), zh),
                    i18n.get("basis." + s.previous().basis().code())));
        }
        if (c != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.change", NumberFormats.percent(c.pct()),
                    i18n.get("basis." + c.basis().code())));
            if (c.source() != null && (v.source() == null || !c.source().sentence().equals(v.source().sentence()))) {
                appendSource(tip, c.source(), i18n);
            }
        }
        return new KpiTile(ind.code(), ind.category(), headline, ind.name(i18n.locale()), valueText, v.isKnown(),
                unitText, fullText, basisCode, basisText, changeText, good, changeBasisText, synthetic, tip.toString());
    }

    private static void appendSource(StringBuilder tip, Source source, I18n i18n) {
        if (source != null) {
            tip.append("\n").append(i18n.get("kpi.tooltip.source", source.title()));
            tip.append("\n\u201C").append(source.sentence()).append('\u201D');
        }
    }

    private static String arrow(BigDecimal pct) {
        return pct.signum() > 0 ? "\u25B2" : pct.signum() < 0 ? "\u25BC" : "\u25AC";
    }

    public StringProperty periodTextProperty() {
        return periodText;
    }

    public ObjectProperty<String> regionCodeProperty() {
        return regionCode;
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

    public ReadOnlyObjectProperty<StatsReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<KpiTile> tiles() {
        return tilesView;
    }
}
