package org.antifraud.cc.ui.dashboard;

import javafx.beans.property.StringProperty;

/** A panel component that shows a text where it has no value ("No data", never a zero). */
public interface ShowsNoData {
    StringProperty noDataTextProperty();

    default void setNoDataText(String text) {
        noDataTextProperty().set(text == null ? "" : text);
    }

    default String getNoDataText() {
        return noDataTextProperty().get();
    }
}
