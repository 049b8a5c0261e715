-- Issue 13 part B — every shape the figures need (domain.md §4), and capacity over time.
-- - stays.short_stay: a "bed voor de nacht" during screening, before the toegangsbesluit. It hangs on the
--   registration (registration_id, no trajectory_id); when access is granted it joins the new trajectory.
-- - exit group 'onbekend': "vertrokken, bestemming onbekend" is its own group, no longer part of 'overig'.
-- - stay_corrections: the history of date corrections of a stay (placement and exit dates), with the reason.
--   Kept apart from the generic correction history of person data, registrations and decisions.
-- - an index for the per-night capacity check (the stays of one unit around a range of nights).
ALTER TABLE stays ADD COLUMN short_stay boolean NOT NULL DEFAULT false;

UPDATE trajectories SET exit_group = 'onbekend' WHERE exit_destination = 'onbekend';

CREATE TABLE stay_corrections (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  stay_id          text NOT NULL REFERENCES stays(id),
  client_id        text NOT NULL REFERENCES clients(id),
  old_started_on   date NOT NULL,
  new_started_on   date NOT NULL,
  old_ended_on     date,
  new_ended_on     date,
  reason           text NOT NULL CHECK (length(btrim(reason)) > 0),
  corrected_by     text REFERENCES users(id),
  corrected_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stay_corrections_stay ON stay_corrections(stay_id);
CREATE INDEX stay_corrections_tenant ON stay_corrections(tenant_id);

CREATE INDEX stays_unit_dates ON stays(unit_id, started_on);
CREATE INDEX stays_registration ON stays(registration_id);
