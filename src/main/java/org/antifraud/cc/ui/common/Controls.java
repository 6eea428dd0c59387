package org.antifraud.cc.ui.common;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.util.StringConverter;

/** Small glue the views share: text columns and choice boxes that show a name for each item. */
public final class Controls {
    private Controls() {
    }

    /** A column showing {@code value} of each row as text, whole ({@link FittingTableCell}). */
    public static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new FittingTableCell<>());
    }

    /** Shows each of {@code items} by {@code name} (empty for none) and finds an item back by its name. */
    public static <T> StringConverter<T> byName(List<T> items, Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(i -> name.apply(i).equals(text)).findFirst().orElse(null);
            }
        };
    }
}
