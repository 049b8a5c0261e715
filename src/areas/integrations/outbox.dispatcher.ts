// The outbox dispatcher (issue 19): delivers zgw_outbox rows to the zaaksysteem in id order per tenant, with retries
// and exponential backoff. Rules:
// - never lose a change: a row is only marked verzonden after the zaaksysteem accepted it; a failure keeps it
//   wachtend with attempts + 1 and a later next_attempt_at (5 s, 10 s, 20 s … at most 15 minutes);
// - in order: per tenant only the oldest waiting row is tried; while it fails, the later ones wait behind it;
// - exactly once: the writes are idempotent (src/areas/integrations/zgw.client.ts), so a row sent again after a lost
//   answer or a crash between "accepted" and "marked" finds its zaak/status/besluit instead of making a second one;
// - one sender at a time, across processes (docs/adr/0028): before sending, a dispatcher claims the tenant's oldest
//   waiting row with one conditional UPDATE (a lease: claimed_by, claimed_until on the database clock). A row leased
//   by another dispatcher is skipped, and with it the rest of that tenant, so two app processes on one PostgreSQL
//   never send the same change at the same time nor overtake each other. A lease outlives any delivery (several calls
//   of at most 10 s each); when its dispatcher died, the row may be claimed again after LEASE_SECONDS;
// - never block request handling: the network calls happen outside any database transaction, and each database step
//   is one short statement. The timer is unref'd and a tick never overlaps the previous one.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import {
  besluitIdentificatie,
  statusMoment,
  type ZgwClient,
  type ZgwStatusCode,
  zaakIdentificatie,
} from './zgw.client.js';

/** How long a claim on an outbox row holds (seconds). Far longer than one delivery (a few calls of at most 10 s). */
export const LEASE_SECONDS = 300;

export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);

interface Head {
  id: number;
  tenant_id: string;
  kind: 'zaak' | 'status' | 'besluit';
  registration_id: string;
  subject_id: string;
  status_code: string | null;
  happened_on: string;
  attempts: number;
}

const STATUS_TEXT: Record<ZgwStatusCode, string> = {
  aangemeld: 'Aanmelding ontvangen',
  gescreend: 'Aanmelding gescreend',
  besloten: 'Toegangsbesluit genomen',
  afgesloten: 'Traject afgesloten',
};
const OUTCOME_TEXT: Record<string, string> = {
  toegang: 'Toegang maatschappelijke opvang verleend',
  doorverwijzing: 'Doorverwezen naar het voorliggend veld',
  afwijzing: 'Toegang afgewezen',
};

async function deliver(database: Database, zgw: ZgwClient, rsin: string, h: Head): Promise<string> {
  const ident = zaakIdentificatie(h.registration_id);
  if (h.kind === 'zaak')
    return zgw.ensureZaak({ identificatie: ident, rsin, startdatum: h.happened_on, kenmerk: h.registration_id });
  const zaakUrl = await zgw.findZaak(ident, rsin);
  if (!zaakUrl) throw new Error(`zaak ${ident} ontbreekt in het zaaksysteem`);
  if (h.kind === 'status') {
    const code = h.status_code as ZgwStatusCode;
    return zgw.ensureStatus(zaakUrl, code, statusMoment(h.happened_on, code), STATUS_TEXT[code] ?? code);
  }
  const d = await database.db
    .selectFrom('access_decisions')
    .select(['outcome', 'decided_on', 'objection_deadline'])
    .where('id', '=', h.subject_id)
    .executeTakeFirstOrThrow();
  return zgw.ensureBesluit({
    identificatie: besluitIdentificatie(h.subject_id),
    rsin,
    zaakUrl,
    datum: d.decided_on,
    toelichting: OUTCOME_TEXT[d.outcome] ?? d.outcome,
    uiterlijkeReactiedatum: d.objection_deadline,
  });
}

/**
 * One round: per tenant with a connection, deliver waiting rows in order until one fails, is not yet due, or `max`
 * rows were sent. `zgwFor` gives the client of a tenant (null: not configured; its rows wait).
 */
export async function dispatchOnce(
  database: Database,
  zgwFor: (tenantId: string) => ZgwClient | null,
  now: () => Date,
  max = 100,
  owner: string = crypto.randomUUID(),
): Promise<{ verzonden: number; mislukt: number }> {
  let sent = 0;
  let failed = 0;
  const blocked = new Set<string>();
  while (sent + failed < max) {
    const heads = (
      await sql<Head & { rsin: string }>`
      SELECT DISTINCT ON (o.tenant_id) o.id, o.tenant_id, o.kind, o.registration_id, o.subject_id, o.status_code,
             o.happened_on, o.attempts, o.next_attempt_at, c.rsin
        FROM zgw_outbox o JOIN zgw_connections c ON c.tenant_id = o.tenant_id AND c.enabled
       WHERE o.state = 'wachtend'
       ORDER BY o.tenant_id, o.id`.execute(database.db)
    ).rows as (Head & { rsin: string; next_attempt_at: Date })[];
    // a row never tried is due at once; a failed one after its backoff
    const due = heads.filter(
      (h) => !blocked.has(h.tenant_id) && (h.attempts === 0 || new Date(h.next_attempt_at) <= now()),
    );
    if (!due.length) break;
    for (const h of due) {
      const zgw = zgwFor(h.tenant_id);
      if (!zgw) {
        blocked.add(h.tenant_id);
        continue;
      }
      // claim the head: only when it is still waiting and nobody else holds a live lease on it
      const claimed = await sql<{ id: number }>`
        UPDATE zgw_outbox SET claimed_by = ${owner}, claimed_until = now() + make_interval(secs => ${LEASE_SECONDS})
         WHERE id = ${h.id} AND state = 'wachtend'
           AND (claimed_until IS NULL OR claimed_until <= now() OR claimed_by = ${owner})
        RETURNING id`.execute(database.db);
      if (!claimed.rows.length) {
        blocked.add(h.tenant_id);
        continue;
      }
      try {
        const url = await deliver(database, zgw, h.rsin, h);
        await database.db
          .updateTable('zgw_outbox')
          .set({
            state: 'verzonden',
            attempts: h.attempts + 1,
            delivered_at: now(),
            remote_url: url,
            last_error: null,
            claimed_by: null,
            claimed_until: null,
          })
          .where('id', '=', h.id)
          .where('state', '=', 'wachtend')
          .execute();
        sent++;
      } catch (e) {
        const attempts = h.attempts + 1;
        await database.db
          .updateTable('zgw_outbox')
          .set({
            attempts,
            next_attempt_at: new Date(now().getTime() + backoffMs(attempts)),
            last_error: String((e as Error).message).slice(0, 500),
            claimed_by: null,
            claimed_until: null,
          })
          .where('id', '=', h.id)
          .where('claimed_by', '=', owner) // a lease lost meanwhile: the new holder keeps the count
          .execute();
        blocked.add(h.tenant_id);
        failed++;
      }
    }
  }
  if (sent || failed) await database.flush();
  return { verzonden: sent, mislukt: failed };
}

/** Runs dispatchOnce every `intervalMs` in the background; returns stop(). A tick never overlaps the previous one. */
export function startDispatcher(
  database: Database,
  zgwFor: (tenantId: string) => ZgwClient | null,
  opts: { intervalMs?: number; onError?: (e: unknown) => void } = {},
): () => void {
  let busy = false;
  const owner = crypto.randomUUID(); // this dispatcher's name on its leases
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    dispatchOnce(database, zgwFor, () => new Date(), 100, owner)
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        busy = false;
      });
  }, opts.intervalMs ?? 2000);
  timer.unref();
  return () => clearInterval(timer);
}
