package org.antifraud.cc.ui.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.ui.common.Controls;
import org.controlsfx.control.SearchableComboBox;

/** Thin controller of the Export dialog: binds it to the {@link ExportViewModel}; {@code close} hides the window. */
public final class ExportDialog {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** "All regions" in the region box (the ViewModel's null). */
    private static final String ALL = "";

    private final ExportViewModel viewModel;
    private final Runnable close;
    private InvalidationListener messageStyle;

    @FXML private ResourceBundle resources;
    @FXML private VBox exportRoot;
    @FXML private ComboBox<CsvFileType> typeBox;
    @FXML private TextField periodField;
    @FXML private Label periodError;
    @FXML private SearchableComboBox<String> regionBox;
    @FXML private Label exportMessageLabel;
    @FXML private Button exportRunButton;
    @FXML private Button exportCloseButton;

    public ExportDialog(ExportViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        typeBox.getItems().setAll(CsvFileType.values());
        typeBox.setConverter(Controls.byName(List.of(CsvFileType.values()), viewModel::typeName));
        typeBox.valueProperty().bindBidirectional(viewModel.typeProperty());

        periodField.textProperty().bindBidirectional(viewModel.periodTextProperty());
        periodError.textProperty().bind(viewModel.periodErrorProperty());
        periodError.visibleProperty().bind(viewModel.periodErrorProperty().isNotEmpty());

        List<String> regions = new ArrayList<>();
        regions.add(ALL);
        regions.addAll(viewModel.regionChoices());
        regionBox.getItems().setAll(regions);
        String all = resources.getString("export.dialog.region_all");
        regionBox.setConverter(Controls.byName(regions, c -> ALL.equals(c) ? all : viewModel.regionName(c)));
        String chosen = viewModel.regionProperty().get();
        regionBox.setValue(chosen == null ? ALL : chosen);
        regionBox.valueProperty().addListener((obs, old, now) ->
                viewModel.regionProperty().set(now == null || ALL.equals(now) ? null : now));

        exportMessageLabel.textProperty().bind(viewModel.messageProperty());
        exportMessageLabel.visibleProperty().bind(exportMessageLabel.textProperty().isNotEmpty());
        messageStyle = obs -> exportMessageLabel.pseudoClassStateChanged(ERROR, viewModel.messageIsErrorProperty().get());
        viewModel.messageIsErrorProperty().addListener(new WeakInvalidationListener(messageStyle));
        messageStyle.invalidated(null);

        // the window grows with an error or a message (a long path wraps)
        InvalidationListener fit = obs -> Platform.runLater(() -> {
            if (exportRoot.getScene() != null && exportRoot.getScene().getWindow() != null) {
                exportRoot.getScene().getWindow().sizeToScene();
            }
        });
        periodError.visibleProperty().addListener(fit);
        exportMessageLabel.textProperty().addListener(fit);
        exportRunButton.disableProperty().bind(viewModel.busyProperty());
        exportRunButton.setOnAction(e -> viewModel.export());
        exportCloseButton.setOnAction(e -> close.run());
    }

}
