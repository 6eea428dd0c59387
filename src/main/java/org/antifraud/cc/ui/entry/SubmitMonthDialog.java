package org.antifraud.cc.ui.entry;

import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.Controls;
import org.controlsfx.control.SearchableComboBox;

/** Thin controller of the Submit month dialog: binds it to the {@link SubmitMonthViewModel}; {@code close} hides the window. */
public final class SubmitMonthDialog {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SubmitMonthViewModel viewModel;
    private final Runnable close;
    private InvalidationListener messageStyle;

    @FXML private ResourceBundle resources;
    @FXML private VBox submitRoot;
    @FXML private Label submitTitle;
    @FXML private SearchableComboBox<String> provinceBox;
    @FXML private TextField monthField;
    @FXML private Label monthError;
    @FXML private Label stateLabel;
    @FXML private VBox reasonBox;
    @FXML private TextArea reasonArea;
    @FXML private Label reasonError;
    @FXML private Label submitMessage;
    @FXML private Button submitButton;
    @FXML private Button reopenButton;
    @FXML private Button confirmReopenButton;
    @FXML private Button cancelReopenButton;
    @FXML private Button submitCloseButton;

    public SubmitMonthDialog(SubmitMonthViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        submitTitle.textProperty().bind(viewModel.titleProperty());
        provinceBox.getItems().setAll(viewModel.provinceChoices());
        provinceBox.setConverter(Controls.byName(viewModel.provinceChoices(), viewModel::regionName));
        provinceBox.valueProperty().bindBidirectional(viewModel.provinceProperty());
        monthField.textProperty().bindBidirectional(viewModel.monthTextProperty());
        monthError.textProperty().bind(viewModel.monthErrorProperty());
        monthError.visibleProperty().bind(viewModel.monthErrorProperty().isNotEmpty());
        stateLabel.textProperty().bind(viewModel.stateTextProperty());

        reasonBox.visibleProperty().bind(viewModel.reopeningProperty());
        reasonArea.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonError.textProperty().bind(viewModel.reasonErrorProperty());
        reasonError.visibleProperty().bind(viewModel.reasonErrorProperty().isNotEmpty());
        viewModel.reopeningProperty().addListener((obs, old, now) -> {
            if (now) {
                Platform.runLater(reasonArea::requestFocus);
            }
            fit();
        });

        submitMessage.textProperty().bind(viewModel.messageProperty());
        submitMessage.visibleProperty().bind(submitMessage.textProperty().isNotEmpty());
        messageStyle = obs -> submitMessage.pseudoClassStateChanged(ERROR, viewModel.messageIsErrorProperty().get());
        viewModel.messageIsErrorProperty().addListener(new WeakInvalidationListener(messageStyle));
        messageStyle.invalidated(null);
        submitMessage.textProperty().addListener(obs -> fit());
        monthError.visibleProperty().addListener(obs -> fit());
        reasonError.visibleProperty().addListener(obs -> fit());

        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        submitButton.visibleProperty().bind(viewModel.reopeningProperty().not());
        submitButton.managedProperty().bind(submitButton.visibleProperty());
        submitButton.setOnAction(e -> viewModel.submit());
        reopenButton.disableProperty().bind(viewModel.canReopenProperty().not());
        reopenButton.visibleProperty().bind(viewModel.reopeningProperty().not());
        reopenButton.managedProperty().bind(reopenButton.visibleProperty());
        reopenButton.setOnAction(e -> viewModel.startReopen());
        confirmReopenButton.visibleProperty().bind(viewModel.reopeningProperty());
        confirmReopenButton.disableProperty().bind(viewModel.busyProperty());
        confirmReopenButton.setOnAction(e -> viewModel.confirmReopen());
        cancelReopenButton.visibleProperty().bind(viewModel.reopeningProperty());
        cancelReopenButton.setOnAction(e -> viewModel.cancelReopen());
        submitCloseButton.setOnAction(e -> close.run());
    }

    /** The window grows with an error, a message or the reason. */
    private void fit() {
        Platform.runLater(() -> {
            if (submitRoot.getScene() != null && submitRoot.getScene().getWindow() != null) {
                submitRoot.getScene().getWindow().sizeToScene();
            }
        });
    }
}
