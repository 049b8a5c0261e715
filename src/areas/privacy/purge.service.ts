// The retention purge (issue 19): which files are past their term (dry run, for the beheerder), and destroying them —
// identity anonymised, free texts and documents removed — with a destruction log that holds no person data: the file
// is named by an irreversible reference (sha-256 of tenant and client id), with what was destroyed, when and by whom.
// Stays, trajectories and decisions stay as anonymous rows, so the figures of past years do not change.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { ConflictError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import type { Vernietigingslijst, Vernietigingslog } from './privacy.dto.js';
import { type RetentionCategory, retentionOf } from './retention.js';

export const subjectRef = (tenantId: string, clientId: string) =>
  createHash('sha256').update(`onderdak-vernietiging:${tenantId}:${clientId}`).digest('hex').slice(0, 32);

const CATEGORY_TEXT: Record<RetentionCategory, string> = {
  verstrekking: '15 jaar na het einde van de verstrekking',
  'geen-verstrekking': '5 jaar na het besluit (geen verstrekking)',
  ingetrokken: '6 weken na intrekking vóór een besluit',
};

interface Due {
  clientId: string;
  ref: string;
  category: RetentionCategory;
  destroyFrom: string;
}

/** Every file of the tenant past its term on `today`, oldest term first. */
async function dueFiles(ctx: Ctx, today: string): Promise<Due[]> {
  const rows = await sql<{
    id: string;
    granted: boolean;
    any_open: boolean;
    pending: boolean;
    provision_end: string | null;
    last_decision: string | null;
    withdrawn: string | null;
  }>`
    SELECT c.id,
      EXISTS (SELECT 1 FROM access_decisions d JOIN registrations r ON r.id = d.registration_id
               WHERE r.client_id = c.id AND d.outcome = 'toegang') AS granted,
      (EXISTS (SELECT 1 FROM trajectories t WHERE t.client_id = c.id AND t.ended_on IS NULL)
        OR EXISTS (SELECT 1 FROM stays s WHERE s.client_id = c.id AND s.ended_on IS NULL)) AS any_open,
      EXISTS (SELECT 1 FROM registrations r
               WHERE r.client_id = c.id AND r.status NOT IN ('besloten', 'ingetrokken')) AS pending,
      (SELECT max(r.withdrawn_on) FROM registrations r WHERE r.client_id = c.id)::text AS withdrawn,
      greatest((SELECT max(t.ended_on) FROM trajectories t WHERE t.client_id = c.id),
               (SELECT max(s.ended_on) FROM stays s WHERE s.client_id = c.id))::text AS provision_end,
      (SELECT max(d.decided_on) FROM access_decisions d JOIN registrations r ON r.id = d.registration_id
        WHERE r.client_id = c.id)::text AS last_decision
    FROM clients c
    WHERE c.tenant_id = ${ctx.actor.tenantId} AND c.merged_into IS NULL AND c.anonymised_at IS NULL`.execute(ctx.db);
  const out: Due[] = [];
  for (const r of rows.rows) {
    const term = retentionOf({
      granted: r.granted,
      anyOpen: r.any_open,
      pendingRegistration: r.pending,
      provisionEndedOn: r.provision_end,
      lastDecisionOn: r.last_decision,
      withdrawnOn: r.withdrawn,
    });
    if (term && term.destroyFrom <= today)
      out.push({ clientId: r.id, ref: subjectRef(ctx.actor.tenantId, r.id), ...term });
  }
  return out.sort((a, b) =>
    a.destroyFrom < b.destroyFrom ? -1 : a.destroyFrom > b.destroyFrom ? 1 : a.ref < b.ref ? -1 : 1,
  );
}

/** Dry run: what the purge would destroy today (references and terms, no names). */
export async function purgeDryRun(ctx: Ctx): Promise<Vernietigingslijst> {
  authorize(ctx, 'avg.vernietigen');
  const today = todayInNl(ctx.now);
  const due = await dueFiles(ctx, today);
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'bewaartermijnen',
    detail: `proefrun: ${due.length} dossiers`,
  });
  return {
    peildatum: today,
    aantal: due.length,
    dossiers: due.map((d) => ({
      referentie: d.ref,
      categorie: d.category,
      termijn: CATEGORY_TEXT[d.category],
      vernietigenVanaf: d.destroyFrom,
    })),
  };
}

const WHAT =
  'identiteit geanonimiseerd (naam, geboortedatum, BSN, contactgegevens); huishouden, journaal, afspraken, documenten, berichten en vrije teksten van aanmelding en besluit verwijderd';

async function destroy(ctx: Ctx, clientId: string) {
  const by = (t: 'household_members' | 'client_messages' | 'client_documents' | 'appointment_changes') =>
    ctx.db.deleteFrom(t).where('client_id', '=', clientId).execute();
  await by('household_members');
  await by('client_messages');
  await by('client_documents');
  await by('appointment_changes');
  await ctx.db.deleteFrom('appointments').where('client_id', '=', clientId).execute();
  await ctx.db.deleteFrom('journal_entries').where('client_id', '=', clientId).execute();
  await ctx.db
    .updateTable('registrations')
    .set({ notes: null, screening: null })
    .where('client_id', '=', clientId)
    .execute();
  await sql`UPDATE access_decisions SET reason = NULL
             WHERE registration_id IN (SELECT id FROM registrations WHERE client_id = ${clientId})`.execute(ctx.db);
  await ctx.db
    .updateTable('clients')
    .set({
      first_name: 'Vernietigd',
      last_name: 'Dossier',
      birth_date: null,
      bsn: null,
      phone: null,
      email: null,
      search_keys: sql`'{}'::text[]`,
      anonymised_at: ctx.now,
      updated_at: ctx.now,
    })
    .where('id', '=', clientId)
    .execute();
}

/**
 * Destroys the files past their term. `referenties` (from the dry run) limits it to those; every one must still be
 * due, else 409 and nothing happens. One destruction-log row per file.
 */
export async function purgeExecute(
  ctx: Ctx,
  input: { bevestigd: boolean; referenties?: string[] | null },
): Promise<Vernietigingslog> {
  authorize(ctx, 'avg.vernietigen');
  if (input.bevestigd !== true)
    new Problems().add('bevestigd', 'required', 'Bevestig dat u de proefrun hebt gecontroleerd.').throwIfAny();
  const today = todayInNl(ctx.now);
  let due = await dueFiles(ctx, today);
  if (input.referenties) {
    const refs = new Set(input.referenties);
    const dueRefs = new Set(due.map((d) => d.ref));
    const notDue = [...refs].filter((r) => !dueRefs.has(r));
    if (notDue.length)
      throw new ConflictError(
        `${notDue.length} referentie(s) zijn niet (meer) te vernietigen. Maak een nieuwe proefrun en probeer het opnieuw.`,
      );
    due = due.filter((d) => refs.has(d.ref));
  }
  const user = await ctx.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirst();
  for (const d of due) {
    await destroy(ctx, d.clientId);
    await ctx.db
      .insertInto('destruction_log')
      .values({
        tenant_id: ctx.actor.tenantId,
        subject_ref: d.ref,
        category: d.category,
        term_ended_on: d.destroyFrom,
        what: WHAT,
        destroyed_at: ctx.now,
        destroyed_by: ctx.actor.userId,
        destroyed_by_name: user?.display_name ?? ctx.actor.username,
      })
      .execute();
  }
  await audit(ctx, {
    clientId: null,
    action: 'wijzigen',
    resource: 'bewaartermijnen',
    detail: `vernietigd: ${due.length} dossiers`,
    basis: 'Archiefwet / Wmo-bewaartermijnen (AVG art. 5 lid 1 e)',
  });
  return destructionLog(ctx, false);
}

export async function destructionLog(ctx: Ctx, auditRead = true): Promise<Vernietigingslog> {
  authorize(ctx, 'avg.vernietigen');
  const rows = await ctx.db
    .selectFrom('destruction_log')
    .select(['subject_ref', 'category', 'term_ended_on', 'what', 'destroyed_at', 'destroyed_by_name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('destroyed_at', 'desc')
    .orderBy('subject_ref')
    .limit(500)
    .execute();
  if (auditRead) await audit(ctx, { clientId: null, action: 'lezen', resource: 'vernietigingslog' });
  return {
    resultaten: rows.map((r) => ({
      referentie: r.subject_ref,
      categorie: r.category,
      termijnVerstrekenOp: r.term_ended_on,
      wat: r.what,
      tijdstip: new Date(r.destroyed_at).toISOString(),
      door: r.destroyed_by_name,
    })),
  };
}
