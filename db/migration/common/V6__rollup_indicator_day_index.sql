-- A trend of a few indicators by day (the dashboard's daily buckets) reads only those indicators' days.
CREATE INDEX rollup_day_indicator_day_ix ON rollup_day (indicator_code, fact_day);
