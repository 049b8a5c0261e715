-- Issue 14 — inloggen dat standhoudt onder parallelle aanvallen (src/rights/login-guard.ts).
-- Every attempt is reserved in the database before a password is verified, with one atomic statement per counter:
-- - per account: users.failed_logins (existing) counts reserved attempts; login_attempt_at lets old failures lapse;
-- - per unknown username: the same counter, so an unknown name is answered exactly like a known one (also 423);
-- - per source address: a leaky bucket of recent failures with growing delays (429 with Retry-After).
ALTER TABLE users ADD COLUMN login_attempt_at timestamptz;

CREATE TABLE login_unknown_users (
  username_hash    text PRIMARY KEY,          -- sha256 of the normalised username: what was typed is not kept here
  failed_logins    integer NOT NULL,
  locked_until     timestamptz,
  login_attempt_at timestamptz NOT NULL
);
CREATE INDEX login_unknown_users_attempt ON login_unknown_users (login_attempt_at);

CREATE TABLE login_address_failures (
  source           text PRIMARY KEY,          -- the request's source address ('onbekend' when there is none)
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  blocked_until    timestamptz
);
CREATE INDEX login_address_failures_last ON login_address_failures (last_failure_at);
