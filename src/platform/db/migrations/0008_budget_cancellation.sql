-- Issue 6 (vervolg) — a planned preventief budgetbeheer can be cancelled before it starts: the end date then lies
-- before the start (phase 'geannuleerd'). It still needs a reason and still lies before the planned end.
ALTER TABLE budget_management DROP CONSTRAINT budget_management_ended_early;
ALTER TABLE budget_management ADD CONSTRAINT budget_management_ended_early CHECK (
  ended_early_on IS NULL OR (ended_early_reason IS NOT NULL AND ended_early_on < ends_on));
