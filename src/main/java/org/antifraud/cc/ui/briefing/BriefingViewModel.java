package org.antifraud.cc.ui.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;

/**
 * The Briefing page (issue 5, first part): the narrative of a period and region in the report's style, every
 * figure with its source (the report sentence, "computed from records" or "synthetic demo"), and the briefing
 * exported as Markdown. Read and written off the FX thread; told again when the language changes.
 */
public final class BriefingViewModel {
    /** A piece of a paragraph; {@code source} is null for plain words, else what the figure rests on. */
    public record Piece(String text, String source) {
        public boolean figure() {
            return source != null;
        }
    }

    /** A paragraph with its heading. */
    public record Section(String heading, List<Piece> pieces) {
    }

    private final NarrativeService narratives;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;
    private final Supplier<Optional<Instant>> dataAsOf;
    private final Supplier<String> classification;

    private final StringProperty periodText = new SimpleStringProperty(this, "periodText");
    private final StringProperty regionCode = new SimpleStringProperty(this, "regionCode", "CN");
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObservableList<Section> sectionsView = FXCollections.unmodifiableObservableList(sections);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private UiExecutor.Request request;
    /** A narrative was told once: live refresh tells it again. */
    private boolean told;

    /** @param classification the classification line set in Settings; blank: the language's default */
    public BriefingViewModel(NarrativeService narratives, Catalog catalog, UiExecutor executor, Appearance appearance,
                             FileChooserService files, Supplier<Optional<Instant>> dataAsOf, String initialPeriod,
                             Supplier<String> classification) {
        this.classification = classification;
        this.narratives = narratives;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        this.dataAsOf = dataAsOf;
        periodText.set(initialPeriod);
        appearance.localeProperty().addListener((obs, old, now) -> load());
    }

    /** Tells the narrative of the period and region chosen (a newer load replaces one still running). */
    public void load() {
        load(false);
    }

    /** The page is shown: the narrative is told unless it was already (the page is built again on every visit). */
    public void showFirstTime() {
        if (!told && request == null) {
            load();
        }
    }

    /** The data changed (live refresh): told again if it was told before, without the busy indicator. */
    public void refreshQuietly() {
        if (told) {
            load(true);
        }
    }

    private void load(boolean quiet) {
        StatsQuery query = query().orElse(null);
        if (query == null) {
            return;
        }
        if (request != null) {
            request.cancel();
        }
        var locale = appearance.localeProperty().get();
        busy.set(!quiet);
        request = executor.run(() -> narratives.narrative(query, locale), n -> {
            request = null;
            busy.set(false);
            told = true;
            sections.setAll(sections(n));
            setMessage(n.paragraphs().isEmpty() ? appearance.i18n().get("briefing.no_figures") : "", false);
        }, error -> {
            request = null;
            busy.set(false);
            sections.clear();
            setMessage(error instanceof Problem p ? appearance.i18n().problem(p)
                    : appearance.i18n().get("briefing.failed"), true);
        });
    }

    /** Asks where, then writes the briefing as Markdown; false when the user backed out or the period is bad. */
    public boolean exportMarkdown() {
        StatsQuery query = query().orElse(null);
        if (query == null) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> out = files.save(i18n.get("briefing.export.title"),
                "briefing-" + query.period().code().replace("..", "_") + "-" + query.regionCode() + ".md",
                i18n.get("briefing.filter.md"), "*.md");
        if (out.isEmpty()) {
            return false;
        }
        Path target = out.get();
        var locale = appearance.localeProperty().get();
        String line = classification.get();
        busy.set(true);
        executor.run(() -> {
            String md = narratives.briefing(query, locale, line == null || line.isBlank() ? null : line.strip(),
                    dataAsOf.get().orElse(null), ZoneId.systemDefault()).markdown();
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.writeString(tmp, md, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return target;
        }, written -> {
            busy.set(false);
            setMessage(i18n.get("briefing.exported", written.getFileName()), false);
        }, error -> {
            busy.set(false);
            setMessage(error instanceof Problem p ? i18n.problem(p) : i18n.get("briefing.export_failed", target), true);
        });
        return true;
    }

    private Optional<StatsQuery> query() {
        try {
            return Optional.of(new StatsQuery(Period.parse(periodText.get()), regionCode.get(), null));
        } catch (IllegalArgumentException e) {
            setMessage(appearance.i18n().get("briefing.bad_period", String.valueOf(periodText.get())), true);
            return Optional.empty();
        }
    }

    private List<Section> sections(Narrative n) {
        List<Section> out = new ArrayList<>();
        for (Narrative.Paragraph p : n.paragraphs()) {
            List<Piece> pieces = new ArrayList<>();
            for (Narrative.Part part : p.parts()) {
                pieces.add(part instanceof Narrative.Claim c ? new Piece(c.text(), source(c.stat()))
                        : new Piece(part.text(), null));
            }
            out.add(new Section(p.heading(), pieces));
        }
        return out;
    }

    /** What a figure rests on, in words: the report's sentence, computed from records, or synthetic demo. */
    private String source(IndicatorStat s) {
        I18n i18n = appearance.i18n();
        boolean value = s.value().isKnown();
        Basis basis = value ? s.value().basis() : s.change().basis();
        var source = value ? s.value().source() : s.change().source();
        String name = s.indicator().name(appearance.localeProperty().get());
        if (basis == Basis.SYNTHETIC_DEMO) {
            return i18n.get("briefing.source.demo", name);
        }
        if (basis == Basis.REPORTED && source != null) {
            return i18n.get("briefing.source.reported", name, source.title(), source.sentence());
        }
        return i18n.get("briefing.source.computed", name);
    }

    /** Region codes in the order the dashboard offers them: the nation, the zones, the provinces. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.ZONE, RegionKind.PROVINCE);
    }

    public String regionName(String code) {
        return catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    private void setMessage(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    public StringProperty periodTextProperty() {
        return periodText;
    }

    public StringProperty regionCodeProperty() {
        return regionCode;
    }

    public ObservableList<Section> sections() {
        return sectionsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
