// Woonplekken: homes of corporations (and the gemeente or private landlords) for clients leaving the shelter.

import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, normalizePostcode } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { actorCorporation } from './corporations.service.js';
import { corporationExists, municipalityNames, unitQuery } from './housing.queries.js';
import { AGE_GROUPS, SUPPORT_LEVELS, UNIT_TYPES } from './matching.js';
import { unitDto } from './units.dto.js';

interface NewUnitInput {
  corporatieId?: string | null;
  type: string;
  adres: string;
  postcode?: string | null;
  gemeentecode: string;
  wijk?: string | null;
  kamers: number;
  oppervlakte: number;
  huur: number;
  beschikbaarVanaf: string;
  huishoudenMin?: number;
  huishoudenMax?: number;
  leeftijdsgroep?: string;
  ondersteuning?: string;
  voorwaarden?: string | null;
}

const cents = (eur: number) => Math.round(eur * 100);

export async function listUnits(ctx: Ctx, q: { status?: string; gemeentecode?: string; corporatieId?: string } = {}) {
  authorize(ctx, 'wonen.zien');
  const own = await actorCorporation(ctx);
  let query = unitQuery(ctx);
  if (own) query = query.where('housing_units.corporation_id', '=', own);
  if (q.status) query = query.where('housing_units.status', '=', q.status);
  if (q.gemeentecode) query = query.where('housing_units.municipality_code', '=', q.gemeentecode);
  if (q.corporatieId) query = query.where('housing_units.corporation_id', '=', q.corporatieId);
  const rows = await query
    .orderBy('housing_units.status')
    .orderBy('housing_units.available_from')
    .orderBy('housing_units.address')
    .execute();
  const names = await municipalityNames(ctx);
  return { resultaten: rows.map((r) => unitDto(ctx.actor, r, names)) };
}

/** One home of the tenant; a corporatiemedewerker gets 404 for another corporation's homes. */
export async function loadUnit(ctx: Ctx, id: string, lock = false) {
  const own = await actorCorporation(ctx);
  let q = unitQuery(ctx).where('housing_units.id', '=', id);
  if (own) q = q.where('housing_units.corporation_id', '=', own);
  const row = lock ? await q.forUpdate('housing_units').executeTakeFirst() : await q.executeTakeFirst();
  if (!row) throw new NotFoundError('Woonplek niet gevonden.');
  return row;
}

export async function getUnit(ctx: Ctx, id: string) {
  authorize(ctx, 'wonen.zien');
  return unitDto(ctx.actor, await loadUnit(ctx, id), await municipalityNames(ctx));
}

export async function createHousingUnit(ctx: Ctx, input: NewUnitInput) {
  authorize(ctx, 'wonen.woonplekkenBeheren');
  const own = await actorCorporation(ctx);
  const p = new Problems();
  const corpId = own ?? input.corporatieId ?? null; // a corporatiemedewerker registers for the own corporation only
  if (!UNIT_TYPES.some((t) => t.code === input.type)) p.add('type', 'enum', 'Kies een type woonplek uit de lijst.');
  if (!input.adres?.trim()) p.add('adres', 'required', 'Vul het adres in.');
  const postcode = input.postcode ? normalizePostcode(input.postcode) : null;
  if (input.postcode && !postcode)
    p.add('postcode', 'format', 'Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 3311AB.');
  const names = await municipalityNames(ctx);
  if (!names.has(input.gemeentecode)) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  if (!Number.isInteger(input.kamers) || input.kamers < 1 || input.kamers > 12)
    p.add('kamers', 'range', 'Aantal kamers is een geheel getal van 1 tot 12.');
  if (!Number.isFinite(input.oppervlakte) || input.oppervlakte < 8 || input.oppervlakte > 400)
    p.add('oppervlakte', 'range', 'Oppervlakte is 8 tot 400 m².');
  if (!Number.isFinite(input.huur) || input.huur < 0 || input.huur > 5000)
    p.add('huur', 'range', 'Huur per maand is een bedrag van € 0 tot € 5.000.');
  if (!input.beschikbaarVanaf || !isIsoDate(input.beschikbaarVanaf))
    p.add('beschikbaarVanaf', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  const hmin = input.huishoudenMin ?? 1,
    hmax = input.huishoudenMax ?? Math.max(hmin, 1);
  if (!Number.isInteger(hmin) || hmin < 1 || hmin > 15)
    p.add('huishoudenMin', 'range', 'Minimale huishoudgrootte is 1 tot 15.');
  if (!Number.isInteger(hmax) || hmax < hmin || hmax > 15)
    p.add('huishoudenMax', 'range', 'Maximale huishoudgrootte is minstens de minimale en hoogstens 15.');
  const age = input.leeftijdsgroep ?? 'alle';
  if (!AGE_GROUPS.some((a) => a.code === age)) p.add('leeftijdsgroep', 'enum', 'Kies alle, jongeren of 55plus.');
  const support = input.ondersteuning ?? (input.type === 'housing-first' ? 'housing-first' : 'licht');
  if (!SUPPORT_LEVELS.some((s) => s.code === support))
    p.add('ondersteuning', 'enum', 'Kies het niveau van ondersteuning dat hier beschikbaar is.');
  if (input.type === 'housing-first' && support !== 'housing-first')
    p.add('ondersteuning', 'housing-first', 'Een Housing First-woning heeft Housing First-ondersteuning.');
  if (input.type === 'onder-de-pannen' && hmax > 1)
    p.add('huishoudenMax', 'range', 'Een kamer bij een gastgezin is voor één persoon.');
  if (corpId) {
    if (!(await corporationExists(ctx, corpId))) p.add('corporatieId', 'unknown', 'Onbekende corporatie.');
  } else if (input.type === 'corporatie' || input.type === 'housing-first')
    p.add('corporatieId', 'required', 'Kies de corporatie die deze woning verhuurt.');
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('housing_units')
    .values({
      tenant_id: ctx.actor.tenantId,
      corporation_id: corpId,
      type: input.type,
      address: input.adres.trim(),
      postcode,
      municipality_code: input.gemeentecode,
      wijk: input.wijk?.trim() || null,
      rooms: input.kamers,
      area_m2: Math.round(input.oppervlakte),
      rent_cents: cents(input.huur),
      available_from: input.beschikbaarVanaf,
      household_min: hmin,
      household_max: hmax,
      age_group: age,
      support_max: support,
      conditions: input.voorwaarden?.trim() || null,
      status: 'beschikbaar',
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return unitDto(ctx.actor, await loadUnit(ctx, row.id), names);
}

/** Manual status changes only between beschikbaar and niet-beschikbaar; the rest follows the offers. */
export async function changeUnitStatus(ctx: Ctx, id: string, status: string) {
  authorize(ctx, 'wonen.woonplekStatusWijzigen');
  const u = await loadUnit(ctx, id, true);
  if (!['beschikbaar', 'niet-beschikbaar'].includes(status))
    new Problems()
      .add(
        'status',
        'enum',
        'Zet een woonplek op beschikbaar of niet-beschikbaar; aangeboden en verhuurd volgen uit de aanbiedingen.',
      )
      .throwIfAny();
  if (!['beschikbaar', 'niet-beschikbaar'].includes(u.status))
    throw new ConflictError(`Deze woonplek is ${u.status}; de status volgt nu de aanbieding.`);
  await ctx.db.updateTable('housing_units').set({ status }).where('id', '=', id).execute();
  return getUnit(ctx, id);
}
