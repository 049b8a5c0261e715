import { NotFoundError, Problems } from '../../platform/errors.js';
import { daysBetween, normalizePostcode, todayInNl } from '../../platform/validation.js';
import { FACILITY_TYPES, UNIT_KINDS } from '../../reference/reference.js';
import { auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { type Bezetting, type BezettingEenheid, toLocatieSamenvatting, unitKindLabel } from './facilities.dto.js';
import { facilityCapacity, openStaysAt } from './facilities.queries.js';
import { measuresInForce, unconfirmedStays } from './shift.service.js';

/** The locations the actor may look at (a locatiemedewerker: only the own one). */
export async function listFacilities(ctx: Ctx) {
  authorize(ctx, 'locaties.zien');
  const rows = await facilityCapacity(ctx.db, ctx.actor.tenantId).execute();
  const resultaten = rows
    .filter((r) => can(ctx.actor, 'locaties.zien', { facilityId: r.id }))
    .map(toLocatieSamenvatting);
  // issue 16: beds of bookings nobody confirmed for 48 hours, for the roles that work with the presence check
  const shown = resultaten.filter((r) => can(ctx.actor, 'aanwezigheid.zien', { facilityId: r.id }));
  if (shown.length) {
    const open = await ctx.db
      .selectFrom('stays')
      .innerJoin('units', 'units.id', 'stays.unit_id')
      .select(['stays.id', 'stays.started_on', 'stays.household_size', 'units.facility_id'])
      .where('stays.tenant_id', '=', ctx.actor.tenantId)
      .where('stays.ended_on', 'is', null)
      .where(
        'units.facility_id',
        'in',
        shown.map((r) => r.id),
      )
      .execute();
    const { flagged } = await unconfirmedStays(ctx, open);
    for (const r of shown)
      r.onbevestigd = open
        .filter((s) => s.facility_id === r.id && flagged.has(s.id))
        .reduce((n, s) => n + s.household_size, 0);
  }
  return { resultaten };
}

/** The live bed board of one location. Names only for roles that may see persons, each one logged (NEN 7513). */
export async function bedBoard(ctx: Ctx, facilityId: string): Promise<Bezetting> {
  authorize(ctx, 'locaties.zien');
  const f = await ctx.db
    .selectFrom('facilities')
    .selectAll()
    .where('id', '=', facilityId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!f || !can(ctx.actor, 'locaties.zien', { facilityId: f.id })) throw new NotFoundError('Locatie niet gevonden.');
  const units = await ctx.db
    .selectFrom('units')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('active', '=', true)
    .orderBy('is_reserve')
    .orderBy('name')
    .execute();
  const showNames = can(ctx.actor, 'locaties.bewonersZien');
  const stays = await openStaysAt(ctx.db, facilityId).execute();
  const today = todayInNl(ctx.now);
  // issue 16: the presence flag and a running schorsing, for the roles that see persons
  const presence = can(ctx.actor, 'aanwezigheid.zien', { facilityId });
  const { flagged, last } = presence
    ? await unconfirmedStays(ctx, stays)
    : { flagged: new Set<string>(), last: new Map() };
  const suspendedUntil = new Map(
    showNames
      ? (
          await measuresInForce(
            ctx,
            stays.map((s) => s.id),
            today,
          )
        )
          .filter((m) => m.kind === 'schorsing')
          .map((m) => [m.stay_id, m.ends_on as string])
      : [],
  );
  const eenheden = units.map((u): BezettingEenheid => {
    const here = stays.filter((s) => s.unit_id === u.id);
    const used = here.reduce((n, s) => n + s.household_size, 0);
    return {
      id: u.id,
      naam: u.name,
      soort: u.kind,
      soortLabel: unitKindLabel(u.kind),
      bedden: u.beds,
      reserve: u.is_reserve,
      maxHuishoudens: u.max_households,
      doelgroepen: u.target_groups,
      bezet: used,
      vrij: Math.max(0, u.beds - used),
      verblijven: here.map((s) => ({
        id: s.id,
        clientId: showNames ? s.client_id : null,
        naam: showNames ? `${s.first_name} ${s.last_name}` : null,
        sinds: s.started_on,
        nachten: daysBetween(s.started_on, today),
        huishoudgrootte: s.household_size,
        onbevestigd: presence ? flagged.has(s.id) : null,
        laatstBevestigdeNacht: presence ? (last.get(s.id) ?? null) : null,
        geschorstTot: suspendedUntil.get(s.id) ?? null,
      })),
    };
  });
  if (showNames) {
    await auditPersons(
      ctx,
      stays.map((s) => s.client_id),
      { action: 'lezen', resource: 'bezetting', detail: f.name },
    );
  }
  const sum = (pred: (u: BezettingEenheid) => boolean, key: 'bedden' | 'bezet') =>
    eenheden.filter(pred).reduce((n, u) => n + u[key], 0);
  return {
    locatie: { id: f.id, naam: f.name, type: f.type, adres: f.address, nachtopvang: f.is_night_shelter },
    totaal: {
      bedden: sum((u) => !u.reserve, 'bedden'),
      bezet: sum((u) => !u.reserve, 'bezet'),
      vrij: sum((u) => !u.reserve, 'bedden') - sum((u) => !u.reserve, 'bezet'),
      reserveBedden: sum((u) => u.reserve, 'bedden'),
      reserveBezet: sum((u) => u.reserve, 'bezet'),
      onbevestigd: presence ? stays.filter((s) => flagged.has(s.id)).reduce((n, s) => n + s.household_size, 0) : null,
    },
    eenheden,
  };
}

export async function createFacility(
  ctx: Ctx,
  input: {
    naam: string;
    type: string;
    adres: string;
    postcode?: string | null;
    gemeentecode: string;
    wijk?: string | null;
    nachtopvang?: boolean;
  },
) {
  authorize(ctx, 'locaties.beheren');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de locatie in.');
  if (!FACILITY_TYPES.some((t) => t.code === input.type)) p.add('type', 'enum', 'Kies een geldig type voorziening.');
  const postcode = input.postcode ? normalizePostcode(input.postcode) : null;
  if (input.postcode && !postcode)
    p.add('postcode', 'format', 'Een postcode is 4 cijfers en 2 letters, zoals 3311 AB.');
  const m = await ctx.db
    .selectFrom('municipalities')
    .select('code')
    .where('code', '=', input.gemeentecode ?? '')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!m) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('facilities')
    .values({
      tenant_id: ctx.actor.tenantId,
      name: input.naam.trim(),
      type: input.type,
      address: input.adres?.trim() ?? '',
      postcode,
      municipality_code: input.gemeentecode,
      wijk: input.wijk?.trim() || null,
      is_night_shelter: !!input.nachtopvang,
      latitude: null,
      longitude: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

export async function createUnit(
  ctx: Ctx,
  facilityId: string,
  input: {
    naam: string;
    soort: string;
    bedden: number;
    reserve?: boolean;
    maxHuishoudens?: number;
    doelgroepen?: string[];
  },
) {
  authorize(ctx, 'locaties.beheren');
  const f = await ctx.db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facilityId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!f) throw new NotFoundError('Locatie niet gevonden.');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de eenheid in.');
  if (!UNIT_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies een geldige soort eenheid.');
  if (!Number.isInteger(input.bedden) || input.bedden < 1 || input.bedden > 500)
    p.add('bedden', 'range', 'Aantal bedden is een geheel getal van 1 tot 500.');
  if (input.maxHuishoudens !== undefined && (!Number.isInteger(input.maxHuishoudens) || input.maxHuishoudens < 1))
    p.add('maxHuishoudens', 'range', 'Maximaal aantal huishoudens is minstens 1.');
  p.throwIfAny();
  const dup = await ctx.db
    .selectFrom('units')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('name', '=', input.naam.trim())
    .executeTakeFirst();
  if (dup) new Problems().add('naam', 'unique', 'Deze locatie heeft al een eenheid met deze naam.').throwIfAny();
  const row = await ctx.db
    .insertInto('units')
    .values({
      tenant_id: ctx.actor.tenantId,
      facility_id: facilityId,
      name: input.naam.trim(),
      kind: input.soort,
      beds: input.bedden,
      is_reserve: !!input.reserve,
      max_households: input.maxHuishoudens ?? 1,
      target_groups: input.doelgroepen ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}
