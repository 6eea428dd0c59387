-- The scale demo's rows (demo --scale N), apart from entered records and reported figures (ADR 0018).
-- Every row here is synthetic-demo by construction. A heap with only its generation order as key: no
-- unique case number and no foreign keys (the generator draws every code from the catalogs), so that
-- millions of rows are written and removed fast, and entered records keep every constraint they have.
-- Both roll up like any other day-grain fact (ADR 0013); RollupRepository.rebuild() reads them too.
CREATE TABLE demo_case (
    seq           BIGINT         NOT NULL PRIMARY KEY,
    case_number   VARCHAR(40)    NOT NULL,
    registered_on DATE           NOT NULL,
    region_code   VARCHAR(16)    NOT NULL,
    fraud_type    VARCHAR(32)    NOT NULL,
    loss          DECIMAL(20, 2) NOT NULL,
    recovered     DECIMAL(20, 2) NOT NULL,
    status        VARCHAR(8)     NOT NULL,
    CONSTRAINT demo_case_type_ck CHECK (fraud_type IN ('order_brushing', 'fake_investment', 'fake_loan',
        'fake_customer_service', 'impersonating_police', 'romance', 'other')),
    CONSTRAINT demo_case_status_ck CHECK (status IN ('open', 'solved')),
    CONSTRAINT demo_case_money_ck CHECK (loss >= 0 AND recovered >= 0)
);

-- One daily province figure of an indicator (amount for one day).
CREATE TABLE demo_figure (
    seq            BIGINT         NOT NULL PRIMARY KEY,
    indicator_code VARCHAR(48)    NOT NULL,
    region_code    VARCHAR(16)    NOT NULL,
    fact_day       DATE           NOT NULL,
    campaign_code  VARCHAR(48),
    amount         DECIMAL(20, 2) NOT NULL,
    CONSTRAINT demo_figure_value_ck CHECK (amount >= 0)
);
