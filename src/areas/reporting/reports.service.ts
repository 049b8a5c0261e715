// Reports for the dashboard (issue 3): key figures for one period, series per sub-period, current occupancy,
// and CSV. Roles: beleid and beheerder see aggregates only (cells of fewer than SUPPRESS_BELOW persons are
// suppressed); toegang (trajecthouder) sees the exact numbers. Nobody reaches persons through these functions.
import type { z } from '@hono/zod-openapi';
import { ForbiddenError, Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import {
  AGE_GROUPS,
  type AgeGroup,
  computeSeries,
  type FigureFilters,
  HOUSEHOLD_TYPES,
  type HouseholdType,
  INTERVALS,
  type Interval,
  type KeyFigures,
  splitPeriods,
} from './kerncijfers.js';
import type { Kerncijfers, Reeksen } from './reporting.dto.js';
import { occupancyRows } from './reporting.queries.js';

/** Cells with fewer persons than this are suppressed for roles that see aggregates only. */
export const SUPPRESS_BELOW = 5;
/** Most sub-periods one series may have (e.g. 25 years by month). */
export const MAX_PERIODS = 300;

type Cell = { aantal: number | null; onderdrukt?: boolean };

export function suppressSmallCells<T extends { aantal: number }>(
  rows: T[],
  threshold = SUPPRESS_BELOW,
): (Omit<T, 'aantal'> & Cell)[] {
  return rows.map((r) => (r.aantal > 0 && r.aantal < threshold ? { ...r, aantal: null, onderdrukt: true } : r));
}

export type ReportFigures = Omit<
  KeyFigures,
  | 'aanmeldingen'
  | 'startTraject'
  | 'uitgestroomd'
  | 'vertrokkenOnbekend'
  | 'trajectenBeeindigd'
  | 'personenInOpvang'
  | 'herkomst'
  | 'herkomstPerGemeente'
  | 'aanleiding'
  | 'uitstroomPerGroep'
> & {
  aanmeldingen: number | null;
  startTraject: number | null;
  uitgestroomd: number | null;
  vertrokkenOnbekend: number | null;
  trajectenBeeindigd: number | null;
  personenInOpvang: number | null;
  herkomst: { herkomst: string; aantal: number | null; onderdrukt?: boolean }[];
  herkomstPerGemeente: { gemeentecode: string; aantal: number | null; onderdrukt?: boolean }[];
  aanleiding: { aanleiding: string; aantal: number | null; onderdrukt?: boolean }[];
  uitstroomPerGroep: {
    groep: KeyFigures['uitstroomPerGroep'][number]['groep'];
    label: string;
    aantal: number | null;
    onderdrukt?: boolean;
  }[];
  /** Names of the fields that were suppressed (null) because fewer than SUPPRESS_BELOW persons stand behind them. */
  onderdrukt: string[];
};

/**
 * Primary cell suppression: a count of 1–4 persons becomes null, and so does a mean or share over fewer than
 * 5 persons (a mean of 3 trajectories tells about those 3). Mean bed occupancy is a property of the facility
 * (beds per night), not of persons, and is not suppressed.
 */
export function suppressFigures(k: KeyFigures, threshold = SUPPRESS_BELOW): ReportFigures {
  const onderdrukt: string[] = [];
  const small = (n: number) => n > 0 && n < threshold;
  const hide = (name: string) => {
    onderdrukt.push(name);
    return null;
  };
  const count = (name: string, n: number) => (small(n) ? hide(name) : n);
  const over = <T>(name: string, value: T, denominator: number) =>
    value != null && small(denominator) ? hide(name) : value;
  return {
    ...k,
    aanmeldingen: count('aanmeldingen', k.aanmeldingen),
    startTraject: count('startTraject', k.startTraject),
    uitgestroomd: count('uitgestroomd', k.uitgestroomd),
    vertrokkenOnbekend: count('vertrokkenOnbekend', k.vertrokkenOnbekend),
    trajectenBeeindigd: count('trajectenBeeindigd', k.trajectenBeeindigd),
    personenInOpvang: count('personenInOpvang', k.personenInOpvang),
    gemiddeldAantalNachten: over('gemiddeldAantalNachten', k.gemiddeldAantalNachten, k.trajectenBeeindigd),
    gemiddeldeDuurTrajectDagen: over('gemiddeldeDuurTrajectDagen', k.gemiddeldeDuurTrajectDagen, k.trajectenBeeindigd),
    binnenDrieMaandenDoorgestroomd: over(
      'binnenDrieMaandenDoorgestroomd',
      k.binnenDrieMaandenDoorgestroomd,
      k.trajectenBeeindigd,
    ),
    uitstroomNaarWonen: over('uitstroomNaarWonen', k.uitstroomNaarWonen, k.uitgestroomd),
    herkomst: suppressSmallCells(k.herkomst, threshold),
    herkomstPerGemeente: suppressSmallCells(k.herkomstPerGemeente, threshold),
    aanleiding: suppressSmallCells(k.aanleiding, threshold),
    uitstroomPerGroep: suppressSmallCells(k.uitstroomPerGroep, threshold),
    onderdrukt,
  };
}

export interface ReportQuery {
  regio?: string;
  van: string;
  tot: string;
  herkomstGemeentecode?: string;
  locatieId?: string;
  huishouden?: HouseholdType;
  leeftijdsgroep?: AgeGroup;
}

/** The region of a report: the user's own (another centrumgemeente's figures are refused). */
function reportTenant(ctx: Ctx, regio: string | undefined): string {
  authorize(ctx, 'rapportages.lezen');
  const tenantId = regio ?? ctx.actor.tenantId;
  if (tenantId !== ctx.actor.tenantId)
    throw new ForbiddenError('U kunt alleen cijfers van uw eigen centrumgemeente opvragen.');
  return tenantId;
}

function checkQuery(q: ReportQuery, p: Problems): FigureFilters {
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  if (q.huishouden && !HOUSEHOLD_TYPES.some((h) => h.code === q.huishouden))
    p.add('huishouden', 'enum', 'Kies alleenstaand of gezin.');
  if (q.leeftijdsgroep && !AGE_GROUPS.some((a) => a.code === q.leeftijdsgroep))
    p.add('leeftijdsgroep', 'enum', 'Kies tot-18, 18-26, 27-49 of 50-plus.');
  return {
    originMunicipalityCode: q.herkomstGemeentecode || undefined,
    facilityId: q.locatieId || undefined,
    householdType: q.huishouden || undefined,
    ageGroup: q.leeftijdsgroep || undefined,
  };
}

const filterText = (q: ReportQuery) =>
  [
    q.herkomstGemeentecode && `herkomst ${q.herkomstGemeentecode}`,
    q.locatieId && `locatie ${q.locatieId}`,
    q.huishouden && `huishouden ${q.huishouden}`,
    q.leeftijdsgroep && `leeftijd ${q.leeftijdsgroep}`,
  ]
    .filter(Boolean)
    .join(', ');

/** Exact figures for who may see them (rapportages.exact), otherwise protected: small cells suppressed. */
function present(ctx: Ctx, k: KeyFigures): ReportFigures | (KeyFigures & { onderdrukt: string[] }) {
  return can(ctx.actor, 'rapportages.exact') ? { ...k, onderdrukt: [] } : suppressFigures(k);
}

/** GET /v1/rapportages/kerncijfers */
export async function keyFiguresForActor(ctx: Ctx, q: ReportQuery): Promise<z.infer<typeof Kerncijfers>> {
  const tenantId = reportTenant(ctx, q.regio);
  const p = new Problems();
  const filters = checkQuery(q, p);
  p.throwIfAny();
  const [figures] = (
    await computeSeries(ctx.db, {
      tenantIds: [tenantId],
      periods: [{ from: q.van, to: q.tot }],
      filters,
      today: todayInNl(ctx.now),
    })
  ).get(tenantId)!;
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'kerncijfers',
    detail: `${q.van} tot ${q.tot}${filterText(q) ? `; ${filterText(q)}` : ''}`,
  });
  const aggregatesOnly = !can(ctx.actor, 'rapportages.exact');
  return {
    regio: tenantId,
    van: q.van,
    tot: q.tot,
    ...present(ctx, figures!),
    onderdrukkingsgrens: aggregatesOnly ? SUPPRESS_BELOW : null,
  };
}

/** GET /v1/rapportages/reeksen: the figures per calendar sub-period of [van, tot). */
export async function seriesForActor(
  ctx: Ctx,
  q: ReportQuery & { interval: Interval },
): Promise<z.infer<typeof Reeksen>> {
  const tenantId = reportTenant(ctx, q.regio);
  const p = new Problems();
  const filters = checkQuery(q, p);
  if (!INTERVALS.includes(q.interval)) p.add('interval', 'enum', 'Kies jaar, halfjaar, kwartaal of maand.');
  p.throwIfAny();
  const periods = splitPeriods(q.van, q.tot, q.interval);
  if (periods.length > MAX_PERIODS)
    new Problems()
      .add(
        'interval',
        'too_many',
        `Te veel perioden (${periods.length}); kies een groter interval of een kortere periode (ten hoogste ${MAX_PERIODS}).`,
      )
      .throwIfAny();
  const figures = (
    await computeSeries(ctx.db, { tenantIds: [tenantId], periods, filters, today: todayInNl(ctx.now) })
  ).get(tenantId)!;
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'kerncijfers',
    detail: `reeks per ${q.interval}, ${q.van} tot ${q.tot}${filterText(q) ? `; ${filterText(q)}` : ''}`,
  });
  const aggregatesOnly = !can(ctx.actor, 'rapportages.exact');
  return {
    regio: tenantId,
    van: q.van,
    tot: q.tot,
    interval: q.interval,
    perioden: periods.map((per, i) => ({ label: per.label, van: per.from, tot: per.to, ...present(ctx, figures[i]!) })),
    onderdrukkingsgrens: aggregatesOnly ? SUPPRESS_BELOW : null,
  };
}

/** GET /v1/rapportages/bezetting: current occupancy per active facility against its capacity. */
export async function occupancyForActor(ctx: Ctx, q: { regio?: string }) {
  const tenantId = reportTenant(ctx, q.regio);
  const today = todayInNl(ctx.now);
  const rows = await occupancyRows(ctx.db, tenantId, today);
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'bezetting',
    detail: `actuele bezetting per locatie op ${today}`,
  });
  const locaties = rows.map((r) => ({
    id: r.id,
    naam: r.name,
    type: r.type,
    nachtopvang: r.is_night_shelter,
    gemeentecode: r.municipality_code,
    capaciteit: r.beds,
    reserve: r.reserve_beds,
    eenheden: r.units,
    bezet: r.occupied,
    reserveBezet: r.reserve_occupied,
    bezetteEenheden: r.occupied_units,
    vrij: Math.max(0, r.beds - r.occupied),
    bezettingsgraad: r.beds > 0 ? r.occupied / r.beds : null,
  }));
  const sum = (key: 'capaciteit' | 'reserve' | 'bezet' | 'reserveBezet') => locaties.reduce((n, l) => n + l[key], 0);
  return {
    regio: tenantId,
    peildatum: today,
    locaties,
    totaal: {
      capaciteit: sum('capaciteit'),
      reserve: sum('reserve'),
      bezet: sum('bezet'),
      reserveBezet: sum('reserveBezet'),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSV for Dutch Excel: UTF-8 with BOM, ';' as separator, decimal comma, CRLF, figures as rows and periods as
// columns (the Leger des Heils layout). Suppressed cells are 'x' (as CBS does), unknown cells are empty.

type AnyFigures = ReportFigures | (KeyFigures & { onderdrukt: string[] });

const csvNumber = (n: number | null | undefined, decimals = 1) =>
  n == null || !Number.isFinite(n)
    ? ''
    : (Math.round(n * 10 ** decimals) / 10 ** decimals).toString().replace('.', ',');
function csvCell(v: string): string {
  // Formula injection: a cell starting with = + - @ (or tab/CR) would run as a formula in Excel.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(,\d+)?$/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The key figures that are one number (the rows of the CSV). */
type NumberFigure = { [K in keyof KeyFigures]: KeyFigures[K] extends number | null ? K : never }[keyof KeyFigures];

export const FIGURE_ROWS: { key: NumberFigure; label: string; kind: 'count' | 'mean' | 'share' }[] = [
  { key: 'aanmeldingen', label: 'Aanmeldingen', kind: 'count' },
  { key: 'startTraject', label: 'Waarvan > 3 nachten en start traject', kind: 'count' },
  { key: 'gemiddeldAantalNachten', label: 'Gemiddeld aantal nachten', kind: 'mean' },
  { key: 'gemiddeldeDuurTrajectDagen', label: 'Gemiddelde duur traject (dagen)', kind: 'mean' },
  { key: 'trajectenBeeindigd', label: 'Trajecten beëindigd', kind: 'count' },
  { key: 'uitgestroomd', label: 'Uitgestroomd', kind: 'count' },
  { key: 'vertrokkenOnbekend', label: 'Vertrokken met onbekende bestemming', kind: 'count' },
  { key: 'gemiddeldeBedbezetting', label: 'Gemiddelde bedbezetting nachtopvang', kind: 'mean' },
  { key: 'binnenDrieMaandenDoorgestroomd', label: 'Binnen 3 maanden doorgestroomd (%)', kind: 'share' },
  { key: 'uitstroomNaarWonen', label: 'Uitstroom naar wonen (%)', kind: 'share' },
  { key: 'personenInOpvang', label: 'Personen in opvang', kind: 'count' },
];

export function figuresCsv(columns: { label: string; figures: AnyFigures }[]): string {
  const lines: string[][] = [['Kerncijfer', ...columns.map((c) => c.label)]];
  const value = (f: AnyFigures, key: NumberFigure, kind: 'count' | 'mean' | 'share') => {
    if (f.onderdrukt.includes(key)) return 'x';
    const v = f[key];
    return kind === 'share' ? csvNumber(v == null ? null : v * 100) : csvNumber(v);
  };
  for (const r of FIGURE_ROWS) lines.push([r.label, ...columns.map((c) => value(c.figures, r.key, r.kind))]);
  const listRows = (
    prefix: string,
    keyOf: (f: AnyFigures) => { name: string; aantal: number | null; onderdrukt?: boolean }[],
  ) => {
    const names = [...new Set(columns.flatMap((c) => keyOf(c.figures).map((x) => x.name)))];
    for (const name of names) {
      lines.push([
        `${prefix}: ${name}`,
        ...columns.map((c) => {
          const x = keyOf(c.figures).find((e) => e.name === name);
          return !x ? '0' : x.onderdrukt ? 'x' : csvNumber(x.aantal, 0);
        }),
      ]);
    }
  };
  listRows('Uitstroom naar', (f) =>
    f.uitstroomPerGroep.map((x) => ({
      name: x.label,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  listRows('Herkomst', (f) =>
    f.herkomst.map((x) => ({
      name: x.herkomst,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  listRows('Aanleiding', (f) =>
    f.aanleiding.map((x) => ({
      name: x.aanleiding,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
