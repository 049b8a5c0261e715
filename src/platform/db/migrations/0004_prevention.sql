-- Issue 6 — Voorkomen: vroegsignalering (early signals → Vroeg Eropaf cases), nazorg/waakvlam after an exit to
-- housing, preventief budgetbeheer. Relapse (terugval) is computed from registrations, stays and trajectories.

-- A CSV batch of signals: kept so the preview can be committed later (POST …/verwerkingen).
CREATE TABLE signal_uploads (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  filename      text NOT NULL,
  content       text NOT NULL,
  row_count     integer NOT NULL DEFAULT 0,
  created_by    text REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  committed_at  timestamptz,
  committed_by  text REFERENCES users(id)
);
CREATE INDEX signal_uploads_tenant ON signal_uploads(tenant_id, created_at);

-- One payment-arrears signal (huur, energie, water, zorgverzekering). Natural key: source + reference.
CREATE TABLE early_signals (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  source_type        text NOT NULL,          -- verhuurder | corporatie | energie | water | zorgverzekeraar
  source_name        text NOT NULL,
  reference          text NOT NULL,
  signal_date        date NOT NULL,
  first_name         text NOT NULL,
  last_name          text NOT NULL,
  birth_date         date,
  bsn                char(9),
  postcode           text NOT NULL,          -- ^[1-9][0-9]{3}[A-Z]{2}$, no space
  house_number       text NOT NULL,
  amount_arrears     numeric(12,2) NOT NULL CHECK (amount_arrears >= 0),
  months_arrears     integer NOT NULL CHECK (months_arrears >= 0),
  upload_id          text REFERENCES signal_uploads(id),
  upload_row         integer,
  created_by         text REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, source_type, source_name, reference)
);
CREATE INDEX early_signals_tenant_date ON early_signals(tenant_id, signal_date);
CREATE INDEX early_signals_bsn ON early_signals(tenant_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX early_signals_address ON early_signals(tenant_id, postcode, house_number);

-- The preventive case (Vroeg Eropaf) of one signal. status follows CASE_TRANSITIONS in
-- src/domain/prevention/cases.ts: nieuw → benaderd / in-contact → afgesloten (with an outcome).
CREATE TABLE prevention_cases (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  signal_id    text NOT NULL UNIQUE REFERENCES early_signals(id),
  status       text NOT NULL DEFAULT 'nieuw',
  outcome      text,                          -- opgelost | doorverwezen-schuldhulp | huisuitzetting-voorkomen | huisuitzetting | geen-contact
  outcome_on   date,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prevention_cases_tenant_status ON prevention_cases(tenant_id, status);

CREATE TABLE prevention_steps (
  id          text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  case_id     text NOT NULL REFERENCES prevention_cases(id),
  kind        text NOT NULL,                 -- contactpoging | huisbezoek | uitkomst
  step_on     date NOT NULL,
  reached     boolean,                       -- contactpoging / huisbezoek: was the person reached
  outcome     text,                          -- uitkomst only
  notes       text,
  created_by  text REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prevention_steps_case ON prevention_steps(case_id, step_on);

-- Nazorg / waakvlam after an exit to housing (exit_group 'permanent' or beschermd-wonen).
CREATE TABLE aftercare_plans (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  client_id          text NOT NULL REFERENCES clients(id),
  trajectory_id      text NOT NULL UNIQUE REFERENCES trajectories(id),
  exit_on            date NOT NULL,
  responsible_kind   text NOT NULL,          -- wijkteam | fact | ambulant-begeleider
  responsible_name   text NOT NULL,
  postcode           text,                   -- the new address, to match new arrears signals
  house_number       text,
  status             text NOT NULL DEFAULT 'actief',  -- actief | afgesloten
  closed_on          date,
  close_reason       text,
  created_by         text REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aftercare_plans_tenant ON aftercare_plans(tenant_id, status);
CREATE INDEX aftercare_plans_client ON aftercare_plans(client_id);

-- Planned follow-up contacts (planned_on set) and registered contacts (done_on set); an unplanned contact has
-- planned_on null.
CREATE TABLE aftercare_contacts (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  plan_id       text NOT NULL REFERENCES aftercare_plans(id),
  month_offset  integer,
  planned_on    date,
  done_on       date,
  reached       boolean,
  concern       boolean NOT NULL DEFAULT false,  -- zorgsignaal: the worker saw signs of relapse
  notes         text,
  created_by    text REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_on IS NOT NULL OR done_on IS NOT NULL)
);
CREATE INDEX aftercare_contacts_plan ON aftercare_contacts(plan_id, planned_on);

-- Preventief budgetbeheer: 1–3 years, an opbouw phase and an afbouw phase.
CREATE TABLE budget_management (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  client_id       text NOT NULL REFERENCES clients(id),
  plan_id         text REFERENCES aftercare_plans(id),
  provider        text NOT NULL,
  started_on      date NOT NULL,
  phase_out_from  date NOT NULL,              -- start of the afbouw phase
  ends_on         date NOT NULL,
  ended_early_on  date,
  created_by      text REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (started_on < phase_out_from AND phase_out_from < ends_on)
);
CREATE INDEX budget_management_client ON budget_management(client_id);
CREATE INDEX budget_management_tenant ON budget_management(tenant_id, ends_on);
