package org.antifraud.cc.ui.drill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.service.figures.ExplainService;
import org.antifraud.cc.service.figures.ExplainService.Behind;
import org.antifraud.cc.service.figures.ExplainService.Explanation;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Every number leads to what is behind it" (issue 16): the drill panel's state. {@link #drill} is the one entry
 * point — the dashboard's tiles, map tiles and league rows call it through the dashboard's model, a slide's figures
 * and the narrative's through the Briefing page's (each page its own panel).
 */
public final class FigureDrillViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FigureDrillViewModel.class);

    /** One record behind the figure, as the table shows it. */
    public record Row(String day, String region, String kind, String adds, String fields, String key,
                      StoredRecord stored) {
        /** Whether the filter text (any case) occurs in any cell. */
        boolean matches(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            return day.contains(t) || region.toLowerCase(Locale.ROOT).contains(t) || kind.toLowerCase(Locale.ROOT).contains(t)
                    || adds.contains(t) || fields.toLowerCase(Locale.ROOT).contains(t) || key.contains(t);
        }
    }

    private final ExplainService explain;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;
    private final DialogService dialogs;
    private final java.util.function.Function<String, String> regionName;
    private final java.util.function.Function<String, String> indicatorName;
    private Consumer<StoredRecord> openRecord;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(this, "valueText", "");
    private final ReadOnlyStringWrapper basisText = new ReadOnlyStringWrapper(this, "basisText", "");
    private final ReadOnlyStringWrapper coverageText = new ReadOnlyStringWrapper(this, "coverageText", "");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper hasRecords = new ReadOnlyBooleanWrapper(this, "hasRecords");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows, r -> true);
    private Explanation current;
    private UiExecutor.Request running;

    public FigureDrillViewModel(ExplainService explain, UiExecutor executor, Appearance appearance,
                                FileChooserService files, DialogService dialogs,
                                java.util.function.Function<String, String> regionName,
                                java.util.function.Function<String, String> indicatorName) {
        this.explain = explain;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        this.dialogs = dialogs;
        this.regionName = regionName;
        this.indicatorName = indicatorName;
        filterText.addListener((o, a, text) -> {
            String t = text == null ? "" : text.strip();
            filtered.setPredicate(t.isEmpty() ? r -> true : r -> r.matches(t));
            showCount();
        });
    }

    /** Where a record opens (the Data entry form); none: rows do not open. */
    public void setOpenRecord(Consumer<StoredRecord> openRecord) {
        this.openRecord = openRecord;
    }

    /** Opens the panel on one figure and loads what is behind it off the FX thread; a newer drill cancels this one. */
    public void drill(String indicator, String region, Period period, String campaign) {
        if (running != null) {
            running.cancel();
        }
        I18n i18n = appearance.i18n();
        current = null;
        rows.clear();
        filterText.set("");
        title.set(i18n.get("drill.title", indicatorName.apply(indicator), regionName.apply(region), period.code())
                + (campaign == null ? "" : " · " + campaign));
        valueText.set("");
        basisText.set("");
        coverageText.set("");
        sourceText.set("");
        countText.set("");
        error.set("");
        hasRecords.set(false);
        shown.set(true);
        busy.set(true);
        running = executor.run(() -> explain.explain(indicator, region, period, campaign), e -> {
            busy.set(false);
            show(e);
        }, t -> {
            busy.set(false);
            LOG.error("could not explain {} {} {}", indicator, region, period.code(), t);
            error.set(i18n.get("drill.failed"));
        });
    }

    public void close() {
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
        shown.set(false);
    }

    /** Asks for a file and writes the records there as CSV (export's columns, formula-guarded). */
    public void exportCsv() {
        if (current == null || current.records().isEmpty()) {
            return;
        }
        I18n i18n = appearance.i18n();
        Explanation e = current;
        String name = e.stat().indicator().code() + "-" + e.regionCode() + "-" + e.period().code().replace("..", "_")
                + ".csv";
        files.save(i18n.get("drill.export_title"), name, i18n.get("drill.csv_files"), "*.csv").ifPresent(path ->
                executor.runLong(() -> ExplainService.writeCsv(e, path),
                        written -> countText.set(i18n.get("drill.exported", e.records().size(),
                                String.join(", ", written.stream().map(Path::toString).toList()))),
                        t -> {
                            LOG.error("could not write {}", path, t);
                            dialogs.error(i18n.get("drill.export_failed", path.toString()), t.getMessage());
                        }));
    }

    /** Opens a row's record in the Data entry form, when the window gave a way to. */
    public void open(Row row) {
        if (row != null && openRecord != null) {
            openRecord.accept(row.stored());
        }
    }

    private void show(Explanation e) {
        current = e;
        I18n i18n = appearance.i18n();
        boolean zh = i18n.isChinese();
        Figure v = e.figure();
        valueText.set(v.isKnown() ? (v.isPartial() ? "≥ " : "") + NumberFormats.full(v.value(), v.qualifier(), zh)
                + (e.stat().indicator().unit() == org.antifraud.cc.domain.Indicator.Unit.COUNT ? ""
                : " " + i18n.get("unit." + e.stat().indicator().unit().name().toLowerCase(java.util.Locale.ROOT)))
                : i18n.get("drill.unknown"));
        basisText.set(v.basis() == null ? i18n.get("drill.basis.none") : i18n.get("explain.basis." + v.basis().code()));
        if (v.basis() == Basis.COMPUTED && v.coverage() != null) {
            coverageText.set(i18n.get("explain.coverage", String.valueOf(v.coverage().submitted()),
                    String.valueOf(v.coverage().expected()),
                    i18n.get(v.isComplete() ? "explain.complete" : "explain.partial")));
        }
        if (e.source() != null) {
            sourceText.set(i18n.get("drill.source", String.valueOf(e.source().title()),
                    String.valueOf(e.source().sentence())));
        } else if (v.basis() == Basis.SYNTHETIC_DEMO) {
            sourceText.set(i18n.get("explain.demo"));
        } else if (org.antifraud.cc.service.figures.InstructionFigures.TIMED.contains(e.stat().indicator().code())) {
            // a rate, a median or breaches: what the records listed are to the figure (issue 17)
            sourceText.set(i18n.get("explain.timed." + e.stat().indicator().code()));
        }
        List<Row> list = e.records().stream().map(b -> row(b, i18n)).toList();
        rows.setAll(list);
        hasRecords.set(v.basis() == Basis.COMPUTED);
        showCount();
    }

    private void showCount() {
        if (current == null || current.basis() != Basis.COMPUTED) {
            countText.set("");
            return;
        }
        countText.set(appearance.i18n().get("drill.count", filtered.size(), rows.size()));
    }

    private Row row(Behind b, I18n i18n) {
        EntryRecord r = b.record();
        return new Row(b.day().toString(), regionName.apply(r.regionCode()), i18n.get("drill.kind." + r.kind().code()),
                plain(b.adds()), fields(r), String.valueOf(r.key()), new StoredRecord(r, b.version()));
    }

    private static String fields(EntryRecord r) {
        return switch (r) {
            case DenTakedown d -> join(d.city(), d.campaignCode(), d.address(), "suspects " + d.suspectsArrested(),
                    "GoIP " + d.goipDevices(), "SIM " + d.phoneCards(), "bank cards " + d.bankCards(), d.note());
            case WarningBatch w -> join(w.channel().code(), "warnings " + w.warnings(), "dissuaded " + w.personsDissuaded(),
                    "funds " + plain(w.fundsIntercepted()));
            case FraudCase c -> join(c.caseNumber(), c.type().code(), "loss " + plain(c.loss()),
                    "recovered " + plain(c.recovered()), c.status().code());
            case WarningInstruction i -> join("issued " + i.issuedAt(), i.tier().code(), i.riskLevel().code(),
                    i.contactedAt() == null ? "not contacted" : "contacted " + i.contactedAt(), i.outcome().code(),
                    i.fundsProtected() == null ? null : "funds " + plain(i.fundsProtected()));
            case Statistic s -> join(s.measurement().period().code(), s.measurement().campaignCode(),
                    s.measurement().basis().code(), s.measurement().note());
        };
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(sb.isEmpty() ? "" : " · ").append(p);
            }
        }
        return sb.toString();
    }

    private static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasRecordsProperty() {
        return hasRecords.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty basisTextProperty() {
        return basisText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coverageTextProperty() {
        return coverageText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The rows the filter lets through; the view wraps them in a SortedList bound to the table's order. */
    public ObservableList<Row> rows() {
        return filtered;
    }

    /** What the panel explains now; null while loading. */
    public Explanation explanation() {
        return current;
    }
}
