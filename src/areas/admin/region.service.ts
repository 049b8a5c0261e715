// Issue 11 part B: the beheerder sets up the region — regiogemeenten, locations, units in bulk, editing, renaming
// and closing. Closing a unit or location with an open stay is refused with a clear message (409).

import { sql } from 'kysely';
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { normalizePostcode } from '../../platform/validation.js';
import { FACILITY_TYPES, UNIT_KINDS } from '../../reference/reference.js';
import type { Actor, Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import type { BeheerEenheid, BeheerLocatie } from './region.dto.js';

// ------------------------------------------------------------------------------------------ regiogemeenten

export async function listMunicipalities(ctx: Ctx) {
  authorize(ctx, 'regio.beheren');
  const rows = await ctx.db
    .selectFrom('municipalities')
    .select(['code', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('name')
    .execute();
  return { resultaten: rows.map((r) => ({ code: r.code, naam: r.name })) };
}

export async function addMunicipality(ctx: Ctx, input: { code: string; naam: string }) {
  authorize(ctx, 'regio.beheren');
  const p = new Problems();
  const code = input.code?.trim() ?? '';
  if (!/^\d{4}$/.test(code)) p.add('code', 'format', 'Een CBS-gemeentecode heeft 4 cijfers, bijvoorbeeld 0482.');
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de gemeente in.');
  p.throwIfAny();
  const existing = await ctx.db
    .selectFrom('municipalities')
    .select(['tenant_id', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing?.tenant_id === ctx.actor.tenantId)
    throw new ConflictError(`Gemeente ${code} (${existing.name}) hoort al bij deze regio.`);
  if (existing) throw new ConflictError(`Gemeente ${code} hoort al bij de regio van een andere centrumgemeente.`);
  await ctx.db
    .insertInto('municipalities')
    .values({ code, name: input.naam.trim(), tenant_id: ctx.actor.tenantId })
    .execute();
  return { code, naam: input.naam.trim() };
}

// ------------------------------------------------------------------------------------------ locaties

async function usedBedsByUnit(ctx: Ctx, unitIds: string[]) {
  if (!unitIds.length) return new Map<string, number>();
  const rows = await ctx.db
    .selectFrom('stays')
    .select(['unit_id', sql<number>`sum(household_size)::int`.as('used')])
    .where('unit_id', 'in', unitIds)
    .where('ended_on', 'is', null)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.used]));
}

/** Every location of the tenant with every unit, closed ones included (the beheer screen). No persons. */
export async function listFacilitiesForAdmin(ctx: Ctx): Promise<{ resultaten: BeheerLocatie[] }> {
  authorize(ctx, 'locaties.beheren');
  const facilities = await ctx.db
    .selectFrom('facilities')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
  const units = await ctx.db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('is_reserve')
    .orderBy('name')
    .execute();
  const used = await usedBedsByUnit(
    ctx,
    units.map((u) => u.id),
  );
  const providers = new Map(
    (
      await ctx.db
        .selectFrom('care_providers')
        .select(['id', 'name'])
        .where('tenant_id', '=', ctx.actor.tenantId)
        .execute()
    ).map((c) => [c.id, c.name]),
  );
  const manage = can(ctx.actor, 'locaties.beheren');
  return {
    resultaten: facilities.map((f) => ({
      id: f.id,
      naam: f.name,
      type: f.type,
      adres: f.address,
      postcode: f.postcode,
      gemeentecode: f.municipality_code,
      wijk: f.wijk,
      nachtopvang: f.is_night_shelter,
      actief: f.active,
      geslotenOp: f.closed_on,
      zorgaanbiederId: f.care_provider_id,
      zorgaanbiederNaam: f.care_provider_id ? (providers.get(f.care_provider_id) ?? null) : null,
      eenheden: units
        .filter((u) => u.facility_id === f.id)
        .map((u) => toBeheerEenheid(ctx.actor, u, used.get(u.id) ?? 0, f.active)),
      mogelijkheden: {
        wijzigen: f.active && can(ctx.actor, 'locaties.beheren'),
        // closing is offered while nobody stays there; the server checks again (409)
        sluiten:
          f.active &&
          can(ctx.actor, 'locaties.beheren') &&
          !units.some((u) => u.facility_id === f.id && (used.get(u.id) ?? 0) > 0),
        eenhedenToevoegen: f.active && manage,
        heropenen: !f.active && manage,
      },
    })),
  };
}

function toBeheerEenheid(
  actor: Actor,
  u: {
    id: string;
    name: string;
    kind: string;
    beds: number;
    is_reserve: boolean;
    max_households: number;
    target_groups: string[];
    active: boolean;
    closed_on: string | null;
  },
  used: number,
  facilityOpen: boolean,
): BeheerEenheid {
  return {
    id: u.id,
    naam: u.name,
    soort: u.kind,
    bedden: u.beds,
    reserve: u.is_reserve,
    maxHuishoudens: u.max_households,
    doelgroepen: u.target_groups,
    actief: u.active,
    geslotenOp: u.closed_on,
    bezet: used,
    mogelijkheden: {
      wijzigen: u.active && can(actor, 'locaties.beheren'),
      sluiten: u.active && used === 0 && can(actor, 'locaties.beheren'),
      // a unit of a closed location opens again with its location
      heropenen: !u.active && facilityOpen && can(actor, 'locaties.beheren'),
    },
  };
}

async function loadFacility(ctx: Ctx, id: string) {
  const f = await ctx.db
    .selectFrom('facilities')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!f) throw new NotFoundError('Locatie niet gevonden.');
  return f;
}

async function facilityDto(ctx: Ctx, id: string): Promise<BeheerLocatie> {
  const all = await listFacilitiesForAdmin(ctx);
  const f = all.resultaten.find((x) => x.id === id);
  if (!f) throw new NotFoundError('Locatie niet gevonden.');
  return f;
}

export async function updateFacility(
  ctx: Ctx,
  id: string,
  input: {
    naam?: string;
    type?: string;
    adres?: string;
    postcode?: string | null;
    gemeentecode?: string;
    wijk?: string | null;
    nachtopvang?: boolean;
    zorgaanbiederId?: string | null;
  },
) {
  authorize(ctx, 'locaties.beheren');
  const f = await loadFacility(ctx, id);
  const p = new Problems();
  if (
    input.zorgaanbiederId &&
    !(await ctx.db
      .selectFrom('care_providers')
      .select('id')
      .where('id', '=', input.zorgaanbiederId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst())
  )
    p.add('zorgaanbiederId', 'unknown', 'Kies een zorgaanbieder uit de lijst van de eigen regio.');
  if (input.naam !== undefined && !input.naam.trim()) p.add('naam', 'required', 'Vul de naam van de locatie in.');
  if (input.type !== undefined && !FACILITY_TYPES.some((t) => t.code === input.type))
    p.add('type', 'enum', 'Kies een geldig type voorziening.');
  const postcode = input.postcode ? normalizePostcode(input.postcode) : null;
  if (input.postcode && !postcode)
    p.add('postcode', 'format', 'Een postcode is 4 cijfers en 2 letters, zoals 3311 AB.');
  if (input.gemeentecode !== undefined) {
    const m = await ctx.db
      .selectFrom('municipalities')
      .select('code')
      .where('code', '=', input.gemeentecode)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!m) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  }
  p.throwIfAny();
  if (!f.active)
    throw new ConflictError(`Locatie ${f.name} is gesloten op ${datumTekst(f.closed_on, 'een eerdere datum')}.`);
  await ctx.db
    .updateTable('facilities')
    .set({
      ...(input.naam !== undefined ? { name: input.naam.trim() } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.adres !== undefined ? { address: input.adres.trim() } : {}),
      ...(input.postcode !== undefined ? { postcode } : {}),
      ...(input.gemeentecode !== undefined ? { municipality_code: input.gemeentecode } : {}),
      ...(input.wijk !== undefined ? { wijk: input.wijk?.trim() || null } : {}),
      ...(input.nachtopvang !== undefined ? { is_night_shelter: input.nachtopvang } : {}),
      ...(input.zorgaanbiederId !== undefined ? { care_provider_id: input.zorgaanbiederId || null } : {}),
    })
    .where('id', '=', id)
    .execute();
  // Issue 15: the night-shelter scope of the figure facts changes with this flag.
  if (input.nachtopvang !== undefined && input.nachtopvang !== f.is_night_shelter)
    await refreshFigureFacts(ctx.db, {
      stayIds: (
        await ctx.db
          .selectFrom('stays')
          .innerJoin('units', 'units.id', 'stays.unit_id')
          .select('stays.id')
          .where('units.facility_id', '=', id)
          .execute()
      ).map((s) => s.id),
    });
  return facilityDto(ctx, id);
}

async function openStaysIn(ctx: Ctx, unitIds: string[]) {
  if (!unitIds.length) return 0;
  const { n } = await ctx.db
    .selectFrom('stays')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('unit_id', 'in', unitIds)
    .where('ended_on', 'is', null)
    .executeTakeFirstOrThrow();
  return n;
}

/** Closes a location and all its units; refused while anyone still stays there. */
export async function closeFacility(ctx: Ctx, id: string, input: { datum: string }) {
  authorize(ctx, 'locaties.beheren');
  const f = await loadFacility(ctx, id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  p.throwIfAny();
  if (!f.active) throw new ConflictError(`Locatie ${f.name} is al gesloten.`);
  const units = await ctx.db.selectFrom('units').select('id').where('facility_id', '=', id).forUpdate().execute();
  const open = await openStaysIn(
    ctx,
    units.map((u) => u.id),
  );
  if (open)
    throw new ConflictError(
      `Locatie ${f.name} kan niet worden gesloten: er ${open === 1 ? 'is nog 1 open verblijf' : `zijn nog ${open} open verblijven`}. Beëindig of verhuis die verblijven eerst.`,
    );
  await ctx.db
    .updateTable('units')
    .set({ active: false, closed_on: input.datum })
    .where('facility_id', '=', id)
    .where('active', '=', true)
    .execute();
  await ctx.db.updateTable('facilities').set({ active: false, closed_on: input.datum }).where('id', '=', id).execute();
  return facilityDto(ctx, id);
}

// ------------------------------------------------------------------------------------------ eenheden

interface UnitFields {
  soort: string;
  bedden: number;
  reserve?: boolean;
  maxHuishoudens?: number;
  doelgroepen?: string[];
}

function checkUnitFields(p: Problems, prefix: string, u: Partial<UnitFields>) {
  if (u.soort !== undefined && !UNIT_KINDS.some((k) => k.code === u.soort))
    p.add(`${prefix}soort`, 'enum', 'Kies een geldige soort eenheid.');
  if (u.bedden !== undefined && (!Number.isInteger(u.bedden) || u.bedden < 1 || u.bedden > 500))
    p.add(`${prefix}bedden`, 'range', 'Aantal bedden is een geheel getal van 1 tot 500.');
  if (u.maxHuishoudens !== undefined && (!Number.isInteger(u.maxHuishoudens) || u.maxHuishoudens < 1))
    p.add(`${prefix}maxHuishoudens`, 'range', 'Maximaal aantal huishoudens is minstens 1.');
}

/** The names of a series: K + 1..50 with 2 digits → K01 … K50. */
export function seriesNames(s: { voorvoegsel: string; van: number; tot: number; cijfers?: number }): string[] {
  const width = s.cijfers ?? Math.max(2, String(s.tot).length);
  const out: string[] = [];
  for (let i = s.van; i <= s.tot; i++) out.push(`${s.voorvoegsel.trim()}${String(i).padStart(width, '0')}`);
  return out;
}

/** Units in bulk ("50 kamers K01–K50, 1 bed, plus 10 reserveplekken"): all series or none. */
export async function createUnitSeries(
  ctx: Ctx,
  facilityId: string,
  input: { reeksen: (UnitFields & { voorvoegsel: string; van: number; tot: number; cijfers?: number })[] },
) {
  authorize(ctx, 'locaties.beheren');
  const f = await loadFacility(ctx, facilityId);
  const p = new Problems();
  const names: { naam: string; reeks: number }[] = [];
  input.reeksen.forEach((s, i) => {
    const pre = `reeksen[${i}].`;
    checkUnitFields(p, pre, s);
    if (!Number.isInteger(s.van) || s.van < 0) p.add(`${pre}van`, 'range', 'Het eerste nummer is 0 of hoger.');
    if (!Number.isInteger(s.tot) || s.tot < s.van)
      p.add(`${pre}tot`, 'range', 'Het laatste nummer is niet lager dan het eerste.');
    else if (s.tot - s.van >= 500) p.add(`${pre}tot`, 'range', 'Maak hoogstens 500 eenheden per reeks.');
    if (s.cijfers !== undefined && (!Number.isInteger(s.cijfers) || s.cijfers < 1 || s.cijfers > 6))
      p.add(`${pre}cijfers`, 'range', 'Het aantal cijfers is 1 tot 6.');
    if (p.list.some((x) => x.name.startsWith(pre))) return;
    for (const naam of seriesNames(s)) names.push({ naam, reeks: i });
  });
  p.throwIfAny();
  const seen = new Map<string, number>();
  for (const n of names) {
    const first = seen.get(n.naam);
    if (first !== undefined)
      p.add(`reeksen[${n.reeks}].voorvoegsel`, 'unique', `De naam ${n.naam} komt ook voor in reeks ${first + 1}.`);
    else seen.set(n.naam, n.reeks);
  }
  const taken = await ctx.db
    .selectFrom('units')
    .select(['name'])
    .where('facility_id', '=', facilityId)
    .where(
      'name',
      'in',
      names.map((n) => n.naam),
    )
    .execute();
  if (taken.length)
    p.add(
      'reeksen',
      'unique',
      `Deze namen bestaan al bij ${f.name}: ${taken
        .map((t) => t.name)
        .slice(0, 10)
        .join(', ')}${taken.length > 10 ? ` en nog ${taken.length - 10}` : ''}.`,
    );
  p.throwIfAny();
  if (!f.active) throw new ConflictError(`Locatie ${f.name} is gesloten; open een nieuwe locatie.`);
  const rows = await ctx.db
    .insertInto('units')
    .values(
      names.map((n) => {
        const s = input.reeksen[n.reeks]!;
        return {
          tenant_id: ctx.actor.tenantId,
          facility_id: facilityId,
          name: n.naam,
          kind: s.soort,
          beds: s.bedden,
          is_reserve: !!s.reserve,
          max_households: s.maxHuishoudens ?? 1,
          target_groups: s.doelgroepen ?? [],
        };
      }),
    )
    .returning(['id', 'name'])
    .execute();
  return { aantal: rows.length, eenheden: rows.map((r) => ({ id: r.id, naam: r.name })) };
}

async function loadUnit(ctx: Ctx, id: string) {
  const u = await ctx.db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!u) throw new NotFoundError('Eenheid niet gevonden.');
  return u;
}

/** Edit or rename a unit. Fewer beds than are taken now is refused (409). */
export async function updateUnit(ctx: Ctx, id: string, input: Partial<UnitFields> & { naam?: string }) {
  authorize(ctx, 'locaties.beheren');
  const u = await loadUnit(ctx, id);
  const p = new Problems();
  if (input.naam !== undefined && !input.naam.trim()) p.add('naam', 'required', 'Vul de naam van de eenheid in.');
  checkUnitFields(p, '', input);
  if (input.naam?.trim() && input.naam.trim() !== u.name) {
    const dup = await ctx.db
      .selectFrom('units')
      .select('id')
      .where('facility_id', '=', u.facility_id)
      .where('name', '=', input.naam.trim())
      .executeTakeFirst();
    if (dup) p.add('naam', 'unique', 'Deze locatie heeft al een eenheid met deze naam.');
  }
  p.throwIfAny();
  if (!u.active) throw new ConflictError(`Eenheid ${u.name} is gesloten.`);
  const used = (await usedBedsByUnit(ctx, [id])).get(id) ?? 0;
  if (input.bedden !== undefined && input.bedden < used)
    throw new ConflictError(
      `Eenheid ${u.name} heeft nu ${used} bedden bezet; u kunt er niet ${input.bedden} van maken. Verhuis eerst bewoners.`,
    );
  await ctx.db
    .updateTable('units')
    .set({
      ...(input.naam !== undefined ? { name: input.naam.trim() } : {}),
      ...(input.soort !== undefined ? { kind: input.soort } : {}),
      ...(input.bedden !== undefined ? { beds: input.bedden } : {}),
      ...(input.reserve !== undefined ? { is_reserve: input.reserve } : {}),
      ...(input.maxHuishoudens !== undefined ? { max_households: input.maxHuishoudens } : {}),
      ...(input.doelgroepen !== undefined ? { target_groups: input.doelgroepen } : {}),
    })
    .where('id', '=', id)
    .execute();
  const row = await loadUnit(ctx, id);
  return toBeheerEenheid(ctx.actor, row, used, true);
}

/** Close a unit; refused while someone stays in it. */
export async function closeUnit(ctx: Ctx, id: string, input: { datum: string }) {
  authorize(ctx, 'locaties.beheren');
  const u = await loadUnit(ctx, id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  p.throwIfAny();
  if (!u.active) throw new ConflictError(`Eenheid ${u.name} is al gesloten.`);
  const open = await openStaysIn(ctx, [id]);
  if (open)
    throw new ConflictError(
      `Eenheid ${u.name} kan niet worden gesloten: er ${open === 1 ? 'verblijft nog iemand' : `verblijven nog ${open} huishoudens`}. Beëindig of verhuis het verblijf eerst.`,
    );
  await ctx.db.updateTable('units').set({ active: false, closed_on: input.datum }).where('id', '=', id).execute();
  return toBeheerEenheid(ctx.actor, await loadUnit(ctx, id), 0, true);
}

/** Reopen a closed unit (its location must be open: a closed location reopens with its units). */
export async function reopenUnit(ctx: Ctx, id: string) {
  authorize(ctx, 'locaties.beheren');
  const u = await loadUnit(ctx, id);
  if (u.active) throw new ConflictError(`Eenheid ${u.name} is al open.`);
  const f = await loadFacility(ctx, u.facility_id);
  if (!f.active)
    throw new ConflictError(
      `Eenheid ${u.name} hoort bij ${f.name}, en die locatie is gesloten. Open eerst de locatie.`,
    );
  await ctx.db.updateTable('units').set({ active: true, closed_on: null }).where('id', '=', id).execute();
  return toBeheerEenheid(ctx.actor, await loadUnit(ctx, id), 0, true);
}

/**
 * Reopen a closed location with the units that were closed together with it (closed on the same day); units that
 * were closed earlier on their own stay closed and can be reopened one by one.
 */
export async function reopenFacility(ctx: Ctx, id: string) {
  authorize(ctx, 'locaties.beheren');
  const f = await loadFacility(ctx, id);
  if (f.active) throw new ConflictError(`Locatie ${f.name} is al open.`);
  let units = ctx.db
    .updateTable('units')
    .set({ active: true, closed_on: null })
    .where('facility_id', '=', id)
    .where('active', '=', false);
  if (f.closed_on) units = units.where('closed_on', '=', f.closed_on);
  await units.execute();
  await ctx.db.updateTable('facilities').set({ active: true, closed_on: null }).where('id', '=', id).execute();
  return facilityDto(ctx, id);
}
