-- Warning instructions' cells, one row per span, province and layer (issue 17, ADR 0040).
--
-- V24 kept a row per month, province, tier, risk level and layer: a year's dashboard read 6,695 rows of twelve
-- columns for two years, most of its time. Now every tier and risk level of a province's month is one value
-- (parts: how many, then per part its tier and risk codes, counts, money and the two varint lists; written and read
-- by InstructionCell.pack/unpack), and the same is kept per day, so that a period cutting a month reads the stored
-- days instead of the instructions. issued is the parts' total (the check below; the audit compares it too).
-- Filled from the instructions by the Java migration that follows (V26, InstructionCellsFill): derived data only.
DROP TABLE instruction_cell;

CREATE TABLE instruction_month (
    month_start  DATE        NOT NULL,
    region_code  VARCHAR(16) NOT NULL,
    synthetic    BOOLEAN     NOT NULL,
    issued       BIGINT      NOT NULL,
    parts        BYTEA       NOT NULL,
    CONSTRAINT instruction_month_pk PRIMARY KEY (month_start, region_code, synthetic),
    CONSTRAINT instruction_month_issued_ck CHECK (issued > 0)
);

CREATE TABLE instruction_day (
    issued_on    DATE        NOT NULL,
    region_code  VARCHAR(16) NOT NULL,
    synthetic    BOOLEAN     NOT NULL,
    issued       BIGINT      NOT NULL,
    parts        BYTEA       NOT NULL,
    CONSTRAINT instruction_day_pk PRIMARY KEY (issued_on, region_code, synthetic),
    CONSTRAINT instruction_day_issued_ck CHECK (issued > 0)
);
