package org.antifraud.cc.ui.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.SaysMessage;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Export dialog: a type, an optional period and region, then a file to write, off the FX thread. */
public final class ExportViewModel implements SaysMessage {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final InterchangeService interchange;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;

    private final ObjectProperty<CsvFileType> type = new SimpleObjectProperty<>(this, "type", CsvFileType.DENS);
    private final StringProperty periodText = new SimpleStringProperty(this, "periodText", "");
    /** A region code, or null for all. */
    private final ObjectProperty<String> region = new SimpleObjectProperty<>(this, "region");
    private final ReadOnlyStringWrapper periodError = new ReadOnlyStringWrapper(this, "periodError");
    private final PageMessage message = new PageMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ExportViewModel(InterchangeService interchange, Catalog catalog, UiExecutor executor, Appearance appearance,
                           FileChooserService files) {
        this.interchange = interchange;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        periodText.addListener((obs, old, now) -> periodError.set(null));
    }

    /** The dialog opens: the type of the records on the tab shown, the last period and region kept. */
    public void prepare(RecordKind shown) {
        if (busy.get()) {
            return;
        }
        type.set(typeOf(shown));
        setMessage("", false);
    }

    static CsvFileType typeOf(RecordKind kind) {
        for (CsvFileType t : CsvFileType.values()) {
            if (t.kind() == kind) {
                return t;
            }
        }
        return CsvFileType.MEASUREMENTS;
    }

    /** Checks the period, asks where to write, and writes the file off the FX thread; false when nothing started. */
    public boolean export() {
        if (busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Period period;
        String text = periodText.get() == null ? "" : periodText.get().strip();
        try {
            period = text.isEmpty() ? null : Period.parse(text);
        } catch (IllegalArgumentException e) {
            periodError.set(i18n.get("export.dialog.period_invalid"));
            return false;
        }
        CsvFileType t = type.get();
        String r = region.get();
        Optional<Path> chosen = files.save(i18n.get("export.dialog.save_title"), suggestedName(t, period, r),
                i18n.get("interchange.filter.csv"), "*.csv");
        if (chosen.isEmpty()) {
            return false;
        }
        Path out = chosen.get();
        busy.set(true);
        setMessage(i18n.get("export.dialog.exporting", out.getFileName().toString()), false);
        executor.runLong(() -> interchange.export(t, out, period, r), n -> {
            busy.set(false);
            setMessage(appearance.i18n().get("export.done", n, out.toString()), false);
        }, error -> {
            busy.set(false);
            if (error instanceof Problem p) {
                setMessage(appearance.i18n().problem(p), true);
            } else {
                LOG.error("could not export {} to {}", t, out, error);
                setMessage(appearance.i18n().get("export.dialog.failed", out.toString()), true);
            }
        });
        return true;
    }

    /** dens.csv, dens-2023-02-CN-GD.csv … */
    static String suggestedName(CsvFileType t, Period period, String region) {
        StringBuilder name = new StringBuilder(t.code());
        if (period != null) {
            name.append('-').append(period.code().replaceAll("[^0-9A-Za-z-]+", "_"));
        }
        if (region != null) {
            name.append('-').append(region);
        }
        return name.append(".csv").toString();
    }

    /** The nation and the provinces. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.PROVINCE);
    }

    public String regionName(String code) {
        Locale locale = appearance.localeProperty().get();
        return code == null ? "" : catalog.region(code).map(r -> r.name(locale)).orElse(code);
    }

    public String typeName(CsvFileType t) {
        return t == null ? "" : appearance.i18n().get("interchange.type." + t.code());
    }

    private void setMessage(String text, boolean error) {
        message.show(text, error);
    }

    public ObjectProperty<CsvFileType> typeProperty() {
        return type;
    }

    public StringProperty periodTextProperty() {
        return periodText;
    }

    public ObjectProperty<String> regionProperty() {
        return region;
    }

    /** Set when the period typed cannot be read; cleared as it is edited. */
    public ReadOnlyStringProperty periodErrorProperty() {
        return periodError.getReadOnlyProperty();
    }

    @Override
    public PageMessage pageMessage() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
