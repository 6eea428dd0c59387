package org.antifraud.cc.ui.alerts;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.ui.common.Controls;
import org.antifraud.cc.ui.common.FittingTableCell;
import org.antifraud.cc.ui.common.StyleClasses;
import org.controlsfx.control.SearchableComboBox;
import org.antifraud.cc.ui.common.WriteAccess;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Thin controller of the Alerts page: binds the thresholds table, the form and the alerts list to the ViewModel. */
public final class AlertsView {
    /** Acknowledges the selected alerts while the page has the focus. */
    public static final KeyCombination ACKNOWLEDGE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final AlertsViewModel viewModel;
    private final ThresholdFormViewModel form;
    private final AlertFeedViewModel feed;
    private final AlertWords words;
    // held by this view; the ViewModel outlives views (a language switch reloads them) and sees them weakly
    private final InvalidationListener errorListener = obs -> showError();
    private final ListChangeListener<ThresholdRow> thresholdsListener = c -> restoreSelection();
    private final InvalidationListener filterListener = obs -> showFilter();
    private ValidationSupport validation;
    private final InvalidationListener validationListener = obs -> validation.revalidate();
    private boolean restoringSelection;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane alertsRoot;
    @FXML private Label countLabel;
    @FXML private Label errorLabel;
    @FXML private Button evaluateButton;
    @FXML private ProgressIndicator busyIndicator;

    @FXML private TableView<ThresholdRow> thresholdTable;
    @FXML private TableColumn<ThresholdRow, String> thIndicator;
    @FXML private TableColumn<ThresholdRow, String> thRegion;
    @FXML private TableColumn<ThresholdRow, String> thGrain;
    @FXML private TableColumn<ThresholdRow, String> thRule;
    @FXML private TableColumn<ThresholdRow, String> thEnabled;
    @FXML private TableColumn<ThresholdRow, String> thCreatedBy;

    @FXML private Label formTitle;
    @FXML private SearchableComboBox<String> indicatorBox;
    @FXML private SearchableComboBox<String> regionBox;
    @FXML private Label tierLabel;
    @FXML private ComboBox<String> tierBox;
    @FXML private Label riskLabel;
    @FXML private ComboBox<String> riskBox;
    @FXML private ComboBox<AlertGrain> grainBox;
    @FXML private ComboBox<AlertKind> kindBox;
    @FXML private TextField limitField;
    @FXML private Label limitUnit;
    @FXML private CheckBox enabledBox;
    @FXML private Label fixedNote;
    @FXML private Button saveButton;
    @FXML private Button newButton;
    @FXML private Button deleteButton;
    @FXML private Label fieldErrorLabel;
    @FXML private Label formMessage;

    @FXML private SegmentedButton filterButtons;
    @FXML private ToggleButton showOpen;
    @FXML private ToggleButton showAll;
    @FXML private TextField searchField;
    @FXML private Button acknowledgeButton;
    @FXML private TableView<AlertRow> alertTable;
    @FXML private TableColumn<AlertRow, String> alRaised;
    @FXML private TableColumn<AlertRow, String> alIndicator;
    @FXML private TableColumn<AlertRow, String> alRegion;
    @FXML private TableColumn<AlertRow, String> alPeriod;
    @FXML private TableColumn<AlertRow, AlertRow> alValue;
    @FXML private TableColumn<AlertRow, String> alLimit;
    @FXML private TableColumn<AlertRow, String> alAcknowledged;

    public AlertsView(AlertsViewModel viewModel) {
        this.viewModel = viewModel;
        this.form = viewModel.form();
        this.feed = viewModel.feed();
        this.words = viewModel.words();
    }

    @FXML
    private void initialize() {
        countLabel.textProperty().bind(feed.countTextProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        evaluateButton.setOnAction(e -> viewModel.evaluate());
        viewModel.loadErrorProperty().addListener(new WeakInvalidationListener(errorListener));
        showError();

        initThresholdTable();
        initForm();
        initAlertList();
        initWriteAccess();

        alertsRoot.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (ACKNOWLEDGE.match(e)) {
                acknowledgeSelected();
                e.consume();
            }
        });
    }

    private void initThresholdTable() {
        Controls.text(thIndicator, ThresholdRow::indicator);
        Controls.text(thRegion, ThresholdRow::region);
        Controls.text(thGrain, ThresholdRow::grain);
        Controls.text(thRule, ThresholdRow::rule);
        Controls.text(thEnabled, ThresholdRow::enabledText);
        Controls.text(thCreatedBy, ThresholdRow::createdBy);
        thresholdTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        thresholdTable.setPlaceholder(new Label(resources.getString("alerts.placeholder.thresholds")));
        thresholdTable.setItems(viewModel.thresholds());
        thresholdTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !restoringSelection) {
                viewModel.edit(now.id());
            }
        });
        viewModel.thresholds().addListener(new WeakListChangeListener<>(thresholdsListener));
        restoreSelection();
    }

    /** After the list is read again, the threshold in the form stays selected (without reloading the form). */
    private void restoreSelection() {
        Long editing = form.editingIdProperty().get();
        restoringSelection = true;
        try {
            thresholdTable.getItems().stream().filter(r -> editing != null && r.id() == editing).findFirst()
                    .ifPresentOrElse(r -> thresholdTable.getSelectionModel().select(r),
                            () -> thresholdTable.getSelectionModel().clearSelection());
        } finally {
            restoringSelection = false;
        }
    }

    private void initForm() {
        formTitle.textProperty().bind(form.titleProperty());

        indicatorBox.getItems().setAll(words.indicatorChoices());
        indicatorBox.setConverter(Controls.byName(indicatorBox.getItems(), words::indicatorName));
        indicatorBox.valueProperty().bindBidirectional(form.indicatorProperty());
        regionBox.getItems().setAll(words.regionChoices());
        regionBox.setConverter(Controls.byName(regionBox.getItems(), words::regionName));
        regionBox.valueProperty().bindBidirectional(form.regionProperty());
        tierBox.getItems().setAll(words.tierChoices());
        tierBox.setConverter(Controls.byName(tierBox.getItems(), words::tierName));
        tierBox.valueProperty().bindBidirectional(form.tierProperty());
        riskBox.getItems().setAll(words.riskChoices());
        riskBox.setConverter(Controls.byName(riskBox.getItems(), words::riskName));
        riskBox.valueProperty().bindBidirectional(form.riskProperty());
        // a tier or level can be watched only on a figure of warning instructions (the rows show for those alone,
        // keeping the form short for every other indicator), and not changed once saved
        for (Control c : List.of(tierLabel, tierBox, riskLabel, riskBox)) {
            c.visibleProperty().bind(form.cutAppliesProperty());
            c.managedProperty().bind(form.cutAppliesProperty());
        }
        tierBox.disableProperty().bind(form.editingProperty());
        riskBox.disableProperty().bind(form.editingProperty());
        grainBox.getItems().setAll(AlertGrain.values());
        grainBox.setConverter(Controls.byName(grainBox.getItems(), words::grainName));
        grainBox.valueProperty().bindBidirectional(form.grainProperty());
        kindBox.getItems().setAll(AlertKind.values());
        kindBox.setConverter(Controls.byName(kindBox.getItems(), words::kindName));
        kindBox.valueProperty().bindBidirectional(form.kindProperty());
        limitField.textProperty().bindBidirectional(form.limitProperty());
        limitUnit.textProperty().bind(form.limitUnitProperty());
        enabledBox.selectedProperty().bindBidirectional(form.enabledProperty());

        // what a stored threshold watches is fixed; only its limit and whether it is on change
        for (Control c : List.of(indicatorBox, regionBox, grainBox, kindBox)) {
            c.disableProperty().bind(form.editingProperty());
        }
        fixedNote.visibleProperty().bind(form.editingProperty());
        deleteButton.disableProperty().bind(form.editingProperty().not());

        saveButton.setOnAction(e -> form.save());
        limitField.setOnAction(e -> form.save());
        newButton.setOnAction(e -> {
            thresholdTable.getSelectionModel().clearSelection();
            form.newThreshold();
        });
        deleteButton.setOnAction(e -> form.delete());

        ObservableValue<String> fieldError = Bindings.createStringBinding(this::firstFieldError,
                form.indicatorErrorProperty(), form.regionErrorProperty(), form.limitErrorProperty());
        fieldErrorLabel.textProperty().bind(fieldError);
        fieldErrorLabel.visibleProperty().bind(fieldErrorLabel.textProperty().isNotEmpty());
        formMessage.textProperty().bind(form.message().textProperty());
        formMessage.visibleProperty().bind(formMessage.textProperty().isNotEmpty());
        form.message().errorProperty().addListener(new WeakInvalidationListener(errorListener));

        validation = new ValidationSupport();
        register(indicatorBox, form.indicatorErrorProperty());
        register(regionBox, form.regionErrorProperty());
        register(limitField, form.limitErrorProperty());
    }

    private String firstFieldError() {
        for (String e : List.of(nullToEmpty(form.indicatorErrorProperty().get()),
                nullToEmpty(form.regionErrorProperty().get()), nullToEmpty(form.limitErrorProperty().get()))) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void register(Control control, ObservableValue<String> error) {
        validation.registerValidator(control, false, (c, value) ->
                ValidationResult.fromErrorIf(c, error.getValue(), error.getValue() != null));
        error.addListener(new WeakInvalidationListener(validationListener));
    }

    private void initAlertList() {
        Controls.text(alRaised, AlertRow::raisedAt);
        Controls.text(alIndicator, AlertRow::indicator);
        Controls.text(alRegion, AlertRow::region);
        Controls.text(alPeriod, AlertRow::period);
        alValue.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        Controls.text(alLimit, AlertRow::limit);
        Controls.text(alAcknowledged, AlertRow::acknowledged);
        String demo = resources.getString("kpi.synthetic");
        alValue.setCellFactory(column -> new FittingTableCell<>() {
            @Override
            protected void updateItem(AlertRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.value());
                if (!empty && row != null && row.synthetic()) {
                    Label badge = new Label(demo);
                    badge.getStyleClass().add(StyleClasses.SYNTHETIC_BADGE);
                    setGraphic(badge);
                } else {
                    setGraphic(null);
                }
            }
        });
        alertTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AlertRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(OPEN, !empty && item != null && item.open());
            }
        });
        alertTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        alertTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        alertTable.setPlaceholder(new Label(resources.getString("alerts.placeholder.alerts")));
        alertTable.setItems(feed.rows());

        filterButtons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one filter is always chosen
            } else {
                feed.unacknowledgedOnlyProperty().set(now == showOpen);
            }
        });
        feed.unacknowledgedOnlyProperty().addListener(new WeakInvalidationListener(filterListener));
        showFilter();
        searchField.textProperty().bindBidirectional(feed.searchTextProperty());

        acknowledgeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> alertTable.getSelectionModel().getSelectedItems().stream().noneMatch(AlertRow::open),
                alertTable.getSelectionModel().getSelectedItems()));
        acknowledgeButton.setOnAction(e -> acknowledgeSelected());
        acknowledgeButton.setTooltip(new Tooltip(MessageFormat.format(
                resources.getString("alerts.action.acknowledge.tooltip"), ACKNOWLEDGE.getDisplayText())));
    }

    private void showFilter() {
        (feed.unacknowledgedOnlyProperty().get() ? showOpen : showAll).setSelected(true);
    }

    /**
     * A session that may not write (a viewer of a shared database): thresholds cannot be made, changed, deleted or
     * evaluated here, nor alerts acknowledged; each control says why. The writing desks raise the alerts it reads.
     */
    private void initWriteAccess() {
        WriteAccess access = viewModel.writeAccess();
        if (access.mayWrite()) {
            return;
        }
        String why = access.readOnlyReason(words.i18n());
        for (Button b : List.of(evaluateButton, saveButton, newButton, deleteButton, acknowledgeButton)) {
            b.disableProperty().unbind();
            b.setDisable(true);
            b.setTooltip(new Tooltip(why));
        }
    }

    private void acknowledgeSelected() {
        if (!viewModel.writeAccess().mayWrite()) {
            return;
        }
        feed.acknowledge(alertTable.getSelectionModel().getSelectedItems().stream()
                .filter(AlertRow::open).map(AlertRow::id).toList());
    }

    private void showError() {
        String load = viewModel.loadErrorProperty().get();
        errorLabel.setText(load == null ? "" : load);
        errorLabel.setVisible(load != null);
        formMessage.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"),
                form.message().errorProperty().get());
    }


}
