-- Issue 12 part B — search, corrections, beschikking and bezwaar, warme overdracht, merge undo.

-- ---------- Search: name keys kept by the database on every write (whoever writes the client) ----------
-- Normalised: lower case, without diacritics, every run of other characters one space.
CREATE FUNCTION onderdak_norm(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT trim(regexp_replace(
    translate(lower(coalesce(t, '')),
      'àáâãäåāăąèéêëēĕėęěìíîïīĭįòóôõöøōŏőùúûüūŭůűųýÿçćčďñńňřśšťźżžł',
      'aaaaaaaaaeeeeeeeeeiiiiiiioooooooooouuuuuuuuuyycccdnnnrsstzzzl'),
    '[^a-z0-9]+', ' ', 'g'))
$$;
-- Keys of a name: 'w:' + every word, 'p:' + every prefix of every word (prefix search, word order free) and 'd:' + every word and, for
-- words of 4+ letters, every form with one letter deleted (one typo: a query word matches when its own 'd:' forms
-- share one with the name's; symmetric-delete matching, indexable with GIN, no pg_trgm needed).
CREATE FUNCTION onderdak_name_keys(first_name text, last_name text) RETURNS text[] IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
  tok text;
  ks text[] := '{}';
  i int;
BEGIN
  FOREACH tok IN ARRAY string_to_array(onderdak_norm(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ' ')
  LOOP
    CONTINUE WHEN tok = '';
    ks := ks || ('w:' || tok);
    FOR i IN 1..length(tok) LOOP
      ks := ks || ('p:' || left(tok, i));
    END LOOP;
    ks := ks || ('d:' || tok);
    IF length(tok) >= 4 THEN
      FOR i IN 1..length(tok) LOOP
        ks := ks || ('d:' || left(tok, i - 1) || substr(tok, i + 1));
      END LOOP;
    END IF;
  END LOOP;
  RETURN ks;
END
$$;
ALTER TABLE clients ADD COLUMN search_keys text[] NOT NULL DEFAULT '{}';
CREATE FUNCTION clients_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_keys := onderdak_name_keys(NEW.first_name, NEW.last_name);
  RETURN NEW;
END
$$;
CREATE TRIGGER clients_search_keys BEFORE INSERT OR UPDATE OF first_name, last_name ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_search_keys();
UPDATE clients SET search_keys = onderdak_name_keys(first_name, last_name);
CREATE INDEX clients_search_keys_gin ON clients USING gin (search_keys);
CREATE INDEX clients_tenant_birth ON clients(tenant_id, birth_date) WHERE birth_date IS NOT NULL;

-- ---------- Corrections: what was entered, changed afterwards with a reason; the history stays ----------
CREATE TABLE corrections (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  client_id     text NOT NULL REFERENCES clients(id),
  entity        text NOT NULL,                  -- client | huishoudlid | aanmelding | besluit
  entity_id     text NOT NULL,
  field         text NOT NULL,                  -- API name of the field (voornaam, datum, uitkomst, …)
  old_value     text,
  new_value     text,
  reason        text NOT NULL,
  corrected_by  text REFERENCES users(id),
  corrected_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX corrections_client ON corrections(client_id, corrected_at);
CREATE INDEX corrections_entity ON corrections(entity_id);

-- A registration made while a trajectory is open belongs to that trajectory.
ALTER TABLE registrations ADD COLUMN trajectory_id text REFERENCES trajectories(id);

-- ---------- Bezwaar against a toegangsbesluit (Awb 6:7 term 6 weeks; decision term Awb 7:10 6 weeks) ----------
CREATE TABLE objections (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  decision_id   text NOT NULL REFERENCES access_decisions(id),
  client_id     text NOT NULL REFERENCES clients(id),
  received_on   date NOT NULL,
  grounds       text,
  on_time       boolean NOT NULL,
  decide_by     date NOT NULL,
  status        text NOT NULL DEFAULT 'ontvangen', -- ontvangen | in-behandeling | gegrond | deels-gegrond | ongegrond | niet-ontvankelijk | ingetrokken
  outcome_on    date,
  outcome       text,
  created_by    text REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX objections_tenant_due ON objections(tenant_id, decide_by) WHERE outcome_on IS NULL;
CREATE INDEX objections_decision ON objections(decision_id);

-- ---------- Warme overdracht to another centrumgemeente ----------
-- The one table that crosses tenants: no tenant_id, a sender and a receiver (row-level security gets its own
-- policy: visible to both). Only minimal person data crosses, and only with the client's consent.
CREATE TABLE handovers (
  id                       text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  sender_tenant_id         text NOT NULL REFERENCES tenants(id),
  receiver_tenant_id       text NOT NULL REFERENCES tenants(id),
  decision_id              text NOT NULL UNIQUE REFERENCES access_decisions(id),
  sender_client_id         text NOT NULL REFERENCES clients(id),
  sender_trajectory_id     text REFERENCES trajectories(id),
  consent_on               date NOT NULL,      -- the client agreed to the handover of these data
  person                   jsonb NOT NULL,     -- minimal data: voornaam, achternaam, geboortedatum, bsn, huishoudgrootte, telefoon
  reason                   text,
  status                   text NOT NULL DEFAULT 'voorgesteld', -- voorgesteld | geaccepteerd | afgewezen
  proposed_by              text REFERENCES users(id),
  proposed_at              timestamptz NOT NULL DEFAULT now(),
  answered_on              date,
  answered_by              text REFERENCES users(id),
  decline_reason           text,
  receiver_client_id       text REFERENCES clients(id),
  receiver_registration_id text REFERENCES registrations(id),
  CHECK (sender_tenant_id <> receiver_tenant_id)
);
CREATE INDEX handovers_receiver ON handovers(receiver_tenant_id, status);
CREATE INDEX handovers_sender ON handovers(sender_tenant_id, status);

-- ---------- Moving into a home closes open blockades with a resolution ----------
ALTER TABLE blockers ADD COLUMN resolution text; -- null (opgelost) | uitgestroomd

-- ---------- Merge undo ----------
ALTER TABLE client_merges ADD COLUMN undone_at timestamptz;
ALTER TABLE client_merges ADD COLUMN undone_by text REFERENCES users(id);
ALTER TABLE client_merges ADD COLUMN undo_reason text;
-- Pairs known to be two people (a split merge): never proposed as duplicates again. client_a < client_b.
CREATE TABLE client_distinct_pairs (
  tenant_id    text NOT NULL REFERENCES tenants(id),
  client_a     text NOT NULL REFERENCES clients(id),
  client_b     text NOT NULL REFERENCES clients(id),
  recorded_by  text REFERENCES users(id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_a, client_b),
  CHECK (client_a < client_b)
);
