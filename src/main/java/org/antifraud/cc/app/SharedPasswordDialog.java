package org.antifraud.cc.app;

import java.util.Optional;
import java.util.function.Consumer;




import javafx.scene.control.Dialog;




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
        return SecretDialog.build(i18n, "shared.password", target, wrongBefore, FIELD_ID, WRONG_ID);
    }
}
