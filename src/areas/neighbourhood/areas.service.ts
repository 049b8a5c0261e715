// Issue 17 — wijken and their draagkracht, the CBS import, candidate sites with their business case, the
// new-location procedure and the beleid worklist. Aggregates and places only: no person data.
import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { CsvFormatError, readCsv } from '../../platform/csv.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, todayInNl } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import type {
  AannamesWijziging,
  CbsImport,
  DraagkrachtInstellingen,
  NieuweLocatieAfspraak,
  NieuweLocatiekandidaat,
  ProcedurestapWijziging,
} from './areas.dto.js';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type Assumptions,
  completeAssumptions,
  computeBusinessCase,
  defaultAssumptions,
  FORMULAS,
} from './business-case.js';
import { DRAAGKRACHT_FORMULA, draagkrachtScores, per1000 } from './draagkracht.js';
import {
  FACILITY_KINDS,
  type FacilityKind,
  OWNER_KINDS,
  type OwnerKind,
  PROCEDURE_STEPS,
  SITE_FLOW,
  SITE_FORMS,
  SITE_STATUS_LABELS,
  type SiteForm,
  type SiteStatus,
  stepLabel,
} from './reference.js';

// ----- instellingen -----

export async function neighbourhoodSettings(ctx: Ctx) {
  const s = await ctx.db
    .selectFrom('neighbourhood_settings')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  return {
    gewichten: {
      plekken: Number(s?.weight_places ?? 0.5),
      meldingen: Number(s?.weight_reports ?? 0.3),
      indicator: Number(s?.weight_indicator ?? 0.2),
    },
    indicator: s?.indicator_key ?? null,
    kostenPerNacht: Number(s?.cost_per_night ?? 85),
  };
}

export async function updateNeighbourhoodSettings(ctx: Ctx, input: z.infer<typeof DraagkrachtInstellingen>) {
  authorize(ctx, 'buurt.beheren');
  const g = input.gewichten;
  const problems = new Problems();
  if (g.plekken + g.meldingen + g.indicator <= 0)
    problems.add('gewichten', 'nul', 'Geef ten minste één gewicht een waarde groter dan 0.');
  problems.throwIfAny();
  const values = {
    weight_places: g.plekken,
    weight_reports: g.meldingen,
    weight_indicator: g.indicator,
    indicator_key: input.indicator,
    cost_per_night: input.kostenPerNacht,
  };
  await ctx.db
    .insertInto('neighbourhood_settings')
    .values({ tenant_id: ctx.actor.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
  return listWijken(ctx);
}

// ----- wijken en draagkracht -----

async function wijkFigures(ctx: Ctx) {
  const settings = await neighbourhoodSettings(ctx);
  const wijken = await ctx.db
    .selectFrom('wijken')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('municipality_code')
    .orderBy('code')
    .execute();
  const facilities = await ctx.db
    .selectFrom('wijk_facilities')
    .select(['wijk_id', 'kind', 'label', 'places'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('kind')
    .orderBy('label')
    .execute();
  const since = new Date(ctx.now.getTime() - 365 * 86_400_000);
  const reports = await ctx.db
    .selectFrom('nuisance_reports as r')
    .innerJoin('public_facilities as p', 'p.id', 'r.public_facility_id')
    .select(['p.wijk_id', sql<number>`count(*)::int`.as('n')])
    .where('r.tenant_id', '=', ctx.actor.tenantId)
    .where('r.received_at', '>=', since)
    .groupBy('p.wijk_id')
    .execute();
  const rows = wijken.map((w) => {
    const own = facilities.filter((f) => f.wijk_id === w.id);
    const places = own.reduce((s, f) => s + f.places, 0);
    const n = reports.find((r) => r.wijk_id === w.id)?.n ?? 0;
    const indicators = (typeof w.indicators === 'string' ? JSON.parse(w.indicators) : w.indicators) as Record<
      string,
      number
    >;
    return {
      id: w.id,
      code: w.code,
      naam: w.name,
      gemeentecode: w.municipality_code,
      inwoners: w.inhabitants,
      voorzieningen: own.map((f) => ({
        soort: f.kind as FacilityKind,
        soortLabel: FACILITY_KINDS[f.kind as FacilityKind] ?? f.kind,
        naam: f.label,
        plekken: f.places,
      })),
      plekken: places,
      plekkenPer1000: per1000(places, w.inhabitants),
      meldingenPerJaar: n,
      meldingenPer1000: per1000(n, w.inhabitants),
      indicatoren: indicators,
      indicatorJaar: w.indicators_year,
      draagkracht: 100,
      kaart: { x: Number(w.map_x), y: Number(w.map_y) },
    };
  });
  const scores = draagkrachtScores(
    rows.map((r) => ({
      placesPer1000: r.plekkenPer1000,
      reportsPer1000: r.meldingenPer1000,
      indicator: settings.indicator ? (r.indicatoren[settings.indicator] ?? null) : null,
    })),
    {
      places: settings.gewichten.plekken,
      reports: settings.gewichten.meldingen,
      indicator: settings.indicator ? settings.gewichten.indicator : 0,
    },
  );
  rows.forEach((r, i) => {
    r.draagkracht = scores[i];
  });
  return { rows, settings };
}

export async function listWijken(ctx: Ctx) {
  authorize(ctx, 'buurt.lezen');
  const { rows, settings } = await wijkFigures(ctx);
  return {
    wijken: rows,
    instellingen: settings,
    formule: DRAAGKRACHT_FORMULA,
    beschikbareIndicatoren: [...new Set(rows.flatMap((r) => Object.keys(r.indicatoren)))].sort(),
  };
}

const findColumn = (header: string[], re: RegExp) => header.findIndex((h) => re.test(h.trim()));
/** A CBS number: '1.234' or '12,5' (Dutch), '.' or empty for "geheim / onbekend". */
function cbsNumber(s: string | undefined): number | null {
  const t = (s ?? '').trim().replace(/[\s\u00a0]/g, '');
  if (t === '' || t === '.' || t === '-' || t === '?') return null;
  // 12,5 and 1.234,5 (Dutch), 1.234 (thousands), 1234.5 (open data)
  const normal = /,/.test(t) || /^-?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/**
 * Kerncijfers wijken en buurten (CBS), as the open-data CSV (`WijkenEnBuurten;…;Codering_3;…;AantalInwoners_5`) or
 * the StatLine download (`Wijken en buurten;…;Codering;…;Aantal inwoners`): wijk rows (WK + gemeentecode + 2 digits)
 * of the tenant's gemeenten update inhabitants and the chosen columns; unknown wijken are added.
 */
export async function importCbs(ctx: Ctx, input: z.infer<typeof CbsImport>) {
  authorize(ctx, 'buurt.beheren');
  let rows: string[][];
  try {
    rows = readCsv(input.csv);
  } catch (e) {
    if (e instanceof CsvFormatError) new Problems().add('csv', 'csv', e.message).throwIfAny();
    throw e;
  }
  const problems = new Problems();
  const header = rows[0] ?? [];
  const code = findColumn(header, /^codering(_\d+)?$/i);
  const name = findColumn(header, /^wijken ?en ?buurten$/i);
  const inhabitants = findColumn(header, /^aantal ?inwoners(_\d+)?$/i);
  if (code < 0) problems.add('csv', 'kolom', 'De kolom "Codering" (WK-code) ontbreekt in de kopregel.');
  if (inhabitants < 0) problems.add('csv', 'kolom', 'De kolom "Aantal inwoners" ontbreekt in de kopregel.');
  const chosen = input.kolommen.map((k) => ({ key: k.trim(), index: header.findIndex((h) => h.trim() === k.trim()) }));
  for (const c of chosen)
    if (c.index < 0)
      problems.add('kolommen', 'kolom', `De kolom "${c.key}" staat niet in de kopregel van het bestand.`);
  problems.throwIfAny();
  const gemeenten = new Set(
    (
      await ctx.db.selectFrom('municipalities').select('code').where('tenant_id', '=', ctx.actor.tenantId).execute()
    ).map((m) => m.code),
  );
  const existing = await ctx.db
    .selectFrom('wijken')
    .select(['id', 'code', 'indicators'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  let updated = 0;
  let added = 0;
  let skipped = 0;
  for (const r of rows.slice(1)) {
    const wk = (r[code] ?? '').trim().toUpperCase();
    const m = /^WK(\d{4})\d{2}$/.exec(wk);
    if (!m || !gemeenten.has(m[1])) {
      skipped++;
      continue;
    }
    const inh = cbsNumber(r[inhabitants]);
    const indicators: Record<string, number> = {};
    for (const c of chosen) {
      const v = cbsNumber(r[c.index]);
      if (v !== null) indicators[c.key] = v;
    }
    const found = existing.find((w) => w.code === wk);
    if (found) {
      const old = (typeof found.indicators === 'string' ? JSON.parse(found.indicators) : found.indicators) as Record<
        string,
        number
      >;
      await ctx.db
        .updateTable('wijken')
        .set({
          ...(inh !== null ? { inhabitants: Math.round(inh) } : {}),
          indicators: JSON.stringify({ ...old, ...indicators }),
          indicators_year: input.jaar,
        })
        .where('id', '=', found.id)
        .execute();
      updated++;
    } else {
      const n = existing.length + added;
      await ctx.db
        .insertInto('wijken')
        .values({
          tenant_id: ctx.actor.tenantId,
          code: wk,
          name: (name >= 0 ? r[name]?.trim() : '') || wk,
          municipality_code: m[1],
          inhabitants: Math.round(inh ?? 0),
          indicators: JSON.stringify(indicators),
          indicators_year: input.jaar,
          map_x: 10 + ((n * 23) % 80),
          map_y: 10 + ((n * 37) % 80),
        })
        .execute();
      added++;
    }
  }
  return { bijgewerkt: updated, toegevoegd: added, overgeslagen: skipped };
}

// ----- kandidaat-locaties en business case -----

function assumptionsOf(stored: unknown, form: string, costPerNight: number): Assumptions {
  const parsed = (typeof stored === 'string' ? JSON.parse(stored) : (stored ?? {})) as Record<string, number>;
  return completeAssumptions(parsed, defaultAssumptions(form, costPerNight));
}

export function businessCase(places: number, a: Assumptions) {
  return {
    plekken: places,
    aannames: a,
    uitkomst: computeBusinessCase(places, a),
    formules: [...FORMULAS],
    toelichting: ASSUMPTION_KEYS.map((k) => ({ sleutel: k, ...ASSUMPTIONS[k], eenheid: ASSUMPTIONS[k].unit })).map(
      ({ unit: _u, ...rest }) => rest,
    ),
  };
}

function checkAssumptions(a: Partial<Record<string, number>>, problems: Problems, prefix = 'aannames') {
  for (const k of ASSUMPTION_KEYS) {
    const v = a[k];
    if (v === undefined) continue;
    const { min, max, label } = ASSUMPTIONS[k];
    if (!Number.isFinite(v) || v < min || v > max)
      problems.add(prefix ? `${prefix}.${k}` : k, 'bereik', `${label} ligt tussen ${min} en ${max}.`);
  }
}

/** The preview while editing: the same formulas, nothing stored. */
export function previewBusinessCase(ctx: Ctx, places: number, a: Assumptions) {
  authorize(ctx, 'buurt.lezen');
  const problems = new Problems();
  checkAssumptions(a, problems);
  problems.throwIfAny();
  return businessCase(places, a);
}

export async function listSites(ctx: Ctx, id?: string) {
  authorize(ctx, 'buurt.lezen');
  const settings = await neighbourhoodSettings(ctx);
  let q = ctx.db.selectFrom('candidate_sites').selectAll().where('tenant_id', '=', ctx.actor.tenantId);
  if (id) q = q.where('id', '=', id);
  const sites = await q.orderBy('created_at').orderBy('id').execute();
  if (id && !sites.length) throw new NotFoundError('Deze kandidaat-locatie bestaat niet.');
  const ids = sites.map((s) => s.id);
  const steps = ids.length
    ? await ctx.db.selectFrom('procedure_steps').selectAll().where('site_id', 'in', ids).orderBy('position').execute()
    : [];
  const agreements = ids.length
    ? await ctx.db
        .selectFrom('neighbourhood_agreements')
        .selectAll()
        .where('site_id', 'in', ids)
        .orderBy('made_on')
        .orderBy('id')
        .execute()
    : [];
  const { rows: wijken } = await wijkFigures(ctx);
  const today = todayInNl(ctx.now);
  return {
    kandidaten: sites.map((s) => {
      const w = wijken.find((x) => x.id === s.wijk_id);
      const status = s.status as SiteStatus;
      return {
        id: s.id,
        naam: s.name,
        adres: s.address,
        wijk: w ? { id: w.id, naam: w.naam, draagkracht: w.draagkracht } : null,
        plekken: s.places,
        oppervlakte: s.floor_area,
        eigenaar: s.owner,
        eigenaarSoort: s.owner_kind as OwnerKind,
        eigenaarSoortLabel: OWNER_KINDS[s.owner_kind as OwnerKind] ?? s.owner_kind,
        leegstaandPubliekVastgoed: s.vacant_public,
        vorm: s.form as SiteForm,
        vormLabel: SITE_FORMS[s.form as SiteForm] ?? s.form,
        status,
        statusLabel: SITE_STATUS_LABELS[status],
        volgendeStatussen: [...SITE_FLOW.next(status)],
        businessCase: businessCase(s.places, assumptionsOf(s.assumptions, s.form, settings.kostenPerNacht)),
        procedure: steps
          .filter((p) => p.site_id === s.id)
          .map((p) => ({
            id: p.id,
            soort: p.kind,
            omschrijving: stepLabel(p.kind),
            eigenaar: p.owner_name,
            gepland: p.due_on,
            gedaan: p.done_on,
            notitie: p.note,
            teLaat: p.done_on === null && p.due_on !== null && p.due_on < today,
          })),
        afspraken: agreements
          .filter((a) => a.site_id === s.id)
          .map((a) => ({
            id: a.id,
            gemaaktOp: a.made_on,
            wie: a.who,
            wat: a.what,
            uiterlijk: a.due_on,
            nagekomen: a.kept,
          })),
      };
    }),
  };
}

async function oneSite(ctx: Ctx, id: string) {
  return (await listSites(ctx, id)).kandidaten[0];
}

async function wijkExists(ctx: Ctx, wijkId: string | null | undefined, problems: Problems) {
  if (!wijkId) return;
  const w = await ctx.db.selectFrom('wijken').select('id').where('id', '=', wijkId).executeTakeFirst();
  if (!w) problems.add('wijkId', 'onbekend', 'Deze wijk bestaat niet in uw regio.');
}

export async function createSite(ctx: Ctx, input: z.infer<typeof NieuweLocatiekandidaat>) {
  authorize(ctx, 'buurt.beheren');
  const problems = new Problems();
  await wijkExists(ctx, input.wijkId, problems);
  problems.throwIfAny();
  const settings = await neighbourhoodSettings(ctx);
  const row = await ctx.db
    .insertInto('candidate_sites')
    .values({
      tenant_id: ctx.actor.tenantId,
      name: input.naam.trim(),
      address: input.adres.trim(),
      wijk_id: input.wijkId ?? null,
      places: input.plekken,
      floor_area: input.oppervlakte ?? null,
      owner: input.eigenaar.trim(),
      owner_kind: input.eigenaarSoort,
      vacant_public: input.leegstaandPubliekVastgoed ?? false,
      form: input.vorm,
      assumptions: JSON.stringify(defaultAssumptions(input.vorm, settings.kostenPerNacht)),
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return oneSite(ctx, row.id);
}

export async function updateAssumptions(ctx: Ctx, id: string, input: z.infer<typeof AannamesWijziging>) {
  authorize(ctx, 'buurt.beheren');
  const site = await ctx.db.selectFrom('candidate_sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!site) throw new NotFoundError('Deze kandidaat-locatie bestaat niet.');
  const problems = new Problems();
  checkAssumptions(input, problems, '');
  problems.throwIfAny();
  const settings = await neighbourhoodSettings(ctx);
  const merged = { ...assumptionsOf(site.assumptions, site.form, settings.kostenPerNacht), ...input };
  await ctx.db
    .updateTable('candidate_sites')
    .set({ assumptions: JSON.stringify(merged) })
    .where('id', '=', id)
    .execute();
  return oneSite(ctx, id);
}

/** Status through SITE_FLOW; entering 'procedure' creates the checklist with planned dates from today. */
export async function changeSiteStatus(ctx: Ctx, id: string, status: SiteStatus) {
  authorize(ctx, 'buurt.beheren');
  const site = await ctx.db.selectFrom('candidate_sites').select(['status']).where('id', '=', id).executeTakeFirst();
  if (!site) throw new NotFoundError('Deze kandidaat-locatie bestaat niet.');
  SITE_FLOW.assert(site.status as SiteStatus, status);
  await ctx.db.updateTable('candidate_sites').set({ status }).where('id', '=', id).execute();
  if (status === 'procedure') await createProcedure(ctx, id, todayInNl(ctx.now));
  return oneSite(ctx, id);
}

export async function createProcedure(ctx: Ctx, siteId: string, start: string) {
  await ctx.db
    .insertInto('procedure_steps')
    .values(
      PROCEDURE_STEPS.map((s, i) => ({
        tenant_id: ctx.actor.tenantId,
        site_id: siteId,
        kind: s.kind,
        position: i + 1,
        due_on: addDays(start, s.offsetDays),
      })),
    )
    .onConflict((oc) => oc.columns(['site_id', 'kind']).doNothing())
    .execute();
}

/**
 * One checklist step: owner, planned date, done date, note. The rule of the vision (seeds/004 §4.5): the
 * neighbours hear it first — the publication cannot be done before the neighbours were informed.
 */
export async function updateStep(
  ctx: Ctx,
  siteId: string,
  stepId: string,
  input: z.infer<typeof ProcedurestapWijziging>,
) {
  authorize(ctx, 'buurt.beheren');
  const steps = await ctx.db.selectFrom('procedure_steps').selectAll().where('site_id', '=', siteId).execute();
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw new NotFoundError('Deze procedurestap bestaat niet.');
  const problems = new Problems();
  const today = todayInNl(ctx.now);
  const done = input.gedaan === undefined ? step.done_on : input.gedaan;
  if (done && done > today) problems.add('gedaan', 'toekomst', 'Een stap kan niet in de toekomst gedaan zijn.');
  problems.throwIfAny();
  const informed = steps.find((s) => s.kind === 'buren_geinformeerd');
  const published = steps.find((s) => s.kind === 'publicatie');
  if (step.kind === 'publicatie' && done) {
    if (!informed?.done_on || informed.done_on > done)
      throw new ConflictError(
        'De omwonenden moeten eerst persoonlijk geïnformeerd zijn, vóórdat het besluit openbaar wordt gemaakt.',
      );
  }
  if (step.kind === 'buren_geinformeerd' && published?.done_on && (!done || done > published.done_on))
    throw new ConflictError('De publicatie is al gedaan; de omwonenden moeten daarvóór geïnformeerd zijn.');
  await ctx.db
    .updateTable('procedure_steps')
    .set({
      ...(input.eigenaar !== undefined ? { owner_name: input.eigenaar.trim() } : {}),
      ...(input.gepland !== undefined ? { due_on: input.gepland } : {}),
      ...(input.gedaan !== undefined ? { done_on: input.gedaan } : {}),
      ...(input.notitie !== undefined ? { note: input.notitie?.trim() || null } : {}),
    })
    .where('id', '=', stepId)
    .execute();
  return oneSite(ctx, siteId);
}

export async function addSiteAgreement(ctx: Ctx, siteId: string, input: z.infer<typeof NieuweLocatieAfspraak>) {
  authorize(ctx, 'buurt.beheren');
  const site = await ctx.db.selectFrom('candidate_sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new NotFoundError('Deze kandidaat-locatie bestaat niet.');
  const problems = new Problems();
  if (input.gemaaktOp > todayInNl(ctx.now))
    problems.add('gemaaktOp', 'toekomst', 'Een afspraak is niet in de toekomst gemaakt.');
  if (input.uiterlijk && input.uiterlijk < input.gemaaktOp)
    problems.add('uiterlijk', 'volgorde', 'De einddatum ligt niet vóór de datum van de afspraak.');
  problems.throwIfAny();
  await ctx.db
    .insertInto('neighbourhood_agreements')
    .values({
      tenant_id: ctx.actor.tenantId,
      site_id: siteId,
      made_on: input.gemaaktOp,
      who: input.wie.trim(),
      what: input.wat.trim(),
      due_on: input.uiterlijk ?? null,
    })
    .execute();
  return oneSite(ctx, siteId);
}

/** The beleid worklist: overdue procedure steps (planned before today, not done) and meldingen left open > 5 days. */
export async function neighbourhoodWorklist(ctx: Ctx) {
  authorize(ctx, 'buurt.lezen');
  const today = todayInNl(ctx.now);
  const late = await ctx.db
    .selectFrom('procedure_steps as p')
    .innerJoin('candidate_sites as s', 's.id', 'p.site_id')
    .select(['s.id as site_id', 's.name', 'p.id', 'p.kind', 'p.owner_name', 'p.due_on'])
    .where('p.tenant_id', '=', ctx.actor.tenantId)
    .where('p.done_on', 'is', null)
    .where('p.due_on', '<', today)
    .where('s.status', 'not in', ['afgevallen'])
    .orderBy('p.due_on')
    .orderBy('p.position')
    .execute();
  const old = await ctx.db
    .selectFrom('nuisance_reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('status', '!=', 'afgehandeld')
    .where('received_at', '<', new Date(ctx.now.getTime() - 5 * 86_400_000))
    .executeTakeFirstOrThrow();
  return {
    telaatStappen: late.map((p) => ({
      kandidaatId: p.site_id,
      locatie: p.name,
      stapId: p.id,
      omschrijving: stepLabel(p.kind),
      eigenaar: p.owner_name,
      gepland: p.due_on as string,
      dagenTeLaat: daysBetween(p.due_on as string, today),
    })),
    openMeldingenOuderDan5Dagen: Number(old.n),
  };
}
