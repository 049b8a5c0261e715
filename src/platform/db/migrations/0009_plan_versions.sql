-- Issue 4 (vervolg) — ondertekende versies van het perspectiefplan. Each signing freezes what was discussed and
-- signed (content as JSON), so later edits never change the signed agreement. agreement_hash covers only the
-- agreement (words, wishes, goals, actions with owner and due date; not their progress), so the plan shows
-- "gewijzigd sinds de ondertekening" exactly when there is something new to discuss and sign.
CREATE TABLE perspective_plan_versions (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  plan_id         text NOT NULL REFERENCES perspective_plans(id),
  version_no      integer NOT NULL CHECK (version_no >= 1),
  signed_on       date NOT NULL,
  content         jsonb NOT NULL,
  agreement_hash  text NOT NULL,
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, version_no)
);
