-- Issue 16 — Mijn Onderdak: a client's own questions and comments, and requests to correct their data, with the
-- answer of a staff member. An open message is a task for the trajecthouder (mijn taken). Carries tenant_id, so the
-- tenant policy of row-level security applies (migrate()).
CREATE TABLE client_messages (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  client_id        text NOT NULL REFERENCES clients(id),
  kind             text NOT NULL CHECK (kind IN ('opmerking', 'correctie')),
  subject          text,                              -- correctie: which data (naam, telefoon, e-mail, …)
  body             text NOT NULL,
  author_id        text REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  answer           text,
  answered_at      timestamptz,
  answered_by      text REFERENCES users(id),
  answered_by_name text,
  answered_by_role text,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX client_messages_client ON client_messages(client_id, created_at);
CREATE INDEX client_messages_open ON client_messages(tenant_id, created_at) WHERE answered_at IS NULL;
