-- Issue 11 part B: setting up the region (closing units and locations), moving the current caseload in (an external
-- id per imported row, so re-running a file changes nothing), and finding audit rows by user and period.

-- When a unit or location was closed (active = false); null for the ones still open and for rows closed before.
ALTER TABLE facilities ADD COLUMN closed_on date;
ALTER TABLE units ADD COLUMN closed_on date;

-- One row per imported CSV row: the external id of the old system → the client it became.
CREATE TABLE import_records (
  tenant_id    text NOT NULL REFERENCES tenants(id),
  external_id  text NOT NULL,
  client_id    text NOT NULL REFERENCES clients(id),
  file_name    text,
  imported_by  text REFERENCES users(id),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, external_id)
);
CREATE INDEX import_records_client ON import_records(client_id);

-- The beheerder's inzagelog: by period and by user within the tenant.
CREATE INDEX audit_log_tenant_at ON audit_log(tenant_id, at);
CREATE INDEX audit_log_tenant_user ON audit_log(tenant_id, username, at);
