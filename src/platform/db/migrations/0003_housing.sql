-- Issue 5 — van opvang naar wonen: woonplekken, corporaties, prestatieafspraken, woonkandidaten, aanbiedingen,
-- Housing First-trajecten. Runs unchanged on PGlite and PostgreSQL 15+. Amounts in euro cents (integer).

CREATE TABLE housing_corporations (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  name          text NOT NULL,
  contact_email text,
  contact_phone text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

-- corporatiemedewerker: the corporation whose homes they manage.
ALTER TABLE users ADD COLUMN corporation_id text REFERENCES housing_corporations(id);

CREATE TABLE housing_units (
  id                text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id         text NOT NULL REFERENCES tenants(id),
  corporation_id    text REFERENCES housing_corporations(id),  -- null: gemeente / private host
  type              text NOT NULL,           -- corporatie | housing-first | skaeve-huse | tussenvoorziening | onder-de-pannen
  address           text NOT NULL,
  postcode          text,
  municipality_code char(4) NOT NULL REFERENCES municipalities(code),
  wijk              text,
  rooms             integer NOT NULL CHECK (rooms > 0),
  area_m2           integer NOT NULL CHECK (area_m2 > 0),
  rent_cents        integer NOT NULL CHECK (rent_cents >= 0),
  available_from    date NOT NULL,
  household_min     integer NOT NULL DEFAULT 1 CHECK (household_min > 0),
  household_max     integer NOT NULL DEFAULT 1,
  age_group         text NOT NULL DEFAULT 'alle',  -- alle | jongeren (18–27) | 55plus
  support_max       text NOT NULL DEFAULT 'licht', -- geen | licht | intensief | housing-first: the support available here
  conditions        text,
  status            text NOT NULL DEFAULT 'beschikbaar', -- beschikbaar | aangeboden | verhuurd | niet-beschikbaar
  created_by        text REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (household_max >= household_min)
);
CREATE INDEX housing_units_tenant_status ON housing_units(tenant_id, status);
CREATE INDEX housing_units_corporation ON housing_units(corporation_id);

-- Agreed number of extra woonplekken for (formerly) homeless people, per corporation, year and gemeente.
CREATE TABLE performance_agreements (
  id                text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id         text NOT NULL REFERENCES tenants(id),
  corporation_id    text NOT NULL REFERENCES housing_corporations(id),
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  municipality_code char(4) NOT NULL REFERENCES municipalities(code),
  agreed_count      integer NOT NULL CHECK (agreed_count >= 0),
  UNIQUE (corporation_id, year, municipality_code)
);

-- A client ready to leave the shelter ("woonklaar") with what matching needs.
CREATE TABLE housing_candidates (
  id                         text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id                  text NOT NULL REFERENCES tenants(id),
  client_id                  text NOT NULL REFERENCES clients(id),
  trajectory_id              text NOT NULL REFERENCES trajectories(id),
  household_size             integer NOT NULL CHECK (household_size > 0),
  net_income_cents           integer NOT NULL CHECK (net_income_cents >= 0),
  support_level              text NOT NULL,       -- geen | licht | intensief | housing-first
  preferred_municipalities   text[] NOT NULL DEFAULT '{}',
  network_municipality_code  char(4),
  urgency                    text NOT NULL DEFAULT 'normaal', -- normaal | hoog | urgent
  ready_since                date NOT NULL,
  status                     text NOT NULL DEFAULT 'woonklaar', -- woonklaar | gehuisvest | ingetrokken
  housed_on                  date,
  created_by                 text REFERENCES users(id),
  created_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX housing_candidates_tenant_status ON housing_candidates(tenant_id, status);
CREATE UNIQUE INDEX housing_candidates_one_active ON housing_candidates(client_id) WHERE status = 'woonklaar';

CREATE TABLE housing_offers (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  unit_id         text NOT NULL REFERENCES housing_units(id),
  candidate_id    text NOT NULL REFERENCES housing_candidates(id),
  client_id       text NOT NULL REFERENCES clients(id),
  status          text NOT NULL DEFAULT 'aangeboden', -- see OFFER_TRANSITIONS in src/domain/housing/offers.ts
  offered_on      date NOT NULL,
  responded_on    date,
  decline_reason  text,
  contract_on     date,
  moved_in_on     date,
  exit_destination text,
  score           integer,
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX housing_offers_tenant ON housing_offers(tenant_id, offered_on);
CREATE INDEX housing_offers_unit ON housing_offers(unit_id);
CREATE INDEX housing_offers_candidate ON housing_offers(candidate_id);

-- Housing First pipeline (seeds/002): aangemeld → beschikking (wacht op woning) → gestart (in de woning).
CREATE TABLE housing_first_trajectories (
  id                text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id         text NOT NULL REFERENCES tenants(id),
  client_id         text NOT NULL REFERENCES clients(id),
  municipality_code char(4) NOT NULL REFERENCES municipalities(code),
  referred_on       date NOT NULL,
  decision_on       date,
  started_on        date,
  unit_id           text REFERENCES housing_units(id),
  ended_on          date,
  created_by        text REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (decision_on IS NULL OR decision_on >= referred_on),
  CHECK (started_on IS NULL OR decision_on IS NOT NULL)
);
CREATE INDEX housing_first_tenant ON housing_first_trajectories(tenant_id, municipality_code);
