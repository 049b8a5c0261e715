-- Issue 14 — row-level security (docs/adr/0010-rijbeveiliging-per-tenant.md).
-- Request work runs as the non-owner role onderdak_app with the tenant set per transaction
-- (set_config('onderdak.tenant', …, true), src/rights/context.ts inTransaction); a query that forgets its tenant
-- filter still sees and writes only its own tenant's rows. Set-up, demo seeding, login and sessions stay owner
-- (inSystemTransaction / the plain connection) and are not filtered.
--
-- Coverage is automatic: migrate() calls onderdak_apply_rls() after every run of migrations, and that function
-- gives every public table
--   1. listed in rls_policies: that policy (child tables through their parent, tables shared between tenants);
--   2. else with a tenant_id column: the standard policy tenant_id = onderdak_tenant();
--   3. else with one or more *_tenant_id columns (e.g. sender_tenant_id/receiver_tenant_id): visible to each of them;
-- unless it is listed in rls_exemptions (with the reason). src/rights/rls.test.ts fails for any other table.

-- The tenant of the running transaction; null outside inTransaction (then no row matches).
CREATE FUNCTION onderdak_tenant() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('onderdak.tenant', true), '') $$;

-- A policy other than the standard one. using_expr filters the rows a statement sees (and may change or delete);
-- check_expr (null: the same as using_expr) is what every inserted or updated row must satisfy.
CREATE TABLE rls_policies (
  table_name  text PRIMARY KEY,
  using_expr  text NOT NULL,
  check_expr  text,
  privileges  text NOT NULL DEFAULT 'SELECT, INSERT, UPDATE, DELETE',
  reason      text NOT NULL
);

-- Tables without row-level security, each with its reason. app_access: whether onderdak_app may use it at all.
CREATE TABLE rls_exemptions (
  table_name  text PRIMARY KEY,
  app_access  text,                            -- null: owner only; else the privileges granted to onderdak_app
  reason      text NOT NULL
);

INSERT INTO rls_policies (table_name, using_expr, check_expr, privileges, reason) VALUES
  ('household_members', 'EXISTS (SELECT 1 FROM clients p WHERE p.id = household_members.client_id)', NULL,
   'SELECT, INSERT, UPDATE, DELETE', 'kindtabel: via de cliënt'),
  ('zrm_scores', 'EXISTS (SELECT 1 FROM zrm_assessments p WHERE p.id = zrm_scores.assessment_id)', NULL,
   'SELECT, INSERT, UPDATE, DELETE', 'kindtabel: via de ZRM-meting'),
  ('plan_action_status_changes', 'EXISTS (SELECT 1 FROM plan_actions p WHERE p.id = plan_action_status_changes.action_id)', NULL,
   'SELECT, INSERT, UPDATE, DELETE', 'kindtabel: via de actie van het plan'),
  ('prevention_steps', 'EXISTS (SELECT 1 FROM prevention_cases p WHERE p.id = prevention_steps.case_id)', NULL,
   'SELECT, INSERT, UPDATE, DELETE', 'kindtabel: via de preventiezaak'),
  ('aftercare_contacts', 'EXISTS (SELECT 1 FROM aftercare_plans p WHERE p.id = aftercare_contacts.plan_id)', NULL,
   'SELECT, INSERT, UPDATE, DELETE', 'kindtabel: via het nazorgplan'),
  ('tenants', 'true', 'id = onderdak_tenant()', 'SELECT, UPDATE',
   'lijst van regio''s (doel van een warme overdracht): iedereen leest, alleen de eigen regio wijzigt'),
  ('municipalities', 'true', 'tenant_id = onderdak_tenant()', 'SELECT, INSERT, UPDATE',
   'CBS-gemeentecodes zijn openbaar en gelden over regio''s heen (herkomstgemeente); alleen de eigen regio wijzigt');

INSERT INTO rls_exemptions (table_name, app_access, reason) VALUES
  ('schema_migrations', NULL, 'migratieboekhouding; alleen de eigenaar'),
  ('rls_policies', NULL, 'deze instellingen zelf; alleen de eigenaar'),
  ('rls_exemptions', NULL, 'deze instellingen zelf; alleen de eigenaar'),
  ('sessions', NULL, 'sessies worden buiten een tenant-transactie gezocht (het token bepaalt de tenant); alleen de eigenaar'),
  ('login_unknown_users', NULL, 'inlogteller per onbekende naam, vóór er een tenant is; geen persoonsgegevens (hash); alleen de eigenaar'),
  ('login_address_failures', NULL, 'inlogteller per bronadres, vóór er een tenant is; alleen de eigenaar');

-- Idempotent: creates the role when missing, grants, and gives every table that lacks it its policy. Safe to run
-- concurrently (migrate() holds an advisory lock on PostgreSQL; PGlite has one connection).
CREATE FUNCTION onderdak_apply_rls() RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
  pol record;
  using_e text;
  check_e text;
  privs text;
  wanted text;
  changed integer := 0;
BEGIN
  -- The role is cluster-wide: parallel test databases on one server create it at the same time.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onderdak_app') THEN
    BEGIN
      CREATE ROLE onderdak_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De databasegebruiker % mag geen rol aanmaken. Laat de databasebeheerder eenmalig uitvoeren: CREATE ROLE onderdak_app NOLOGIN; GRANT onderdak_app TO %;', current_user, current_user;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'onderdak_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT onderdak_app TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role(current_user, 'onderdak_app', 'MEMBER') THEN
        RAISE EXCEPTION 'De databasegebruiker % mag de rol onderdak_app niet aannemen. Laat de databasebeheerder eenmalig uitvoeren: GRANT onderdak_app TO %;', current_user, current_user;
      END IF;
    END;
  END IF;
  EXECUTE 'GRANT USAGE ON SCHEMA public TO onderdak_app';
  EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO onderdak_app';

  FOR t IN
    SELECT c.oid, c.relname, c.relrowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname
  LOOP
    SELECT * INTO pol FROM rls_exemptions e WHERE e.table_name = t.relname;
    IF FOUND THEN
      EXECUTE format('REVOKE ALL ON %I FROM onderdak_app', t.relname);
      IF pol.app_access IS NOT NULL THEN
        EXECUTE format('GRANT %s ON %I TO onderdak_app', pol.app_access, t.relname);
      END IF;
      CONTINUE;
    END IF;
    using_e := NULL;
    check_e := NULL;
    privs := 'SELECT, INSERT, UPDATE, DELETE';
    SELECT p.using_expr, coalesce(p.check_expr, p.using_expr), p.privileges INTO using_e, check_e, privs
      FROM rls_policies p WHERE p.table_name = t.relname;
    IF NOT FOUND THEN
      privs := 'SELECT, INSERT, UPDATE, DELETE';
      IF EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
        using_e := 'tenant_id = onderdak_tenant()';
      ELSE
        SELECT string_agg(format('%I = onderdak_tenant()', a.attname), ' OR ' ORDER BY a.attname) INTO using_e
          FROM pg_attribute a
          WHERE a.attrelid = t.oid AND a.attname LIKE '%\_tenant\_id' AND a.attnum > 0 AND NOT a.attisdropped;
      END IF;
      check_e := using_e;
    END IF;
    IF using_e IS NULL THEN
      CONTINUE; -- no tenant data that we can see: left without RLS, and rls.test.ts says so
    END IF;
    EXECUTE format('GRANT %s ON %I TO onderdak_app', privs, t.relname);
    -- the applied expressions are kept as the policy's comment: a changed rls_policies row is applied again
    wanted := using_e || ' | ' || check_e;
    IF t.relrowsecurity AND EXISTS (
      SELECT 1 FROM pg_policy pp
      WHERE pp.polrelid = t.oid AND pp.polname = 'onderdak_tenant' AND obj_description(pp.oid, 'pg_policy') = wanted
    ) THEN
      CONTINUE;
    END IF;
    EXECUTE format('DROP POLICY IF EXISTS onderdak_tenant ON %I', t.relname);
    EXECUTE format('CREATE POLICY onderdak_tenant ON %I TO onderdak_app USING (%s) WITH CHECK (%s)', t.relname, using_e, check_e);
    EXECUTE format('COMMENT ON POLICY onderdak_tenant ON %I IS %L', t.relname, wanted);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    changed := changed + 1;
  END LOOP;
  RETURN changed;
END
$fn$;

-- Issue 14 — verwijzing naar een locatie: the toegang refers an admitted client to one facility; the
-- locatiemedewerker of that facility may place only clients referred to it (or already staying there). A referral
-- ends when it is withdrawn or when the client is placed there (stay_id). Covered by the standard policy (tenant_id).
CREATE TABLE facility_referrals (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  tenant_id     text NOT NULL REFERENCES tenants(id),
  client_id     text NOT NULL REFERENCES clients(id),
  facility_id   text NOT NULL REFERENCES facilities(id),
  referred_on   date NOT NULL,
  referred_by   text REFERENCES users(id),
  note          text,
  withdrawn_on  date,
  withdrawn_by  text REFERENCES users(id),
  stay_id       text REFERENCES stays(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= referred_on),
  CHECK (withdrawn_on IS NULL OR stay_id IS NULL)
);
-- one open referral per client: a client waits for one place at a time
CREATE UNIQUE INDEX facility_referrals_open ON facility_referrals(client_id) WHERE withdrawn_on IS NULL AND stay_id IS NULL;
CREATE INDEX facility_referrals_facility ON facility_referrals(tenant_id, facility_id) WHERE withdrawn_on IS NULL AND stay_id IS NULL;
