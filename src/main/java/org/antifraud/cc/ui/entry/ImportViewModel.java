package org.antifraud.cc.ui.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.SaysMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Import dialog: a CSV file chosen, its first rows previewed with the type told from its header, then
 * imported whole or not at all with a progress bar and a Cancel that rolls the import back; every problem of a
 * rejected file listed.
 */
public final class ImportViewModel implements SaysMessage {
    private static final Logger LOG = LoggerFactory.getLogger(ImportViewModel.class);
    /** Rows of the file shown before importing. */
    public static final int PREVIEW_ROWS = 10;

    /** Where the dialog is. */
    public enum Phase { NO_FILE, LOADING, READY, IMPORTING, CANCELLING, DONE, REJECTED, CANCELLED, FAILED }

    private final InterchangeService interchange;
    private final UiExecutor executor;
    private final Executor fxThread;
    private final Appearance appearance;
    private final FileChooserService files;
    private final Consumer<RecordKind> onImported;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.NO_FILE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper typeText = new ReadOnlyStringWrapper(this, "typeText", "");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final PageMessage message = new PageMessage();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<List<String>> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding canImport = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.READY || phase.get() == Phase.CANCELLED || phase.get() == Phase.FAILED
                    || phase.get() == Phase.REJECTED, phase); // rejected: the file may have been fixed meanwhile
    private final BooleanBinding running = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.IMPORTING || phase.get() == Phase.CANCELLING || phase.get() == Phase.LOADING, phase);

    private Path file;
    private CsvFileType type;
    private UiExecutor.Request request;
    private AtomicBoolean cancelRequested = new AtomicBoolean();

    /**
     * @param fxThread   where progress reported by the importing thread is applied (Platform::runLater; tests: run)
     * @param onImported called (on the FX thread) after a file went in, with the kind of its records
     */
    public ImportViewModel(InterchangeService interchange, UiExecutor executor, Executor fxThread, Appearance appearance,
                           FileChooserService files, Consumer<RecordKind> onImported) {
        this.interchange = interchange;
        this.executor = executor;
        this.fxThread = fxThread;
        this.appearance = appearance;
        this.files = files;
        this.onImported = onImported;
    }

    /** Asks for a CSV file and previews it; false when the user backed out (nothing changes then). */
    public boolean choose() {
        if (running.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> chosen = files.open(i18n.get("import.dialog.choose_title"), i18n.get("interchange.filter.csv"),
                "*.csv", "*.CSV");
        chosen.ifPresent(this::open);
        return chosen.isPresent();
    }

    /** Shows the header and first rows of a file (read off the FX thread) and tells its type from the header. */
    public void open(Path chosen) {
        if (request != null) {
            request.cancel();
        }
        file = chosen;
        type = null;
        fileName.set(chosen.getFileName().toString());
        typeText.set("");
        columns.clear();
        rows.clear();
        problems.clear();
        progress.set(0);
        setMessage("", false);
        phase.set(Phase.LOADING);
        request = executor.run(() -> interchange.preview(chosen, PREVIEW_ROWS), lines -> {
            request = null;
            if (lines.isEmpty()) {
                phase.set(Phase.READY); // the import says what is wrong with an empty file
                typeText.set(appearance.i18n().get("import.dialog.type_unknown"));
                return;
            }
            List<String> header = lines.getFirst();
            columns.setAll(header);
            List<List<String>> body = new ArrayList<>(lines.subList(1, Math.min(lines.size(), PREVIEW_ROWS + 1)));
            rows.setAll(body);
            type = CsvFileType.detect(header).orElse(null);
            typeText.set(type == null ? appearance.i18n().get("import.dialog.type_unknown") : typeName(type));
            phase.set(Phase.READY);
        }, error -> {
            request = null;
            phase.set(Phase.NO_FILE);
            failed(error);
        });
    }

    /** Imports the chosen file, whole or not at all, following its progress. */
    public void startImport() {
        if (!canImport.get() || file == null) {
            return;
        }
        Path chosen = file;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        AtomicReference<Double> pending = new AtomicReference<>();
        RecordService.ImportListener listener = new RecordService.ImportListener() {
            @Override
            public void progress(double fraction) {
                // coalesced: at most one update waits for the FX thread at a time
                if (pending.getAndSet(fraction) == null) {
                    fxThread.execute(() -> {
                        Double latest = pending.getAndSet(null);
                        if (latest != null && cancelRequested == cancel && phase.get() == Phase.IMPORTING) {
                            progress.set(Math.max(progress.get(), latest));
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }

            @Override
            public void waiting() {
                fxThread.execute(() -> {
                    if (cancelRequested == cancel && phase.get() == Phase.IMPORTING) {
                        setMessage(appearance.i18n().get("import.dialog.waiting", fileName.get()), false);
                    }
                });
            }
        };
        problems.clear();
        progress.set(0);
        setMessage(appearance.i18n().get("import.dialog.importing", fileName.get()), false);
        phase.set(Phase.IMPORTING);
        request = executor.runLong(() -> interchange.importFile(chosen, listener), result -> {
            request = null;
            I18n i18n = appearance.i18n();
            if (!result.ok()) {
                problems.setAll(result.read().render(i18n.bundle()));
                int count = result.read().problems().size() + result.read().moreProblems();
                setMessage(i18n.get("import.dialog.rejected", fileName.get(), count), true);
                progress.set(0);
                phase.set(Phase.REJECTED);
                return;
            }
            var s = result.summary();
            progress.set(1);
            setMessage(i18n.get("import.done", fileName.get(), s.rows(), s.added(), s.updated(), s.unchanged()), false);
            CsvFileType imported = result.read().type() != null ? result.read().type() : type;
            if (imported != null) {
                typeText.set(i18n.get("import.dialog.type_rows", typeName(imported), s.rows()));
            }
            phase.set(Phase.DONE);
            if (s.added() + s.updated() > 0 && imported != null) {
                onImported.accept(imported.kind());
            }
        }, error -> {
            request = null;
            progress.set(0);
            if (error instanceof CancellationException) {
                setMessage(appearance.i18n().get("import.dialog.cancelled"), false);
                phase.set(Phase.CANCELLED);
                return;
            }
            phase.set(Phase.FAILED);
            failed(error);
        });
    }

    /** During an import: asks it to stop (it rolls back). Otherwise nothing; the view closes the dialog. */
    public boolean cancel() {
        if (phase.get() == Phase.IMPORTING) {
            cancelRequested.set(true);
            setMessage(appearance.i18n().get("import.dialog.cancelling"), false);
            phase.set(Phase.CANCELLING);
            return true;
        }
        return phase.get() == Phase.CANCELLING;
    }

    /** Forgets the last file: the dialog opens empty. Not while an import runs. */
    public void reset() {
        if (running.get() && phase.get() != Phase.LOADING) {
            return;
        }
        if (request != null) {
            request.cancel();
            request = null;
        }
        file = null;
        type = null;
        fileName.set("");
        typeText.set("");
        columns.clear();
        rows.clear();
        problems.clear();
        progress.set(0);
        setMessage("", false);
        phase.set(Phase.NO_FILE);
    }

    private void failed(Throwable error) {
        I18n i18n = appearance.i18n();
        if (error instanceof Problem p) {
            setMessage(i18n.problem(p), true);
        } else {
            LOG.error("could not import {}", file, error);
            setMessage(i18n.get("import.dialog.failed", fileName.get()), true);
        }
    }

    private String typeName(CsvFileType t) {
        return appearance.i18n().get("interchange.type." + t.code());
    }

    private void setMessage(String text, boolean error) {
        message.show(text, error);
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** "Measurements" before the import; "Measurements, 12,345 rows" after it. */
    public ReadOnlyStringProperty typeTextProperty() {
        return typeText.getReadOnlyProperty();
    }

    /** The header of the file previewed. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** Its first rows, as text. */
    public ObservableList<List<String>> rows() {
        return rowsView;
    }

    /** 0..1 while importing. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public PageMessage pageMessage() {
        return message;
    }

    /** Every problem of a rejected file, as {@code FILE:LINE: COLUMN: message}. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** Loading a preview or importing: the dialog's choose button waits. */
    public BooleanBinding runningProperty() {
        return running;
    }

    /** True from Import until the import ended (and while it is being cancelled). */
    public boolean importing() {
        return phase.get() == Phase.IMPORTING || phase.get() == Phase.CANCELLING;
    }
}
