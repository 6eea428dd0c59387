-- The synthetic-demo part of every rollup cell's amount (issue 12: real and synthetic never mix). A cell can
-- hold real records and scale-demo facts of the same day and region; its real part is amount minus
-- synthetic_amount. Portable SQL: H2 and PostgreSQL (15+, for MERGE) both accept it. See ADR 0013.
ALTER TABLE rollup_day ADD COLUMN synthetic_amount DECIMAL(24, 2);
ALTER TABLE rollup_ten_days ADD COLUMN synthetic_amount DECIMAL(24, 2);
ALTER TABLE rollup_month ADD COLUMN synthetic_amount DECIMAL(24, 2);
ALTER TABLE rollup_year ADD COLUMN synthetic_amount DECIMAL(24, 2);

-- A cell whose facts are all real or all synthetic splits by itself (nearly every cell).
UPDATE rollup_day SET synthetic_amount = CASE WHEN synthetic_count = 0 THEN 0 ELSE amount END
 WHERE synthetic_count = 0 OR synthetic_count = fact_count;
UPDATE rollup_ten_days SET synthetic_amount = CASE WHEN synthetic_count = 0 THEN 0 ELSE amount END
 WHERE synthetic_count = 0 OR synthetic_count = fact_count;
UPDATE rollup_month SET synthetic_amount = CASE WHEN synthetic_count = 0 THEN 0 ELSE amount END
 WHERE synthetic_count = 0 OR synthetic_count = fact_count;
UPDATE rollup_year SET synthetic_amount = CASE WHEN synthetic_count = 0 THEN 0 ELSE amount END
 WHERE synthetic_count = 0 OR synthetic_count = fact_count;

-- A mixed day cell cannot be split from the cell alone: its synthetic part is summed from the synthetic raw
-- rows of its key, the sources RollupRepository.rebuild() reads (entered dens and warnings are never
-- synthetic). One GROUP BY rather than a lookup per cell: demo_case has no index but its key (ADR 0018).
MERGE INTO rollup_day r
USING (SELECT indicator_code, region_code, fact_day, campaign_code, SUM(amount) AS synthetic_amount FROM (
           SELECT indicator_code, region_code, period_start AS fact_day, COALESCE(campaign_code, '') AS campaign_code,
                  amount
             FROM measurement WHERE grain = 'D' AND basis = 'synthetic-demo' AND amount IS NOT NULL
           UNION ALL
           SELECT 'cases_registered', region_code, registered_on, '', 1 FROM fraud_case WHERE basis = 'synthetic-demo'
           UNION ALL
           SELECT 'property_loss', region_code, registered_on, '', loss FROM fraud_case WHERE basis = 'synthetic-demo'
           UNION ALL
           SELECT 'cases_solved', region_code, registered_on, '', 1 FROM fraud_case
            WHERE basis = 'synthetic-demo' AND status = 'solved'
           UNION ALL
           SELECT indicator_code, region_code, fact_day, COALESCE(campaign_code, ''), amount FROM demo_figure
           UNION ALL
           SELECT 'cases_registered', region_code, registered_on, '', 1 FROM demo_case
           UNION ALL
           SELECT 'property_loss', region_code, registered_on, '', loss FROM demo_case
           UNION ALL
           SELECT 'cases_solved', region_code, registered_on, '', 1 FROM demo_case WHERE status = 'solved'
       ) f GROUP BY indicator_code, region_code, fact_day, campaign_code) s
ON (r.indicator_code = s.indicator_code AND r.region_code = s.region_code AND r.fact_day = s.fact_day
    AND r.campaign_code = s.campaign_code AND r.synthetic_amount IS NULL)
WHEN MATCHED THEN UPDATE SET synthetic_amount = s.synthetic_amount;
-- A mixed cell with no synthetic raw row left was stale (rows changed by hand): by the raw rows its
-- synthetic part is nothing; `rollups --rebuild` mends the rest of it.
UPDATE rollup_day SET synthetic_amount = 0 WHERE synthetic_amount IS NULL;

-- A mixed coarse cell is the sum of its day cells (mixed coarse cells are few: one lookup each by the key).
UPDATE rollup_ten_days t SET synthetic_amount = (
    SELECT COALESCE(SUM(d.synthetic_amount), 0) FROM rollup_day d
     WHERE d.indicator_code = t.indicator_code AND d.region_code = t.region_code
       AND d.campaign_code = t.campaign_code
       AND d.fact_day >= t.period_start AND d.fact_day <= t.period_start + 10
       AND EXTRACT(MONTH FROM d.fact_day) = EXTRACT(MONTH FROM t.period_start)
       AND (EXTRACT(DAY FROM t.period_start) = 21 OR d.fact_day <= t.period_start + 9))
 WHERE synthetic_amount IS NULL;
UPDATE rollup_month m SET synthetic_amount = (
    SELECT COALESCE(SUM(d.synthetic_amount), 0) FROM rollup_day d
     WHERE d.indicator_code = m.indicator_code AND d.region_code = m.region_code
       AND d.campaign_code = m.campaign_code
       AND d.fact_day >= m.month_start AND d.fact_day <= m.month_start + 30
       AND EXTRACT(MONTH FROM d.fact_day) = EXTRACT(MONTH FROM m.month_start))
 WHERE synthetic_amount IS NULL;
UPDATE rollup_year y SET synthetic_amount = (
    SELECT COALESCE(SUM(m.synthetic_amount), 0) FROM rollup_month m
     WHERE m.indicator_code = y.indicator_code AND m.region_code = y.region_code
       AND m.campaign_code = y.campaign_code AND EXTRACT(YEAR FROM m.month_start) = y.year_no)
 WHERE synthetic_amount IS NULL;

ALTER TABLE rollup_day ALTER COLUMN synthetic_amount SET NOT NULL;
ALTER TABLE rollup_ten_days ALTER COLUMN synthetic_amount SET NOT NULL;
ALTER TABLE rollup_month ALTER COLUMN synthetic_amount SET NOT NULL;
ALTER TABLE rollup_year ALTER COLUMN synthetic_amount SET NOT NULL;
