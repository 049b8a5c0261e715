-- Issue 13 part A: statistical disclosure control (cell key method). One random secret per tenant, generated once
-- by the application on first use; record keys are md5(secret || record id). Never shown by any API.
CREATE TABLE disclosure_secrets (
  tenant_id  text PRIMARY KEY REFERENCES tenants(id),
  secret     text NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
