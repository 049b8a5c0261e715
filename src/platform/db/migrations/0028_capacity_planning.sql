-- Issue 18 — capaciteitsplanner: saved policy scenarios and simulation jobs per tenant (row-level security is
-- applied by migrate() through tenant_id). No person data: parameters, progress and aggregated model results only.

-- A named scenario of the beleid/toegang: capacity per location and the policy levers, as JSON (see docs/api.md).
CREATE TABLE capacity_scenarios (
  id          text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id   text NOT NULL REFERENCES tenants(id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  parameters  jsonb NOT NULL,
  created_by  text REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

-- One simulation job: the scenario as it was when started, its progress, and its result when ready.
CREATE TABLE capacity_simulations (
  id          text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id   text NOT NULL REFERENCES tenants(id),
  scenario_id text REFERENCES capacity_scenarios(id) ON DELETE SET NULL,
  name        text NOT NULL,
  parameters  jsonb NOT NULL,
  start_on    date NOT NULL,
  years       integer NOT NULL CHECK (years BETWEEN 1 AND 5),
  runs        integer NOT NULL CHECK (runs BETWEEN 1 AND 5000),
  seed        integer NOT NULL,
  status      text NOT NULL DEFAULT 'bezig' CHECK (status IN ('bezig', 'klaar', 'mislukt')),
  runs_done   integer NOT NULL DEFAULT 0,
  result      jsonb,
  error       text,
  created_by  text REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX capacity_simulations_tenant ON capacity_simulations(tenant_id, created_at);
