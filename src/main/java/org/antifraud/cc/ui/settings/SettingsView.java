package org.antifraud.cc.ui.settings;

import java.util.List;
import java.util.ResourceBundle;

import javafx.css.PseudoClass;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.antifraud.cc.domain.Role;
import org.antifraud.cc.ui.common.Controls;
import org.antifraud.cc.ui.common.WriteAccess;

import org.antifraud.cc.ui.common.AppearanceToggles;

/** Thin controller of the Settings page. */
public final class SettingsView {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
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

    @FXML private VBox databasePanel;
    @FXML private Label databaseCurrentLabel;
    @FXML private RadioButton embeddedChoice;
    @FXML private RadioButton sharedChoice;
    @FXML private TextField addressField;
    @FXML private Label addressError;
    @FXML private PasswordField testPasswordField;
    @FXML private Button testConnectionButton;
    @FXML private Button saveDatabaseButton;
    @FXML private ProgressIndicator testBusy;
    @FXML private Label testResultLabel;
    @FXML private Label databaseMessage;
    @FXML private VBox usersPanel;
    @FXML private TableView<UsersViewModel.UserRow> usersTable;
    @FXML private TableColumn<UsersViewModel.UserRow, String> userNameColumn;
    @FXML private TableColumn<UsersViewModel.UserRow, String> userRoleColumn;
    @FXML private TableColumn<UsersViewModel.UserRow, String> userRegionsColumn;
    @FXML private TableColumn<UsersViewModel.UserRow, String> userEnabledColumn;
    @FXML private ComboBox<Role> changeRoleBox;
    @FXML private Button setRoleButton;
    @FXML private Button disableUserButton;
    @FXML private TextField newUserName;
    @FXML private ComboBox<Role> newUserRole;
    @FXML private TextField newUserRegions;
    @FXML private PasswordField newUserPassword;
    @FXML private PasswordField newUserPasswordAgain;
    @FXML private Button addUserButton;
    @FXML private Label usersMessage;

    private final DatabaseSettingsViewModel database;
    private final UsersViewModel users;
    private final WriteAccess access;

    public SettingsView(SettingsViewModel viewModel) {
        this(viewModel, null, null, WriteAccess.ALL);
    }

    /**
     * @param database Settings → Database, or null to leave it out
     * @param users    Settings → Users, or null to leave it out (it shows itself to administrators only)
     * @param access   what this session may change: a viewer's writes here are disabled, saying why
     */
    public SettingsView(SettingsViewModel viewModel, DatabaseSettingsViewModel database, UsersViewModel users,
                        WriteAccess access) {
        this.viewModel = viewModel;
        this.database = database;
        this.users = users;
        this.access = access;
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
        if (!access.mayWrite()) {
            String why = access.readOnlyReason(viewModel.appearance().i18n());
            for (Button b : List.of(removeDemoButton, trustStationButton, revokeStationButton)) {
                b.disableProperty().unbind();
                b.setDisable(true);
                b.setTooltip(new Tooltip(why));
            }
        }
        initDatabase();
        initUsers();
    }

    private void initDatabase() {
        databasePanel.setVisible(database != null);
        if (database == null) {
            return;
        }
        databaseCurrentLabel.setText(database.currentText());
        ToggleGroup choice = new ToggleGroup();
        embeddedChoice.setToggleGroup(choice);
        sharedChoice.setToggleGroup(choice);
        (database.sharedChosenProperty().get() ? sharedChoice : embeddedChoice).setSelected(true);
        sharedChoice.selectedProperty().addListener((obs, old, now) -> database.sharedChosenProperty().set(now));
        addressField.textProperty().bindBidirectional(database.addressProperty());
        addressField.disableProperty().bind(sharedChoice.selectedProperty().not());
        testPasswordField.disableProperty().bind(sharedChoice.selectedProperty().not());
        addressError.textProperty().bind(database.addressErrorProperty());
        addressError.visibleProperty().bind(database.addressErrorProperty().isNotEmpty());
        testConnectionButton.disableProperty().bind(sharedChoice.selectedProperty().not()
                .or(database.testingProperty()));
        testConnectionButton.setOnAction(e -> {
            char[] typed = testPasswordField.getText().toCharArray();
            testPasswordField.clear(); // used once, never kept
            database.testConnection(typed);
        });
        saveDatabaseButton.setOnAction(e -> database.save());
        testBusy.visibleProperty().bind(database.testingProperty());
        testResultLabel.textProperty().bind(database.testResultProperty());
        testResultLabel.visibleProperty().bind(database.testResultProperty().isNotEmpty());
        databaseMessage.visibleProperty().bind(database.messageProperty().isNotEmpty());
        database.testFailedProperty().addListener((obs, old, now) -> testResultLabel.pseudoClassStateChanged(FAILED, now));
        testResultLabel.pseudoClassStateChanged(FAILED, database.testFailedProperty().get());
        databaseMessage.textProperty().bind(database.messageProperty());
    }

    private void initUsers() {
        usersPanel.setVisible(users != null && users.shown());
        if (users == null || !users.shown()) {
            return;
        }
        Controls.text(userNameColumn, UsersViewModel.UserRow::name);
        Controls.text(userRoleColumn, UsersViewModel.UserRow::roleText);
        Controls.text(userRegionsColumn, UsersViewModel.UserRow::regionsText);
        Controls.text(userEnabledColumn, UsersViewModel.UserRow::enabledText);
        usersTable.setItems(users.users());
        usersTable.setPlaceholder(new Label(resources.getString("settings.users.none")));
        var roleNames = Controls.byName(UsersViewModel.ROLES, r -> resources.getString("role." + r.code()));
        changeRoleBox.getItems().setAll(UsersViewModel.ROLES);
        changeRoleBox.setConverter(roleNames);
        newUserRole.getItems().setAll(UsersViewModel.ROLES);
        newUserRole.setConverter(roleNames);
        newUserRole.valueProperty().bindBidirectional(users.newRoleProperty());
        newUserName.textProperty().bindBidirectional(users.newNameProperty());
        newUserRegions.textProperty().bindBidirectional(users.newRegionsProperty());
        newUserRegions.disableProperty().bind(users.newRoleProperty().isNotEqualTo(Role.OPERATOR));
        var selected = usersTable.getSelectionModel().selectedItemProperty();
        selected.addListener((obs, old, now) -> changeRoleBox.setValue(now == null ? null : now.role()));
        setRoleButton.disableProperty().bind(selected.isNull().or(users.busyProperty()));
        setRoleButton.setOnAction(e -> users.setRole(selected.get(), changeRoleBox.getValue()));
        disableUserButton.disableProperty().bind(selected.isNull().or(users.busyProperty()));
        disableUserButton.setOnAction(e -> users.disable(selected.get()));
        addUserButton.disableProperty().bind(users.busyProperty());
        addUserButton.setOnAction(e -> {
            char[] first = newUserPassword.getText().toCharArray();
            char[] again = newUserPasswordAgain.getText().toCharArray();
            newUserPassword.clear(); // the typed text does not stay in the scene graph
            newUserPasswordAgain.clear();
            users.add(first, again);
        });
        usersMessage.textProperty().bind(users.messageProperty());
        usersMessage.visibleProperty().bind(users.messageProperty().isNotEmpty());
        users.failedProperty().addListener((obs, old, now) -> usersMessage.pseudoClassStateChanged(FAILED, now));
        users.refresh();
    }
}
