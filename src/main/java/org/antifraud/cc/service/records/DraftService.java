package org.antifraud.cc.service.records;

import java.time.Instant;
import java.util.Map;

import org.antifraud.cc.persistence.Database;

/**
 * Half-filled data-entry forms kept across a crash or a closed window: one draft per form, its fields as
 * text. Each call is its own transaction.
 */
public final class DraftService {
    private final Database database;

    public DraftService(Database database) {
        this.database = database;
    }

    /** Keeps {@code fields} as the draft of {@code form}, replacing the one before. */
    public void save(String form, String fields, Instant at) {
        database.transaction(repos -> {
            repos.drafts().save(form, fields, at);
            return null;
        });
    }

    /** Every kept draft: form → fields. */
    public Map<String, String> all() {
        return database.transaction(repos -> repos.drafts().all());
    }

    public void delete(String form) {
        database.transaction(repos -> {
            repos.drafts().delete(form);
            return null;
        });
    }
}
