package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.DEN_TAKEDOWN;
import static org.antifraud.cc.persistence.jooq.Tables.FRAUD_CASE;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_BATCH;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_INSTRUCTION;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.antifraud.cc.domain.RecordKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The days entered records reach, per region: how current a reporting unit's records of one kind are (issue 12). */
public final class RecordDatesRepository {
    private final DSLContext dsl;

    RecordDatesRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The latest day of a record of {@code kind} per region code; a region without records is absent. */
    public Map<String, LocalDate> latestByRegion(RecordKind kind) {
        Map<String, LocalDate> result = new HashMap<>();
        if (kind == RecordKind.WARNING_INSTRUCTION) { // to the minute: the day of the latest one
            dsl.select(WARNING_INSTRUCTION.REGION_CODE, DSL.max(WARNING_INSTRUCTION.ISSUED_AT)).from(WARNING_INSTRUCTION)
                    .groupBy(WARNING_INSTRUCTION.REGION_CODE)
                    .forEach(r -> result.put(r.value1(), r.value2().toLocalDate()));
            return result;
        }
        Table<?> table;
        Field<String> region;
        Field<LocalDate> day;
        switch (kind) {
            case DEN_TAKEDOWN -> {
                table = DEN_TAKEDOWN;
                region = DEN_TAKEDOWN.REGION_CODE;
                day = DEN_TAKEDOWN.TAKEN_ON;
            }
            case WARNING_BATCH -> {
                table = WARNING_BATCH;
                region = WARNING_BATCH.REGION_CODE;
                day = WARNING_BATCH.BATCH_ON;
            }
            case FRAUD_CASE -> {
                table = FRAUD_CASE;
                region = FRAUD_CASE.REGION_CODE;
                day = FRAUD_CASE.REGISTERED_ON;
            }
            default -> throw new IllegalArgumentException("no dated records of kind " + kind);
        }
        Field<LocalDate> latest = DSL.max(day).as("latest");
        dsl.select(region, latest).from(table).groupBy(region)
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }
}
