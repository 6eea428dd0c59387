package org.antifraud.cc.app;

import java.nio.file.Path;
import java.util.Optional;




import javafx.scene.control.Dialog;




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
        return SecretDialog.build(i18n, "passphrase.dialog", dataDir.toAbsolutePath().toString(), wrongBefore,
                FIELD_ID, WRONG_ID);
    }
}
