-- Issue 11 part A — eerste start, gebruikers, instellingen (src/areas/admin/setup.*, accounts.*, src/rights/totp.ts).
-- - installation_setup: the one-time setup link of an empty installation (only its sha256 is stored); completed_at
--   is set in the same transaction that creates the first centrumgemeente, so the link works exactly once.
-- - care_providers: zorgaanbieders as organisations (corporaties already are: housing_corporations, 0003); users and
--   facilities can be linked to one.
-- - users: a new password forced at the next login; TOTP (RFC 6238) secret, confirmed at enrolment, and the last
--   time step used (a code is accepted once).
-- - sessions: a session that still has a login step to take (new password, TOTP enrolment or code) is usable for
--   that step only; last_seen_at drives the idle timeout (tenant setting, default 30 minutes).
-- - account_tokens: one-time reset links and client invitation codes (only the sha256 is stored).
-- Demo seeding needs no table: it runs in one transaction (src/demo/seed.ts), so a crash leaves nothing half-loaded.

CREATE TABLE installation_setup (
  id            integer PRIMARY KEY CHECK (id = 1),
  token_hash    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);

CREATE TABLE care_providers (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  name          text NOT NULL,
  contact_email text,
  contact_phone text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);
ALTER TABLE facilities ADD COLUMN care_provider_id text REFERENCES care_providers(id);

ALTER TABLE users ADD COLUMN care_provider_id text REFERENCES care_providers(id);
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_confirmed_at timestamptz;
ALTER TABLE users ADD COLUMN totp_last_step bigint;

ALTER TABLE sessions ADD COLUMN pending_step text;            -- null: a full session | wachtwoord | totp-koppelen | totp
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN failed_codes integer NOT NULL DEFAULT 0;

CREATE TABLE account_tokens (
  token_hash  text PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenants(id),
  user_id     text NOT NULL REFERENCES users(id),
  kind        text NOT NULL,                                  -- herstel | uitnodiging
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_by  text REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);
