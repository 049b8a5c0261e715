-- Row-level security for the tables of wave 2 that have no tenant_id column (ADR 0010).
-- installation_setup: the one-time setup link of an empty installation; used before any tenant exists, owner only.
INSERT INTO rls_exemptions (table_name, app_access, reason) VALUES
  ('installation_setup', NULL, 'eenmalige installatielink vóór er een tenant is; geen persoonsgegevens; alleen de eigenaar');
-- handovers: both centrumgemeenten see the handover; only the sender creates it, only the two of them change it.
INSERT INTO rls_policies (table_name, using_expr, check_expr, privileges, reason) VALUES
  ('handovers', 'sender_tenant_id = onderdak_tenant() OR receiver_tenant_id = onderdak_tenant()',
   'sender_tenant_id = onderdak_tenant() OR receiver_tenant_id = onderdak_tenant()', 'SELECT, INSERT, UPDATE',
   'warme overdracht: zender en ontvanger zien hem; de enige weg waarlangs persoonsgegevens een regio verlaten');
