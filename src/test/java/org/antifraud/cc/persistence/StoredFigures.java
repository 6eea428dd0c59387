package org.antifraud.cc.persistence;

import java.math.BigDecimal;
import java.util.Arrays;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;

/** Computed figures as a test writes them straight into the store, past the services. */
public final class StoredFigures {
    private StoredFigures() {
    }

    /** {@code value} of {@code indicator} in {@code region} for {@code period}, computed, with nothing else set. */
    public static Measurement figure(String indicator, String region, String period, String value) {
        return new Measurement(indicator, region, Period.parse(period), null, new BigDecimal(value), null,
                Basis.COMPUTED, null, null, null);
    }

    /** Stores {@code measurements} in one transaction. */
    public static void store(Database database, Measurement... measurements) {
        database.transaction(repos -> {
            repos.measurements().insertAll(Arrays.asList(measurements));
            return null;
        });
    }
}
