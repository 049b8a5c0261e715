-- Issue 15 — kerncijfers from maintained facts (ADR 0015). Kept in the same transaction as every change of
-- registrations, stays, trajectories and exits by refreshFigureFacts (src/areas/reporting/figure-facts.ts);
-- rebuildFigureFacts recomputes them from the raw rows (demo seeding, `npm run cli -- cijfers-controleren`).
-- scope: ':nacht' (the night-shelter facilities), ':alle' (every facility) or one facility id.
-- nights: the nights in that scope as if the report day were after last_day; rows with open = true (an open stay
-- still counts) or last_day after the report day are recomputed from the raw stays when read.

CREATE TABLE figure_registrations (
  tenant_id      text NOT NULL REFERENCES tenants(id),
  registration_id text NOT NULL,
  scope          text NOT NULL,
  client_id      text NOT NULL,
  registered_on  date NOT NULL,
  has_trajectory boolean NOT NULL,
  nights         integer NOT NULL,
  open           boolean NOT NULL,
  last_day       date,
  PRIMARY KEY (registration_id, scope)
);
CREATE INDEX figure_registrations_period ON figure_registrations(tenant_id, scope, registered_on);
CREATE INDEX figure_registrations_client ON figure_registrations(client_id);

CREATE TABLE figure_trajectories (
  tenant_id        text NOT NULL REFERENCES tenants(id),
  trajectory_id    text NOT NULL,
  scope            text NOT NULL,
  client_id        text NOT NULL,
  registration_id  text,
  ref_date         date NOT NULL,
  started_on       date NOT NULL,
  ended_on         date,
  exit_destination text,
  exit_group       text,
  nights           integer NOT NULL,
  open             boolean NOT NULL,
  last_day         date,
  PRIMARY KEY (trajectory_id, scope)
);
CREATE INDEX figure_trajectories_period ON figure_trajectories(tenant_id, scope, ended_on);
CREATE INDEX figure_trajectories_registration ON figure_trajectories(registration_id);
CREATE INDEX figure_trajectories_client ON figure_trajectories(client_id);

-- one row per stay with its facility (presence, occupancy with person filters, open stays) and the memory of
-- the previous state, from which a refresh knows which facility days to recompute.
CREATE TABLE figure_stays (
  tenant_id       text NOT NULL REFERENCES tenants(id),
  stay_id         text PRIMARY KEY,
  client_id       text NOT NULL,
  registration_id text,
  trajectory_id   text,
  facility_id     text NOT NULL,
  household_size  integer NOT NULL,
  ref_date        date NOT NULL,
  started_on      date NOT NULL,
  ended_on        date
);
CREATE INDEX figure_stays_dates ON figure_stays(tenant_id, started_on);
CREATE INDEX figure_stays_open ON figure_stays(tenant_id) WHERE ended_on IS NULL;
CREATE INDEX figure_stays_registration ON figure_stays(registration_id);
CREATE INDEX figure_stays_trajectory ON figure_stays(trajectory_id);
CREATE INDEX figure_stays_client ON figure_stays(client_id);
CREATE INDEX figure_stays_facility ON figure_stays(facility_id, started_on);

-- occupied beds per facility and night of the closed stays (open stays are added when read: figure_stays_open)
CREATE TABLE figure_bed_nights (
  tenant_id   text NOT NULL REFERENCES tenants(id),
  facility_id text NOT NULL,
  night       date NOT NULL,
  beds        integer NOT NULL,
  PRIMARY KEY (facility_id, night)
);
CREATE INDEX figure_bed_nights_period ON figure_bed_nights(tenant_id, night);
