-- Issue 19 (geld en koppelingen): eigen bijdrage, kostprijs en regionaal budget, the outbox to the zaaksysteem
-- (ZGW), and the AVG purge with its destruction log. BRP lookups leave only audit rows (no table).

-- A tariff per night per facility type, valid from a date until the next one of the same kind and type:
-- eigen-bijdrage (what a client owes per night) or kostprijs (what a night costs the gemeente, for the budget).
CREATE TABLE finance_rates (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  kind           text NOT NULL CHECK (kind IN ('eigen-bijdrage', 'kostprijs')),
  facility_type  text NOT NULL,
  per_night_cents integer NOT NULL CHECK (per_night_cents >= 0),
  valid_from     date NOT NULL,
  created_by     text REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, kind, facility_type, valid_from)
);

-- A full exemption (vrijstelling) or a percentage reduction (korting) of the eigen bijdrage for a period.
CREATE TABLE own_contribution_adjustments (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  client_id    text NOT NULL REFERENCES clients(id),
  kind         text NOT NULL CHECK (kind IN ('vrijstelling', 'korting')),
  percentage   integer NOT NULL CHECK (percentage BETWEEN 1 AND 100),
  from_on      date NOT NULL,
  to_on        date,                           -- inclusive; null: open-ended
  reason       text NOT NULL,
  created_by   text REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX own_contribution_adjustments_client ON own_contribution_adjustments(client_id);

CREATE TABLE own_contribution_payments (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  client_id    text NOT NULL REFERENCES clients(id),
  paid_on      date NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  reference    text,
  created_by   text REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX own_contribution_payments_client ON own_contribution_payments(client_id, paid_on);

-- The regional budget per year (seeds/004: € 900.000 voor innovaties in 2020).
CREATE TABLE regional_budgets (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  label         text NOT NULL,
  amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
  UNIQUE (tenant_id, year, label)
);

-- The zaaksysteem connection of a tenant: when enabled, the triggers below write the outbox.
CREATE TABLE zgw_connections (
  tenant_id   text PRIMARY KEY REFERENCES tenants(id),
  enabled     boolean NOT NULL DEFAULT true,
  rsin        char(9) NOT NULL,                -- bronorganisatie / verantwoordelijke organisatie
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The outbox: one row per change for the zaaksysteem, written in the same transaction as the change (triggers), and
-- delivered in id order per tenant by the dispatcher (src/areas/integrations/outbox.dispatcher.ts). A row is never
-- deleted; it stays 'wachtend' with a growing backoff until the zaaksysteem accepts it.
CREATE TABLE zgw_outbox (
  id               bigserial PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  kind             text NOT NULL CHECK (kind IN ('zaak', 'status', 'besluit')),
  registration_id  text NOT NULL REFERENCES registrations(id),
  subject_id       text NOT NULL,               -- registration, decision or trajectory id
  status_code      text,                        -- for kind status: aangemeld | gescreend | besloten | afgesloten
  happened_on      date NOT NULL,
  state            text NOT NULL DEFAULT 'wachtend' CHECK (state IN ('wachtend', 'verzonden')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  remote_url       text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zgw_outbox_pending ON zgw_outbox(tenant_id, id) WHERE state = 'wachtend';

CREATE FUNCTION onderdak_zgw_enabled(t text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM zgw_connections z WHERE z.tenant_id = t AND z.enabled) $$;

CREATE FUNCTION onderdak_zgw_registration() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT onderdak_zgw_enabled(NEW.tenant_id) THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'zaak', NEW.id, NEW.id, NULL, NEW.registered_on),
             (NEW.tenant_id, 'status', NEW.id, NEW.id, 'aangemeld', NEW.registered_on);
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'gescreend' THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'status', NEW.id, NEW.id, 'gescreend', coalesce(NEW.screened_on, NEW.registered_on));
  END IF;
  RETURN NEW;
END $fn$;
CREATE TRIGGER registrations_zgw AFTER INSERT OR UPDATE OF status ON registrations
  FOR EACH ROW EXECUTE FUNCTION onderdak_zgw_registration();

CREATE FUNCTION onderdak_zgw_decision() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT onderdak_zgw_enabled(NEW.tenant_id) THEN RETURN NEW; END IF;
  INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
    VALUES (NEW.tenant_id, 'besluit', NEW.registration_id, NEW.id, NULL, NEW.decided_on),
           (NEW.tenant_id, 'status', NEW.registration_id, NEW.id, 'besloten', NEW.decided_on);
  RETURN NEW;
END $fn$;
CREATE TRIGGER access_decisions_zgw AFTER INSERT ON access_decisions
  FOR EACH ROW EXECUTE FUNCTION onderdak_zgw_decision();

CREATE FUNCTION onderdak_zgw_trajectory() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.registration_id IS NULL OR NOT onderdak_zgw_enabled(NEW.tenant_id) THEN RETURN NEW; END IF;
  IF OLD.ended_on IS NULL AND NEW.ended_on IS NOT NULL THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'status', NEW.registration_id, NEW.id, 'afgesloten', NEW.ended_on);
  END IF;
  RETURN NEW;
END $fn$;
CREATE TRIGGER trajectories_zgw AFTER UPDATE OF ended_on ON trajectories
  FOR EACH ROW EXECUTE FUNCTION onderdak_zgw_trajectory();

-- AVG: when a client's file was anonymised by the purge job (retention per domain.md §3 passed).
ALTER TABLE clients ADD COLUMN anonymised_at timestamptz;

-- The destruction log: what was destroyed, when and by whom. No person data: the subject is an irreversible
-- reference (sha-256 of tenant, client id and a per-tenant secret that is not stored in the log).
CREATE TABLE destruction_log (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  subject_ref     text NOT NULL,
  category        text NOT NULL,               -- verstrekking | geen-verstrekking | ingetrokken
  term_ended_on   date NOT NULL,
  what            text NOT NULL,
  destroyed_at    timestamptz NOT NULL DEFAULT now(),
  destroyed_by    text REFERENCES users(id),
  destroyed_by_name text NOT NULL
);
CREATE INDEX destruction_log_tenant ON destruction_log(tenant_id, destroyed_at);
