-- Issue 20 — het hele beeld: veldwerk (contacts with known clients or anonymous persons, on a point of the region
-- map), the yearly point-in-time count of rough sleepers, the register of requests that found no place, and the
-- monthly data-quality score. Every table carries tenant_id (row-level security is applied by migrate()).

-- A person known only from veldwerk: no name, a description and an estimated age. Linked to a client once known.
CREATE TABLE anonymous_persons (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  description    text NOT NULL CHECK (length(description) BETWEEN 1 AND 400),
  estimated_age  integer CHECK (estimated_age BETWEEN 12 AND 100),
  client_id      text REFERENCES clients(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- One contact of a field worker: with a known client or an anonymous person, where (a point on the region map,
-- WGS84), how the person sleeps, and what was offered.
CREATE TABLE outreach_contacts (
  id                  text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id           text NOT NULL REFERENCES tenants(id),
  contact_on          date NOT NULL,
  client_id           text REFERENCES clients(id),
  anonymous_person_id text REFERENCES anonymous_persons(id),
  sleeping_situation  text NOT NULL CHECK (sleeping_situation IN ('buiten', 'bij_anderen', 'auto', 'kraakpand', 'tussenvoorziening', 'onbekend')),
  latitude            double precision,
  longitude           double precision,
  place_label         text,
  offered             text[] NOT NULL DEFAULT '{}',
  notes               text,
  recorded_by         text REFERENCES users(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((client_id IS NULL) <> (anonymous_person_id IS NULL))
);
CREATE INDEX outreach_contacts_tenant_date ON outreach_contacts(tenant_id, contact_on);
CREATE INDEX outreach_contacts_client ON outreach_contacts(client_id);

-- The yearly point-in-time count: per count day and area the number of people found sleeping rough.
CREATE TABLE street_counts (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  counted_on     date NOT NULL,
  area           text NOT NULL CHECK (length(area) BETWEEN 1 AND 100),
  number         integer NOT NULL CHECK (number BETWEEN 0 AND 10000),
  recorded_by    text REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, counted_on, area)
);

-- A request that found no place, with the reason and where the person went. A refusal or referral decided at the
-- toegang (access_decisions) is linked, not copied: its row here only adds where the person went.
CREATE TABLE turn_aways (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  requested_on       date NOT NULL,
  client_id          text REFERENCES clients(id),
  access_decision_id text UNIQUE REFERENCES access_decisions(id),
  facility_id        text REFERENCES facilities(id),
  reason             text NOT NULL CHECK (reason IN ('vol', 'past_niet', 'regiobinding', 'afgewezen', 'doorverwezen')),
  went_to            text CHECK (went_to IN ('straat', 'bij_anderen', 'andere_opvang', 'voorliggend_veld', 'andere_regio', 'eigen_netwerk', 'onbekend')),
  household_size     integer NOT NULL DEFAULT 1 CHECK (household_size BETWEEN 1 AND 20),
  notes              text,
  recorded_by        text REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX turn_aways_tenant_date ON turn_aways(tenant_id, requested_on);

-- The data-quality score per month (the last run of the checks in that month).
CREATE TABLE data_quality_scores (
  tenant_id      text NOT NULL REFERENCES tenants(id),
  month          text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  score          double precision NOT NULL,
  findings       integer NOT NULL,
  records        integer NOT NULL,
  computed_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, month)
);
