// Blockades for outflow of a trajectory: recording, lifting, and (doorstroomoverleg) changing who acts next, with history.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { BLOCKER_FIELDS, type BlockerField, blockerDto, blockerHistory } from './casework.dto.js';
import { blockerRows, blockerUpdateRows } from './casework.queries.js';
import { checkText, notBefore } from './checks.js';
import { BLOCKER_KINDS, labelOf, OWNER_ORGS } from './life-domains.js';
import { loadBlockerForUpdate, loadTrajectory } from './perspective.queries.js';

/** Change history per blockade (for the case page and the doorstroomoverleg). */
export async function blockerHistoryOf(ctx: Ctx, blockerIds: readonly string[]) {
  return blockerHistory(await blockerUpdateRows(ctx, blockerIds));
}

/** The blockades of a trajectory with their history (caller authorizes and audits). */
export async function blockersOf(ctx: Ctx, trajectoryId: string) {
  const rows = await blockerRows(ctx, trajectoryId);
  const today = todayInNl(ctx.now);
  const history = await blockerHistoryOf(
    ctx,
    rows.map((b) => b.id),
  );
  return rows.map((b) => blockerDto(ctx.actor, b, today, history.get(b.id)));
}

async function blockerOf(ctx: Ctx, trajectoryId: string, blockerId: string) {
  const b = (await blockersOf(ctx, trajectoryId)).find((x) => x.id === blockerId);
  if (!b) throw new NotFoundError('Blokkade niet gevonden.');
  return b;
}

/** GET /v1/trajecten/{id}/blokkades */
export async function listBlockers(ctx: Ctx, trajectoryId: string) {
  authorize(ctx, 'perspectief.lezen');
  const t = await loadTrajectory(ctx, trajectoryId);
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'blokkades' });
  return { trajectId: t.id, resultaten: await blockersOf(ctx, t.id) };
}

export interface BlockerInput {
  soort: string;
  omschrijving?: string | null;
  sinds: string;
  volgendeActorOrganisatie?: string | null;
  volgendeActorNaam?: string | null;
  volgendeStap?: string | null;
}

/** POST /v1/trajecten/{id}/blokkades: one open blockade per kind ('overig' may repeat, with a description). */
export async function addBlocker(ctx: Ctx, trajectoryId: string, input: BlockerInput) {
  authorize(ctx, 'perspectief.schrijven');
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = new Problems();
  if (!BLOCKER_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies een blokkade uit de lijst.');
  const desc = checkText(p, 'omschrijving', input.omschrijving, {
    required: input.soort === 'overig',
    max: 1000,
    label: 'een omschrijving van de blokkade',
  });
  checkPastDate(
    p,
    ctx,
    'sinds',
    input.sinds,
    t.started_on,
    notBefore(`de start van het traject (${datumTekst(t.started_on)})`),
  );
  if (input.volgendeActorOrganisatie && !OWNER_ORGS.some((o) => o.code === input.volgendeActorOrganisatie))
    p.add('volgendeActorOrganisatie', 'enum', 'Kies wie de volgende stap zet.');
  const name = checkText(p, 'volgendeActorNaam', input.volgendeActorNaam, { max: 200, label: 'de naam' });
  const step = checkText(p, 'volgendeStap', input.volgendeStap, { max: 1000, label: 'de volgende stap' });
  p.throwIfAny();
  if (t.ended_on) throw new ConflictError(`Dit traject is beëindigd op ${datumTekst(t.ended_on)}.`);
  const active = await ctx.db
    .selectFrom('blockers')
    .select('id')
    .where('trajectory_id', '=', t.id)
    .where('kind', '=', input.soort)
    .where('resolved_on', 'is', null)
    .executeTakeFirst();
  if (active && input.soort !== 'overig')
    throw new ConflictError(`Deze blokkade (${labelOf(BLOCKER_KINDS, input.soort)}) staat al open voor dit traject.`);
  const row = await ctx.db
    .insertInto('blockers')
    .values({
      tenant_id: ctx.actor.tenantId,
      trajectory_id: t.id,
      kind: input.soort,
      description: desc,
      since: input.sinds,
      next_actor_org: input.volgendeActorOrganisatie || null,
      next_actor_name: name,
      next_step: step,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'blokkade', detail: input.soort });
  return blockerOf(ctx, t.id, row.id);
}

/** POST /v1/blokkades/{id}/opheffingen */
export async function resolveBlocker(ctx: Ctx, blockerId: string, input: { datum: string }) {
  authorize(ctx, 'perspectief.schrijven');
  const { blocker: b, trajectory: t } = await loadBlockerForUpdate(ctx, blockerId);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, b.since, notBefore(`het begin van de blokkade (${b.since})`));
  p.throwIfAny();
  if (b.resolved_on) throw new ConflictError(`Deze blokkade is al opgeheven op ${datumTekst(b.resolved_on)}.`);
  await ctx.db.updateTable('blockers').set({ resolved_on: input.datum }).where('id', '=', blockerId).execute();
  await audit(ctx, { clientId: t.client_id, action: 'wijzigen', resource: 'blokkade', detail: `opgeheven: ${b.kind}` });
  return blockerOf(ctx, t.id, blockerId);
}

export type BlockerUpdateInput = Partial<Record<BlockerField, string | null>>;

/**
 * Doorstroomoverleg: change the description and "who acts next / next step" of an open blockade. Only the fields
 * given are changed (null or '' clears one); same checks as when recording it; the previous and new values of the
 * fields that really changed are kept in blocker_updates.
 */
export async function updateBlocker(ctx: Ctx, blockerId: string, input: BlockerUpdateInput) {
  authorize(ctx, 'perspectief.schrijven');
  const { blocker: b, trajectory: t } = await loadBlockerForUpdate(ctx, blockerId);
  const given = (f: BlockerField) => input[f] !== undefined;
  const p = new Problems();
  const next: BlockerUpdateInput = {};
  if (given('omschrijving'))
    next.omschrijving = checkText(p, 'omschrijving', input.omschrijving, {
      required: b.kind === 'overig',
      max: 1000,
      label: 'een omschrijving van de blokkade',
    });
  if (given('volgendeActorOrganisatie')) {
    if (input.volgendeActorOrganisatie && !OWNER_ORGS.some((o) => o.code === input.volgendeActorOrganisatie))
      p.add('volgendeActorOrganisatie', 'enum', 'Kies wie de volgende stap zet.');
    next.volgendeActorOrganisatie = input.volgendeActorOrganisatie || null;
  }
  if (given('volgendeActorNaam'))
    next.volgendeActorNaam = checkText(p, 'volgendeActorNaam', input.volgendeActorNaam, { max: 200, label: 'de naam' });
  if (given('volgendeStap'))
    next.volgendeStap = checkText(p, 'volgendeStap', input.volgendeStap, { max: 1000, label: 'de volgende stap' });
  p.throwIfAny();
  if (b.resolved_on)
    throw new ConflictError(
      `Deze blokkade is al opgeheven op ${datumTekst(b.resolved_on)}; een opgeheven blokkade wijzigt u niet meer.`,
    );
  const before: BlockerUpdateInput = {};
  const after: BlockerUpdateInput = {};
  const set: Partial<Record<(typeof BLOCKER_FIELDS)[BlockerField], string | null>> = {};
  for (const f of Object.keys(BLOCKER_FIELDS).filter((k): k is BlockerField => k in next)) {
    const col = BLOCKER_FIELDS[f];
    if ((b[col] ?? null) === (next[f] ?? null)) continue;
    before[f] = b[col] ?? null;
    after[f] = next[f] ?? null;
    set[col] = next[f] ?? null;
  }
  const changed = Object.keys(after);
  if (changed.length) {
    await ctx.db.updateTable('blockers').set(set).where('id', '=', b.id).execute();
    const last = await ctx.db
      .selectFrom('blocker_updates')
      .select((eb) => eb.fn.max<number>('version').as('v'))
      .where('blocker_id', '=', b.id)
      .executeTakeFirst();
    await ctx.db
      .insertInto('blocker_updates')
      .values({
        tenant_id: ctx.actor.tenantId,
        blocker_id: b.id,
        version: Number(last?.v ?? 0) + 1,
        changed_at: ctx.now,
        changed_by: ctx.actor.userId,
        previous_values: JSON.stringify(before),
        new_values: JSON.stringify(after),
      })
      .execute();
  }
  await audit(ctx, {
    clientId: t.client_id,
    action: 'wijzigen',
    resource: 'blokkade',
    detail: `${b.kind}: ${changed.length ? changed.join(', ') : 'geen wijzigingen'}`,
  });
  return blockerOf(ctx, t.id, b.id);
}
