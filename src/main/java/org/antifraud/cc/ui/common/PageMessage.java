package org.antifraud.cc.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one line a page (or a form) shows after a command: its text and whether it reports an error. Shared by
 * the sub-ViewModels of one page, so that the last of them to speak is the one shown.
 */
public final class PageMessage {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    public void show(String message, boolean isError) {
        text.set(message);
        error.set(isError);
    }

    public void clear() {
        show("", false);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
