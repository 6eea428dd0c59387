-- Issue 13 (ADR 0027): the audit trail keyed with a secret kept outside the database.
-- scheme: 'sha256' for the entries written before the key (their entry_hash only, which anyone can recompute);
-- 'hmac-sha256' for every entry after it: entry_mac is HMAC-SHA256, with the workstation's audit key, of the
-- entry's number, its entry_hash (which chains every entry before it), the MAC before it and declared_name.
-- declared_name: the name typed in Settings beside the operating-system account (actor), as declared, unverified.
ALTER TABLE audit_entry ADD COLUMN scheme VARCHAR(16) DEFAULT 'sha256' NOT NULL;
ALTER TABLE audit_entry ADD COLUMN entry_mac CHAR(64);
ALTER TABLE audit_entry ADD COLUMN declared_name VARCHAR(100);
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_scheme_ck CHECK (scheme IN ('sha256', 'hmac-sha256'));
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_mac_ck CHECK ((scheme = 'hmac-sha256') = (entry_mac IS NOT NULL));
ALTER TABLE audit_head ADD COLUMN last_mac CHAR(64);

-- The trail's own events: 'key' (the key was introduced: this entry covers the unkeyed chain before it) and
-- 'baseline' (the database's baseline was adopted, once, at creation), both about entity 'audit'.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_ck
    CHECK (action IN ('insert', 'update', 'delete', 'batch', 'key', 'baseline'));
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entity_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_entity_ck
    CHECK (entity IN ('den_takedown', 'warning_batch', 'fraud_case', 'measurement', 'submission', 'audit'));
