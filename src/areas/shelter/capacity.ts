// Capacity over time (issue 13): on no night may a unit hold more persons than beds, or more households than it
// allows, and no person may sleep in two beds in the same night — whatever the order of placements, moves,
// back-dated entries, corrections and merges.
//
// How every service that changes stays uses it, inside its own transaction:
//   1. lockUnitForNights(ctx, unitId)  — SELECT … FOR UPDATE on the unit row, BEFORE reading or writing its stays;
//      two transactions changing the same unit are serialised here (PostgreSQL and PGlite alike);
//   2. write the stay (insert, end, move, correct);
//   3. assertUnitNights(ctx, unit, from, to) — every night in [from, to) of that unit, read after the write;
//      assertPersonNights(ctx, clientId, from, to) — the person's stays in the same range.
// A violation throws a ConflictError (409) naming the night and the room, and the transaction rolls back.
//
// A night is the night that starts on a date d; a stay [started_on, ended_on) sleeps the nights started_on …
// ended_on − 1 (a same-day stay sleeps none). An open stay holds its bed on every night from its start on, also
// future ones (that is what keeps the bed free for nobody else).
import { sql } from 'kysely';
import { datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { addDays } from '../../platform/validation.js';
import { SETTING_DEFAULTS } from '../../reference/tenant-settings.js';
import type { Ctx } from '../../rights/context.js';

export interface LockedUnit {
  id: string;
  name: string;
  beds: number;
  max_households: number;
  active: boolean;
  facility_id: string;
  facility_name: string;
}

/** '2026-11-21' → '21 november 2026' (issue 16: the one server helper, src/platform/dates.ts). */
export function dutchDate(d: string): string {
  return datumTekst(d);
}
/** The night of date d in words: "de nacht van 21 op 22 november 2026". */
export function nightText(d: string): string {
  const next = addDays(d, 1);
  const a = dutchDate(d).split(' ');
  const b = dutchDate(next).split(' ');
  if (a[2] !== b[2]) return `de nacht van ${dutchDate(d)} op ${dutchDate(next)}`;
  if (a[1] !== b[1]) return `de nacht van ${a[0]} ${a[1]} op ${dutchDate(next)}`;
  return `de nacht van ${a[0]} op ${dutchDate(next)}`;
}

/** Locks the unit row for the rest of the transaction; 404 for an unknown, inactive or other tenant's unit. */
export async function lockUnitForNights(ctx: Ctx, unitId: string): Promise<LockedUnit> {
  const unit = await ctx.db
    .selectFrom('units')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select([
      'units.id',
      'units.name',
      'units.beds',
      'units.max_households',
      'units.active',
      'facilities.id as facility_id',
      'facilities.name as facility_name',
    ])
    .where('units.id', '=', unitId)
    .where('units.tenant_id', '=', ctx.actor.tenantId)
    .forUpdate('units')
    .executeTakeFirst();
  if (!unit) throw new NotFoundError('Eenheid niet gevonden.');
  return unit;
}

interface NightStay {
  id: string;
  client_id: string;
  started_on: string;
  ended_on: string | null;
  household_size: number;
}

/** Stays that sleep at least one night in [from, to) (to null: open-ended). */
function sleepsIn(from: string, to: string | null) {
  return (s: NightStay) =>
    (to === null || s.started_on < to) && (s.ended_on === null || (s.ended_on > from && s.ended_on > s.started_on));
}
const sleepsOn = (d: string) => (s: NightStay) => s.started_on <= d && (s.ended_on === null || s.ended_on > d);

/** Candidate nights where the load can peak inside [from, to): the first night and every start after it. */
function peakNights(stays: NightStay[], from: string, to: string | null): string[] {
  const nights = new Set([from]);
  for (const s of stays) if (s.started_on > from && (to === null || s.started_on < to)) nights.add(s.started_on);
  return [...nights].sort();
}

/** The first night in [from, to) on which the unit holds more persons than beds or more households than allowed. */
export async function unitOverload(ctx: Ctx, unit: LockedUnit, from: string, to: string | null) {
  if (to !== null && to <= from) return null;
  const stays = (
    await ctx.db
      .selectFrom('stays')
      .select(['id', 'client_id', 'started_on', 'ended_on', 'household_size'])
      .where('unit_id', '=', unit.id)
      .$if(to !== null, (q) => q.where('started_on', '<', to!))
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', from)]))
      .execute()
  ).filter(sleepsIn(from, to));
  for (const d of peakNights(stays, from, to)) {
    const here = stays.filter(sleepsOn(d));
    const persons = here.reduce((n, s) => n + s.household_size, 0);
    if (persons > unit.beds || here.length > unit.max_households) return { night: d, persons, households: here.length };
  }
  return null;
}

/** Throws 409 naming the night and the room when any night in [from, to) of the unit is over capacity. */
export async function assertUnitNights(ctx: Ctx, unit: LockedUnit, from: string, to: string | null): Promise<void> {
  const over = await unitOverload(ctx, unit, from, to);
  if (!over) return;
  const beds = `${unit.beds} ${unit.beds === 1 ? 'bed' : 'bedden'}`;
  const why =
    over.persons > unit.beds
      ? `${over.persons} personen voor ${beds}`
      : `${over.households} huishoudens, terwijl er ${unit.max_households} ${unit.max_households === 1 ? 'mag' : 'mogen'}`;
  throw new ConflictError(
    `${unit.name} in ${unit.facility_name} is vol in ${nightText(over.night)}: dit zou ${why} geven. Kies een andere eenheid of een andere datum.`,
  );
}

/** Throws 409 when the client would sleep in two beds in one night of [from, to). */
export async function assertPersonNights(ctx: Ctx, clientId: string, from: string, to: string | null): Promise<void> {
  if (to !== null && to <= from) return;
  const stays = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.started_on',
      'stays.ended_on',
      'stays.household_size',
      'units.name as unit_name',
    ])
    .where('stays.client_id', '=', clientId)
    .$if(to !== null, (q) => q.where('stays.started_on', '<', to!))
    .where((eb) => eb.or([eb('stays.ended_on', 'is', null), eb('stays.ended_on', '>', from)]))
    .orderBy('stays.started_on')
    .execute();
  const sleeping = stays.filter(sleepsIn(from, to));
  for (const d of peakNights(sleeping, from, to)) {
    const here = sleeping.filter(sleepsOn(d));
    if (here.length > 1) {
      const names = here.map((s) => (s as (typeof stays)[number]).unit_name);
      throw new ConflictError(
        `Deze cliënt zou in ${nightText(d)} in twee bedden slapen (${names.join(' en ')}). Pas eerst de data van het andere verblijf aan.`,
      );
    }
  }
}

/**
 * The tenant's maximum number of nights for a bed voor de nacht: the setting bedVoorDeNachtMax that the beheerder sets
 * (PUT /v1/instellingen, default 3). Issue 13 (found by the demo made through the services): this read another key
 * (bedVoorDeNachtMaxNachten), so the setting on the beheer screen had no effect; that older key is still honoured
 * when the new one is absent.
 */
export async function maxShortStayNights(ctx: Ctx): Promise<number> {
  const t = await ctx.db
    .selectFrom('tenants')
    .select(sql<unknown>`settings`.as('settings'))
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  let settings = t?.settings;
  if (typeof settings === 'string') {
    try {
      settings = JSON.parse(settings);
    } catch {
      settings = null;
    }
  }
  const stored = settings as { bedVoorDeNachtMax?: unknown; bedVoorDeNachtMaxNachten?: unknown } | null;
  const n = stored?.bedVoorDeNachtMax ?? stored?.bedVoorDeNachtMaxNachten;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 30 ? n : SETTING_DEFAULTS.bedVoorDeNachtMax;
}

/**
 * Before two dossiers are merged (in the merge's transaction): the merged person must not end up in two beds or with
 * two running trajectories. Refused with a message that says what to do first; the person's past nights are checked
 * after the merge by assertPersonNights(ctx, keptId, FIRST_NIGHT, null).
 */
export async function assertMergeable(ctx: Ctx, keptId: string, mergedId: string): Promise<void> {
  for (const id of [keptId, mergedId].sort())
    await ctx.db.selectFrom('clients').select('id').where('id', '=', id).forUpdate().execute();
  const open = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select(['stays.client_id', 'units.name as unit', 'facilities.name as facility'])
    .where('stays.client_id', 'in', [keptId, mergedId])
    .where('stays.ended_on', 'is', null)
    // The kept dossier's stay first: the refusal reads the same on every database.
    .orderBy(sql`stays.client_id = ${keptId}`, 'desc')
    .orderBy('stays.started_on')
    .execute();
  if (open.some((s) => s.client_id === keptId) && open.some((s) => s.client_id === mergedId))
    throw new ConflictError(
      `Beide dossiers hebben een lopend verblijf (${open
        .map((s) => `${s.unit} in ${s.facility}`)
        .join(
          ' en ',
        )}). Eén persoon kan niet in twee bedden slapen: beëindig of corrigeer eerst het verblijf dat niet klopt en voeg daarna samen.`,
    );
  const trajectories = await ctx.db
    .selectFrom('trajectories')
    .select('client_id')
    .where('client_id', 'in', [keptId, mergedId])
    .where('ended_on', 'is', null)
    .execute();
  if (trajectories.some((t) => t.client_id === keptId) && trajectories.some((t) => t.client_id === mergedId))
    throw new ConflictError(
      'Beide dossiers hebben een lopend traject. Sluit eerst het traject dat niet klopt af (uitstroom) en voeg daarna samen.',
    );
}

/** The first night any stay can have: checking from here covers the whole history of a person. */
export const FIRST_NIGHT = '1900-01-01';
