package org.antifraud.cc.service.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.service.audit.AuditTrail;
import org.antifraud.cc.service.audit.StateText;

/**
 * The field stations whose signed packages this workstation accepts (issue 13): trusted from a station key file,
 * revoked by fingerprint. Each change is a row of {@code trusted_station} (V17) and an entry of the audit trail
 * (entity {@value TrustedStation#ENTITY}), in one transaction; {@code audit verify} compares the two.
 */
public final class StationTrustService {
    private final Database database;
    private final Clock clock;
    private final AuditTrail trail;
    private final StationKeys own;

    public StationTrustService(Database database, Clock clock, AuditTrail trail, StationKeys own) {
        this.database = database;
        this.clock = clock;
        this.trail = trail;
        this.own = own;
    }

    /** Trusts the key of a station key file (a label given here wins over the file's). Trusting twice changes nothing. */
    public TrustedStation trust(StationKeys.KeyFile file, String label) {
        String fingerprint = file.fingerprint();
        if (fingerprint.equals(own.fingerprint())) {
            throw new Problem("station_trust_self", "this is this workstation's own key: its packages are trusted already",
                    StationKeys.grouped(fingerprint));
        }
        String name = label == null || label.isBlank() ? file.label() : label.strip();
        if (name.length() > 100) {
            throw new Problem("station_label_too_long", "a station label is at most 100 characters", 100);
        }
        return trail.committed(database, repos -> {
            Optional<TrustedStation> here = repos.trustedStations().find(fingerprint);
            if (here.isPresent() && !here.get().revoked() && here.get().label().equals(name)) {
                return here.get();
            }
            TrustedStation next = new TrustedStation(fingerprint, file.station(), name, file.publicKey(), now(),
                    trail.actor().account(), null, null);
            repos.trustedStations().put(next);
            audit(repos, here.map(StateText::of).orElse(null), next, "station trust");
            return next;
        });
    }

    /** Revokes a trusted key: its packages are refused from now on. */
    public TrustedStation revoke(String typedFingerprint) {
        String fingerprint = StationKeys.normalise(typedFingerprint);
        if (fingerprint == null) {
            throw new Problem("station_fingerprint_invalid", "not a station fingerprint: " + typedFingerprint
                    + " (32 hexadecimal digits, as station list shows)", String.valueOf(typedFingerprint));
        }
        return trail.committed(database, repos -> {
            TrustedStation here = repos.trustedStations().find(fingerprint).orElseThrow(() -> new Problem(
                    "station_not_trusted", "no trusted station has the fingerprint " + StationKeys.grouped(fingerprint),
                    StationKeys.grouped(fingerprint)));
            if (here.revoked()) {
                return here;
            }
            TrustedStation next = new TrustedStation(here.fingerprint(), here.station(), here.label(), here.publicKey(),
                    here.trustedAt(), here.trustedBy(), now(), trail.actor().account());
            repos.trustedStations().put(next);
            audit(repos, StateText.of(here), next, "station revoke");
            return next;
        });
    }

    /** Every key ever trusted here, revoked ones included, oldest first. */
    public List<TrustedStation> list() {
        return database.repositories().trustedStations().all();
    }

    private void audit(Repositories repos, String before, TrustedStation after, String origin) {
        trail.record(repos.audit(), after.revoked() ? after.revokedAt() : after.trustedAt(), origin,
                List.of(new AuditTrail.Change(before == null ? AuditEntry.INSERT : AuditEntry.UPDATE, TrustedStation.ENTITY,
                        after.fingerprint(), before, StateText.of(after))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
