-- Issue 12 deel A — de gereedschappen van het dagelijkse casuswerk: rapportage (journaal), afspraken, documenten en
-- overdracht van een casus aan een collega. Elke tabel met persoonsgegevens draagt tenant_id (rijbeveiliging).

-- Journal (rapportage): dated and timed entries per client. A correction is a new row that points at the entry it
-- corrects (corrects_id); the original stays as it was (superseded_by set), so nothing written is ever lost.
CREATE TABLE journal_entries (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  client_id      text NOT NULL REFERENCES clients(id),
  occurred_at    timestamptz NOT NULL,            -- when it happened (date and time)
  kind           text NOT NULL,                   -- contact | observatie | afspraak | incident | overdracht | overig
  body           text NOT NULL,
  shared_with_client boolean NOT NULL DEFAULT false,
  facility_id    text REFERENCES facilities(id),  -- the facility of a locatiemedewerker author (null: gemeente)
  author_id      text REFERENCES users(id),
  author_name    text NOT NULL,
  author_role    text NOT NULL,
  corrects_id    text REFERENCES journal_entries(id),
  superseded_by  text REFERENCES journal_entries(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_client ON journal_entries(client_id, occurred_at);
CREATE INDEX journal_entries_tenant ON journal_entries(tenant_id, created_at);

-- Appointments (afspraken) with a client: date, time, with whom, where.
CREATE TABLE appointments (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  client_id      text NOT NULL REFERENCES clients(id),
  starts_on      date NOT NULL,
  starts_at      text NOT NULL CHECK (starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'),  -- HH:MM, Dutch time
  with_whom      text NOT NULL,
  location       text NOT NULL,
  subject        text,
  cancelled_at   timestamptz,
  created_by     text REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointments_client ON appointments(client_id, starts_on);
CREATE INDEX appointments_tenant ON appointments(tenant_id, starts_on);

-- Attachments (documenten), stored in the database so that every backup holds them.
CREATE TABLE client_documents (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  client_id      text NOT NULL REFERENCES clients(id),
  file_name      text NOT NULL,
  media_type     text NOT NULL,                   -- application/pdf | image/png | image/jpeg (from the magic bytes)
  size_bytes     integer NOT NULL CHECK (size_bytes > 0),
  description    text,
  content        bytea NOT NULL,
  uploaded_by    text REFERENCES users(id),
  uploaded_by_name text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_documents_client ON client_documents(client_id, created_at);

-- Handing a case (trajectory) over to a colleague, with a note; the receiver sees it on the worklist.
CREATE TABLE case_handovers (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  client_id      text NOT NULL REFERENCES clients(id),
  trajectory_id  text NOT NULL REFERENCES trajectories(id),
  from_user_id   text REFERENCES users(id),
  to_user_id     text NOT NULL REFERENCES users(id),
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_handovers_to ON case_handovers(to_user_id, created_at);
CREATE INDEX case_handovers_trajectory ON case_handovers(trajectory_id);
