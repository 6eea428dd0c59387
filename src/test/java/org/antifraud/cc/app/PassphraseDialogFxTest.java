package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The passphrase asked before the window of an encrypted database opens (issue 13). */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class PassphraseDialogFxTest {
    private static final Path DATA = Path.of("/data/cc");

    private static ButtonType button(Dialog<?> dialog, ButtonBar.ButtonData data) {
        return dialog.getDialogPane().getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst()
                .orElseThrow();
    }

    @Test
    void openGivesTheTypedPassphraseAndIsDisabledWhileEmpty() throws Exception {
        char[] result = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<char[]> dialog = PassphraseDialog.build(new I18n(Lang.EN), DATA, false);
            ButtonType open = button(dialog, ButtonBar.ButtonData.OK_DONE);
            Node openButton = dialog.getDialogPane().lookupButton(open);
            PasswordField field = (PasswordField) dialog.getDialogPane().lookup("#" + PassphraseDialog.FIELD_ID);
            assertThat(openButton.isDisabled()).as("nothing typed").isTrue();
            assertThat(dialog.getDialogPane().lookup("#" + PassphraseDialog.WRONG_ID)).isNull();
            field.setText("correct horse battery staple");
            assertThat(openButton.isDisabled()).isFalse();
            assertThat(((Button) openButton).getText()).isEqualTo("Open");
            char[] typed = dialog.getResultConverter().call(open);
            assertThat(field.getText()).as("not kept in the scene").isEmpty();
            return typed;
        }).get(30, TimeUnit.SECONDS);
        assertThat(new String(result)).isEqualTo("correct horse battery staple");
    }

    @Test
    void cancelGivesNothingAndAWrongOneSaysSoInTheUsersLanguage() throws Exception {
        String wrong = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<char[]> dialog = PassphraseDialog.build(new I18n(Lang.ZH), DATA, true);
            ((PasswordField) dialog.getDialogPane().lookup("#" + PassphraseDialog.FIELD_ID)).setText("something");
            assertThat(dialog.getResultConverter().call(button(dialog, ButtonBar.ButtonData.CANCEL_CLOSE))).isNull();
            return ((Label) dialog.getDialogPane().lookup("#" + PassphraseDialog.WRONG_ID)).getText();
        }).get(30, TimeUnit.SECONDS);
        assertThat(wrong).isEqualTo(new I18n(Lang.ZH).get("passphrase.dialog.wrong")).contains("口令错误");
    }
}
