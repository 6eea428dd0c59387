package org.antifraud.cc.domain;

import java.time.Instant;

/**
 * A field station's public key that this workstation accepts packages from (issue 13): its fingerprint, the
 * station id the key speaks for, a label for people, the key (X.509, base64), who trusted it when, and when it
 * was revoked (null while trusted).
 */
public record TrustedStation(String fingerprint, String station, String label, String publicKey, Instant trustedAt,
                             String trustedBy, Instant revokedAt, String revokedBy) {
    /** The entity name of trust changes in the audit trail. */
    public static final String ENTITY = "trusted_station";

    public boolean revoked() {
        return revokedAt != null;
    }
}
