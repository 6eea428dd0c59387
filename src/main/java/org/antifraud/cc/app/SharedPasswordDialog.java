package org.antifraud.cc.app;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.I18n;

/**
 * The password of a shared database's login, asked when the server refused it without one from PGPASSWORD or
 * {@code ~/.pgpass} (issue 15). Masked; OK gives the typed characters, Cancel (or closing) nothing. It is never
 * stored: it lives in memory while the database is open.
 */
final class SharedPasswordDialog {
    static final String FIELD_ID = "sharedPasswordField";
    static final String WRONG_ID = "sharedPasswordWrong";

    private SharedPasswordDialog() {
    }

    /** Shows the dialog (FX thread) without waiting; {@code answer} gets the password, or empty on Cancel. */
    static void ask(I18n i18n, String target, boolean wrongBefore, Consumer<Optional<char[]>> answer) {
        Dialog<char[]> dialog = build(i18n, target, wrongBefore);
        dialog.setOnHidden(e -> answer.accept(Optional.ofNullable(dialog.getResult())));
        dialog.show();
    }

    static Dialog<char[]> build(I18n i18n, String target, boolean wrongBefore) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("shared.password.title"));
        dialog.setHeaderText(i18n.get("shared.password.header"));
        ButtonType open = new ButtonType(i18n.get("shared.password.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("shared.password.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(open, cancel);
        PasswordField field = new PasswordField();
        field.setId(FIELD_ID);
        VBox box = new VBox(8, new Label(i18n.get("shared.password.prompt", target)), field);
        if (wrongBefore) {
            Label wrong = new Label(i18n.get("shared.password.wrong"));
            wrong.setId(WRONG_ID);
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
            field.clear(); // the typed text does not stay in the scene graph
            return typed;
        });
        Platform.runLater(field::requestFocus);
        return dialog;
    }
}
