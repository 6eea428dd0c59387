package org.antifraud.cc.ui.entry;

import org.antifraud.cc.domain.StoredRecord;

/** The last save or delete on the data-entry page, and what undoing it takes. */
public sealed interface UndoAction {
    /** The record it concerns. */
    StoredRecord subject();

    /** A new record was saved: undo deletes it. */
    record Inserted(StoredRecord after) implements UndoAction {
        @Override
        public StoredRecord subject() {
            return after;
        }
    }

    /** A stored record was changed: undo saves its state before, over the current version. */
    record Edited(StoredRecord before, StoredRecord after) implements UndoAction {
        @Override
        public StoredRecord subject() {
            return after;
        }
    }

    /** A record was deleted: undo restores it. */
    record Deleted(StoredRecord before) implements UndoAction {
        @Override
        public StoredRecord subject() {
            return before;
        }
    }
}
