package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A day's early warnings of one channel in one region: how many, how many people were dissuaded, how much
 * money was stopped. Counts towards the channel's indicator, persons_dissuaded and funds_intercepted.
 */
public record WarningBatch(UUID id, LocalDate batchOn, String regionCode, WarningChannel channel, long warnings,
                           long personsDissuaded, BigDecimal fundsIntercepted) implements EntryRecord {

    public WarningBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchOn, "batchOn");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fundsIntercepted, "fundsIntercepted");
        if (warnings < 0 || personsDissuaded < 0 || fundsIntercepted.signum() < 0) {
            throw new IllegalArgumentException("counts and money are never negative");
        }
    }

    @Override
    public RecordKind kind() {
        return RecordKind.WARNING_BATCH;
    }

    @Override
    public String key() {
        return id.toString();
    }
}
