-- Issue 16 — de dienst op een locatie: overdrachtsnotities tussen diensten, huisregelmaatregelen (waarschuwing,
-- schorsing) per verblijf en de nachtelijke aanwezigheidscontrole ("wie sliep hier"). Every table carries tenant_id
-- (row-level security is applied by migrate()).

-- A note from one shift to the next at one location, with author and time; never edited (a new note corrects).
CREATE TABLE shift_handover_notes (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  facility_id    text NOT NULL REFERENCES facilities(id),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  author_id      text REFERENCES users(id),
  author_name    text NOT NULL,
  written_at     timestamptz NOT NULL
);
CREATE INDEX shift_handover_notes_facility ON shift_handover_notes(facility_id, written_at);

-- A house-rule warning (one day) or a schorsing (a period, first and last day) on one stay, with the reason.
CREATE TABLE stay_measures (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  stay_id        text NOT NULL REFERENCES stays(id),
  kind           text NOT NULL CHECK (kind IN ('waarschuwing', 'schorsing')),
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  starts_on      date NOT NULL,
  ends_on        date,
  recorded_by    text REFERENCES users(id),
  recorded_by_name text NOT NULL,
  recorded_at    timestamptz NOT NULL,
  CHECK ((kind = 'waarschuwing' AND ends_on IS NULL) OR (kind = 'schorsing' AND ends_on IS NOT NULL AND ends_on >= starts_on))
);
CREATE INDEX stay_measures_stay ON stay_measures(stay_id, starts_on);

-- The nightly presence check: per stay and night (the night that starts on `night`) whether the person slept here.
-- One answer per stay and night; a later answer for the same night replaces it (who and when are kept).
CREATE TABLE presence_checks (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  stay_id        text NOT NULL REFERENCES stays(id),
  night          date NOT NULL,
  present        boolean NOT NULL,
  confirmed_by   text REFERENCES users(id),
  confirmed_by_name text NOT NULL,
  confirmed_at   timestamptz NOT NULL,
  UNIQUE (stay_id, night)
);
CREATE INDEX presence_checks_present ON presence_checks(stay_id, night) WHERE present;
