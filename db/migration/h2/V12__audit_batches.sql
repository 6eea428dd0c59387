-- An import writes one audit entry per up to 50,000 changes of one kind of record instead of one per change
-- (ADR 0022): action 'batch', entity_id '*', the number of changes and their actions, ids and states
-- compressed in batch_states (see AuditBatch). The entry's hash covers the SHA-256 of batch_states.
ALTER TABLE audit_entry ADD COLUMN batch_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_entry ADD COLUMN batch_states BLOB;
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_ck
    CHECK (action IN ('insert', 'update', 'delete', 'batch'));
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_batch_ck
    CHECK ((action = 'batch') = (batch_states IS NOT NULL));

ALTER TABLE station_audit_entry ADD COLUMN batch_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE station_audit_entry ADD COLUMN batch_states BLOB;
