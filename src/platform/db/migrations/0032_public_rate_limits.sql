-- Issue 17 — the abuse limits of the public nuisance form shared by all server processes (docs/adr/0019).
-- public_rate_limits: one fixed-window counter per key, bumped by one INSERT … ON CONFLICT DO UPDATE … RETURNING.
-- The key holds an HMAC of the source address (never the raw IP) or of the facility path; expired windows are
-- deleted now and then, so the table stays small. No tenant data: the guard runs before the facility (and so the
-- tenant) is known, as the owner, like login and sessions (ADR 0010) — onderdak_app gets no access.
CREATE TABLE public_rate_limits (
  key_hash      text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  window_end    timestamptz NOT NULL,
  hits          integer NOT NULL CHECK (hits > 0)
);
CREATE INDEX public_rate_limits_window_end ON public_rate_limits (window_end);

-- installation_secrets: secrets all server processes must share (e.g. the form-token secret), generated once on
-- first use. Owner only.
CREATE TABLE installation_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO rls_exemptions (table_name, app_access, reason) VALUES
  ('public_rate_limits', NULL, 'tellers van de openbare limieten; sleutels zijn HMAC-hashes, geen tenantgegevens; alleen de eigenaar'),
  ('installation_secrets', NULL, 'geheimen van de installatie (formuliertokens), gedeeld door alle processen; alleen de eigenaar');
