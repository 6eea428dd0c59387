-- Issue 15 (ADR 0034): the audit trail of a shared database is a set of chains, one per workstation key and
-- database user, so that writers on different desks never wait on one row. A workstation's own H2 file keeps
-- one chain (id 1), exactly as before.
-- audit_entry.chain: the chain an entry extends (its prev_hash is the hash of the chain's entry before it).
-- audit_head.key_id: the first 16 hex digits of SHA-256 of the sealing key's identity (never the key itself);
-- audit_head.owner: the database user whose chain it is (on H2: none).
ALTER TABLE audit_entry ADD COLUMN chain INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_head ADD COLUMN key_id CHAR(16);
ALTER TABLE audit_head ADD COLUMN owner VARCHAR(63);
CREATE INDEX audit_entry_chain_ix ON audit_entry (chain, seq);
