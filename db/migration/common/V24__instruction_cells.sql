-- Warning instructions at scale (issue 17, ADR 0040).
--
-- demo_instruction: the scale demo's instructions (demo --scale), apart from entered ones as demo_case is apart
-- from fraud_case (ADR 0018): synthetic-demo by construction, no foreign keys. Keyed by the time of issue, then the
-- generation order: one index entry a row, the days a period cuts are read by the key, and the generator writes
-- day after day, so inserts stay near the end of the tree.
-- Their counted figures (warning_instructions, instructions_dissuaded, funds_protected) are written as demo daily
-- figures beside them, so they roll up like every other demo figure; these rows serve the timed figures.
CREATE TABLE demo_instruction (
    seq             BIGINT         NOT NULL,
    issued_at       TIMESTAMP      NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    tier            VARCHAR(12)    NOT NULL,
    risk_level      VARCHAR(8)     NOT NULL,
    contacted_at    TIMESTAMP,
    outcome         VARCHAR(20)    NOT NULL,
    funds_protected DECIMAL(20, 2),
    CONSTRAINT demo_instruction_pk PRIMARY KEY (issued_at, seq)
);

-- instruction_cell: every instruction of one month, province, tier and risk level, of one layer (entered or demo),
-- summed so that the timed figures need not read the instructions: counts, money, the contact times as a
-- histogram of whole minutes (pairs of unsigned varints: minutes after the previous pair's, how many; the median and
-- the late contacts under any time limit are exact from it), and the issue times of those still pending and
-- uncontacted (varints: minutes after the previous one, from the month's start: an open breach and the backlog's
-- age depend on the present). BYTEA is H2's name for BINARY VARYING too.
-- Kept as the instructions are written (RecordChange), rebuilt by rollups rebuild, written whole by the demo.
CREATE TABLE instruction_cell (
    month_start  DATE           NOT NULL,
    region_code  VARCHAR(16)    NOT NULL,
    tier         VARCHAR(12)    NOT NULL,
    risk_level   VARCHAR(8)     NOT NULL,
    synthetic    BOOLEAN        NOT NULL,
    issued       BIGINT         NOT NULL,
    dissuaded    BIGINT         NOT NULL,
    decided      BIGINT         NOT NULL,
    funds_count  BIGINT         NOT NULL,
    funds        DECIMAL(24, 2) NOT NULL,
    minutes      BYTEA          NOT NULL,
    pending      BYTEA          NOT NULL,
    CONSTRAINT instruction_cell_pk PRIMARY KEY (month_start, region_code, tier, risk_level, synthetic),
    CONSTRAINT instruction_cell_counts_ck CHECK (issued > 0 AND dissuaded >= 0 AND decided >= 0 AND funds_count >= 0)
);
