-- The dashboard asks for a window of days or months across all indicators and regions at once
-- (ADR 0013): an index by date lets H2 read just that window instead of every indicator's history.
CREATE INDEX rollup_day_day_ix ON rollup_day (fact_day);
CREATE INDEX rollup_month_month_ix ON rollup_month (month_start);
