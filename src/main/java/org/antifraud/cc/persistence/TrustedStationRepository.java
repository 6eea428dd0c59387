package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.TRUSTED_STATION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.persistence.jooq.tables.records.TrustedStationRecord;
import org.jooq.DSLContext;

/** The stations whose packages this workstation accepts (V17), revoked ones included. */
public final class TrustedStationRepository {
    private final DSLContext dsl;

    TrustedStationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<TrustedStation> find(String fingerprint) {
        return dsl.selectFrom(TRUSTED_STATION).where(TRUSTED_STATION.FINGERPRINT.eq(fingerprint))
                .fetchOptional(TrustedStationRepository::toStation);
    }

    /** Every key, oldest trust first. */
    public List<TrustedStation> all() {
        return dsl.selectFrom(TRUSTED_STATION).orderBy(TRUSTED_STATION.TRUSTED_AT, TRUSTED_STATION.FINGERPRINT)
                .fetch(TrustedStationRepository::toStation);
    }

    /** Writes the key's row, replacing the one of its fingerprint if there is one. */
    public void put(TrustedStation s) {
        int updated = dsl.update(TRUSTED_STATION)
                .set(TRUSTED_STATION.STATION, s.station())
                .set(TRUSTED_STATION.LABEL, s.label())
                .set(TRUSTED_STATION.PUBLIC_KEY, s.publicKey())
                .set(TRUSTED_STATION.TRUSTED_AT, s.trustedAt().atOffset(ZoneOffset.UTC))
                .set(TRUSTED_STATION.TRUSTED_BY, s.trustedBy())
                .set(TRUSTED_STATION.REVOKED_AT, s.revokedAt() == null ? null : s.revokedAt().atOffset(ZoneOffset.UTC))
                .set(TRUSTED_STATION.REVOKED_BY, s.revokedBy())
                .where(TRUSTED_STATION.FINGERPRINT.eq(s.fingerprint()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(TRUSTED_STATION)
                    .set(TRUSTED_STATION.FINGERPRINT, s.fingerprint())
                    .set(TRUSTED_STATION.STATION, s.station())
                    .set(TRUSTED_STATION.LABEL, s.label())
                    .set(TRUSTED_STATION.PUBLIC_KEY, s.publicKey())
                    .set(TRUSTED_STATION.TRUSTED_AT, s.trustedAt().atOffset(ZoneOffset.UTC))
                    .set(TRUSTED_STATION.TRUSTED_BY, s.trustedBy())
                    .set(TRUSTED_STATION.REVOKED_AT, s.revokedAt() == null ? null : s.revokedAt().atOffset(ZoneOffset.UTC))
                    .set(TRUSTED_STATION.REVOKED_BY, s.revokedBy())
                    .execute();
        }
    }

    private static TrustedStation toStation(TrustedStationRecord r) {
        Instant revoked = r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant();
        return new TrustedStation(r.getFingerprint(), r.getStation(), r.getLabel(), r.getPublicKey(),
                r.getTrustedAt().toInstant(), r.getTrustedBy(), revoked, r.getRevokedBy());
    }
}
