-- Taiwan, Hong Kong and Macao (issue 16): provincial-level units the map shows, which report no figures to this
-- campaign. Their own kind keeps them out of every rule that counts 'province' (the 31 reporting provinces, the
-- national sums, submissions and completeness); no parent keeps them out of the nation's children (its sum).
ALTER TABLE region DROP CONSTRAINT region_kind_ck;
ALTER TABLE region ADD CONSTRAINT region_kind_ck CHECK (kind IN ('nation', 'province', 'zone', 'non_reporting'));

INSERT INTO region (code, kind, parent_code, name_zh, name_en, sort_order) VALUES
    ('CN-TW', 'non_reporting', NULL, '台湾省', 'Taiwan', 32),
    ('CN-HK', 'non_reporting', NULL, '香港特别行政区', 'Hong Kong', 33),
    ('CN-MO', 'non_reporting', NULL, '澳门特别行政区', 'Macao', 34);
