package org.antifraud.cc.ui.common;

import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts over the main window, styled like it. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public void info(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).show();
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).show();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.setTitle(title);
        alert.setHeaderText(null);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            if (w.getScene() != null) {
                alert.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
            }
        }
        return alert;
    }
}
