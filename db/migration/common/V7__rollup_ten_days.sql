-- Ten-day periods (旬: days 1-10, 11-20, 21-end of each month) of the day-grain facts, so that a run of
-- loose days in a custom range reads at most two ten-day cells and a few days (ADR 0013). Filled from
-- rollup_day here; kept current by every write from now on, like the other rollups.
CREATE TABLE rollup_ten_days (
    indicator_code  VARCHAR(48)    NOT NULL,
    region_code     VARCHAR(16)    NOT NULL,
    period_start    DATE           NOT NULL,
    campaign_code   VARCHAR(48)    NOT NULL,
    amount          DECIMAL(24, 2) NOT NULL,
    fact_count      BIGINT         NOT NULL,
    synthetic_count BIGINT         NOT NULL,
    CONSTRAINT rollup_ten_days_pk PRIMARY KEY (indicator_code, region_code, period_start, campaign_code)
);
CREATE INDEX rollup_ten_days_day_ix ON rollup_ten_days (period_start);

INSERT INTO rollup_ten_days (indicator_code, region_code, period_start, campaign_code, amount, fact_count, synthetic_count)
SELECT indicator_code, region_code, fact_day - (CAST(EXTRACT(DAY FROM fact_day) AS INTEGER)
           - CASE WHEN CAST(EXTRACT(DAY FROM fact_day) AS INTEGER) <= 10 THEN 1
                  WHEN CAST(EXTRACT(DAY FROM fact_day) AS INTEGER) <= 20 THEN 11 ELSE 21 END),
       campaign_code, SUM(amount), SUM(fact_count), SUM(synthetic_count)
  FROM rollup_day
 GROUP BY indicator_code, region_code, fact_day - (CAST(EXTRACT(DAY FROM fact_day) AS INTEGER)
           - CASE WHEN CAST(EXTRACT(DAY FROM fact_day) AS INTEGER) <= 10 THEN 1
                  WHEN CAST(EXTRACT(DAY FROM fact_day) AS INTEGER) <= 20 THEN 11 ELSE 21 END),
       campaign_code;
