-- Issue 6 (vervolg) — Nazorg na elke uitstroom naar wonen: the plan is made automatically when the exit is
-- registered, before anyone is responsible for it ("verantwoordelijke toewijzen" on the worklist), so the
-- responsible party may be empty (both columns together). Preventief budgetbeheer can end early, with a reason.
ALTER TABLE aftercare_plans ALTER COLUMN responsible_kind DROP NOT NULL;
ALTER TABLE aftercare_plans ALTER COLUMN responsible_name DROP NOT NULL;
ALTER TABLE aftercare_plans ADD CONSTRAINT aftercare_plans_responsible_both CHECK ((responsible_kind IS NULL) = (responsible_name IS NULL));

ALTER TABLE budget_management ADD COLUMN ended_early_reason text;
ALTER TABLE budget_management ADD CONSTRAINT budget_management_ended_early CHECK (
  ended_early_on IS NULL OR (ended_early_reason IS NOT NULL AND ended_early_on >= started_on AND ended_early_on < ends_on));
