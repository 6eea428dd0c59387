package org.antifraud.cc.ui.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.ui.common.Controls;
import org.antifraud.cc.ui.common.FittingTableCell;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.ValidationSupport;

/**
 * Thin controller of the Data entry page: builds each form's rows from the ViewModel's fields and binds them,
 * binds the history and the audit trail, and maps the keys (Enter saves, Esc clears, Ctrl+Z undoes).
 */
public final class DataEntryView {
    /** Undoes the last save or delete while the page has the focus. */
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    /** Opens the Import dialog (a CSV file chosen first). */
    public static final KeyCombination IMPORT = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    /** Opens the Export dialog. */
    public static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    /** Exports this workstation's field-station package (the menu item's accelerator, while the page is shown). */
    public static final KeyCombination EXPORT_PACKAGE = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Imports a field-station package. */
    public static final KeyCombination IMPORT_PACKAGE = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Opens the Submit month dialog for the shown kind (den takedowns, warnings, cases). */
    public static final KeyCombination SUBMIT_MONTH = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass INTACT = PseudoClass.getPseudoClass("intact");
    private static final String NONE = "";

    private final DataEntryViewModel viewModel;
    private final EntryFormsViewModel forms;
    private final RecordChangesViewModel changes;
    private final DraftsViewModel drafts;
    private final HistoryViewModel history;
    private final AuditViewModel audit;
    private final EntryNames names;
    /** The Import and Export dialogs' ViewModels; null where the page is shown without them. */
    private final ImportViewModel imports;
    private final ExportViewModel exports;
    /** Field-station packages; null where the page is shown without them. */
    private final PackageViewModel packages;
    /** The Submit month dialog's ViewModel; null where the page is shown without it. */
    private final SubmitMonthViewModel submitMonth;
    /** Held here: the ViewModel outlives this view (a language switch reloads it) and sees it only weakly. */
    private final List<Object> listeners = new ArrayList<>();
    private final Map<RecordKind, Tab> tabs = new EnumMap<>(RecordKind.class);
    /** The first field a clerk changes for the next record of a batch, per form. */
    private final Map<RecordKind, Control> firstToChange = new EnumMap<>(RecordKind.class);
    private final ValidationSupport validation = new ValidationSupport();
    private RecordKind columnsKind;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane entryRoot;
    @FXML private SegmentedButton sectionButtons;
    @FXML private ToggleButton showRecords;
    @FXML private ToggleButton showAudit;
    @FXML private Button undoButton;
    @FXML private Label readOnlyNote;
    @FXML private Button importCsvButton;
    @FXML private Button exportCsvButton;
    @FXML private MenuButton packagesButton;
    @FXML private MenuItem exportPackageItem;
    @FXML private MenuItem importPackageItem;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private HBox draftBar;
    @FXML private Label draftLabel;
    @FXML private Button restoreDraftButton;
    @FXML private Button discardDraftButton;
    @FXML private HBox recordsPane;
    @FXML private VBox formPanel;
    @FXML private Label formTitle;
    @FXML private TabPane kindTabs;
    @FXML private Tab denTab;
    @FXML private Tab instructionTab;
    @FXML private GridPane instructionGrid;
    @FXML private Tab warningTab;
    @FXML private Tab caseTab;
    @FXML private Tab statisticTab;
    @FXML private GridPane denGrid;
    @FXML private GridPane warningGrid;
    @FXML private GridPane caseGrid;
    @FXML private GridPane statisticGrid;
    @FXML private Button saveButton;
    @FXML private Button clearButton;
    @FXML private Label messageLabel;
    @FXML private TextField searchField;
    @FXML private Button editButton;
    @FXML private Button deleteButton;
    @FXML private Button submitMonthButton;
    @FXML private TableView<HistoryRow> historyTable;
    @FXML private VBox auditPane;
    @FXML private ComboBox<String> auditKindBox;
    @FXML private TextField auditSearchField;
    @FXML private Button verifyButton;
    @FXML private Label verifyLabel;
    @FXML private ListView<String> findingsList;
    @FXML private TableView<AuditRow> auditTable;
    @FXML private TableColumn<AuditRow, String> auTime;
    @FXML private TableColumn<AuditRow, String> auActor;
    @FXML private TableColumn<AuditRow, String> auAction;
    @FXML private TableColumn<AuditRow, String> auKind;
    @FXML private TableColumn<AuditRow, String> auId;
    @FXML private TableColumn<AuditRow, String> auOrigin;
    @FXML private TableColumn<AuditRow, String> auChanged;

    public DataEntryView(DataEntryViewModel viewModel) {
        this(viewModel, null, null, null);
    }

    public DataEntryView(DataEntryViewModel viewModel, ImportViewModel imports, ExportViewModel exports,
                         PackageViewModel packages) {
        this(viewModel, imports, exports, packages, null);
    }

    public DataEntryView(DataEntryViewModel viewModel, ImportViewModel imports, ExportViewModel exports,
                         PackageViewModel packages, SubmitMonthViewModel submitMonth) {
        this.submitMonth = submitMonth;
        this.viewModel = viewModel;
        this.forms = viewModel.forms();
        this.changes = viewModel.changes();
        this.drafts = viewModel.drafts();
        this.history = viewModel.history();
        this.audit = viewModel.audit();
        this.names = viewModel.names();
        this.imports = imports;
        this.exports = exports;
        this.packages = packages;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(packages == null ? viewModel.busyProperty()
                : viewModel.busyProperty().or(packages.busyProperty()));
        undoButton.disableProperty().bind(changes.canUndoProperty().not());
        undoButton.setOnAction(e -> changes.undo());
        undoButton.setTooltip(new Tooltip(UNDO.getDisplayText()));
        initDraftBar();
        initSections();
        initForms();
        initHistory();
        initAudit();
        initInterchange();
        initSubmitMonth();
        initWriteAccess();
        entryRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                changes.undo(); // the page's undo, not a text field's
                e.consume();
            }
        });
        // the page shown (again): the clerk can type at once
        entryRoot.parentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Platform.runLater(this::focusFirstField);
            }
        });
        viewModel.activate();
    }

    private void focusFirstField() {
        focusFirstField(5);
    }

    /** A session that may not write (a viewer): every write disabled, saying why, and a note on the toolbar. */
    private void initWriteAccess() {
        if (viewModel.writeAccess().mayWrite()) {
            return;
        }
        String why = viewModel.readOnlyReason();
        readOnlyNote.setText(why);
        readOnlyNote.setVisible(true);
        for (Button b : List.of(saveButton, deleteButton, undoButton, importCsvButton, submitMonthButton)) {
            b.disableProperty().unbind();
            b.setDisable(true);
            b.setTooltip(new Tooltip(why));
        }
        importPackageItem.setDisable(true);
    }

    /**
     * Focuses the form's first field. The tab's content joins the scene only when the tab pane's skin is made, on a
     * pulse that may come after this runs: until the field is in the scene and focused, it tries again after the
     * next layout pulse ({@code tries} times).
     */
    private void focusFirstField(int tries) {
        if (!recordsPane.isVisible()) {
            return;
        }
        Tab tab = tabs.get(forms.kindProperty().get());
        if (!(tab.getContent() instanceof ScrollPane sp && sp.getContent() instanceof GridPane g)) {
            return;
        }
        Node first = g.getChildren().stream()
                .filter(n -> n instanceof Control && n.isFocusTraversable() && !(n instanceof Label))
                .findFirst().orElse(null);
        if (first == null) {
            return;
        }
        first.requestFocus();
        Scene scene = entryRoot.getScene();
        if (scene != null && tries > 1 && !focusWithin(scene.getFocusOwner(), first)) {
            Runnable[] retry = new Runnable[1];
            retry[0] = () -> {
                scene.removePostLayoutPulseListener(retry[0]);
                Platform.runLater(() -> focusFirstField(tries - 1));
            };
            scene.addPostLayoutPulseListener(retry[0]);
            Platform.requestNextPulse();
        }
    }

    private static boolean focusWithin(Node owner, Node target) {
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == target) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ top

    private void initDraftBar() {
        draftLabel.textProperty().bind(drafts.offerProperty());
        draftBar.visibleProperty().bind(drafts.offerProperty().isNotNull());
        restoreDraftButton.setOnAction(e -> drafts.restore());
        discardDraftButton.setOnAction(e -> drafts.discard());
    }

    private void initSections() {
        sectionButtons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one section is always chosen
                return;
            }
            boolean auditChosen = now == showAudit;
            auditPane.setVisible(auditChosen);
            recordsPane.setVisible(!auditChosen);
            audit.show(auditChosen);
        });
        (audit.shown() ? showAudit : showRecords).setSelected(true);
        auditPane.setVisible(audit.shown());
        recordsPane.setVisible(!audit.shown());
    }

    // ------------------------------------------------------------------ import and export

    private void initInterchange() {
        importCsvButton.setVisible(imports != null);
        importCsvButton.setManaged(imports != null);
        exportCsvButton.setVisible(exports != null);
        exportCsvButton.setManaged(exports != null);
        importCsvButton.setTooltip(new Tooltip(IMPORT.getDisplayText()));
        exportCsvButton.setTooltip(new Tooltip(EXPORT.getDisplayText()));
        importCsvButton.setOnAction(e -> openImport());
        exportCsvButton.setOnAction(e -> openExport());
        packagesButton.setVisible(packages != null);
        packagesButton.setManaged(packages != null);
        if (packages != null) {
            exportPackageItem.setAccelerator(EXPORT_PACKAGE);
            importPackageItem.setAccelerator(IMPORT_PACKAGE);
            exportPackageItem.setOnAction(e -> packages.exportPackage());
            importPackageItem.setOnAction(e -> packages.importPackage());
            packagesButton.disableProperty().bind(packages.busyProperty());
        }
        // the window's shortcuts while the page is shown, wherever the focus is (the navigation, a table)
        Runnable importAction = this::openImport;
        Runnable exportAction = this::openExport;
        entryRoot.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(IMPORT, importAction);
                old.getAccelerators().remove(EXPORT, exportAction);
            }
            if (now != null) {
                if (imports != null) {
                    now.getAccelerators().put(IMPORT, importAction);
                }
                if (exports != null) {
                    now.getAccelerators().put(EXPORT, exportAction);
                }
            }
        });
    }

    // ------------------------------------------------------------------ submit month (issue 12)

    private void initSubmitMonth() {
        submitMonthButton.setVisible(submitMonth != null);
        if (submitMonth == null) {
            return;
        }
        submitMonthButton.setTooltip(new Tooltip(SUBMIT_MONTH.getDisplayText()));
        submitMonthButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> SubmitMonthViewModel.kindOf(forms.kindProperty().get()) == null, forms.kindProperty()));
        submitMonthButton.setOnAction(e -> openSubmitMonth());
        Runnable action = this::openSubmitMonth;
        entryRoot.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(SUBMIT_MONTH, action);
            }
            if (now != null) {
                now.getAccelerators().put(SUBMIT_MONTH, action);
            }
        });
    }

    /** The dialog for the shown kind, its province the form's when that is a province; nothing for statistics. */
    private void openSubmitMonth() {
        SubmissionKind kind = SubmitMonthViewModel.kindOf(forms.kindProperty().get());
        if (kind == null || !recordsPane.isVisible() || !viewModel.writeAccess().mayWrite()) {
            return;
        }
        Object region = forms.currentForm().fields().stream().filter(f -> f.name().equals("region"))
                .findFirst().map(FormField::get).orElse(null);
        submitMonth.prepare(kind, region instanceof String code ? code : null);
        Stage[] stage = new Stage[1];
        stage[0] = dialog(new SubmitMonthDialog(submitMonth, () -> stage[0].close()), "fxml/entry/SubmitMonthDialog.fxml",
                "submit.window");
        stage[0].show();
    }

    /** A CSV file chosen, then the dialog with its preview; nothing opens when the choice is abandoned. */
    private void openImport() {
        if (imports.importing() || !viewModel.writeAccess().mayWrite()) {
            return;
        }
        imports.reset();
        if (!imports.choose()) {
            return;
        }
        Stage[] stage = new Stage[1];
        ImportDialog dialog = new ImportDialog(imports, () -> stage[0].close());
        stage[0] = dialog(dialog, "fxml/entry/ImportDialog.fxml", "import.dialog.title");
        stage[0].setOnCloseRequest(e -> {
            if (!dialog.closeRequested()) {
                e.consume(); // an import is being cancelled: the window stays until it has stopped
            }
        });
        stage[0].show();
    }

    private void openExport() {
        exports.prepare(forms.kindProperty().get());
        Stage[] stage = new Stage[1];
        stage[0] = dialog(new ExportDialog(exports, () -> stage[0].close()), "fxml/entry/ExportDialog.fxml",
                "export.dialog.title");
        stage[0].show();
    }

    /** A window over the main one, in its theme, holding the FXML view whose controller is given. */
    private Stage dialog(Object controller, String fxml, String titleKey) {
        FXMLLoader loader = new FXMLLoader(
                Objects.requireNonNull(DataEntryView.class.getClassLoader().getResource(fxml), fxml), resources);
        loader.setControllerFactory(type -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
        Stage stage = new Stage();
        Window owner = entryRoot.getScene() == null ? null : entryRoot.getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(root);
        if (entryRoot.getScene() != null) {
            scene.getStylesheets().setAll(entryRoot.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle(resources.getString(titleKey));
        return stage;
    }

    // ------------------------------------------------------------------ forms

    private void initForms() {
        tabs.put(RecordKind.DEN_TAKEDOWN, denTab);
        tabs.put(RecordKind.WARNING_BATCH, warningTab);
        tabs.put(RecordKind.FRAUD_CASE, caseTab);
        tabs.put(RecordKind.WARNING_INSTRUCTION, instructionTab);
        tabs.put(RecordKind.STATISTIC, statisticTab);
        EntryFormRows rows = new EntryFormRows(resources, validation, names, this::keep);
        firstToChange.put(RecordKind.DEN_TAKEDOWN, rows.den(denGrid, (DenTakedownForm) forms.form(RecordKind.DEN_TAKEDOWN)));
        firstToChange.put(RecordKind.WARNING_BATCH,
                rows.warning(warningGrid, (WarningBatchForm) forms.form(RecordKind.WARNING_BATCH)));
        firstToChange.put(RecordKind.FRAUD_CASE, rows.fraudCase(caseGrid, (CaseForm) forms.form(RecordKind.FRAUD_CASE)));
        firstToChange.put(RecordKind.WARNING_INSTRUCTION,
                rows.instruction(instructionGrid, (InstructionForm) forms.form(RecordKind.WARNING_INSTRUCTION)));
        firstToChange.put(RecordKind.STATISTIC,
                rows.statistic(statisticGrid, (StatisticForm) forms.form(RecordKind.STATISTIC)));

        kindTabs.getSelectionModel().select(tabs.get(forms.kindProperty().get()));
        kindTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                tabs.forEach((k, t) -> {
                    if (t == now) {
                        forms.kindProperty().set(k);
                    }
                }));
        ChangeListener<RecordKind> kindListener = (obs, old, now) -> kindTabs.getSelectionModel().select(tabs.get(now));
        keep(kindListener);
        forms.kindProperty().addListener(new WeakChangeListener<>(kindListener));

        formTitle.textProperty().bind(forms.formTitleProperty());
        saveButton.disableProperty().bind(forms.validProperty().not());
        saveButton.setOnAction(e -> changes.save());
        clearButton.setOnAction(e -> forms.cancel());
        messageLabel.textProperty().bind(viewModel.message().textProperty());
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        InvalidationListener messageStyle = obs -> messageLabel.pseudoClassStateChanged(ERROR,
                viewModel.message().errorProperty().get());
        keep(messageStyle);
        viewModel.message().errorProperty().addListener(new WeakInvalidationListener(messageStyle));
        messageStyle.invalidated(null);

        InvalidationListener afterSave = obs -> focusFirstToChange();
        keep(afterSave);
        changes.savesProperty().addListener(new WeakInvalidationListener(afterSave));

        formPanel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER && e.getCode() != KeyCode.ESCAPE) {
                return;
            }
            if (popupShowing(e.getTarget()) || e.getTarget() instanceof TextArea || e.getTarget() instanceof Button) {
                return; // the pop-up takes its own Enter and Esc; a button fires
            }
            if (e.getCode() == KeyCode.ENTER) {
                commitEditors();
                changes.save();
            } else {
                forms.cancel();
            }
            e.consume();
        });
    }

    /** DatePickers and editable boxes commit what was typed only on leaving them; Enter saves before that. */
    private void commitEditors() {
        Node focus = entryRoot.getScene() == null ? null : entryRoot.getScene().getFocusOwner();
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof DatePicker picker && picker.getEditor() != null) {
                LocalDate typed = EntryFormRows.parseDate(picker.getEditor().getText());
                if (typed != null) {
                    picker.setValue(typed);
                }
                return;
            }
        }
    }

    private static boolean popupShowing(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?> box) {
                return box.isShowing();
            }
        }
        return false;
    }

    private void focusFirstToChange() {
        Control c = firstToChange.get(forms.kindProperty().get());
        if (c != null) {
            c.requestFocus();
        }
    }

    // ------------------------------------------------------------------ history

    private void initHistory() {
        SortedList<HistoryRow> sorted = new SortedList<>(history.rows());
        sorted.comparatorProperty().bind(historyTable.comparatorProperty());
        historyTable.setItems(sorted);
        historyTable.setPlaceholder(new Label(resources.getString("entry.history.placeholder")));
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ListChangeListener<HistoryRow> rowsChanged = c -> showColumns();
        keep(rowsChanged);
        history.rows().addListener(new WeakListChangeListener<>(rowsChanged));
        showColumns();
        searchField.textProperty().bindBidirectional(history.searchTextProperty());
        historyTable.setRowFactory(t -> {
            TableRow<HistoryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    forms.edit(row.getItem());
                }
            });
            return row;
        });
        historyTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            HistoryRow selected = historyTable.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                forms.edit(selected);
                e.consume();
            } else if (selected != null && e.getCode() == KeyCode.DELETE) {
                changes.delete(selected);
                e.consume();
            }
        });
        editButton.disableProperty().bind(historyTable.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(historyTable.getSelectionModel().selectedItemProperty().isNull());
        editButton.setOnAction(e -> forms.edit(historyTable.getSelectionModel().getSelectedItem()));
        deleteButton.setOnAction(e -> changes.delete(historyTable.getSelectionModel().getSelectedItem()));
    }

    /** One column per cell of the kind the history shows; rebuilt when the kind changes. */
    private void showColumns() {
        RecordKind k = history.kind();
        if (k == null || k == columnsKind) {
            return;
        }
        columnsKind = k;
        List<TableColumn<HistoryRow, HistoryCell>> columns = new ArrayList<>();
        List<String> titles = history.columns(k);
        for (int i = 0; i < titles.size(); i++) {
            int index = i;
            TableColumn<HistoryRow, HistoryCell> column = new TableColumn<>(titles.get(i));
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cells().get(index)));
            column.setCellFactory(c -> new FittingTableCell<>());
            boolean numeric = !history.rows().isEmpty()
                    && history.rows().getFirst().cells().get(i).sortKey() instanceof Number;
            column.setPrefWidth(numeric ? 80 : 115);
            column.setMinWidth(numeric ? 56 : 92); // narrower than this, the table scrolls
            if (numeric) {
                column.getStyleClass().add("numeric-column");
            }
            columns.add(column);
        }
        historyTable.getSortOrder().clear();
        historyTable.getColumns().setAll(columns);
    }

    // ------------------------------------------------------------------ audit trail

    private void initAudit() {
        List<String> kinds = new ArrayList<>();
        kinds.add(NONE);
        for (RecordKind k : RecordKind.values()) {
            kinds.add(k.code());
        }
        auditKindBox.getItems().setAll(kinds);
        String all = resources.getString("entry.audit.kind.all");
        auditKindBox.setConverter(Controls.byName(kinds, c -> NONE.equals(c) ? all : names.kindName(RecordKind.fromCode(c))));
        RecordKind chosen = audit.kindProperty().get();
        auditKindBox.setValue(chosen == null ? NONE : chosen.code());
        auditKindBox.valueProperty().addListener((obs, old, now) -> audit.kindProperty()
                .set(now == null || NONE.equals(now) ? null : RecordKind.fromCode(now)));
        auditSearchField.textProperty().bindBidirectional(audit.textProperty());
        verifyButton.setOnAction(e -> audit.verify());
        verifyLabel.textProperty().bind(audit.verifyTextProperty());
        verifyLabel.visibleProperty().bind(verifyLabel.textProperty().isNotEmpty());
        InvalidationListener verdict = obs -> {
            Boolean intact = audit.verifyIntactProperty().get();
            verifyLabel.pseudoClassStateChanged(INTACT, Boolean.TRUE.equals(intact));
            verifyLabel.pseudoClassStateChanged(ERROR, Boolean.FALSE.equals(intact));
        };
        keep(verdict);
        audit.verifyIntactProperty().addListener(new WeakInvalidationListener(verdict));
        verdict.invalidated(null);
        findingsList.setItems(audit.findings());
        findingsList.visibleProperty().bind(Bindings.isNotEmpty(audit.findings()));

        Controls.text(auTime, AuditRow::time);
        Controls.text(auActor, AuditRow::actor);
        Controls.text(auAction, AuditRow::action);
        Controls.text(auKind, AuditRow::kind);
        Controls.text(auId, AuditRow::id);
        Controls.text(auOrigin, AuditRow::origin);
        Controls.text(auChanged, AuditRow::changed);
        SortedList<AuditRow> sorted = new SortedList<>(audit.rows());
        sorted.comparatorProperty().bind(auditTable.comparatorProperty());
        auditTable.setItems(sorted);
        auditTable.setPlaceholder(new Label(resources.getString("entry.audit.placeholder")));
        auditTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    // ------------------------------------------------------------------ helpers

    private void keep(Object listener) {
        listeners.add(listener);
    }


}
