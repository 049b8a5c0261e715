-- Issue 12 (afronding): overdracht aan een collega wordt gezien, afspraken wijzigen en annuleren met reden
-- (met geschiedenis), en een index voor het bladeren door de rapportage.

-- A colleague handover stays on the receiver's worklist until they mark it as seen; the sender sees when.
ALTER TABLE case_handovers ADD COLUMN seen_at timestamptz;
CREATE INDEX case_handovers_unseen ON case_handovers(to_user_id) WHERE seen_at IS NULL;

-- Appointments: cancelled with a reason; every change (date, time, with whom, where, subject, cancellation) is kept.
ALTER TABLE appointments ADD COLUMN cancel_reason text;
CREATE TABLE appointment_changes (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  appointment_id text NOT NULL REFERENCES appointments(id),
  client_id      text NOT NULL REFERENCES clients(id),
  field          text NOT NULL,                   -- datum | tijd | metWie | waar | onderwerp | geannuleerd
  old_value      text,
  new_value      text,
  reason         text,
  changed_by     text REFERENCES users(id),
  changed_by_name text NOT NULL,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_changes_appointment ON appointment_changes(appointment_id, changed_at);

-- Journal pages: the current version of every entry of a client, newest first. Entries written at the same moment
-- keep the order in which they were written (seq), so the pages have one stable order.
ALTER TABLE journal_entries ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX journal_entries_current ON journal_entries(client_id, occurred_at DESC, created_at DESC, seq DESC)
  WHERE superseded_by IS NULL;
