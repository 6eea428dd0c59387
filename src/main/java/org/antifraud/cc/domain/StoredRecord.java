package org.antifraud.cc.domain;

import java.util.Objects;

/** A record as stored, with the version an edit must name (optimistic locking). */
public record StoredRecord(EntryRecord record, int version) {
    public StoredRecord {
        Objects.requireNonNull(record, "record");
    }
}
