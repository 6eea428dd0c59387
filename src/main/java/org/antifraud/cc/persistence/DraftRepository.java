package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.ENTRY_DRAFT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;

/** Half-filled forms: one draft per form, its fields as text, replaced as the clerk types. */
public final class DraftRepository {
    private final DSLContext dsl;

    DraftRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void save(String form, String fields, Instant at) {
        dsl.mergeInto(ENTRY_DRAFT).using(dsl.selectOne())
                .on(ENTRY_DRAFT.FORM.eq(form))
                .whenMatchedThenUpdate().set(ENTRY_DRAFT.FIELDS, fields).set(ENTRY_DRAFT.SAVED_AT, at.atOffset(ZoneOffset.UTC))
                .whenNotMatchedThenInsert(ENTRY_DRAFT.FORM, ENTRY_DRAFT.FIELDS, ENTRY_DRAFT.SAVED_AT)
                .values(form, fields, at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Every saved draft: form → fields. */
    public Map<String, String> all() {
        Map<String, String> drafts = new LinkedHashMap<>();
        dsl.selectFrom(ENTRY_DRAFT).orderBy(ENTRY_DRAFT.FORM).forEach(r -> drafts.put(r.getForm(), r.getFields()));
        return drafts;
    }

    public void delete(String form) {
        dsl.deleteFrom(ENTRY_DRAFT).where(ENTRY_DRAFT.FORM.eq(form)).execute();
    }
}
