package org.antifraud.cc.ui.settings;

import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;

import org.antifraud.cc.ui.common.AppearanceToggles;

/** Thin controller of the Settings page. */
public final class SettingsView {
    private final SettingsViewModel viewModel;
    private AppearanceToggles toggles;

    @FXML private RadioButton darkTheme;
    @FXML private RadioButton lightTheme;
    @FXML private RadioButton langZh;
    @FXML private RadioButton langEn;
    @FXML private Label dataDirLabel;
    @FXML private Button removeDemoButton;
    @FXML private Label messageLabel;
    @FXML private TextField operatorField;
    @FXML private ResourceBundle resources;
    @FXML private TextField classificationField;
    @FXML private Button saveClassificationButton;
    @FXML private Button saveOperatorButton;
    @FXML private TextField lateDaysField;
    @FXML private Button saveLateDaysButton;
    @FXML private Label lateDaysError;
    @FXML private Label ownStationLabel;
    @FXML private ListView<SettingsViewModel.StationRow> stationList;
    @FXML private Button trustStationButton;
    @FXML private Button revokeStationButton;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        toggles = AppearanceToggles.bind(viewModel.appearance(), darkTheme, lightTheme, langZh, langEn);

        dataDirLabel.textProperty().bind(viewModel.dataDirTextProperty());
        removeDemoButton.setOnAction(e -> viewModel.removeDemo());
        removeDemoButton.disableProperty().bind(viewModel.removeDemoDisabled());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        operatorField.textProperty().bindBidirectional(viewModel.operatorNameProperty());
        operatorField.setPromptText(viewModel.operatorFallback());
        operatorField.setOnAction(e -> viewModel.saveOperator());
        classificationField.textProperty().bindBidirectional(viewModel.classificationProperty());
        classificationField.setPromptText(resources.getString("settings.classification.prompt"));
        classificationField.setOnAction(e -> viewModel.saveClassification());
        saveClassificationButton.setOnAction(e -> viewModel.saveClassification());
        saveOperatorButton.setOnAction(e -> viewModel.saveOperator());
        lateDaysField.textProperty().bindBidirectional(viewModel.lateAfterDaysTextProperty());
        lateDaysField.setOnAction(e -> viewModel.saveLateAfterDays());
        saveLateDaysButton.setOnAction(e -> viewModel.saveLateAfterDays());
        lateDaysError.textProperty().bind(viewModel.lateAfterDaysErrorProperty());
        lateDaysError.visibleProperty().bind(viewModel.lateAfterDaysErrorProperty().isNotEmpty());
        ownStationLabel.textProperty().bind(viewModel.ownStationProperty());
        stationList.setItems(viewModel.stations());
        stationList.setPlaceholder(new Label(resources.getString("settings.stations.none")));
        stationList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SettingsViewModel.StationRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null
                        : row.fingerprint() + "   " + row.label() + "   " + row.since());
            }
        });
        trustStationButton.setOnAction(e -> viewModel.trustStation());
        trustStationButton.disableProperty().bind(viewModel.busyProperty());
        revokeStationButton.setOnAction(e -> viewModel.revokeStation(stationList.getSelectionModel().getSelectedItem()));
        revokeStationButton.disableProperty().bind(viewModel.busyProperty()
                .or(stationList.getSelectionModel().selectedItemProperty().isNull()));
    }
}
