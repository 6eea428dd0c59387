package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.util.Comparator;

/** One cell of the history table: its text, sorted by its value (a number sorts as a number). */
public record HistoryCell(String text, Comparable<?> sortKey) implements Comparable<HistoryCell> {
    private static final Comparator<Object> KEYS = (a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    static HistoryCell of(String text) {
        return new HistoryCell(text == null ? "" : text, text == null ? "" : text);
    }

    @Override
    public int compareTo(HistoryCell other) {
        return KEYS.compare(sortKey, other.sortKey);
    }

    @Override
    public String toString() {
        return text;
    }
}
