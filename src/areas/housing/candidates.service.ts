// Woonkandidaten: clients with an open trajectory reported woonklaar (ready to live on their own).

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { candidateDto } from './candidates.dto.js';
import { candidateQuery, municipalityNames } from './housing.queries.js';
import { SUPPORT_LEVELS, URGENCIES } from './matching.js';

interface CandidateInput {
  clientId: string;
  huishoudgrootte: number;
  nettoInkomen: number;
  ondersteuning: string;
  voorkeursgemeenten?: string[];
  netwerkgemeente?: string | null;
  urgentie?: string;
  woonklaarSinds: string;
}

const cents = (eur: number) => Math.round(eur * 100);

export async function markReady(ctx: Ctx, input: CandidateInput) {
  authorize(ctx, 'wonen.kandidatenBeheren');
  await assertClientVisible(ctx, input.clientId);
  const names = await municipalityNames(ctx);
  const p = new Problems();
  if (!Number.isInteger(input.huishoudgrootte) || input.huishoudgrootte < 1 || input.huishoudgrootte > 15)
    p.add('huishoudgrootte', 'range', 'Huishoudgrootte is een geheel getal van 1 tot 15.');
  if (!Number.isFinite(input.nettoInkomen) || input.nettoInkomen < 0 || input.nettoInkomen > 20_000)
    p.add('nettoInkomen', 'range', 'Netto maandinkomen is een bedrag van € 0 tot € 20.000.');
  if (!SUPPORT_LEVELS.some((s) => s.code === input.ondersteuning))
    p.add('ondersteuning', 'enum', 'Kies geen, licht, intensief of Housing First.');
  const prefs = [...new Set(input.voorkeursgemeenten ?? [])];
  if (prefs.some((m) => !names.has(m)))
    p.add('voorkeursgemeenten', 'unknown', 'Kies voorkeursgemeenten uit de eigen regio.');
  if (input.netwerkgemeente && !names.has(input.netwerkgemeente))
    p.add('netwerkgemeente', 'unknown', 'Kies de netwerkgemeente uit de eigen regio.');
  const urgency = input.urgentie ?? 'normaal';
  if (!URGENCIES.some((u) => u.code === urgency)) p.add('urgentie', 'enum', 'Kies normaal, hoog of urgent.');
  checkPastDate(p, ctx, 'woonklaarSinds', input.woonklaarSinds);
  p.throwIfAny();
  const t = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'started_on'])
    .where('client_id', '=', input.clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (!t)
    throw new ConflictError(
      'Deze cliënt heeft geen open traject; alleen cliënten met een open traject kunnen woonklaar worden gemeld.',
    );
  if (input.woonklaarSinds < t.started_on)
    new Problems()
      .add(
        'woonklaarSinds',
        'range',
        `Woonklaar kan niet vóór de start van het traject (${datumTekst(t.started_on)}) liggen.`,
      )
      .throwIfAny();
  const active = await ctx.db
    .selectFrom('housing_candidates')
    .select('id')
    .where('client_id', '=', input.clientId)
    .where('status', '=', 'woonklaar')
    .executeTakeFirst();
  if (active) throw new ConflictError('Deze cliënt staat al als woonklaar geregistreerd.');
  const row = await ctx.db
    .insertInto('housing_candidates')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: input.clientId,
      trajectory_id: t.id,
      household_size: input.huishoudgrootte,
      net_income_cents: cents(input.nettoInkomen),
      support_level: input.ondersteuning,
      preferred_municipalities: prefs,
      network_municipality_code: input.netwerkgemeente ?? null,
      urgency,
      ready_since: input.woonklaarSinds,
      status: 'woonklaar',
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'woonkandidaat' });
  return getCandidate(ctx, row.id);
}

/** A candidate the user may see (other tenants and invisible clients: 404). */
export async function loadCandidate(ctx: Ctx, id: string) {
  authorize(ctx, 'wonen.kandidatenZien');
  const c = await candidateQuery(ctx).where('housing_candidates.id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('Woonkandidaat niet gevonden.');
  return c;
}

export async function getCandidate(ctx: Ctx, id: string) {
  const c = await loadCandidate(ctx, id);
  await audit(ctx, { clientId: c.client_id, action: 'lezen', resource: 'woonkandidaat' });
  return candidateDto(ctx.actor, c, await municipalityNames(ctx), todayInNl(ctx.now));
}

/** Candidates with a status (default woonklaar), oldest first; one audit row per person listed. */
export async function listCandidates(ctx: Ctx, q: { status?: string; clientId?: string } = {}) {
  authorize(ctx, 'wonen.kandidatenZien');
  let query = candidateQuery(ctx).where('housing_candidates.status', '=', q.status ?? 'woonklaar');
  if (q.clientId) query = query.where('housing_candidates.client_id', '=', q.clientId);
  const rows = await query.orderBy('housing_candidates.ready_since').orderBy('housing_candidates.id').execute();
  // only the persons actually shown: a clientId of another tenant finds nobody and is not logged
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'zoeken', resource: 'woonkandidaten', detail: `${rows.length} resultaten` },
  );
  const names = await municipalityNames(ctx);
  const today = todayInNl(ctx.now);
  return { resultaten: rows.map((r) => candidateDto(ctx.actor, r, names, today)) };
}
