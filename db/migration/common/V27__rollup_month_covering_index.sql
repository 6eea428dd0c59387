-- The dashboard reads every indicator and region of a few months at a time (the period's, its trend's, the
-- league table's twelve sparkline months). The month index now carries every column those reads return, so the
-- database answers them from the index alone instead of looking each row up by its key: a year's months read in
-- about half the time (issue 17, docs/performance.md "Stop 27"). It still leads with month_start, so the reads that
-- name it by USE INDEX find it under the same name.
DROP INDEX rollup_month_month_ix;
CREATE INDEX rollup_month_month_ix ON rollup_month (month_start, indicator_code, region_code, campaign_code, amount,
    fact_count, synthetic_count, synthetic_amount);
