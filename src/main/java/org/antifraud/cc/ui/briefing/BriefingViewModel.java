package org.antifraud.cc.ui.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.DeckService;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.service.briefing.PdfDeckWriter;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.antifraud.cc.ui.drill.FigureDrillViewModel;
import org.slf4j.LoggerFactory;

/**
 * The Briefing page: a period, region, language and the slides to show; the slides previewed one at a time, the
 * narrative in the report's style with every figure's source (the report sentence, "computed from records" or
 * "synthetic demo"); export as PDF, PNG or Markdown and print, with progress and cancel. Everything is read and
 * written off the FX thread; told again when the language or the data changes.
 */
public final class BriefingViewModel {
    /** A piece of a paragraph; {@code source} is null for plain words, else what the figure rests on. */
    public record Piece(String text, String source, String indicator) {
        /** Words, or a figure whose indicator is not known here. */
        public Piece(String text, String source) {
            this(text, source, null);
        }

        public boolean figure() {
            return source != null;
        }
    }

    /** A paragraph with its heading. */
    public record Section(String heading, List<Piece> pieces) {
    }

    /** One slide the user may include; all are, at first. */
    public record SlideChoice(SlideKind kind, BooleanProperty included) {
    }

    /** What the slides are made and written with. {@code fxThread} applies progress from exporting threads. */
    public record Outputs(DeckService decks, SlidePainter painter, SlideOutput pictures, Supplier<Path> pdfFont,
                          Executor fxThread) {
    }

    private final NarrativeService narratives;
    private final Outputs outputs;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;
    private final Supplier<String> classification;

    private final StringProperty periodText = new SimpleStringProperty(this, "periodText");
    private final StringProperty regionCode = new SimpleStringProperty(this, "regionCode", "CN");
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObservableList<Section> sectionsView = FXCollections.unmodifiableObservableList(sections);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private final List<SlideChoice> slideChoices = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Deck> deck = new ReadOnlyObjectWrapper<>(this, "deck");
    /** The deck as read, every slide: the choices cut it without reading again. */
    private Deck fullDeck;
    private final IntegerProperty slideIndex = new SimpleIntegerProperty(this, "slideIndex", 0);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private AtomicBoolean exportCancelled = new AtomicBoolean();
    private UiExecutor.Request request;
    private Supplier<CompletenessViewModel> completenessPages;
    private FigureDrillViewModel figureDrill;
    /** A narrative was told once: live refresh tells it again. */
    private boolean told;

    /** @param classification the classification line set in Settings; blank: the language's default */
    public BriefingViewModel(NarrativeService narratives, Catalog catalog, UiExecutor executor, Appearance appearance,
                             FileChooserService files, String initialPeriod,
                             Supplier<String> classification, Outputs outputs) {
        this.outputs = outputs;
        this.classification = classification;
        this.narratives = narratives;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        periodText.set(initialPeriod);
        language.set(Lang.isChinese(appearance.localeProperty().get()) ? Lang.ZH : Lang.EN);
        // the briefing follows the application's language when that changes; it may be chosen apart from it
        appearance.localeProperty().addListener((obs, old, now) -> language.set(Lang.isChinese(now) ? Lang.ZH : Lang.EN));
        language.addListener((obs, old, now) -> {
            if (told || request != null) {
                load();
            }
        });
        for (SlideKind kind : SlideKind.all()) {
            SlideChoice choice = new SlideChoice(kind, new SimpleBooleanProperty(this, kind.code(), true));
            choice.included().addListener((obs, old, now) -> cutDeck());
            slideChoices.add(choice);
        }
    }

    /** The drill panel's model: a figure of a slide then leads to what is behind it (issue 16). */
    public void useFigureDrill(FigureDrillViewModel drill) {
        this.figureDrill = drill;
    }

    /** The drill panel's model, or null when the window has none. */
    public FigureDrillViewModel figureDrill() {
        return figureDrill;
    }

    /** Opens the drill panel on a figure of the deck's own region (a narrative's figure). */
    public void drillFigure(String indicator) {
        Deck d = deck.get();
        if (d != null) {
            drillFigure(indicator, d.query().regionCode());
        }
    }

    /**
     * Opens the drill panel on a figure of the deck shown: {@code indicator} of {@code regionCode} in the deck's
     * period and campaign; nothing without a deck or a drill model.
     */
    public void drillFigure(String indicator, String regionCode) {
        drillFigure(indicator, regionCode, null, null);
    }

    /**
     * As above, for a figure of its own period (a bar's month) or campaign (a campaign's row); null for the deck's.
     */
    public void drillFigure(String indicator, String regionCode, Period period, String campaign) {
        Deck d = deck.get();
        if (figureDrill != null && d != null && indicator != null && regionCode != null) {
            figureDrill.drill(indicator, regionCode, period != null ? period : d.query().period(),
                    campaign != null ? campaign : d.query().campaignCode());
        }
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
        Locale locale = language.get();
        String line = classification.get();
        busy.set(!quiet);
        request = executor.run(() -> outputs.decks().deck(query, locale, SlideKind.all(), line), d -> {
            request = null;
            busy.set(false);
            told = true;
            fullDeck = d;
            cutDeck();
            sections.setAll(sections(d.narrative()));
            setMessage(d.narrative().paragraphs().isEmpty() ? appearance.i18n().get("briefing.no_figures") : "", false);
        }, error -> {
            request = null;
            busy.set(false);
            sections.clear();
            fullDeck = null;
            deck.set(null);
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
        Locale locale = language.get();
        String line = classification.get();
        busy.set(true);
        executor.runLong(() -> {
            String md = narratives.briefing(query, locale, line == null || line.isBlank() ? null : line.strip()).markdown();
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

    /** The deck with the slides chosen, from the one read; the preview stays on a slide that is still there. */
    private void cutDeck() {
        if (fullDeck == null) {
            return;
        }
        List<SlideKind> chosen = chosenSlides();
        Deck d = fullDeck.withSlides(chosen);
        deck.set(d);
        slideIndex.set(Math.max(0, Math.min(slideIndex.get(), d.size() - 1)));
    }

    private List<SlideKind> chosenSlides() {
        return slideChoices.stream().filter(c -> c.included().get()).map(SlideChoice::kind).toList();
    }

    public void nextSlide() {
        Deck d = deck.get();
        if (d != null && slideIndex.get() < d.size() - 1) {
            slideIndex.set(slideIndex.get() + 1);
        }
    }

    public void previousSlide() {
        if (slideIndex.get() > 0) {
            slideIndex.set(slideIndex.get() - 1);
        }
    }

    /** The colours of the slides on this screen: the application's theme. Files and paper are always light. */
    public SlidePalette screenPalette() {
        return appearance.themeProperty().get() == Theme.DARK ? SlidePalette.DARK : SlidePalette.LIGHT;
    }

    public SlidePainter painter() {
        return outputs.painter();
    }

    /**
     * Finds the Chinese font (off the FX thread: it may ask fontconfig), then asks where, then writes the chosen
     * slides as one PDF, following its progress; false when nothing can be started. Without a font it says what to
     * install before asking anything.
     */
    public boolean exportPdf() {
        Deck d = exportableDeck().orElse(null);
        if (d == null) {
            return false;
        }
        I18n i18n = appearance.i18n();
        busy.set(true);
        executor.runLong(() -> outputs.pdfFont().get(), font -> {
            busy.set(false);
            writePdf(d, font);
        }, error -> {
            busy.set(false);
            setMessage(error instanceof Problem p ? i18n.problem(p) : i18n.get("briefing.export_failed", "PDF"), true);
        });
        return true;
    }

    private void writePdf(Deck d, Path font) {
        I18n i18n = appearance.i18n();
        Optional<Path> out = files.save(i18n.get("briefing.export_pdf.title"), fileName(d, ".pdf"),
                i18n.get("briefing.filter.pdf"), "*.pdf");
        if (out.isEmpty()) {
            return;
        }
        Path target = out.get();
        AtomicBoolean cancelled = startExport();
        executor.runLong(() -> {
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            try (var stream = Files.newOutputStream(tmp)) {
                new PdfDeckWriter(outputs.painter(), font).write(d, SlidePalette.LIGHT, stream,
                        this::reportProgress, cancelled::get);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }, written -> finishExport(i18n.get("briefing.exported_pdf", d.size(), written.getFileName())),
                error -> failExport(error, target));
    }

    /** Asks for a base name, then writes one 1920 × 1080 PNG per chosen slide; false when nothing was started. */
    public boolean exportPngs() {
        Deck d = exportableDeck().orElse(null);
        if (d == null) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> out = files.save(i18n.get("briefing.export_png.title"), fileName(d, ".png"),
                i18n.get("briefing.filter.png"), "*.png");
        if (out.isEmpty()) {
            return false;
        }
        Path base = out.get();
        AtomicBoolean cancelled = startExport();
        executor.runLong(() -> outputs.pictures().writePngs(d, SlidePalette.LIGHT, base, this::reportProgress,
                cancelled::get), written -> finishExport(i18n.get("briefing.exported_png", written.size(),
                        written.isEmpty() ? "" : written.getFirst().getFileName())),
                error -> failExport(error, base));
        return true;
    }

    /** The print dialog, then every chosen slide a landscape page, off the FX thread; false when nothing was started. */
    public boolean print() {
        Deck d = exportableDeck().orElse(null);
        if (d == null) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<SlideOutput.PrintJob> job;
        try {
            job = outputs.pictures().beginPrint(i18n.get("briefing.print.title"));
        } catch (Problem p) {
            setMessage(i18n.problem(p), true);
            return false;
        }
        if (job.isEmpty()) {
            return false;
        }
        SlideOutput.PrintJob j = job.get();
        AtomicBoolean cancelled = startExport();
        executor.runLong(() -> {
            for (int i = 0; i < d.size(); i++) {
                if (cancelled.get()) {
                    j.cancel();
                    throw new CancellationException("printing cancelled");
                }
                if (!j.print(d, i, SlidePalette.LIGHT)) {
                    j.cancel();
                    throw new IllegalStateException("the printer refused page " + (i + 1));
                }
                reportProgress((i + 1.0) / d.size());
            }
            j.end();
            return d.size();
        }, pages -> finishExport(i18n.get("briefing.printed", pages)), error -> failExport(error, null));
        return true;
    }

    /**
     * A wall screen of the chosen slides for the period, region and language chosen now, rotating every
     * {@code seconds} (10 to 3600); empty, with a message, when there is nothing to show.
     */
    public Optional<WallboardViewModel> wallboard(int seconds) {
        return wallboard(seconds, false);
    }

    /** As {@link #wallboard(int)}, with the live dashboard first in each round when {@code dashboard}. */
    public Optional<WallboardViewModel> wallboard(int seconds, boolean dashboard) {
        return wallboard(seconds, dashboard, false);
    }

    /** Where the wall screen's reporting-completeness page gets a ViewModel of its own; unset: no such page. */
    public void useCompleteness(Supplier<CompletenessViewModel> wallPages) {
        this.completenessPages = wallPages;
    }

    public boolean completenessAvailable() {
        return completenessPages != null;
    }

    /**
     * As {@link #wallboard(int, boolean)}, with the reporting completeness of the same period and region after the
     * dashboard when {@code completeness} (and {@link #useCompleteness} was given), read again with the slides.
     */
    public Optional<WallboardViewModel> wallboard(int seconds, boolean dashboard, boolean completeness) {
        StatsQuery query = query().orElse(null);
        if (query == null) {
            return Optional.empty();
        }
        List<SlideKind> slides = chosenSlides();
        WallboardViewModel.CompletenessPage page = null;
        if (completeness && completenessPages != null) {
            CompletenessViewModel grid = completenessPages.get();
            page = new WallboardViewModel.CompletenessPage(grid, () -> grid.read(query.period(), query.regionCode()),
                    appearance.i18n().get("completeness.wall.title", query.period().code()));
        }
        if (slides.isEmpty() && !dashboard && page == null) {
            setMessage(appearance.i18n().get("briefing.no_slides"), true);
            return Optional.empty();
        }
        Locale locale = language.get();
        String line = classification.get();
        return Optional.of(new WallboardViewModel(() -> outputs.decks().deck(query, locale, slides, line), executor, InstantSource.system(),
                ZoneId.systemDefault(), appearance.i18n(), Duration.ofSeconds(seconds), dashboard, page));
    }

    /**
     * The wall screen (ADR 0036): its {@code pages} rotating every {@code seconds} (10 to 3600), the briefing's
     * chosen slides for the period and region read as they do (so a lost database shows), not shown.
     */
    public Optional<WallboardViewModel> wallScreen(int seconds, int pages) {
        StatsQuery query = query().orElse(null);
        if (query == null) {
            return Optional.empty();
        }
        List<SlideKind> slides = chosenSlides();
        Locale locale = language.get();
        String line = classification.get();
        return Optional.of(WallboardViewModel.ofPages(() -> outputs.decks().deck(query, locale, slides, line), executor,
                InstantSource.system(), ZoneId.systemDefault(), appearance.i18n(), Duration.ofSeconds(seconds), pages));
    }

    /** Stops the export or print under way at its next page; what was written of a PDF is removed. */
    public void cancelExport() {
        exportCancelled.set(true);
    }

    private Optional<Deck> exportableDeck() {
        Deck d = deck.get();
        if (exporting.get()) {
            return Optional.empty();
        }
        if (d == null || d.size() == 0) {
            setMessage(appearance.i18n().get(d == null ? "briefing.nothing_to_export" : "briefing.no_slides"), true);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static String fileName(Deck d, String extension) {
        return "briefing-" + d.query().period().code().replace("..", "_") + "-" + d.query().regionCode() + extension;
    }

    private AtomicBoolean startExport() {
        exportCancelled = new AtomicBoolean();
        exportProgress.set(0);
        exporting.set(true);
        setMessage("", false);
        return exportCancelled;
    }

    private void reportProgress(double fraction) {
        outputs.fxThread().execute(() -> {
            if (exporting.get()) {
                exportProgress.set(Math.max(exportProgress.get(), fraction));
            }
        });
    }

    private void finishExport(String message) {
        exporting.set(false);
        exportProgress.set(1);
        setMessage(message, false);
    }

    private void failExport(Throwable error, Path target) {
        exporting.set(false);
        exportProgress.set(0);
        I18n i18n = appearance.i18n();
        if (error instanceof CancellationException) {
            setMessage(i18n.get("briefing.export_cancelled"), false);
        } else if (error instanceof Problem p) {
            setMessage(i18n.problem(p), true);
        } else {
            LoggerFactory.getLogger(BriefingViewModel.class).warn("briefing export to {} failed", target, error);
            setMessage(target == null ? i18n.get("briefing.print_failed") : i18n.get("briefing.export_failed", target), true);
        }
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
                pieces.add(part instanceof Narrative.Claim c ? new Piece(c.text(), source(c.stat(), c.ofChange()),
                        c.stat().indicator().code())
                        : new Piece(part.text(), null));
            }
            out.add(new Section(p.heading(), pieces));
        }
        return out;
    }

    /** What a figure rests on, in words: the report's sentence, computed from records, or synthetic demo. */
    private String source(IndicatorStat s, boolean ofChange) {
        I18n i18n = appearance.i18n();
        boolean value = s.value().isKnown() && !ofChange;
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

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public List<SlideChoice> slideChoices() {
        return List.copyOf(slideChoices);
    }

    public ReadOnlyObjectProperty<Deck> deckProperty() {
        return deck.getReadOnlyProperty();
    }

    public IntegerProperty slideIndexProperty() {
        return slideIndex;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
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
