-- A reporting unit's declaration that its records of one kind for one month are complete (issue 12;
-- DHIS2's "complete data set registration"). No row: the month is open. A submitted month may be
-- reopened with a reason; both transitions go through the audit trail. Computed figures count the
-- submitted unit-months under their region and period to say whether they are complete.
CREATE TABLE submission (
    region_code  VARCHAR(16)              NOT NULL,
    month_start  DATE                     NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    changed_by   VARCHAR(100)             NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(1000),
    row_version  INTEGER                  DEFAULT 0 NOT NULL,
    CONSTRAINT submission_pk PRIMARY KEY (region_code, month_start, kind),
    CONSTRAINT submission_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT submission_kind_ck CHECK (kind IN ('dens', 'warnings', 'cases')),
    CONSTRAINT submission_state_ck CHECK (state IN ('submitted', 'reopened')),
    CONSTRAINT submission_reason_ck CHECK (state = 'submitted' OR reason IS NOT NULL)
);
CREATE INDEX submission_month_ix ON submission (month_start, kind);

-- Submitting and reopening go through the audit trail: entity 'submission', entity id REGION|YYYY-MM|KIND.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entity_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_entity_ck
    CHECK (entity IN ('den_takedown', 'warning_batch', 'fraud_case', 'measurement', 'submission'));
