package org.antifraud.cc.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A fraud den destroyed: where and when, under which campaign, and what was seized. It counts once towards
 * dens_destroyed and its suspects towards suspects_arrested, on its day, in its province, for its campaign.
 */
public record DenTakedown(UUID id, LocalDate takenOn, String regionCode, String city, String campaignCode,
                          String address, long suspectsArrested, long goipDevices, long phoneCards, long bankCards,
                          String note) implements EntryRecord {

    public DenTakedown {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(takenOn, "takenOn");
        Objects.requireNonNull(regionCode, "regionCode");
        if (suspectsArrested < 0 || goipDevices < 0 || phoneCards < 0 || bankCards < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        city = blankToNull(city);
        campaignCode = blankToNull(campaignCode);
        address = blankToNull(address);
        note = blankToNull(note);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DEN_TAKEDOWN;
    }

    @Override
    public String key() {
        return id.toString();
    }
}
