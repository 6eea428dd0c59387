package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.APP_STATE;

import java.util.Optional;

import org.jooq.DSLContext;

/** Facts about the database file itself (which datasets were loaded, when the data last changed). */
public final class AppStateRepository {
    private final DSLContext dsl;

    AppStateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(APP_STATE.STATE_VALUE).from(APP_STATE).where(APP_STATE.STATE_KEY.eq(key))
                .fetchOptional(APP_STATE.STATE_VALUE);
    }

    public void put(String key, String value) {
        int updated = dsl.update(APP_STATE).set(APP_STATE.STATE_VALUE, value)
                .where(APP_STATE.STATE_KEY.eq(key)).execute();
        if (updated == 0) {
            dsl.insertInto(APP_STATE, APP_STATE.STATE_KEY, APP_STATE.STATE_VALUE).values(key, value).execute();
        }
    }
}
