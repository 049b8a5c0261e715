-- Issue 15 (ADR 0032, addendum): a change makes only the stored kerncijfers of the periods it can touch invalid, not
-- every period of its tenant. Each change notes the earliest date it can touch (figure_changes.affected_from; null:
-- any period); at commit the tenant's version steps once and every stored result whose period ends after that date is
-- deleted in the same transaction. What a period's figures read (domain.md §4) never lies before the earliest date of
-- what they are about, once that date is taken as the registration date behind a stay or trajectory:
--   registrations: registered_on; trajectories: the earlier of started_on and its registration's date; stays: the
--   earliest of started_on, its registration's date and its trajectory's registration and start; the facts: their
--   registered_on / ref_date / started_on / night (ref_date is the registration date, or the start without one).
-- Client attributes the filters and the herkomst/aanleiding figures read, household members, facilities, units,
-- municipalities and TRUNCATE touch any period (null). A new client row touches nothing until something refers to it.

DELETE FROM figure_results;   -- a cache: recomputed on the next read
ALTER TABLE figure_results ADD COLUMN period_to date NOT NULL;
CREATE INDEX figure_results_tenant_period ON figure_results(tenant_id, period_to);

ALTER TABLE figure_changes ADD COLUMN affected_from date;   -- null: every period

-- Every tenant has its version row from the start: a reader that stores results locks it (FOR SHARE), so a commit
-- that changes the tenant waits until those results are in and then deletes the ones it makes stale.
INSERT INTO figure_versions (tenant_id, version) SELECT id, 0 FROM tenants ON CONFLICT (tenant_id) DO NOTHING;
CREATE FUNCTION onderdak_figure_version_row() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  INSERT INTO figure_versions (tenant_id, version) VALUES (NEW.id, 0) ON CONFLICT (tenant_id) DO NOTHING;
  RETURN NULL;
END $fn$;
CREATE TRIGGER tenants_figure_version AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION onderdak_figure_version_row();

-- At commit (deferred): one version step per changed tenant, and the stored results it makes stale go.
CREATE OR REPLACE FUNCTION onderdak_figure_version_step() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  n integer;
  earliest date;
  unbounded boolean;
BEGIN
  WITH gone AS (DELETE FROM figure_changes WHERE tenant_id = NEW.tenant_id RETURNING affected_from)
  SELECT count(*), min(affected_from), coalesce(bool_or(affected_from IS NULL), false)
    INTO n, earliest, unbounded FROM gone;
  IF n > 0 THEN
    -- the version row lock waits for a reader that is storing results of this tenant; after it, this statement's
    -- successors see those results and delete the stale ones
    INSERT INTO figure_versions (tenant_id, version) VALUES (NEW.tenant_id, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET version = figure_versions.version + 1;
    DELETE FROM figure_results
      WHERE tenant_id = NEW.tenant_id AND (unbounded OR period_to > earliest);
  END IF;
  RETURN NULL;
END $fn$;

-- The generic statement triggers of migration 0040 stay for the tables that touch any period; they now say so
-- explicitly (affected_from null).

-- The tables whose rows carry their own dates: one statement trigger per table, given the earliest date of a changed
-- row as an expression over the transition table `x` (TG_ARGV[0]) and the joins it needs (TG_ARGV[1]). The rows
-- before and after the change both count; an INSERT trigger has no old rows, a DELETE trigger no new ones.
CREATE FUNCTION onderdak_figures_dated_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  rows_table text;
BEGIN
  FOREACH rows_table IN ARRAY CASE TG_OP
    WHEN 'INSERT' THEN ARRAY['changed_new'] WHEN 'DELETE' THEN ARRAY['changed_old']
    ELSE ARRAY['changed_old', 'changed_new'] END
  LOOP
    EXECUTE format('INSERT INTO figure_changes (tenant_id, affected_from)
      SELECT x.tenant_id, min(%s) FROM %I x %s WHERE x.tenant_id IS NOT NULL GROUP BY x.tenant_id',
      TG_ARGV[0], rows_table, coalesce(TG_ARGV[1], ''));
  END LOOP;
  RETURN NULL;
END $fn$;

-- clients: only a change of what the figures read (the filters, herkomst and aanleiding) or a removed client touches
-- the figures, and then any period; a new client row touches nothing until a registration or stay refers to it.
CREATE FUNCTION onderdak_figures_clients_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO figure_changes (tenant_id) SELECT DISTINCT tenant_id FROM changed_old WHERE tenant_id IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO figure_changes (tenant_id)
      SELECT DISTINCT x.tenant_id FROM (
        (SELECT id, tenant_id, birth_date, origin_municipality_code, origin_label, cause, merged_into FROM changed_old
         EXCEPT SELECT id, tenant_id, birth_date, origin_municipality_code, origin_label, cause, merged_into FROM changed_new)
        UNION ALL
        (SELECT id, tenant_id, birth_date, origin_municipality_code, origin_label, cause, merged_into FROM changed_new
         EXCEPT SELECT id, tenant_id, birth_date, origin_municipality_code, origin_label, cause, merged_into FROM changed_old)
      ) x WHERE x.tenant_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $fn$;

-- The earliest date per table (see the top of this file): registrations their date; a trajectory also the date of
-- the registration behind it; a stay its own registration and its trajectory's start and registration; the facts the
-- date each row is about.
DO $do$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES
    ('registrations', 'x.registered_on', ''),
    ('trajectories', 'least(x.started_on, r.registered_on)', 'LEFT JOIN registrations r ON r.id = x.registration_id'),
    ('stays', 'least(x.started_on, r.registered_on, t.started_on, tr.registered_on)',
      'LEFT JOIN registrations r ON r.id = x.registration_id LEFT JOIN trajectories t ON t.id = x.trajectory_id
       LEFT JOIN registrations tr ON tr.id = t.registration_id'),
    ('figure_registrations', 'x.registered_on', ''),
    ('figure_trajectories', 'least(x.ref_date, x.started_on)', ''),
    ('figure_stays', 'least(x.ref_date, x.started_on)', ''),
    ('figure_bed_nights', 'x.night', '')
  ) AS dated(table_name, earliest, joins) LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', r.table_name || '_figures_ins', r.table_name);
    EXECUTE format('DROP TRIGGER %I ON %I', r.table_name || '_figures_upd', r.table_name);
    EXECUTE format('DROP TRIGGER %I ON %I', r.table_name || '_figures_del', r.table_name);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_new
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_dated_change(%L, %L)',
      r.table_name || '_figures_ins', r.table_name, r.earliest, r.joins);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_dated_change(%L, %L)',
      r.table_name || '_figures_upd', r.table_name, r.earliest, r.joins);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_old
      FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_dated_change(%L, %L)',
      r.table_name || '_figures_del', r.table_name, r.earliest, r.joins);
  END LOOP;
  -- clients: their own function (no date; only some columns count), and no INSERT trigger (a new client row touches
  -- nothing until a registration or stay refers to it)
  DROP TRIGGER clients_figures_ins ON clients;
  DROP TRIGGER clients_figures_upd ON clients;
  DROP TRIGGER clients_figures_del ON clients;
  CREATE TRIGGER clients_figures_upd AFTER UPDATE ON clients REFERENCING OLD TABLE AS changed_old
    NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_clients_changed();
  CREATE TRIGGER clients_figures_del AFTER DELETE ON clients REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION onderdak_figures_clients_changed();
END $do$;
