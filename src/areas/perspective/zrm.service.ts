// ZRM (Zelfredzaamheid-Matrix) measurements of a client: all life domains of the version, scores 1–5.

import { checkPastDate } from '../../platform/dates.js';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { zrmDto } from './casework.dto.js';
import { zrmRows } from './casework.queries.js';
import { labelOf, ZRM_DOMAINS, ZRM_KINDS, ZRM_VERSION, ZRM_VERSIONS } from './life-domains.js';

/** A client's measurements with the scale and domains (caller authorizes, checks visibility and audits). */
export async function zrmOf(ctx: Ctx, clientId: string) {
  return zrmDto(ctx.actor, await zrmRows(ctx, clientId));
}

/** GET /v1/clienten/{id}/zrm-metingen */
export async function listZrm(ctx: Ctx, clientId: string) {
  authorize(ctx, 'perspectief.lezen');
  await assertClientVisible(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'zrm-metingen' });
  return zrmOf(ctx, clientId);
}

export interface ZrmInput {
  datum: string;
  soort: string;
  versie?: string;
  scores: { domein: string; score: number }[];
}

/** POST /v1/clienten/{id}/zrm-metingen: a score for every domain of the version, linked to the trajectory of that date. */
export async function addZrm(ctx: Ctx, clientId: string, input: ZrmInput) {
  authorize(ctx, 'perspectief.schrijven');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (!ZRM_KINDS.some((k) => k.code === input.soort))
    p.add('soort', 'enum', 'Kies intake, tussentijds of bij uitstroom.');
  const version = input.versie ?? ZRM_VERSION;
  const domains = ZRM_VERSIONS[version];
  if (!domains) p.add('versie', 'enum', `Nieuwe metingen gebruiken de ZRM-versie ${ZRM_VERSION}.`);
  else {
    const given = new Map<string, number>();
    for (const [i, s] of (input.scores ?? []).entries()) {
      if (!domains.includes(s.domein)) p.add(`scores.${i}.domein`, 'enum', `Onbekend levensgebied '${s.domein}'.`);
      else if (given.has(s.domein))
        p.add(`scores.${i}.domein`, 'duplicate', `${labelOf(ZRM_DOMAINS, s.domein)} staat er twee keer in.`);
      if (!Number.isInteger(s.score) || s.score < 1 || s.score > 5)
        p.add(
          `scores.${i}.score`,
          'range',
          `De score voor ${labelOf(ZRM_DOMAINS, s.domein)} is een geheel getal van 1 tot en met 5.`,
        );
      given.set(s.domein, s.score);
    }
    for (const d of domains)
      if (!given.has(d))
        p.add('scores', 'missing', `Geef een score voor ${labelOf(ZRM_DOMAINS, d)}: de ZRM meet alle levensgebieden.`);
  }
  p.throwIfAny();
  // Link to the trajectory running on that date (the open one, or the one that covered the date).
  const trajectories = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'started_on', 'ended_on'])
    .where('client_id', '=', clientId)
    .orderBy('started_on', 'desc')
    .execute();
  const t = trajectories.find((x) => x.started_on <= input.datum && (!x.ended_on || x.ended_on >= input.datum)) ?? null;
  const row = await ctx.db
    .insertInto('zrm_assessments')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      trajectory_id: t?.id ?? null,
      assessed_on: input.datum,
      zrm_version: version,
      kind: input.soort,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('zrm_scores')
    .values(input.scores.map((s) => ({ assessment_id: row.id, domain: s.domein, score: s.score })))
    .execute();
  await audit(ctx, {
    clientId,
    action: 'aanmaken',
    resource: 'zrm-meting',
    detail: `${input.soort}, versie ${version}`,
  });
  const measurement = (await zrmOf(ctx, clientId)).metingen.find((m) => m.id === row.id);
  if (!measurement) throw new NotFoundError('ZRM-meting niet gevonden.');
  return measurement;
}
