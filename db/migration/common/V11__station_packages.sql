-- Audit entries that arrived from other workstations in field-station packages (import-package), kept as
-- they were written there: each station's chain can be checked on its own. Keyed by station and number,
-- so importing a package twice stores nothing twice.
CREATE TABLE station_audit_entry (
    station      VARCHAR(64)              NOT NULL,
    seq          BIGINT                   NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100)             NOT NULL,
    action       VARCHAR(8)               NOT NULL,
    entity       VARCHAR(24)              NOT NULL,
    entity_id    VARCHAR(64)              NOT NULL,
    origin       VARCHAR(300)             NOT NULL,
    before_state VARCHAR(8000),
    after_state  VARCHAR(8000),
    prev_hash    CHAR(64)                 NOT NULL,
    entry_hash   CHAR(64)                 NOT NULL,
    CONSTRAINT station_audit_entry_pk PRIMARY KEY (station, seq)
);
