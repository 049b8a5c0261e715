-- Issue 19 (iWmo 3.2): the berichtenverkeer between gemeente and zorgaanbieder for maatschappelijke opvang.
-- Every table carries tenant_id (row-level security is applied by migrate()).

-- The zorgaanbieder (AGB code) that delivers the opvang at a location; one per location.
CREATE TABLE iwmo_aanbieders (
  id           text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id    text NOT NULL REFERENCES tenants(id),
  facility_id  text NOT NULL REFERENCES facilities(id),
  agb_code     text NOT NULL CHECK (agb_code ~ '^[0-9]{8}$'),
  naam         text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
  UNIQUE (facility_id)
);

-- Every iWmo message in or out: the stored XML (outgoing: the outbox a zorgaanbieder downloads from).
CREATE TABLE iwmo_berichten (
  id             text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id      text NOT NULL REFERENCES tenants(id),
  berichtcode    text NOT NULL CHECK (berichtcode IN ('301', '305', '307', '315', '317', '319', '323')),
  richting       text NOT NULL CHECK (richting IN ('uit', 'in')),
  agb_code       text NOT NULL CHECK (agb_code ~ '^[0-9]{8}$'),
  identificatie  text NOT NULL CHECK (length(identificatie) BETWEEN 1 AND 12),
  dagtekening    date NOT NULL,
  client_id      text REFERENCES clients(id),
  xml            text NOT NULL,
  bestandsnaam   text NOT NULL,
  status         text NOT NULL CHECK (status IN ('klaarVoorOphalen', 'opgehaald', 'verwerkt', 'verwerktMetVerschillen')),
  samenvatting   text NOT NULL,
  created_at     timestamptz NOT NULL
);
CREATE INDEX iwmo_berichten_tenant ON iwmo_berichten(tenant_id, created_at);
CREATE UNIQUE INDEX iwmo_berichten_identificatie ON iwmo_berichten(tenant_id, richting, agb_code, identificatie);

-- A 301 toewijzing: productcategorie 16 (opvang) or 17 (spoedopvang), unit etmaal, for one stay (or a granted 315).
CREATE TABLE iwmo_toewijzingen (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id          text NOT NULL REFERENCES tenants(id),
  nummer             integer NOT NULL CHECK (nummer BETWEEN 1 AND 999999999),
  client_id          text NOT NULL REFERENCES clients(id),
  stay_id            text REFERENCES stays(id),
  agb_code           text NOT NULL CHECK (agb_code ~ '^[0-9]{8}$'),
  productcategorie   text NOT NULL CHECK (productcategorie IN ('16', '17')),
  ingangsdatum       date NOT NULL,
  einddatum          date,
  bericht_id         text NOT NULL REFERENCES iwmo_berichten(id),
  start_begindatum   date,
  stop_einddatum     date,
  reden_beeindiging  text,
  created_at         timestamptz NOT NULL,
  UNIQUE (tenant_id, nummer),
  CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
CREATE UNIQUE INDEX iwmo_toewijzingen_stay ON iwmo_toewijzingen(stay_id) WHERE stay_id IS NOT NULL;

-- A requested product line of a 315 (or 317), on the toegang worklist until answered with a 319.
CREATE TABLE iwmo_verzoeken (
  id                     text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id              text NOT NULL REFERENCES tenants(id),
  bericht_id             text NOT NULL REFERENCES iwmo_berichten(id),
  berichtcode            text NOT NULL CHECK (berichtcode IN ('315', '317')),
  agb_code               text NOT NULL,
  referentie_aanbieder   text NOT NULL,
  client_id              text REFERENCES clients(id),
  productcategorie       text NOT NULL,
  ingangsdatum           date NOT NULL,
  einddatum              date,
  status                 text NOT NULL CHECK (status IN ('open', 'toegewezen', 'afgewezen')),
  reden_afwijzing        text,
  antwoord_bericht_id    text REFERENCES iwmo_berichten(id),
  toewijzing_id          text REFERENCES iwmo_toewijzingen(id),
  beantwoord_door        text REFERENCES users(id),
  beantwoord_op          timestamptz
);
CREATE INDEX iwmo_verzoeken_tenant ON iwmo_verzoeken(tenant_id, status);

-- One line (prestatie) of a 323 declaratie, checked against the nights Onderdak counted.
CREATE TABLE iwmo_declaratieregels (
  id               text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id        text NOT NULL REFERENCES tenants(id),
  bericht_id       text NOT NULL REFERENCES iwmo_berichten(id),
  referentie       text NOT NULL,
  toewijzing_nummer integer NOT NULL,
  toewijzing_id    text REFERENCES iwmo_toewijzingen(id),
  client_id        text REFERENCES clients(id),
  begindatum       date NOT NULL,
  einddatum        date NOT NULL,
  volume           integer NOT NULL,
  nachten_geteld   integer,
  bedrag           bigint NOT NULL,
  goedgekeurd      boolean NOT NULL,
  afkeurreden      text
);
CREATE INDEX iwmo_declaratieregels_bericht ON iwmo_declaratieregels(bericht_id);

-- The worklist of differences: what an incoming message says that does not match Onderdak.
CREATE TABLE iwmo_verschillen (
  id              text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id       text NOT NULL REFERENCES tenants(id),
  bericht_id      text NOT NULL REFERENCES iwmo_berichten(id),
  soort           text NOT NULL,
  omschrijving    text NOT NULL,
  client_id       text REFERENCES clients(id),
  toewijzing_id   text REFERENCES iwmo_toewijzingen(id),
  status          text NOT NULL CHECK (status IN ('open', 'afgehandeld')),
  toelichting     text,
  afgehandeld_door text REFERENCES users(id),
  afgehandeld_op  timestamptz,
  created_at      timestamptz NOT NULL
);
CREATE INDEX iwmo_verschillen_tenant ON iwmo_verschillen(tenant_id, status);
