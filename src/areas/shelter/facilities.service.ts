import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { requireRole } from '../../rights/visibility.js';
import { Problems, NotFoundError, ForbiddenError } from '../../platform/errors.js';
import { normalizePostcode, daysBetween, todayInNl } from '../../platform/validation.js';
import { FACILITY_TYPES, UNIT_KINDS } from '../../reference/reference.js';

function facilityScope(ctx: Ctx) {
  if (ctx.actor.role === 'client' || ctx.actor.role === 'corporatie') throw new ForbiddenError('Uw rol geeft geen toegang tot de bezetting.');
  let q = ctx.db.selectFrom('facilities').where('facilities.tenant_id', '=', ctx.actor.tenantId).where('facilities.active', '=', true);
  if (ctx.actor.role === 'locatie') q = q.where('facilities.id', '=', ctx.actor.facilityId ?? '');
  return q;
}

/** Occupancy per unit: beds taken by open stays (a household takes household_size beds). */
function occupancy(ctx: Ctx) {
  return ctx.db.selectFrom('stays').select(['unit_id', sql<number>`sum(household_size)::int`.as('beds_used'), sql<number>`count(*)::int`.as('households')])
    .where('ended_on', 'is', null).where('tenant_id', '=', ctx.actor.tenantId).groupBy('unit_id');
}

export async function listFacilities(ctx: Ctx) {
  const rows = await facilityScope(ctx)
    .leftJoin('units', (j) => j.onRef('units.facility_id', '=', 'facilities.id').on('units.active', '=', true))
    .leftJoin(occupancy(ctx).as('occ'), 'occ.unit_id', 'units.id')
    .leftJoin('municipalities', 'municipalities.code', 'facilities.municipality_code')
    .select([
      'facilities.id', 'facilities.name', 'facilities.type', 'facilities.address', 'facilities.postcode', 'facilities.wijk', 'facilities.is_night_shelter',
      'municipalities.name as municipality',
      sql<number>`count(units.id)::int`.as('units'),
      sql<number>`coalesce(sum(units.beds) filter (where not units.is_reserve), 0)::int`.as('beds'),
      sql<number>`coalesce(sum(units.beds) filter (where units.is_reserve), 0)::int`.as('reserve_beds'),
      sql<number>`coalesce(sum(occ.beds_used) filter (where not units.is_reserve), 0)::int`.as('used'),
      sql<number>`coalesce(sum(occ.beds_used) filter (where units.is_reserve), 0)::int`.as('reserve_used'),
    ])
    .groupBy(['facilities.id', 'municipalities.name']).orderBy('facilities.name').execute();
  return {
    resultaten: rows.map((r) => ({
      id: r.id, naam: r.name, type: r.type, typeLabel: FACILITY_TYPES.find((t) => t.code === r.type)?.label ?? r.type, adres: r.address, postcode: r.postcode,
      gemeente: r.municipality, wijk: r.wijk, nachtopvang: r.is_night_shelter, eenheden: r.units, bedden: r.beds, bezet: r.used, vrij: Math.max(0, r.beds - r.used),
      reserveBedden: r.reserve_beds, reserveBezet: r.reserve_used, reserveVrij: Math.max(0, r.reserve_beds - r.reserve_used),
    })),
  };
}

/** The live bed board of one location. Names only for roles that may see persons. */
export async function bedBoard(ctx: Ctx, facilityId: string) {
  const f = await facilityScope(ctx).selectAll('facilities').where('facilities.id', '=', facilityId).executeTakeFirst();
  if (!f) throw new NotFoundError('Locatie niet gevonden.');
  const units = await ctx.db.selectFrom('units').selectAll().where('facility_id', '=', facilityId).where('active', '=', true).orderBy('is_reserve').orderBy('name').execute();
  const showNames = ctx.actor.role === 'toegang' || ctx.actor.role === 'locatie';
  const stays = await ctx.db.selectFrom('stays').innerJoin('units', 'units.id', 'stays.unit_id').innerJoin('clients', 'clients.id', 'stays.client_id')
    .select(['stays.id', 'stays.unit_id', 'stays.client_id', 'stays.started_on', 'stays.household_size', 'clients.first_name', 'clients.last_name'])
    .where('units.facility_id', '=', facilityId).where('stays.ended_on', 'is', null).execute();
  const today = todayInNl(ctx.now);
  const eenheden = units.map((u) => {
    const here = stays.filter((s) => s.unit_id === u.id);
    const used = here.reduce((n, s) => n + s.household_size, 0);
    return {
      id: u.id, naam: u.name, soort: u.kind, soortLabel: UNIT_KINDS.find((k) => k.code === u.kind)?.label ?? u.kind, bedden: u.beds, reserve: u.is_reserve,
      maxHuishoudens: u.max_households, doelgroepen: u.target_groups, bezet: used, vrij: Math.max(0, u.beds - used),
      verblijven: here.map((s) => ({
        id: s.id, clientId: showNames ? s.client_id : null, naam: showNames ? `${s.first_name} ${s.last_name}` : null, sinds: s.started_on,
        nachten: daysBetween(s.started_on, today), huishoudgrootte: s.household_size,
      })),
    };
  });
  if (showNames && stays.length) {
    await audit(ctx, { clientId: null, action: 'lezen', resource: 'bezetting', detail: `${f.name}: ${stays.length} bewoners getoond` });
  }
  const sum = (pred: (u: (typeof eenheden)[number]) => boolean, key: 'bedden' | 'bezet') => eenheden.filter(pred).reduce((n, u) => n + u[key], 0);
  return {
    locatie: { id: f.id, naam: f.name, type: f.type, adres: f.address, nachtopvang: f.is_night_shelter },
    totaal: {
      bedden: sum((u) => !u.reserve, 'bedden'), bezet: sum((u) => !u.reserve, 'bezet'),
      vrij: sum((u) => !u.reserve, 'bedden') - sum((u) => !u.reserve, 'bezet'),
      reserveBedden: sum((u) => u.reserve, 'bedden'), reserveBezet: sum((u) => u.reserve, 'bezet'),
    },
    eenheden,
  };
}

export async function createFacility(ctx: Ctx, input: { naam: string; type: string; adres: string; postcode?: string | null; gemeentecode: string; wijk?: string | null; nachtopvang?: boolean }) {
  requireRole(ctx, 'beheerder');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de locatie in.');
  if (!FACILITY_TYPES.some((t) => t.code === input.type)) p.add('type', 'enum', 'Kies een geldig type voorziening.');
  const postcode = input.postcode ? normalizePostcode(input.postcode) : null;
  if (input.postcode && !postcode) p.add('postcode', 'format', 'Een postcode is 4 cijfers en 2 letters, zoals 3311 AB.');
  const m = await ctx.db.selectFrom('municipalities').select('code').where('code', '=', input.gemeentecode ?? '').where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!m) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  p.throwIfAny();
  const row = await ctx.db.insertInto('facilities').values({
    tenant_id: ctx.actor.tenantId, name: input.naam.trim(), type: input.type, address: input.adres?.trim() ?? '', postcode, municipality_code: input.gemeentecode,
    wijk: input.wijk?.trim() || null, is_night_shelter: !!input.nachtopvang, latitude: null, longitude: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}

export async function createUnit(ctx: Ctx, facilityId: string, input: { naam: string; soort: string; bedden: number; reserve?: boolean; maxHuishoudens?: number; doelgroepen?: string[] }) {
  requireRole(ctx, 'beheerder');
  const f = await ctx.db.selectFrom('facilities').select('id').where('id', '=', facilityId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!f) throw new NotFoundError('Locatie niet gevonden.');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de eenheid in.');
  if (!UNIT_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies een geldige soort eenheid.');
  if (!Number.isInteger(input.bedden) || input.bedden < 1 || input.bedden > 500) p.add('bedden', 'range', 'Aantal bedden is een geheel getal van 1 tot 500.');
  if (input.maxHuishoudens !== undefined && (!Number.isInteger(input.maxHuishoudens) || input.maxHuishoudens < 1)) p.add('maxHuishoudens', 'range', 'Maximaal aantal huishoudens is minstens 1.');
  p.throwIfAny();
  const dup = await ctx.db.selectFrom('units').select('id').where('facility_id', '=', facilityId).where('name', '=', input.naam.trim()).executeTakeFirst();
  if (dup) new Problems().add('naam', 'unique', 'Deze locatie heeft al een eenheid met deze naam.').throwIfAny();
  const row = await ctx.db.insertInto('units').values({
    tenant_id: ctx.actor.tenantId, facility_id: facilityId, name: input.naam.trim(), kind: input.soort, beds: input.bedden, is_reserve: !!input.reserve,
    max_households: input.maxHuishoudens ?? 1, target_groups: input.doelgroepen ?? [],
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}
