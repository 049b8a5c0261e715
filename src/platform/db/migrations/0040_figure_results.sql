-- Issue 15 (ADR 0032): computed kerncijfers kept per tenant × period × filters × report day, valid as long as the
-- tenant's figure version has not moved. Every change of anything the figures read (the facts of ADR 0015 and the
-- raw rows beside them) marks its tenant in figure_changes, in the same transaction; at commit a deferred trigger
-- raises the tenant's version once. A cached result is used only when its version is the current one and the reading
-- transaction has no uncommitted change of that tenant itself.

-- No foreign keys on these three bookkeeping tables: the commit trigger must never fail a transaction.
CREATE TABLE figure_versions (
  tenant_id text PRIMARY KEY,
  version   bigint NOT NULL DEFAULT 0
);

-- The tenants changed by the running transaction; emptied at its commit (rows of other transactions are invisible).
CREATE TABLE figure_changes (
  tenant_id text NOT NULL
);
CREATE INDEX figure_changes_tenant ON figure_changes(tenant_id);

CREATE TABLE figure_results (
  tenant_id   text NOT NULL,
  query_key   text NOT NULL,
  version     bigint NOT NULL,
  report_day  date NOT NULL,
  result      json NOT NULL,   -- json, not jsonb: the key order of the figures stays as computed
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, query_key)
);

-- At commit (deferred): one version step per changed tenant. Later events of the same tenant find nothing to delete.
CREATE FUNCTION onderdak_figure_version_step() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  DELETE FROM figure_changes WHERE tenant_id = NEW.tenant_id;
  IF FOUND THEN
    INSERT INTO figure_versions (tenant_id, version) VALUES (NEW.tenant_id, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET version = figure_versions.version + 1;
  END IF;
  RETURN NULL;
END $fn$;
CREATE CONSTRAINT TRIGGER figure_changes_at_commit AFTER INSERT ON figure_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION onderdak_figure_version_step();

-- Statement triggers (one row per changed tenant per statement, not per changed row: a rebuild writes millions).
CREATE FUNCTION onderdak_figures_changed_new() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_changes (tenant_id) SELECT DISTINCT tenant_id FROM changed_new WHERE tenant_id IS NOT NULL;
  RETURN NULL;
END $fn$;
CREATE FUNCTION onderdak_figures_changed_old() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_changes (tenant_id) SELECT DISTINCT tenant_id FROM changed_old WHERE tenant_id IS NOT NULL;
  RETURN NULL;
END $fn$;
CREATE FUNCTION onderdak_figures_changed_both() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_changes (tenant_id)
    SELECT tenant_id FROM changed_new WHERE tenant_id IS NOT NULL
    UNION SELECT tenant_id FROM changed_old WHERE tenant_id IS NOT NULL;
  RETURN NULL;
END $fn$;
-- TRUNCATE has no rows to look at: every tenant's figures may have changed.
CREATE FUNCTION onderdak_figures_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_changes (tenant_id) SELECT id FROM tenants;
  RETURN NULL;
END $fn$;
-- household_members has no tenant_id: its client's.
CREATE FUNCTION onderdak_figures_household_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_changes (tenant_id)
    SELECT DISTINCT c.tenant_id FROM clients c
    WHERE c.id IN (
      SELECT client_id FROM changed_rows
    );
  RETURN NULL;
END $fn$;

-- Everything the kerncijfers read (src/areas/reporting/kerncijfers*.ts): the facts, and the raw rows beside them
-- (client attributes for the person filters, facilities and units for scope and capacity, registrations, trajectories
-- and stays where a figure reads them directly, municipalities for the region).
DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['figure_stays', 'figure_registrations', 'figure_trajectories', 'figure_bed_nights',
    'clients', 'facilities', 'units', 'registrations', 'trajectories', 'stays', 'municipalities'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_new
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_changed_new()', t || '_figures_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_changed_both()', t || '_figures_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_old
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_changed_old()', t || '_figures_del', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_truncated()', t || '_figures_trunc', t);
  END LOOP;
END $do$;
CREATE TRIGGER household_members_figures_ins AFTER INSERT ON household_members REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_household_changed();
CREATE TRIGGER household_members_figures_del AFTER DELETE ON household_members REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_household_changed();
CREATE TRIGGER household_members_figures_upd AFTER UPDATE ON household_members REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_household_changed();
CREATE TRIGGER household_members_figures_trunc AFTER TRUNCATE ON household_members
  FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_truncated();
