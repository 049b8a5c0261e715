-- Issue 19 (afronding): the outbox to the zaaksysteem gets a lease, so that two app processes on one PostgreSQL never
-- send the same change twice (docs/adr/0028). A dispatcher claims the oldest waiting row of a tenant with one
-- conditional UPDATE (claimed_by, claimed_until); a row whose lease has expired (its dispatcher died) may be claimed
-- again, and the idempotent writes of the ZGW client make that resend harmless.
ALTER TABLE zgw_outbox ADD COLUMN claimed_by text;
ALTER TABLE zgw_outbox ADD COLUMN claimed_until timestamptz;
