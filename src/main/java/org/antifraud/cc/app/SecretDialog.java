package org.antifraud.cc.app;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.I18n;

/**
 * A masked secret asked in a dialog: an encrypted database's passphrase ({@link PassphraseDialog}) or a shared
 * database's password ({@link SharedPasswordDialog}). OK gives the typed characters and clears the field, so the
 * text does not stay in the scene graph; Cancel (or closing) gives null. The texts are {@code <keys>.title},
 * {@code .header}, {@code .ok}, {@code .cancel}, {@code .prompt} (with {@code subject}) and {@code .wrong}.
 */
final class SecretDialog {
    private SecretDialog() {
    }

    static Dialog<char[]> build(I18n i18n, String keys, String subject, boolean wrongBefore, String fieldId,
                                String wrongId) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(i18n.get(keys + ".title"));
        dialog.setHeaderText(i18n.get(keys + ".header"));
        ButtonType open = new ButtonType(i18n.get(keys + ".ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get(keys + ".cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(open, cancel);
        PasswordField field = new PasswordField();
        field.setId(fieldId);
        VBox box = new VBox(8, new Label(i18n.get(keys + ".prompt", subject)), field);
        if (wrongBefore) {
            Label wrong = new Label(i18n.get(keys + ".wrong"));
            wrong.setId(wrongId);
            wrong.getStyleClass().add("error-label");
            box.getChildren().add(wrong);
        }
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setResultConverter(button -> {
            if (button != open) {
                return null;
            }
            char[] typed = field.getText().toCharArray();
            field.clear();
            return typed;
        });
        Platform.runLater(field::requestFocus);
        return dialog;
    }
}
