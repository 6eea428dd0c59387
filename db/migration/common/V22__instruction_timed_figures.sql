-- The figures of warning instructions that are not sums of day facts (issue 17, ADR 0039): computed from the
-- instructions themselves. Two units join count and CNY: a percentage and minutes.
ALTER TABLE indicator DROP CONSTRAINT indicator_unit_ck;
ALTER TABLE indicator ADD CONSTRAINT indicator_unit_ck CHECK (unit IN ('count', 'CNY', 'pct', 'minutes'));
UPDATE indicator SET sort_order = sort_order + 3 WHERE sort_order > 17;
INSERT INTO indicator (code, category, unit, name_zh, name_en, higher_is_better, sort_order) VALUES
    ('dissuasion_rate_pct', 'prevention', 'pct', '预警指令劝阻率', 'Instruction dissuasion rate', TRUE, 18),
    ('contact_minutes_median', 'prevention', 'minutes', '指令联系用时中位数', 'Median minutes to contact', FALSE, 19),
    ('sla_breaches', 'prevention', 'count', '超时未联系', 'Time-limit breaches', FALSE, 20);
