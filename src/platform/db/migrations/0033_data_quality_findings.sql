-- Issue 20 (ADR 0027): the data-quality findings are stored and kept current on every change. A write that touches a
-- client's data recomputes that client's findings in the same transaction; rules that depend on today's date and
-- changes outside one client are caught by the daily refresh (data_quality_state). Every table carries tenant_id
-- (row-level security is applied by migrate()).
CREATE TABLE data_quality_findings (
  tenant_id    text NOT NULL REFERENCES tenants(id),
  code         text NOT NULL,
  entity       text NOT NULL,
  record_id    text NOT NULL,
  client_id    text,
  facility_id  text,
  worker_id    text,
  fix_path     text NOT NULL,
  -- for the likely-duplicate rules: the BSN or name|birth date the duplicates share (who to recompute when it changes)
  match_key    text
);
CREATE INDEX data_quality_findings_client ON data_quality_findings(tenant_id, client_id);
CREATE INDEX data_quality_findings_match ON data_quality_findings(tenant_id, match_key) WHERE match_key IS NOT NULL;

-- Per tenant: the day of the last full recomputation (null: due at the next read).
CREATE TABLE data_quality_state (
  tenant_id     text PRIMARY KEY REFERENCES tenants(id),
  refreshed_on  date,
  refreshed_at  timestamptz
);
