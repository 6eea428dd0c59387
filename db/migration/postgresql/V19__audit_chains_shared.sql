-- PostgreSQL only (ADR 0034): many chains, so the one-row check goes; entry numbers come from a sequence, so two
-- desks number their entries without waiting on each other (the order of the numbers is the order in which the
-- entries were written: a record changed by two desks is numbered in the order of the changes, because the second
-- change waits for the first one's row lock before it is audited). New chains are numbered from a sequence.
-- On H2 there is no V19: its next migration in common is V20.
ALTER TABLE audit_head DROP CONSTRAINT audit_head_one_ck;
CREATE SEQUENCE audit_entry_seq;
SELECT setval('audit_entry_seq', (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entry), false);
CREATE SEQUENCE audit_chain_seq START WITH 2;
CREATE UNIQUE INDEX audit_head_key_owner_ux ON audit_head (key_id, owner);
