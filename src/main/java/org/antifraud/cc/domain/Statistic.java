package org.antifraud.cc.domain;

import java.util.Objects;

/**
 * A figure entered as a total (from another agency): a measurement, with its database id once stored
 * ({@code null} before). Its natural key is indicator, region, period and campaign.
 */
public record Statistic(Long id, Measurement measurement) implements EntryRecord {
    public Statistic {
        Objects.requireNonNull(measurement, "measurement");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.STATISTIC;
    }

    @Override
    public String key() {
        return id == null ? null : id.toString();
    }

    public Statistic withId(long newId) {
        return new Statistic(newId, measurement);
    }

    @Override
    public String regionCode() {
        return measurement.regionCode();
    }
}
