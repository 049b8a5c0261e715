// Issue 20: veldwerk — contacts of field workers with a known client or an anonymous person, on a point of the
// region map — and the yearly point-in-time count of people sleeping rough (the "buitenslapers" figure).
import { checkPastDate } from '../../platform/dates.js';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { labelOf, SITUATIONS } from './homelessness.dto.js';

/** The frame of the region map (WGS84): Drechtsteden and Alblasserwaard; other tenants use the same frame check. */
export const REGION_FRAME = { minBreedte: 51.74, maxBreedte: 51.92, minLengte: 4.52, maxLengte: 5.02 };

export interface NewContact {
  datum: string;
  clientId?: string | null;
  anoniemId?: string | null;
  anoniem?: { beschrijving: string; geschatteLeeftijd?: number | null } | null;
  slaapplek: string;
  breedtegraad?: number | null;
  lengtegraad?: number | null;
  plek?: string | null;
  aangeboden: string[];
  notitie?: string | null;
}

export async function recordContact(ctx: Ctx, input: NewContact) {
  authorize(ctx, 'veldwerk.vastleggen');
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  const who = [input.clientId, input.anoniemId, input.anoniem].filter(Boolean).length;
  if (who !== 1)
    p.add(
      'clientId',
      'required',
      'Kies één persoon: een bekende cliënt, een eerder beschreven persoon of een nieuwe beschrijving.',
    );
  if (input.anoniem) {
    if (!input.anoniem.beschrijving.trim())
      p.add('anoniem.beschrijving', 'required', 'Beschrijf de persoon (bijvoorbeeld kleding, lengte).');
    const age = input.anoniem.geschatteLeeftijd;
    if (age != null && (!Number.isInteger(age) || age < 12 || age > 100))
      p.add('anoniem.geschatteLeeftijd', 'range', 'Geschatte leeftijd: een heel getal van 12 tot 100.');
  }
  const hasLat = input.breedtegraad != null;
  const hasLon = input.lengtegraad != null;
  if (hasLat !== hasLon) p.add('lengtegraad', 'required', 'Kies een punt op de kaart (beide coördinaten).');
  if (hasLat && hasLon) {
    const f = REGION_FRAME;
    if (
      input.breedtegraad! < f.minBreedte ||
      input.breedtegraad! > f.maxBreedte ||
      input.lengtegraad! < f.minLengte ||
      input.lengtegraad! > f.maxLengte
    )
      p.add('breedtegraad', 'range', 'Het punt ligt buiten de kaart van de regio.');
  }
  if (!hasLat && !input.plek?.trim()) p.add('plek', 'required', 'Kies een punt op de kaart of beschrijf de plek.');
  if (new Set(input.aangeboden).size !== input.aangeboden.length)
    p.add('aangeboden', 'duplicate', 'Elk aanbod één keer.');
  p.throwIfAny();
  if (input.clientId) await assertClientVisible(ctx, input.clientId);
  let anonId = input.anoniemId ?? null;
  if (anonId) {
    const a = await ctx.db
      .selectFrom('anonymous_persons')
      .select('id')
      .where('id', '=', anonId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!a) throw new NotFoundError('Deze persoon is niet bekend.');
  }
  if (input.anoniem) {
    const a = await ctx.db
      .insertInto('anonymous_persons')
      .values({
        tenant_id: ctx.actor.tenantId,
        description: input.anoniem.beschrijving.trim(),
        estimated_age: input.anoniem.geschatteLeeftijd ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    anonId = a.id;
  }
  const row = await ctx.db
    .insertInto('outreach_contacts')
    .values({
      tenant_id: ctx.actor.tenantId,
      contact_on: input.datum,
      client_id: input.clientId ?? null,
      anonymous_person_id: input.clientId ? null : anonId,
      sleeping_situation: input.slaapplek,
      latitude: input.breedtegraad ?? null,
      longitude: input.lengtegraad ?? null,
      place_label: input.plek?.trim() || null,
      offered: input.aangeboden,
      notes: input.notitie?.trim() || null,
      recorded_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: input.clientId ?? null,
    action: 'aanmaken',
    resource: 'veldwerkcontact',
    detail: row.id,
  });
  const [c] = await contactRows(ctx).where('o.id', '=', row.id).execute();
  return toContact(c!);
}

function contactRows(ctx: Ctx) {
  return ctx.db
    .selectFrom('outreach_contacts as o')
    .leftJoin('clients as c', 'c.id', 'o.client_id')
    .leftJoin('anonymous_persons as a', 'a.id', 'o.anonymous_person_id')
    .select([
      'o.id',
      'o.contact_on',
      'o.client_id',
      'o.anonymous_person_id',
      'c.first_name',
      'c.last_name',
      'a.description',
      'o.sleeping_situation',
      'o.latitude',
      'o.longitude',
      'o.place_label',
      'o.offered',
      'o.notes',
    ])
    .where('o.tenant_id', '=', ctx.actor.tenantId);
}
type ContactRow = Awaited<ReturnType<ReturnType<typeof contactRows>['execute']>>[number];
const toContact = (r: ContactRow) => ({
  id: r.id,
  datum: r.contact_on,
  clientId: r.client_id,
  anoniemId: r.anonymous_person_id,
  naam: r.client_id ? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() : (r.description ?? ''),
  slaapplek: r.sleeping_situation,
  slaapplekLabel: labelOf(SITUATIONS, r.sleeping_situation),
  breedtegraad: r.latitude,
  lengtegraad: r.longitude,
  plek: r.place_label,
  aangeboden: r.offered,
  notitie: r.notes,
});

export async function listContacts(ctx: Ctx, q: { van?: string }) {
  authorize(ctx, 'veldwerk.zien');
  const van = q.van ?? addDays(todayInNl(ctx.now), -90);
  if (!isIsoDate(van)) new Problems().add('van', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).').throwIfAny();
  const rows = await contactRows(ctx)
    .where('o.contact_on', '>=', van)
    .orderBy('o.contact_on', 'desc')
    .orderBy('o.id')
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'lezen', resource: 'veldwerkcontacten' },
  );
  return { resultaten: rows.map(toContact), regio: REGION_FRAME };
}

export async function listAnonymous(ctx: Ctx) {
  authorize(ctx, 'veldwerk.zien');
  const rows = await ctx.db
    .selectFrom('anonymous_persons as a')
    .leftJoin('outreach_contacts as o', 'o.anonymous_person_id', 'a.id')
    .select(['a.id', 'a.description', 'a.estimated_age'])
    .select((eb) => eb.fn.max('o.contact_on').as('last'))
    .where('a.tenant_id', '=', ctx.actor.tenantId)
    .where('a.client_id', 'is', null)
    .groupBy(['a.id', 'a.description', 'a.estimated_age'])
    .orderBy('a.description')
    .execute();
  return {
    resultaten: rows.map((r) => ({
      id: r.id,
      beschrijving: r.description,
      geschatteLeeftijd: r.estimated_age,
      laatsteContact: (r.last as string | null) ?? null,
    })),
  };
}

// ----- telling buitenslapers -----
export async function recordStreetCount(ctx: Ctx, input: { datum: string; gebied: string; aantal: number }) {
  authorize(ctx, 'telling.vastleggen');
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (!input.gebied.trim()) p.add('gebied', 'required', 'Vul het gebied van de telling in.');
  if (!Number.isInteger(input.aantal) || input.aantal < 0 || input.aantal > 10000)
    p.add('aantal', 'range', 'Aantal: een heel getal van 0 tot 10.000.');
  p.throwIfAny();
  const exists = await ctx.db
    .selectFrom('street_counts')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('counted_on', '=', input.datum)
    .where('area', '=', input.gebied.trim())
    .executeTakeFirst();
  if (exists) new Problems().add('gebied', 'duplicate', 'Dit gebied is op deze dag al geteld.').throwIfAny();
  const row = await ctx.db
    .insertInto('street_counts')
    .values({
      tenant_id: ctx.actor.tenantId,
      counted_on: input.datum,
      area: input.gebied.trim(),
      number: input.aantal,
      recorded_by: ctx.actor.userId,
    })
    .returning(['id', 'counted_on', 'area', 'number'])
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: null,
    action: 'aanmaken',
    resource: 'telling',
    detail: `${row.counted_on} ${row.area}`,
  });
  return { id: row.id, datum: row.counted_on, gebied: row.area, aantal: row.number };
}

export async function listStreetCounts(ctx: Ctx) {
  authorize(ctx, 'telling.zien');
  const rows = await ctx.db
    .selectFrom('street_counts')
    .select(['id', 'counted_on', 'area', 'number'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('counted_on', 'desc')
    .orderBy('area')
    .execute();
  const perYear = new Map<number, { aantal: number; gebieden: number }>();
  for (const r of rows) {
    const y = Number(r.counted_on.slice(0, 4));
    const cur = perYear.get(y) ?? { aantal: 0, gebieden: 0 };
    perYear.set(y, { aantal: cur.aantal + r.number, gebieden: cur.gebieden + 1 });
  }
  return {
    perJaar: [...perYear.entries()].sort((a, b) => a[0] - b[0]).map(([jaar, v]) => ({ jaar, ...v })),
    resultaten: rows.map((r) => ({ id: r.id, datum: r.counted_on, gebied: r.area, aantal: r.number })),
  };
}
