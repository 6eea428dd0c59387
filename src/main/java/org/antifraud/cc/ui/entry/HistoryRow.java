package org.antifraud.cc.ui.entry;

import java.util.List;

import org.antifraud.cc.domain.StoredRecord;

/** A stored record as the history table shows it: one cell per column of its kind. */
public record HistoryRow(StoredRecord stored, List<HistoryCell> cells) {
    public HistoryRow {
        cells = List.copyOf(cells);
    }
}
