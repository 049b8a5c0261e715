// Issue 17 — managing a facility's public page (rights line openbarePagina.beheren: beleid for every facility of the
// tenant, the locatie user for its own): the texts, the next meeting, and the agreements with the neighbourhood,
// each judged kept or not kept with a date and a note. The public page and the liveability monitor read the same rows.
import type { z } from '@hono/zod-openapi';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { cleanText } from './abuse.js';
import type { BuurtafspraakBeoordeling, NieuweBuurtafspraak, OpenbarePaginaWijziging } from './public-page.dto.js';
import { FACILITY_KINDS } from './reference.js';

type Stand = 'loopt' | 'nagekomen' | 'niet-nagekomen';
const standOf = (kept: boolean | null): Stand => (kept === null ? 'loopt' : kept ? 'nagekomen' : 'niet-nagekomen');
const keptOf = (stand: Stand): boolean | null => (stand === 'loopt' ? null : stand === 'nagekomen');

/** The facility, visible to this user (the locatie user sees only the page of its own facility), or 404. */
async function facilityFor(ctx: Ctx, id: string) {
  authorize(ctx, 'buurtmeldingen.zien');
  const p = await ctx.db
    .selectFrom('public_facilities as p')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .selectAll('p')
    .select('w.name as wijk')
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p || (!can(ctx.actor, 'buurt.alleLocaties') && p.facility_id !== ctx.actor.facilityId))
    throw new NotFoundError('Deze openbare pagina bestaat niet of valt buiten uw locatie.');
  return p;
}

export async function publicPageForStaff(ctx: Ctx, id: string) {
  const p = await facilityFor(ctx, id);
  const today = todayInNl(ctx.now);
  const agreements = await ctx.db
    .selectFrom('neighbourhood_agreements')
    .selectAll()
    .where('public_facility_id', '=', id)
    .orderBy('made_on', 'desc')
    .orderBy('what')
    .execute();
  return {
    id: p.id,
    slug: p.slug,
    naam: p.name,
    soort: (FACILITY_KINDS as Record<string, string>)[p.kind] ?? p.kind,
    wijk: p.wijk,
    omschrijving: p.description,
    openSinds: p.open_since,
    zorgaanbieder: p.care_provider,
    bereikbaarheid: p.management_contact,
    volgendeBijeenkomst: p.next_meeting_on,
    plaatsBijeenkomst: p.next_meeting_place,
    gepubliceerd: p.published,
    afspraken: agreements.map((a) => ({
      id: a.id,
      gemaaktOp: a.made_on,
      wie: a.who,
      wat: a.what,
      uiterlijk: a.due_on,
      stand: standOf(a.kept),
      beoordeeldOp: a.judged_on,
      toelichting: a.judgement_note,
      telaat: a.kept === null && a.due_on !== null && a.due_on < today,
    })),
    magBeheren: can(ctx.actor, 'openbarePagina.beheren', { facilityId: p.facility_id }),
  };
}

export async function updatePublicPage(ctx: Ctx, id: string, input: z.infer<typeof OpenbarePaginaWijziging>) {
  const p = await facilityFor(ctx, id);
  authorize(ctx, 'openbarePagina.beheren', { facilityId: p.facility_id });
  const problems = new Problems();
  const today = todayInNl(ctx.now);
  if (input.openSinds && input.openSinds > today)
    problems.add('openSinds', 'toekomst', 'Een locatie die nog niet open is, heeft nog geen datum van opening.');
  if (input.volgendeBijeenkomst && input.volgendeBijeenkomst < today)
    problems.add('volgendeBijeenkomst', 'verleden', 'De volgende bijeenkomst ligt vandaag of later.');
  const plaats = input.plaatsBijeenkomst ? cleanText(input.plaatsBijeenkomst) || null : null;
  if (input.volgendeBijeenkomst && !plaats)
    problems.add('plaatsBijeenkomst', 'verplicht', 'Vul in waar de bijeenkomst is.');
  const bereikbaarheid = cleanText(input.bereikbaarheid);
  if (input.gepubliceerd && !bereikbaarheid)
    problems.add('bereikbaarheid', 'verplicht', 'Vul in hoe buurtbewoners de leiding van de locatie bereiken.');
  problems.throwIfAny();
  await ctx.db
    .updateTable('public_facilities')
    .set({
      description: cleanText(input.omschrijving),
      open_since: input.openSinds,
      care_provider: cleanText(input.zorgaanbieder),
      management_contact: bereikbaarheid,
      next_meeting_on: input.volgendeBijeenkomst,
      next_meeting_place: input.volgendeBijeenkomst ? plaats : null,
      published: input.gepubliceerd,
    })
    .where('id', '=', id)
    .execute();
  return publicPageForStaff(ctx, id);
}

export async function addPublicAgreement(ctx: Ctx, id: string, input: z.infer<typeof NieuweBuurtafspraak>) {
  const p = await facilityFor(ctx, id);
  authorize(ctx, 'openbarePagina.beheren', { facilityId: p.facility_id });
  const problems = new Problems();
  const wie = cleanText(input.wie);
  const wat = cleanText(input.wat);
  if (!wie) problems.add('wie', 'verplicht', 'Vul in wie de afspraak uitvoert.');
  if (!wat) problems.add('wat', 'verplicht', 'Beschrijf de afspraak.');
  if (input.gemaaktOp > todayInNl(ctx.now))
    problems.add('gemaaktOp', 'toekomst', 'Een afspraak is niet in de toekomst gemaakt.');
  if (input.uiterlijk && input.uiterlijk < input.gemaaktOp)
    problems.add('uiterlijk', 'volgorde', 'De einddatum ligt niet vóór de datum van de afspraak.');
  problems.throwIfAny();
  await ctx.db
    .insertInto('neighbourhood_agreements')
    .values({
      tenant_id: ctx.actor.tenantId,
      public_facility_id: id,
      made_on: input.gemaaktOp,
      who: wie,
      what: wat,
      due_on: input.uiterlijk ?? null,
    })
    .execute();
  return publicPageForStaff(ctx, id);
}

/** Judges an agreement: kept or not kept on a date (with a note), or back to "loopt". */
export async function judgeAgreement(ctx: Ctx, agreementId: string, input: z.infer<typeof BuurtafspraakBeoordeling>) {
  const a = await ctx.db
    .selectFrom('neighbourhood_agreements')
    .select(['id', 'public_facility_id', 'made_on'])
    .where('id', '=', agreementId)
    .executeTakeFirst();
  if (!a?.public_facility_id) throw new NotFoundError('Deze afspraak bestaat niet.');
  const p = await facilityFor(ctx, a.public_facility_id);
  authorize(ctx, 'openbarePagina.beheren', { facilityId: p.facility_id });
  const problems = new Problems();
  const judged = input.stand !== 'loopt';
  if (judged && !input.beoordeeldOp)
    problems.add('beoordeeldOp', 'verplicht', 'Vul in op welke datum is beoordeeld of de afspraak is nagekomen.');
  if (judged && input.beoordeeldOp && input.beoordeeldOp > todayInNl(ctx.now))
    problems.add('beoordeeldOp', 'toekomst', 'Een beoordeling ligt niet in de toekomst.');
  if (judged && input.beoordeeldOp && input.beoordeeldOp < a.made_on)
    problems.add('beoordeeldOp', 'volgorde', 'De beoordeling ligt niet vóór de datum van de afspraak.');
  problems.throwIfAny();
  const note = input.toelichting ? cleanText(input.toelichting) || null : null;
  await ctx.db
    .updateTable('neighbourhood_agreements')
    .set({
      kept: keptOf(input.stand),
      judged_on: judged ? (input.beoordeeldOp ?? null) : null,
      judgement_note: judged ? note : null,
    })
    .where('id', '=', agreementId)
    .execute();
  return publicPageForStaff(ctx, a.public_facility_id);
}
