-- Fewer index entries per stored figure (issue 4's import benchmark; ADR 0018 on what each entry costs H2).
-- measurement_basis_ix served only the removal of synthetic data, which now reads the demo tables or the
-- small breakdown. measurement_lookup_ix (indicator, region, start, end) repeats what the foreign key's own
-- index on indicator_code and measurement_grain_ix (grain, indicator, region, start) give every query.
DROP INDEX measurement_basis_ix;
DROP INDEX measurement_lookup_ix;
