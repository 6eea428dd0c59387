-- Individual records and the rollups that make the dashboard fast at millions of rows.
-- Portable SQL: H2 and PostgreSQL both accept it. See docs/decisions/0013-rollups-in-the-write-transaction.md.

-- Where a stored figure sits in the calendar: Y year, M month, D day. Lets the aggregation rule
-- fetch the few coarse figures without scanning day-grain ones.
ALTER TABLE measurement ADD COLUMN grain CHAR(1);
UPDATE measurement SET grain = CASE
    WHEN period_start = period_end THEN 'D'
    WHEN LENGTH(period) = 4 THEN 'Y'
    ELSE 'M' END;
ALTER TABLE measurement ALTER COLUMN grain SET NOT NULL;
CREATE INDEX measurement_grain_ix ON measurement (grain, indicator_code, region_code, period_start);

-- One fraud case as registered by a police station. Rolls up into cases_registered (one each),
-- property_loss (its loss) and cases_solved (one, when solved), on its registration day.
CREATE TABLE fraud_case (
    id            UUID           NOT NULL PRIMARY KEY,
    case_number   VARCHAR(40)    NOT NULL,
    registered_on DATE           NOT NULL,
    region_code   VARCHAR(16)    NOT NULL,
    fraud_type    VARCHAR(32)    NOT NULL,
    loss          DECIMAL(20, 2) NOT NULL,
    recovered     DECIMAL(20, 2) DEFAULT 0 NOT NULL,
    status        VARCHAR(8)     NOT NULL,
    basis         VARCHAR(16)    NOT NULL,
    row_version   INTEGER        DEFAULT 0 NOT NULL,
    CONSTRAINT fraud_case_number_uq UNIQUE (case_number),
    CONSTRAINT fraud_case_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fraud_case_type_ck CHECK (fraud_type IN ('order_brushing', 'fake_investment', 'fake_loan',
        'fake_customer_service', 'impersonating_police', 'romance', 'other')),
    CONSTRAINT fraud_case_status_ck CHECK (status IN ('open', 'solved')),
    CONSTRAINT fraud_case_basis_ck CHECK (basis IN ('computed', 'synthetic-demo')),
    CONSTRAINT fraud_case_money_ck CHECK (loss >= 0 AND recovered >= 0)
);
CREATE INDEX fraud_case_day_ix ON fraud_case (registered_on, region_code);

-- Rollups of every day-grain fact (day-grain measurements and records) by indicator, region,
-- campaign ('' for none) at three grains. Maintained in the same transaction as the writes;
-- a pure cache: RollupRepository.rebuild() recomputes them from the raw rows.
CREATE TABLE rollup_day (
    indicator_code  VARCHAR(48)    NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    fact_day        DATE           NOT NULL,
    campaign_code   VARCHAR(48)    NOT NULL,
    amount          DECIMAL(24, 2) NOT NULL,
    fact_count      BIGINT         NOT NULL,
    synthetic_count BIGINT         NOT NULL,
    CONSTRAINT rollup_day_pk PRIMARY KEY (indicator_code, region_code, fact_day, campaign_code)
);

CREATE TABLE rollup_month (
    indicator_code  VARCHAR(48)    NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    month_start     DATE           NOT NULL,
    campaign_code   VARCHAR(48)    NOT NULL,
    amount          DECIMAL(24, 2) NOT NULL,
    fact_count      BIGINT         NOT NULL,
    synthetic_count BIGINT         NOT NULL,
    CONSTRAINT rollup_month_pk PRIMARY KEY (indicator_code, region_code, month_start, campaign_code)
);

CREATE TABLE rollup_year (
    indicator_code  VARCHAR(48)    NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    year_no         INTEGER        NOT NULL,
    campaign_code   VARCHAR(48)    NOT NULL,
    amount          DECIMAL(24, 2) NOT NULL,
    fact_count      BIGINT         NOT NULL,
    synthetic_count BIGINT         NOT NULL,
    CONSTRAINT rollup_year_pk PRIMARY KEY (indicator_code, region_code, year_no, campaign_code)
);

-- What a campaign set out to achieve, where a target was set (the report sets none).
CREATE TABLE campaign_target (
    campaign_code  VARCHAR(48)    NOT NULL,
    indicator_code VARCHAR(48)    NOT NULL,
    region_code    VARCHAR(16)    NOT NULL,
    period         VARCHAR(10)    NOT NULL,
    target         DECIMAL(20, 2) NOT NULL,
    basis          VARCHAR(16)    NOT NULL,
    CONSTRAINT campaign_target_pk PRIMARY KEY (campaign_code, indicator_code, region_code, period),
    CONSTRAINT campaign_target_campaign_fk FOREIGN KEY (campaign_code) REFERENCES campaign (code),
    CONSTRAINT campaign_target_indicator_fk FOREIGN KEY (indicator_code) REFERENCES indicator (code),
    CONSTRAINT campaign_target_region_fk FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT campaign_target_value_ck CHECK (target > 0)
);
