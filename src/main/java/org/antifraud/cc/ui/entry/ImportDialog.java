package org.antifraud.cc.ui.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Thin controller of the Import dialog: binds it to the {@link ImportViewModel}; {@code close} hides the window. */
public final class ImportDialog {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ImportViewModel viewModel;
    private final Runnable close;
    /** Held here: the ViewModel outlives the dialog. */
    private InvalidationListener columnsChanged;
    private InvalidationListener phaseChanged;
    private InvalidationListener problemsChanged;

    @FXML private ResourceBundle resources;
    @FXML private VBox importRoot;
    @FXML private Label fileLabel;
    @FXML private Button chooseButton;
    @FXML private Label typeLabel;
    @FXML private TableView<List<String>> previewTable;
    @FXML private ProgressBar progressBar;
    @FXML private Label importMessageLabel;
    @FXML private VBox problemsBox;
    @FXML private TextArea problemsText;
    @FXML private Button importRunButton;
    @FXML private Button importCloseButton;

    public ImportDialog(ImportViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        fileLabel.textProperty().bind(Bindings.when(viewModel.fileNameProperty().isEmpty())
                .then(resources.getString("import.dialog.no_file")).otherwise(viewModel.fileNameProperty()));
        typeLabel.textProperty().bind(viewModel.typeTextProperty());
        chooseButton.disableProperty().bind(viewModel.runningProperty());
        chooseButton.setOnAction(e -> viewModel.choose());

        previewTable.setItems(viewModel.rows());
        previewTable.setPlaceholder(new Label(resources.getString("import.dialog.preview_empty")));
        previewTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        columnsChanged = obs -> showColumns();
        viewModel.columns().addListener(new WeakInvalidationListener(columnsChanged));
        viewModel.rows().addListener(new WeakInvalidationListener(columnsChanged));
        showColumns();

        progressBar.progressProperty().bind(viewModel.progressProperty());
        importMessageLabel.textProperty().bind(viewModel.messageProperty());
        importMessageLabel.visibleProperty().bind(importMessageLabel.textProperty().isNotEmpty());
        problemsChanged = obs -> problemsText.setText(String.join("\n", viewModel.problems()));
        viewModel.problems().addListener(new WeakInvalidationListener(problemsChanged));
        problemsChanged.invalidated(null);
        problemsBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));

        importRunButton.disableProperty().bind(viewModel.canImportProperty().not());
        importRunButton.setOnAction(e -> viewModel.startImport());
        importCloseButton.setOnAction(e -> {
            if (!viewModel.cancel()) {
                close.run();
            }
        });
        phaseChanged = obs -> showPhase();
        viewModel.phaseProperty().addListener(new WeakInvalidationListener(phaseChanged));
        viewModel.messageIsErrorProperty().addListener(new WeakInvalidationListener(phaseChanged));
        showPhase();
    }

    /** Asks the window to close: during an import that is a Cancel, and the window stays until it has stopped. */
    public boolean closeRequested() {
        return !viewModel.cancel();
    }

    private void showPhase() {
        ImportViewModel.Phase p = viewModel.phaseProperty().get();
        boolean importing = p == ImportViewModel.Phase.IMPORTING || p == ImportViewModel.Phase.CANCELLING;
        progressBar.setVisible(importing || p == ImportViewModel.Phase.DONE);
        importCloseButton.setDisable(p == ImportViewModel.Phase.CANCELLING);
        boolean finished = p == ImportViewModel.Phase.DONE || p == ImportViewModel.Phase.REJECTED;
        importCloseButton.setText(resources.getString(finished ? "import.dialog.close" : "import.dialog.cancel"));
        importMessageLabel.pseudoClassStateChanged(ERROR, viewModel.messageIsErrorProperty().get());
        if (finished) {
            importCloseButton.requestFocus(); // Enter or Esc closes
        }
    }

    private void showColumns() {
        List<String> header = viewModel.columns();
        List<TableColumn<List<String>, String>> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(header.get(i));
            column.setSortable(false);
            int chars = header.get(i).length();
            for (List<String> row : viewModel.rows()) {
                chars = Math.max(chars, i < row.size() ? row.get(i).length() : 0);
            }
            column.setPrefWidth(Math.max(56, Math.min(300, 8 * chars + 26))); // about the widest cell shown
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    index < c.getValue().size() ? c.getValue().get(index) : ""));
            columns.add(column);
        }
        previewTable.getColumns().setAll(columns);
    }
}
