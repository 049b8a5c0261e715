-- Issue 19 — a registration can be withdrawn before a decision (the client no longer asks, or cannot be reached).
-- Its file is then destroyed 6 weeks later (domain.md §3; src/areas/privacy/retention.ts), and the zaak in the
-- zaaksysteem gets its closing status.
ALTER TABLE registrations ADD COLUMN withdrawn_on date;
ALTER TABLE registrations ADD COLUMN withdrawal_reason text CHECK (length(withdrawal_reason) <= 1000);

CREATE OR REPLACE FUNCTION onderdak_zgw_registration() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT onderdak_zgw_enabled(NEW.tenant_id) THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'zaak', NEW.id, NEW.id, NULL, NEW.registered_on),
             (NEW.tenant_id, 'status', NEW.id, NEW.id, 'aangemeld', NEW.registered_on);
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'gescreend' THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'status', NEW.id, NEW.id, 'gescreend', coalesce(NEW.screened_on, NEW.registered_on));
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'ingetrokken' THEN
    INSERT INTO zgw_outbox (tenant_id, kind, registration_id, subject_id, status_code, happened_on)
      VALUES (NEW.tenant_id, 'status', NEW.id, NEW.id, 'afgesloten', coalesce(NEW.withdrawn_on, NEW.registered_on));
  END IF;
  RETURN NEW;
END $fn$;
