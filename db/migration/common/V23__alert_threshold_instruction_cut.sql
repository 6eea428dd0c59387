-- A threshold on a figure of warning instructions may watch one tier, one risk level or both (issue 17:
-- "high-risk breaches in a province above 5 in a day"). NULL: every tier / every level, as before.
-- Only the six instruction figures can be cut (AlertService.check); the column names what stats --tier/--risk take.
ALTER TABLE alert_threshold ADD COLUMN tier VARCHAR(16);
ALTER TABLE alert_threshold ADD COLUMN risk_level VARCHAR(8);
ALTER TABLE alert_threshold ADD CONSTRAINT alert_threshold_tier_ck
    CHECK (tier IS NULL OR tier IN ('national', 'provincial', 'local'));
ALTER TABLE alert_threshold ADD CONSTRAINT alert_threshold_risk_ck
    CHECK (risk_level IS NULL OR risk_level IN ('high', 'medium', 'low'));
