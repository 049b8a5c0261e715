-- Issue 17 — locaties en buurt (actielijn 4): wijken met hun voorzieningen en draagkracht, kandidaat-locaties met een
-- business case, de procedure bij een nieuwe locatie, een openbare pagina per voorziening met buurtmeldingen, en de
-- leefbaarheidsmonitor. Every table carries tenant_id (row-level security is applied by migrate()). No table holds
-- client data; a melding may hold the reporter's optional contact details.

-- Per tenant: the draagkracht weights (docs/adr/0019) and the business-case defaults.
CREATE TABLE neighbourhood_settings (
  tenant_id          text PRIMARY KEY REFERENCES tenants(id),
  weight_places      numeric NOT NULL DEFAULT 0.5 CHECK (weight_places >= 0 AND weight_places <= 10),
  weight_reports     numeric NOT NULL DEFAULT 0.3 CHECK (weight_reports >= 0 AND weight_reports <= 10),
  weight_indicator   numeric NOT NULL DEFAULT 0.2 CHECK (weight_indicator >= 0 AND weight_indicator <= 10),
  indicator_key      text,
  cost_per_night     numeric NOT NULL DEFAULT 85 CHECK (cost_per_night >= 0)
);

-- A wijk (CBS wijkcode WK + gemeentecode + 2 digits) with inhabitants and imported CBS indicators.
CREATE TABLE wijken (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  code               text NOT NULL CHECK (code ~ '^WK[0-9]{6}$'),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  municipality_code  char(4) NOT NULL,
  inhabitants        integer NOT NULL DEFAULT 0 CHECK (inhabitants >= 0),
  indicators         jsonb NOT NULL DEFAULT '{}',
  indicators_year    integer,
  map_x              numeric NOT NULL DEFAULT 50 CHECK (map_x BETWEEN 0 AND 100),
  map_y              numeric NOT NULL DEFAULT 50 CHECK (map_y BETWEEN 0 AND 100),
  UNIQUE (tenant_id, code)
);

-- Facilities for vulnerable groups in a wijk; Housing First and Skaeve Huse homes are a count without a name or address.
CREATE TABLE wijk_facilities (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  wijk_id            text NOT NULL REFERENCES wijken(id),
  kind               text NOT NULL CHECK (kind IN ('opvang', 'beschermd_wonen', 'tussenvoorziening', 'housing_first', 'skaeve_huse')),
  label              text CHECK (length(label) <= 200),
  places             integer NOT NULL CHECK (places BETWEEN 0 AND 10000),
  CHECK (kind NOT IN ('housing_first', 'skaeve_huse') OR label IS NULL)
);
CREATE INDEX wijk_facilities_wijk ON wijk_facilities(wijk_id);

-- A facility's public page (no login): slug in the URL, what it is, since when, how to reach the management.
CREATE TABLE public_facilities (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  facility_id        text REFERENCES facilities(id),
  wijk_id            text REFERENCES wijken(id),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind               text NOT NULL,
  description        text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  open_since         date,
  care_provider      text NOT NULL DEFAULT '',
  management_contact text NOT NULL DEFAULT '' CHECK (length(management_contact) <= 1000),
  next_meeting_on    date,
  next_meeting_place text CHECK (length(next_meeting_place) <= 300),
  published          boolean NOT NULL DEFAULT true
);

-- Agreements with the neighbourhood: who does what, by when; kept yes/no/not yet judged.
CREATE TABLE neighbourhood_agreements (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  public_facility_id text REFERENCES public_facilities(id),
  site_id            text,
  made_on            date NOT NULL,
  who                text NOT NULL CHECK (length(who) BETWEEN 1 AND 200),
  what               text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
  due_on             date,
  kept               boolean
);
CREATE INDEX neighbourhood_agreements_facility ON neighbourhood_agreements(public_facility_id);

-- A nuisance report from the public form. The tracking code is stored only as a SHA-256 hash.
CREATE TABLE nuisance_reports (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  public_facility_id text NOT NULL REFERENCES public_facilities(id),
  kind               text NOT NULL,
  description        text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  occurred_on        date NOT NULL,
  occurred_time      text CHECK (occurred_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  place              text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  spot_key           text NOT NULL,
  contact_name       text CHECK (length(contact_name) <= 200),
  contact_email      text CHECK (length(contact_email) <= 200),
  contact_phone      text CHECK (length(contact_phone) <= 40),
  tracking_hash      text NOT NULL UNIQUE,
  status             text NOT NULL DEFAULT 'ontvangen' CHECK (status IN ('ontvangen', 'in_behandeling', 'afgehandeld')),
  received_at        timestamptz NOT NULL,
  started_at         timestamptz,
  handled_at         timestamptz,
  reply              text CHECK (length(reply) <= 2000),
  replied_at         timestamptz,
  handled_by_name    text
);
CREATE INDEX nuisance_reports_facility ON nuisance_reports(public_facility_id, received_at);

-- Candidate locations: the pipeline (including vacant public real estate, e.g. from the RVB scan) with the
-- business-case assumptions as one JSON object (every assumption visible and editable).
CREATE TABLE candidate_sites (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address            text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
  wijk_id            text REFERENCES wijken(id),
  places             integer NOT NULL CHECK (places BETWEEN 1 AND 500),
  floor_area         integer CHECK (floor_area BETWEEN 1 AND 100000),
  owner              text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  owner_kind         text NOT NULL CHECK (owner_kind IN ('gemeente', 'rijk_rvb', 'corporatie', 'particulier', 'zorgaanbieder')),
  vacant_public      boolean NOT NULL DEFAULT false,
  form               text NOT NULL,
  status             text NOT NULL DEFAULT 'verkenning',
  assumptions        jsonb NOT NULL DEFAULT '{}',
  created_at         timestamptz NOT NULL DEFAULT now()
);

-- The new-location procedure: one checklist step per row, with owner and dates.
CREATE TABLE procedure_steps (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  site_id            text NOT NULL REFERENCES candidate_sites(id),
  kind               text NOT NULL,
  position           integer NOT NULL,
  owner_name         text NOT NULL DEFAULT '' CHECK (length(owner_name) <= 200),
  due_on             date,
  done_on            date,
  note               text CHECK (length(note) <= 2000),
  UNIQUE (site_id, kind)
);
ALTER TABLE neighbourhood_agreements ADD FOREIGN KEY (site_id) REFERENCES candidate_sites(id);
CREATE INDEX neighbourhood_agreements_site ON neighbourhood_agreements(site_id);
