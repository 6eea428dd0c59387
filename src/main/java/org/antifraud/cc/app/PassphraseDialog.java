package org.antifraud.cc.app;

import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.I18n;

/**
 * The passphrase of an encrypted database, asked before the main window opens (issue 13). OK gives the typed
 * characters; Cancel (or closing the dialog) gives nothing and the application ends.
 */
final class PassphraseDialog {
    static final String FIELD_ID = "passphraseField";
    static final String WRONG_ID = "passphraseWrong";

    private PassphraseDialog() {
    }

    /** Shows the dialog and waits (FX thread); {@code wrongBefore} says the last one was wrong. */
    static Optional<char[]> ask(I18n i18n, Path dataDir, boolean wrongBefore) {
        Dialog<char[]> dialog = build(i18n, dataDir, wrongBefore);
        return dialog.showAndWait();
    }

    static Dialog<char[]> build(I18n i18n, Path dataDir, boolean wrongBefore) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("passphrase.dialog.title"));
        dialog.setHeaderText(i18n.get("passphrase.dialog.header"));
        ButtonType open = new ButtonType(i18n.get("passphrase.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("passphrase.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(open, cancel);
        PasswordField field = new PasswordField();
        field.setId(FIELD_ID);
        VBox box = new VBox(8, new Label(i18n.get("passphrase.dialog.prompt", dataDir.toAbsolutePath().toString())),
                field);
        if (wrongBefore) {
            Label wrong = new Label(i18n.get("passphrase.dialog.wrong"));
            wrong.setId(WRONG_ID);
            box.getChildren().add(wrong);
        }
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setResultConverter(button -> {
            if (button != open) {
                return null;
            }
            char[] typed = field.getText().toCharArray();
            field.clear(); // the typed text does not stay in the scene graph
            return typed;
        });
        Platform.runLater(field::requestFocus);
        return dialog;
    }
}
