-- Issue 4 (vervolg) — doorstroomoverleg: the description and "who acts next / next step" of an open blockade can be
-- changed afterwards (PATCH /v1/blokkades/{id}). The blockers row holds the current values; every change keeps the
-- previous and the new values of the changed fields here, numbered per blockade (version 1, 2, …).
CREATE TABLE blocker_updates (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  blocker_id       text NOT NULL REFERENCES blockers(id),
  version          integer NOT NULL CHECK (version >= 1),
  changed_at       timestamptz NOT NULL DEFAULT now(),
  changed_by       text REFERENCES users(id),
  previous_values  jsonb NOT NULL,              -- {"volgendeStap": "…", …}: only the changed fields (API names)
  new_values       jsonb NOT NULL,
  UNIQUE (blocker_id, version)
);
CREATE INDEX blocker_updates_tenant ON blocker_updates(tenant_id, changed_at);
