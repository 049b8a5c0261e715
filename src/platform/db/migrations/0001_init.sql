-- Onderdak core schema. Runs unchanged on PGlite and PostgreSQL 15+.
-- Dates without a time (birth date, decision date, stay start/end) are `date`; nights of a stay are
-- (ended_on - started_on), so a same-day exit is 0 nights.

CREATE TABLE tenants (
  id            text PRIMARY KEY,               -- e.g. 'dordrecht'
  name          text NOT NULL,                  -- 'Centrumgemeente Dordrecht'
  central_municipality_code char(4) NOT NULL,
  settings      jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE municipalities (
  code       char(4) PRIMARY KEY,              -- CBS gemeentecode without GM prefix
  name       text NOT NULL,
  tenant_id  text NOT NULL REFERENCES tenants(id)
);

CREATE TABLE facilities (
  id                text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id         text NOT NULL REFERENCES tenants(id),
  name              text NOT NULL,
  type              text NOT NULL,             -- see src/domain/facilities/types.ts
  address           text NOT NULL DEFAULT '',
  postcode          text,
  municipality_code char(4) REFERENCES municipalities(code),
  wijk              text,
  is_night_shelter  boolean NOT NULL DEFAULT false,
  latitude          double precision,
  longitude         double precision,
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facilities_tenant ON facilities(tenant_id);

CREATE TABLE units (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  facility_id    text NOT NULL REFERENCES facilities(id),
  name           text NOT NULL,
  kind           text NOT NULL,               -- eenpersoonskamer | reserve | gezin | jongeren | bed | woning
  beds           integer NOT NULL CHECK (beds > 0),
  is_reserve     boolean NOT NULL DEFAULT false,
  max_households integer NOT NULL DEFAULT 1 CHECK (max_households > 0),
  target_groups  text[] NOT NULL DEFAULT '{}',
  active         boolean NOT NULL DEFAULT true,
  UNIQUE (facility_id, name)
);
CREATE INDEX units_facility ON units(facility_id);

CREATE TABLE users (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text REFERENCES tenants(id),  -- null only for a national beheerder (not used in demo)
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  role             text NOT NULL,                -- toegang | locatie | corporatie | beleid | client | beheerder
  password_hash    text NOT NULL,
  facility_id      text REFERENCES facilities(id),  -- locatiemedewerker: own facility
  client_id        text,                          -- role client: own file
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id),
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE clients (
  id                       text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id                text NOT NULL REFERENCES tenants(id),
  first_name               text NOT NULL,
  last_name                text NOT NULL,
  birth_date               date,
  bsn                      char(9),
  origin_municipality_code char(4),             -- null when origin is outside the known municipalities
  origin_label             text NOT NULL,        -- 'Dordrecht', 'Overig Nederland', 'Buitenland', 'Onbekend'
  cause                    text,                 -- aanleiding dakloosheid
  phone                    text,
  email                    text,
  gender                   text,
  merged_into              text REFERENCES clients(id),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_tenant_name ON clients(tenant_id, lower(last_name), lower(first_name));
CREATE INDEX clients_bsn ON clients(tenant_id, bsn) WHERE bsn IS NOT NULL;

CREATE TABLE household_members (
  id          text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  client_id   text NOT NULL REFERENCES clients(id),
  name        text NOT NULL,
  birth_date  date,
  relation    text NOT NULL                     -- partner | kind | overig
);
CREATE INDEX household_members_client ON household_members(client_id);

CREATE TABLE client_merges (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  kept_id       text NOT NULL REFERENCES clients(id),
  merged_id     text NOT NULL REFERENCES clients(id),
  merged_by     text NOT NULL REFERENCES users(id),
  merged_at     timestamptz NOT NULL DEFAULT now(),
  snapshot      jsonb NOT NULL                  -- the merged record as it was, so history is kept
);

CREATE TABLE registrations (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  client_id        text NOT NULL REFERENCES clients(id),
  registered_on    date NOT NULL,
  source           text NOT NULL,                -- zelf | veldwerk | meldpunt | wijkteam | huisarts | politie | familie | centrumgemeente | overig
  notes            text,
  screening        text,
  screened_on      date,
  status           text NOT NULL DEFAULT 'aangemeld', -- aangemeld | gescreend | besloten
  created_by       text REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registrations_tenant_date ON registrations(tenant_id, registered_on);
CREATE INDEX registrations_client ON registrations(client_id);

CREATE TABLE access_decisions (
  id                  text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id           text NOT NULL REFERENCES tenants(id),
  registration_id     text NOT NULL UNIQUE REFERENCES registrations(id),
  outcome             text NOT NULL,             -- toegang | doorverwijzing | afwijzing
  decided_on          date NOT NULL,
  decided_by          text REFERENCES users(id),
  reason              text,
  objection_deadline  date NOT NULL,             -- bezwaartermijn: 6 weeks (Awb 6:7)
  emergency_shelter   boolean NOT NULL DEFAULT true,
  regional_tie        jsonb,                     -- kans-van-slagen factors and score
  responsible_tenant_id text REFERENCES tenants(id), -- warm handover target when not this tenant
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trajectories (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  client_id        text NOT NULL REFERENCES clients(id),
  registration_id  text REFERENCES registrations(id),
  started_on       date NOT NULL,
  ended_on         date,
  exit_destination text,                         -- see src/domain/exits/destinations.ts
  exit_group       text,                         -- permanent | beschermd | tijdelijk | dakloos | overig
  case_manager_id  text REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX trajectories_tenant_end ON trajectories(tenant_id, ended_on);
CREATE INDEX trajectories_client ON trajectories(client_id);

CREATE TABLE stays (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  client_id       text NOT NULL REFERENCES clients(id),
  registration_id text REFERENCES registrations(id),
  trajectory_id   text REFERENCES trajectories(id),
  unit_id         text NOT NULL REFERENCES units(id),
  household_size  integer NOT NULL DEFAULT 1 CHECK (household_size > 0),
  started_on      date NOT NULL,
  ended_on        date,
  end_reason      text,
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX stays_unit_open ON stays(unit_id) WHERE ended_on IS NULL;
CREATE INDEX stays_tenant_dates ON stays(tenant_id, started_on, ended_on);
CREATE INDEX stays_client ON stays(client_id);
CREATE INDEX stays_trajectory ON stays(trajectory_id);

-- NEN 7513 logging: who, on behalf of whom, when, which client, what, from where, on what basis, emergency.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  tenant_id     text,
  user_id       text,
  username      text,
  role          text,
  on_behalf_of  text,
  client_id     text,
  action        text NOT NULL,                  -- lezen | aanmaken | wijzigen | samenvoegen | inloggen | ...
  resource      text NOT NULL,
  detail        text,
  source_ip     text,
  basis         text,
  emergency     boolean NOT NULL DEFAULT false
);
CREATE INDEX audit_log_client ON audit_log(client_id, at);
