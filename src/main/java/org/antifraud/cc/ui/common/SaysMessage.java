package org.antifraud.cc.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A ViewModel that shows one message line after a command (its {@link PageMessage}). */
public interface SaysMessage {
    PageMessage pageMessage();

    default ReadOnlyStringProperty messageProperty() {
        return pageMessage().textProperty();
    }

    default ReadOnlyBooleanProperty messageIsErrorProperty() {
        return pageMessage().errorProperty();
    }
}
