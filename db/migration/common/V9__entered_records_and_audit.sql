-- Records entered at a workstation or imported from field stations, and the audit trail of every change
-- to them (issue 4; ADR 0020). Portable SQL.

-- Two warning channels the report does not count but stations do: phone calls and home visits.
-- They follow the other warning channels (after app_warnings, sort order 11).
UPDATE indicator SET sort_order = sort_order + 2 WHERE sort_order > 11;
INSERT INTO indicator (code, category, unit, name_zh, name_en, higher_is_better, sort_order) VALUES
    ('warning_calls', 'prevention', 'count', '电话预警劝阻', 'Warning phone calls', TRUE, 12),
    ('warning_visits', 'prevention', 'count', '上门预警劝阻', 'Warning home visits', TRUE, 13);

-- A fraud den destroyed. Rolls up into dens_destroyed (one) and suspects_arrested, for its campaign.
CREATE TABLE den_takedown (
    id                UUID          NOT NULL PRIMARY KEY,
    taken_on          DATE          NOT NULL,
    region_code       VARCHAR(16)   NOT NULL,
    city              VARCHAR(100),
    campaign_code     VARCHAR(48),
    address           VARCHAR(300),
    suspects_arrested BIGINT        NOT NULL,
    goip_devices      BIGINT        NOT NULL,
    phone_cards       BIGINT        NOT NULL,
    bank_cards        BIGINT        NOT NULL,
    note              VARCHAR(1000),
    row_version       INTEGER       DEFAULT 0 NOT NULL,
    CONSTRAINT den_takedown_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT den_takedown_campaign_fk FOREIGN KEY (campaign_code) REFERENCES campaign (code),
    CONSTRAINT den_takedown_counts_ck CHECK (suspects_arrested >= 0 AND goip_devices >= 0 AND phone_cards >= 0
        AND bank_cards >= 0)
);
CREATE INDEX den_takedown_day_ix ON den_takedown (taken_on);

-- A day's early warnings of one channel in one region. Rolls up into the channel's indicator,
-- persons_dissuaded and funds_intercepted.
CREATE TABLE warning_batch (
    id                UUID           NOT NULL PRIMARY KEY,
    batch_on          DATE           NOT NULL,
    region_code       VARCHAR(16)    NOT NULL,
    channel           VARCHAR(24)    NOT NULL,
    warnings          BIGINT         NOT NULL,
    persons_dissuaded BIGINT         NOT NULL,
    funds_intercepted DECIMAL(20, 2) NOT NULL,
    row_version       INTEGER        DEFAULT 0 NOT NULL,
    CONSTRAINT warning_batch_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT warning_batch_channel_ck CHECK (channel IN ('national_instruction', 'local_warning', 'sms_12381', 'app',
        'phone_call', 'visit')),
    CONSTRAINT warning_batch_counts_ck CHECK (warnings >= 0 AND persons_dissuaded >= 0 AND funds_intercepted >= 0)
);
CREATE INDEX warning_batch_day_ix ON warning_batch (batch_on);

-- Optimistic locking for entered statistics, as fraud_case has it.
ALTER TABLE measurement ADD COLUMN row_version INTEGER DEFAULT 0 NOT NULL;

-- Every insert, update and delete of a record or a non-demo figure, chained by hashes: entry_hash is the
-- SHA-256 of prev_hash and the entry's own fields (see AuditChain), so that a changed, inserted or deleted
-- entry breaks the chain, and a row changed without an entry no longer matches its last after_state.
CREATE TABLE audit_entry (
    seq          BIGINT                   NOT NULL PRIMARY KEY,
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
    CONSTRAINT audit_entry_action_ck CHECK (action IN ('insert', 'update', 'delete')),
    CONSTRAINT audit_entry_entity_ck CHECK (entity IN ('den_takedown', 'warning_batch', 'fraud_case', 'measurement'))
);
CREATE INDEX audit_entry_entity_ix ON audit_entry (entity, entity_id);

-- The head of the chain: one row, locked by every writer (SELECT … FOR UPDATE) so that entries from two
-- workstations on the same file form one chain.
CREATE TABLE audit_head (
    id        INTEGER  NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_head_one_ck CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Half-filled forms, saved as the clerk types, offered back on the next start.
CREATE TABLE entry_draft (
    form        VARCHAR(24)   NOT NULL PRIMARY KEY,
    fields      VARCHAR(8000) NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
