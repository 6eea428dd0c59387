-- Early-warning instructions (issue 17): one row per instruction, issued at a minute in a province by a tier at a
-- risk level, contacted (or not yet), with its outcome and the money it protected. Local time of the command
-- centre, to the minute. Portable SQL.
CREATE TABLE warning_instruction (
    id              UUID           NOT NULL PRIMARY KEY,
    issued_at       TIMESTAMP      NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    tier            VARCHAR(12)    NOT NULL,
    risk_level      VARCHAR(8)     NOT NULL,
    contacted_at    TIMESTAMP,
    outcome         VARCHAR(20)    NOT NULL,
    funds_protected DECIMAL(20, 2),
    row_version     INTEGER        DEFAULT 0 NOT NULL,
    CONSTRAINT warning_instruction_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT warning_instruction_tier_ck CHECK (tier IN ('national', 'provincial', 'local')),
    CONSTRAINT warning_instruction_risk_ck CHECK (risk_level IN ('high', 'medium', 'low')),
    CONSTRAINT warning_instruction_outcome_ck CHECK (outcome IN ('pending', 'dissuaded', 'already_defrauded',
        'unreachable', 'false_alarm')),
    CONSTRAINT warning_instruction_contact_ck CHECK (contacted_at IS NULL OR contacted_at >= issued_at),
    CONSTRAINT warning_instruction_reached_ck CHECK (contacted_at IS NOT NULL
        OR outcome IN ('pending', 'unreachable', 'false_alarm')),
    CONSTRAINT warning_instruction_funds_ck CHECK (funds_protected IS NULL OR funds_protected >= 0)
);
CREATE INDEX warning_instruction_issued_ix ON warning_instruction (issued_at);

-- The figures counted from instructions, after the warning channels' (ADR 0039). An instruction counts on the day
-- it was issued. The report's 200 million national and 100 million local instructions stay reported figures of
-- warning_instructions_issued and warnings_local: never added to these.
UPDATE indicator SET sort_order = sort_order + 3 WHERE sort_order > 15;
INSERT INTO indicator (code, category, unit, name_zh, name_en, higher_is_better, sort_order) VALUES
    ('warning_instructions', 'prevention', 'count', '预警指令（逐条）', 'Warning instructions (records)', TRUE, 16),
    ('instructions_dissuaded', 'prevention', 'count', '预警指令劝阻成功', 'Instructions dissuaded', TRUE, 17),
    ('funds_protected', 'prevention', 'CNY', '预警指令保护资金', 'Funds protected by instructions', TRUE, 18);

-- Instructions are declared complete month by month like the other records, and audited like them.
ALTER TABLE submission DROP CONSTRAINT submission_kind_ck;
ALTER TABLE submission ADD CONSTRAINT submission_kind_ck CHECK (kind IN ('dens', 'warnings', 'cases', 'instructions'));
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entity_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_entity_ck
    CHECK (entity IN ('den_takedown', 'warning_batch', 'fraud_case', 'warning_instruction', 'measurement',
                      'submission', 'trusted_station', 'audit'));
