-- Field-station packages are signed with the station's Ed25519 key (issue 13). Headquarters keeps the stations
-- whose packages it accepts: one row per public key (a station that rotated its key has one row per key). A
-- revoked key stays listed (revoked_at set) so that its packages are refused by name. Trusting and revoking go
-- through the audit trail: entity 'trusted_station', entity id the key's fingerprint.
CREATE TABLE trusted_station (
    fingerprint  VARCHAR(40)              NOT NULL,
    station      VARCHAR(64)              NOT NULL,
    label        VARCHAR(100)             NOT NULL,
    public_key   VARCHAR(200)             NOT NULL,
    trusted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    trusted_by   VARCHAR(100)             NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(100),
    CONSTRAINT trusted_station_pk PRIMARY KEY (fingerprint)
);

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entity_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_entity_ck
    CHECK (entity IN ('den_takedown', 'warning_batch', 'fraud_case', 'measurement', 'submission', 'trusted_station',
                      'audit')); -- 'audit': the keyed trail's own events (V16, ADR 0027)
