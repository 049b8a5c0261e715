// Caseload: every open trajectory has a trajecthouder (trajectories.case_manager_id). My clients, the team view and
// handing a case over to a colleague with a note (the receiver sees it on the worklist; a journal entry records it).
import type { z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { settingsOf, type TenantSettings } from '../../reference/tenant-settings.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can, roleMay } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import { loadTrajectory, placementsOf } from '../perspective/perspective.queries.js';
import { STAY_TARGET_DAYS, shelterControl } from '../perspective/rules.js';
import type { CaseloadRegel, Overdracht } from './caseload.dto.js';
import { writeEntry } from './journal.service.js';

type Regel = z.infer<typeof CaseloadRegel>;
/** Open trajectories per trajecthouder above which the team view marks a caseload as too full (unless asked otherwise). */
export const CASELOAD_NORM = 25;

/** Open trajectories of visible clients with their trajecthouder and current stay (optionally of one case manager). */
export async function openCases(ctx: Ctx, caseManagerId?: string, settings?: TenantSettings) {
  const norms = settings ?? (await settingsOf(ctx));
  let q = visibleClients(ctx)
    .innerJoin('trajectories', 'trajectories.client_id', 'clients.id')
    .leftJoin('stays', (j) => j.onRef('stays.trajectory_id', '=', 'trajectories.id').on('stays.ended_on', 'is', null))
    .leftJoin('units', 'units.id', 'stays.unit_id')
    .leftJoin('facilities', 'facilities.id', 'units.facility_id')
    .select([
      'clients.id as client_id',
      'clients.first_name',
      'clients.last_name',
      'trajectories.id as trajectory_id',
      'trajectories.started_on',
      'trajectories.case_manager_id',
      'facilities.name as facility_name',
      'units.name as unit_name',
      'stays.id as stay_id',
    ])
    .where('trajectories.ended_on', 'is', null)
    .where('trajectories.tenant_id', '=', ctx.actor.tenantId);
  if (caseManagerId) q = q.where('trajectories.case_manager_id', '=', caseManagerId);
  const rows = await q.orderBy('clients.last_name').orderBy('clients.first_name').limit(5000).execute();
  const placement = await placementsOf(
    ctx,
    rows.filter((r) => r.stay_id).map((r) => r.trajectory_id),
  );
  const today = todayInNl(ctx.now);
  return rows.map((r) => {
    const first = r.stay_id ? placement.get(r.trajectory_id) : undefined;
    const control = first ? shelterControl(first, today, norms.normDoorstroomDagen) : null;
    const regel: Regel = {
      clientId: r.client_id,
      naam: `${r.first_name} ${r.last_name}`,
      trajectId: r.trajectory_id,
      trajectSinds: r.started_on,
      locatie: r.facility_name,
      eenheid: r.unit_name,
      dagenInOpvang: control?.dagenInOpvang ?? null,
      signaal: control?.signaal ?? null,
    };
    return { ...regel, caseManagerId: r.case_manager_id, placement: first ?? null };
  });
}

const strip = ({ caseManagerId: _c, placement: _p, ...r }: Awaited<ReturnType<typeof openCases>>[number]): Regel => r;

/** GET /v1/mijn-clienten */
export async function myClients(ctx: Ctx) {
  authorize(ctx, 'caseload.zien');
  const rows = await openCases(ctx, ctx.actor.userId);
  await auditPersons(
    ctx,
    rows.map((r) => r.clientId),
    { action: 'lezen', resource: 'mijn cliënten' },
  );
  return { trajecthouder: { id: ctx.actor.userId, naam: ctx.actor.displayName }, resultaten: rows.map(strip) };
}

/** The colleagues who can be trajecthouder: active users of this tenant whose role may hold a caseload. */
async function caseManagers(ctx: Ctx) {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
  return users.filter((u) => roleMay(u.role as Parameters<typeof roleMay>[0], 'caseload.overdragen'));
}

/** GET /v1/trajecthouders: the team view, every trajecthouder with their open cases (also those without one). */
export async function teamView(ctx: Ctx, query: { norm?: number } = {}) {
  authorize(ctx, 'caseload.zien');
  const norm = query.norm ?? CASELOAD_NORM;
  const [users, rows] = await Promise.all([caseManagers(ctx), openCases(ctx)]);
  const known = new Set(users.map((u) => u.id));
  await auditPersons(
    ctx,
    rows.map((r) => r.clientId),
    { action: 'lezen', resource: 'caseload team' },
  );
  return {
    norm,
    resultaten: users.map((u) => {
      const own = rows.filter((r) => r.caseManagerId === u.id).map(strip);
      return {
        id: u.id,
        naam: u.display_name,
        aantal: own.length,
        inOpvang: own.filter((r) => r.dagenInOpvang !== null).length,
        bovenNorm91: own.filter((r) => (r.dagenInOpvang ?? 0) > STAY_TARGET_DAYS).length,
        teVeel: own.length > norm,
        clienten: own,
      };
    }),
    zonderTrajecthouder: rows.filter((r) => !r.caseManagerId || !known.has(r.caseManagerId)).map(strip),
  };
}

/** POST /v1/trajecten/{id}/overdrachten: a colleague becomes trajecthouder; the note goes with it. */
export async function handOver(ctx: Ctx, trajectoryId: string, input: { naarId: string; notitie?: string | null }) {
  authorize(ctx, 'caseload.overdragen');
  const t = await loadTrajectory(ctx, trajectoryId);
  authorize(ctx, 'caseload.overdragen', { open: t.ended_on === null });
  const p = new Problems();
  const users = await caseManagers(ctx);
  const to = users.find((u) => u.id === input.naarId);
  if (!to) p.add('naarId', 'unknown', 'Kies een collega (toegangsmedewerker of trajecthouder) van uw gemeente.');
  if ((input.notitie ?? '').length > 4000) p.add('notitie', 'maxLength', 'Een notitie is ten hoogste 4000 tekens.');
  p.throwIfAny();
  if (t.ended_on) throw new ConflictError('Dit traject is beëindigd; het kan niet meer worden overgedragen.');
  const current = await ctx.db
    .selectFrom('trajectories')
    .leftJoin('users', 'users.id', 'trajectories.case_manager_id')
    .select(['trajectories.case_manager_id', 'users.display_name'])
    .where('trajectories.id', '=', trajectoryId)
    .forUpdate('trajectories')
    .executeTakeFirstOrThrow();
  if (!to) throw new NotFoundError('Collega niet gevonden.');
  if (current.case_manager_id === to.id) throw new ConflictError(`${to.display_name} is al de trajecthouder.`);
  await ctx.db.updateTable('trajectories').set({ case_manager_id: to.id }).where('id', '=', trajectoryId).execute();
  const note = input.notitie?.trim() || null;
  const row = await ctx.db
    .insertInto('case_handovers')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: t.client_id,
      trajectory_id: trajectoryId,
      from_user_id: current.case_manager_id,
      to_user_id: to.id,
      note,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await writeEntry(ctx, t.client_id, {
    occurred_at: ctx.now,
    kind: 'overdracht',
    body: `Casus overgedragen aan ${to.display_name}${note ? `: ${note}` : '.'}`,
    shared_with_client: false,
    facility_id: ctx.actor.facilityId,
    corrects_id: null,
  });
  await audit(ctx, {
    clientId: t.client_id,
    action: 'wijzigen',
    resource: 'trajecthouder',
    detail: `naar ${to.display_name}`,
  });
  // Hook (issue 12 deel B): a warm handover to another centrumgemeente is a different flow and does not pass here.
  return oneHandover(ctx, row.id);
}

/** Colleague handovers with the names of sender and receiver (of one trajectory, or one handover). */
function handoverRows(ctx: Ctx) {
  return ctx.db
    .selectFrom('case_handovers')
    .leftJoin('users as van', 'van.id', 'case_handovers.from_user_id')
    .innerJoin('users as naar', 'naar.id', 'case_handovers.to_user_id')
    .select([
      'case_handovers.id',
      'case_handovers.trajectory_id',
      'case_handovers.client_id',
      'case_handovers.from_user_id',
      'case_handovers.to_user_id',
      'case_handovers.note',
      'case_handovers.created_at',
      'case_handovers.seen_at',
      'van.display_name as from_name',
      'naar.display_name as to_name',
    ])
    .where('case_handovers.tenant_id', '=', ctx.actor.tenantId);
}
type HandoverRow = Awaited<ReturnType<ReturnType<typeof handoverRows>['execute']>>[number];

export function handoverDto(ctx: Ctx, r: HandoverRow): z.infer<typeof Overdracht> {
  return {
    id: r.id,
    trajectId: r.trajectory_id,
    clientId: r.client_id,
    van: r.from_user_id && r.from_name ? { id: r.from_user_id, naam: r.from_name } : null,
    naar: { id: r.to_user_id, naam: r.to_name },
    notitie: r.note,
    tijdstip: new Date(r.created_at).toISOString(),
    gezienOp: r.seen_at ? new Date(r.seen_at).toISOString() : null,
    mogelijkheden: {
      bevestigen: r.seen_at === null && can(ctx.actor, 'caseload.overdrachtBevestigen', { naarId: r.to_user_id }),
    },
  };
}

async function oneHandover(ctx: Ctx, id: string) {
  const r = await handoverRows(ctx).where('case_handovers.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Overdracht niet gevonden.');
  return handoverDto(ctx, r);
}

/** The latest colleague handover of a trajectory (for the dossier summary: the sender sees whether it was seen). */
export async function latestHandover(ctx: Ctx, trajectoryId: string) {
  const r = await handoverRows(ctx)
    .where('case_handovers.trajectory_id', '=', trajectoryId)
    .orderBy('case_handovers.created_at', 'desc')
    .executeTakeFirst();
  return r ? handoverDto(ctx, r) : null;
}

/** GET /v1/trajecten/{id}/overdrachten: every handover of the case to a colleague, newest first, with when seen. */
export async function listHandovers(ctx: Ctx, trajectoryId: string) {
  authorize(ctx, 'caseload.zien');
  const t = await loadTrajectory(ctx, trajectoryId);
  const rows = await handoverRows(ctx)
    .where('case_handovers.trajectory_id', '=', trajectoryId)
    .orderBy('case_handovers.created_at', 'desc')
    .execute();
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'trajecthouder', detail: 'overdrachten' });
  return { resultaten: rows.map((r) => handoverDto(ctx, r)) };
}

/**
 * POST /v1/collega-overdrachten/{id}/bevestigingen: the receiver marks the handover as seen ("Gezien"). It then
 * leaves the receiver's worklist, and the sender sees when it was seen (summary, list of handovers, journal).
 */
export async function acknowledgeHandover(ctx: Ctx, id: string) {
  authorize(ctx, 'caseload.zien');
  const r = await handoverRows(ctx).where('case_handovers.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Overdracht niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  authorize(ctx, 'caseload.overdrachtBevestigen', { naarId: r.to_user_id });
  if (r.seen_at) throw new ConflictError('Deze overdracht is al als gezien gemarkeerd.');
  const upd = await ctx.db
    .updateTable('case_handovers')
    .set({ seen_at: ctx.now })
    .where('id', '=', id)
    .where('seen_at', 'is', null)
    .executeTakeFirst();
  if (Number(upd.numUpdatedRows) !== 1) throw new ConflictError('Deze overdracht is al als gezien gemarkeerd.');
  await writeEntry(ctx, r.client_id, {
    occurred_at: ctx.now,
    kind: 'overdracht',
    body: `Overdracht gezien door ${ctx.actor.displayName}${r.from_name ? ` (overgedragen door ${r.from_name})` : ''}.`,
    shared_with_client: false,
    facility_id: ctx.actor.facilityId,
    corrects_id: null,
  });
  await audit(ctx, {
    clientId: r.client_id,
    action: 'wijzigen',
    resource: 'trajecthouder',
    detail: 'overdracht gezien',
  });
  return oneHandover(ctx, id);
}

/** Whether the actor may hand this trajectory over (for the summary's mogelijkheden). */
export const mayHandOver = (ctx: Ctx, open: boolean) => can(ctx.actor, 'caseload.overdragen', { open });
