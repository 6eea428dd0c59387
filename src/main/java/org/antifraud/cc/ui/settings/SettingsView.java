package org.antifraud.cc.ui.settings;

import java.util.Locale;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.Theme;

/** Thin controller of the Settings page. */
public final class SettingsView {
    private final SettingsViewModel viewModel;

    @FXML private RadioButton darkTheme;
    @FXML private RadioButton lightTheme;
    @FXML private RadioButton langZh;
    @FXML private RadioButton langEn;
    @FXML private Label dataDirLabel;
    @FXML private Button removeDemoButton;
    @FXML private Label messageLabel;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        var appearance = viewModel.appearance();
        ToggleGroup themes = new ToggleGroup();
        darkTheme.setToggleGroup(themes);
        lightTheme.setToggleGroup(themes);
        (appearance.themeProperty().get() == Theme.LIGHT ? lightTheme : darkTheme).setSelected(true);
        darkTheme.setOnAction(e -> appearance.themeProperty().set(Theme.DARK));
        lightTheme.setOnAction(e -> appearance.themeProperty().set(Theme.LIGHT));

        ToggleGroup langs = new ToggleGroup();
        langZh.setToggleGroup(langs);
        langEn.setToggleGroup(langs);
        Locale locale = appearance.localeProperty().get();
        (Lang.isChinese(locale) ? langZh : langEn).setSelected(true);
        langZh.setOnAction(e -> appearance.localeProperty().set(Lang.ZH));
        langEn.setOnAction(e -> appearance.localeProperty().set(Lang.EN));

        dataDirLabel.textProperty().bind(viewModel.dataDirTextProperty());
        removeDemoButton.setOnAction(e -> viewModel.removeDemo());
        removeDemoButton.disableProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
    }
}
