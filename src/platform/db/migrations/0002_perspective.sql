-- Issue 4 — Werken aan perspectief (actielijn 2): ZRM-metingen, perspectiefplan (doelen, acties met eigenaar en
-- termijn, statuswijzigingen, opmerkingen), praktische stappen, blokkades voor uitstroom en wachtlijsten voor de
-- vervolgstap. The 91-day control and the 6/10/12-week signals are computed from stays, not stored.

-- ZRM assessment: version, date and per-domain scores (domain names and scores only, never the criteria texts).
CREATE TABLE zrm_assessments (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  client_id      text NOT NULL REFERENCES clients(id),
  trajectory_id  text REFERENCES trajectories(id),
  assessed_on    date NOT NULL,
  zrm_version    text NOT NULL,                 -- '2017' (13 domains); older versions had 11
  kind           text NOT NULL,                 -- intake | tussentijds | uitstroom
  created_by     text REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zrm_assessments_client ON zrm_assessments(client_id, assessed_on);
CREATE INDEX zrm_assessments_trajectory ON zrm_assessments(trajectory_id);

CREATE TABLE zrm_scores (
  assessment_id  text NOT NULL REFERENCES zrm_assessments(id),
  domain         text NOT NULL,
  score          smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (assessment_id, domain)
);

-- One perspectiefplan per trajectory; due within 5 days of the first stay start of the trajectory.
CREATE TABLE perspective_plans (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  trajectory_id   text NOT NULL UNIQUE REFERENCES trajectories(id),
  client_id       text NOT NULL REFERENCES clients(id),
  drawn_up_on     date NOT NULL,                -- opgesteld op (the 5-day rule compares this date)
  client_words    text,                         -- de eigen woorden van de cliënt
  client_wishes   text,                         -- wensen van de cliënt
  signed_on       date,                         -- besproken en ondertekend op
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX perspective_plans_client ON perspective_plans(client_id);

CREATE TABLE plan_goals (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  plan_id      text NOT NULL REFERENCES perspective_plans(id),
  life_domain  text NOT NULL,                   -- one of the ZRM domains
  description  text NOT NULL,
  status       text NOT NULL DEFAULT 'actief',  -- actief | bereikt | gestopt
  created_by   text REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_goals_plan ON plan_goals(plan_id);

CREATE TABLE plan_actions (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  goal_id      text NOT NULL REFERENCES plan_goals(id),
  description  text NOT NULL,
  owner_org    text NOT NULL,                   -- trajecthouder | wijkteam | schuldhulp | ggz | verslavingszorg | werk-inkomen | corporatie | ervaringsdeskundige
  owner_name   text,
  due_on       date NOT NULL,
  status       text NOT NULL DEFAULT 'gepland', -- see ACTION_TRANSITIONS
  status_on    date,
  created_by   text REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_actions_goal ON plan_actions(goal_id);

CREATE TABLE plan_action_status_changes (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  action_id    text NOT NULL REFERENCES plan_actions(id),
  from_status  text NOT NULL,
  to_status    text NOT NULL,
  changed_on   date NOT NULL,
  note         text,
  changed_by   text REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_action_status_changes_action ON plan_action_status_changes(action_id);

-- Comments on the plan, also by the client (regie).
CREATE TABLE plan_comments (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  plan_id      text NOT NULL REFERENCES perspective_plans(id),
  author_id    text REFERENCES users(id),
  author_name  text NOT NULL,
  author_role  text NOT NULL,
  body         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_comments_plan ON plan_comments(plan_id, created_at);

-- Practical steps that block outflow (briefadres, ID, uitkering, …): one row per trajectory and kind once touched.
CREATE TABLE practical_steps (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  trajectory_id  text NOT NULL REFERENCES trajectories(id),
  kind           text NOT NULL,
  status         text NOT NULL DEFAULT 'open',  -- open | aangevraagd | afgewezen | geregeld | niet-nodig
  requested_on   date,
  completed_on   date,
  note           text,
  updated_by     text REFERENCES users(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trajectory_id, kind)
);

-- Why outflow does not happen (the four from the Dordrecht vision, or 'overig' with free text).
CREATE TABLE blockers (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  trajectory_id    text NOT NULL REFERENCES trajectories(id),
  kind             text NOT NULL,               -- geen-passende-huisvesting | schulden | client-niet-toe | middelengebruik | overig
  description      text,
  since            date NOT NULL,
  next_actor_org   text,                        -- who acts next (organisation, same list as action owners)
  next_actor_name  text,
  next_step        text,
  resolved_on      date,
  created_by       text REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (resolved_on IS NULL OR resolved_on >= since)
);
CREATE INDEX blockers_trajectory ON blockers(trajectory_id);
CREATE INDEX blockers_tenant ON blockers(tenant_id, since);

-- Waiting lists for the next step. The lists themselves are fixed kinds (reference data); these are the entries.
CREATE TABLE waiting_list_entries (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  list_kind       text NOT NULL,                -- tussenvoorziening | beschermd-wonen | housing-first | skaeve-huse | jongeren-woontraining | gezinsplekken
  client_id       text NOT NULL REFERENCES clients(id),
  trajectory_id   text REFERENCES trajectories(id),
  listed_on       date NOT NULL,
  urgent          boolean NOT NULL DEFAULT false,
  note            text,
  removed_on      date,
  removal_reason  text,                         -- geplaatst | elders-geplaatst | niet-meer-nodig | vertrokken | overig
  removal_note    text,
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (removed_on IS NULL OR removed_on >= listed_on)
);
CREATE UNIQUE INDEX waiting_list_entries_active ON waiting_list_entries(tenant_id, list_kind, client_id) WHERE removed_on IS NULL;
CREATE INDEX waiting_list_entries_list ON waiting_list_entries(tenant_id, list_kind, removed_on);
