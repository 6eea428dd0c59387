-- Whether the value that crossed a threshold was a partial computed figure (not every unit-month under its key
-- submitted, issue 12): the alert then says "at least" and what the figure covers, never passes it off as a total.
ALTER TABLE alert_event ADD COLUMN partial BOOLEAN DEFAULT FALSE NOT NULL;
