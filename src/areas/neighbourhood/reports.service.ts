// Issue 17 — the public facility page, the nuisance report form, the reporter's view (by tracking code) and the
// meldingen worklist. Public functions run without a session: `inPublicTenant` resolves the tenant from the slug
// (or the tracking code) as the table owner — one narrow lookup — and then acts for that tenant only (RLS, the
// explicit escape of docs/adr/0010; see docs/adr/0019-buurt-en-locaties.md).

import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/db/database.js';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, todayInNl } from '../../platform/validation.js';
import { actAsTenant, type Ctx, inSystemTransaction } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { cleanText, type FormTokenSource, hashTrackingCode, newTrackingCode, spotKey } from './abuse.js';
import {
  FACILITY_KINDS,
  REPORT_FLOW,
  REPORT_KIND_CODES,
  REPORT_KINDS,
  REPORT_STATUS_LABELS,
  type ReportKind,
  type ReportStatus,
} from './reference.js';
import type { BuurtmeldingWijziging, NieuweBuurtmelding } from './reports.dto.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const kindLabel = (k: string) => (FACILITY_KINDS as Record<string, string>)[k] ?? k;

/** Runs fn for the tenant of a published public facility, or 404. */
async function inPublicTenant<T>(
  database: Database,
  slug: string,
  fn: (tx: Tx, facility: { id: string; tenant_id: string; name: string }) => Promise<T>,
): Promise<T> {
  return inSystemTransaction(database, async (tx) => {
    const f = await tx
      .selectFrom('public_facilities')
      .select(['id', 'tenant_id', 'name'])
      .where('slug', '=', slug)
      .where('published', '=', true)
      .executeTakeFirst();
    if (!f) throw new NotFoundError('Deze locatie bestaat niet of heeft geen openbare pagina.');
    await actAsTenant(tx, f.tenant_id);
    return fn(tx, f);
  });
}

export async function publicFacilityPage(database: Database, slug: string, now: Date, tokens: FormTokenSource) {
  return inPublicTenant(database, slug, async (tx, f) => {
    const p = await tx
      .selectFrom('public_facilities as p')
      .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
      .select([
        'p.name',
        'p.kind',
        'p.description',
        'p.open_since',
        'p.care_provider',
        'p.management_contact',
        'p.next_meeting_on',
        'p.next_meeting_place',
        'w.name as wijk',
      ])
      .where('p.id', '=', f.id)
      .executeTakeFirstOrThrow();
    const agreements = await tx
      .selectFrom('neighbourhood_agreements')
      .select(['made_on', 'who', 'what', 'due_on', 'kept'])
      .where('public_facility_id', '=', f.id)
      .orderBy('made_on')
      .orderBy('what')
      .execute();
    const today = todayInNl(now);
    return {
      slug,
      naam: p.name,
      soort: kindLabel(p.kind),
      omschrijving: p.description,
      sinds: p.open_since,
      zorgaanbieder: p.care_provider,
      bereikbaarheid: p.management_contact,
      wijk: p.wijk,
      volgendeBijeenkomst:
        p.next_meeting_on && p.next_meeting_on >= today
          ? { datum: p.next_meeting_on, plaats: p.next_meeting_place }
          : null,
      afspraken: agreements.map((a) => ({
        gemaaktOp: a.made_on,
        wie: a.who,
        wat: a.what,
        uiterlijk: a.due_on,
        stand: a.kept === null ? ('loopt' as const) : a.kept ? ('nagekomen' as const) : ('niet-nagekomen' as const),
      })),
      meldingsoorten: REPORT_KIND_CODES.map((code) => ({ code, label: REPORT_KINDS[code] })),
      formulierToken: await tokens.issue(slug, now),
    };
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** A melding from the public form: checked, cleaned, stored with a hashed tracking code. */
export async function submitReport(
  database: Database,
  slug: string,
  input: z.infer<typeof NieuweBuurtmelding>,
  now: Date,
  tokens: FormTokenSource,
) {
  const problems = new Problems();
  if (input.website && input.website.trim() !== '')
    problems.add('website', 'honeypot', 'Dit veld moet leeg blijven. Uw melding lijkt automatisch verstuurd.');
  const tokenProblem = await tokens.check(input.formulierToken, slug, now);
  if (tokenProblem) problems.add('formulierToken', 'formulier', tokenProblem);
  const wat = cleanText(input.wat);
  const waar = cleanText(input.waar);
  const naam = input.naam ? cleanText(input.naam) || null : null;
  const email = input.email ? cleanText(input.email) || null : null;
  const telefoon = input.telefoon ? cleanText(input.telefoon) || null : null;
  if (!wat) problems.add('wat', 'verplicht', 'Beschrijf wat er gebeurde.');
  if (!waar) problems.add('waar', 'verplicht', 'Geef aan waar het gebeurde.');
  if (email && !EMAIL.test(email)) problems.add('email', 'email', 'Dit is geen geldig e-mailadres.');
  if (telefoon && !PHONE.test(telefoon)) problems.add('telefoon', 'telefoon', 'Dit is geen geldig telefoonnummer.');
  const today = todayInNl(now);
  if (input.datum > today) problems.add('datum', 'toekomst', 'De datum kan niet in de toekomst liggen.');
  else if (input.datum < addDays(today, -365))
    problems.add('datum', 'te_oud', 'Meld alleen wat in het afgelopen jaar gebeurde.');
  problems.throwIfAny();
  const { code, hash } = newTrackingCode();
  return inPublicTenant(database, slug, async (tx, f) => {
    await tx
      .insertInto('nuisance_reports')
      .values({
        tenant_id: f.tenant_id,
        public_facility_id: f.id,
        kind: input.soort,
        description: wat,
        occurred_on: input.datum,
        occurred_time: input.tijd ?? null,
        place: waar,
        spot_key: spotKey(waar) || waar.toLowerCase(),
        contact_name: naam,
        contact_email: email,
        contact_phone: telefoon,
        tracking_hash: hash,
        received_at: now,
      })
      .execute();
    return { volgcode: code, volgpagina: `/openbaar/melding/${code}`, status: 'ontvangen' as const };
  });
}

/** The reporter's view: found by the tracking code alone (only its hash is stored). */
export async function reportByTrackingCode(database: Database, code: string) {
  const hash = hashTrackingCode(code);
  return inSystemTransaction(database, async (tx) => {
    const owner = await tx
      .selectFrom('nuisance_reports')
      .select('tenant_id')
      .where('tracking_hash', '=', hash)
      .executeTakeFirst();
    if (!owner) throw new NotFoundError('Er is geen melding met deze volgcode.');
    await actAsTenant(tx, owner.tenant_id);
    const r = await tx
      .selectFrom('nuisance_reports as r')
      .innerJoin('public_facilities as p', 'p.id', 'r.public_facility_id')
      .select([
        'p.name',
        'p.slug',
        'r.kind',
        'r.description',
        'r.occurred_on',
        'r.occurred_time',
        'r.place',
        'r.status',
        'r.received_at',
        'r.reply',
        'r.replied_at',
      ])
      .where('r.tracking_hash', '=', hash)
      .executeTakeFirstOrThrow();
    return {
      locatie: r.name,
      slug: r.slug,
      soort: REPORT_KINDS[r.kind as ReportKind] ?? r.kind,
      wat: r.description,
      datum: r.occurred_on,
      tijd: r.occurred_time,
      waar: r.place,
      status: r.status,
      statusLabel: REPORT_STATUS_LABELS[r.status],
      ontvangenOp: iso(r.received_at)!,
      reactie: r.reply,
      beantwoordOp: iso(r.replied_at),
    };
  });
}

// ----- the worklist (logged in) -----

const hoursBetween = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10;
const firstResponse = (r: { started_at: Date | null; replied_at: Date | null; handled_at: Date | null }) =>
  [r.started_at, r.replied_at, r.handled_at]
    .filter((d): d is Date => d !== null)
    .map((d) => new Date(d))
    .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

function reportQuery(ctx: Ctx) {
  let q = ctx.db
    .selectFrom('nuisance_reports as r')
    .innerJoin('public_facilities as p', 'p.id', 'r.public_facility_id')
    .selectAll('r')
    .select(['p.name as facility_name', 'p.slug', 'p.facility_id'])
    .where('r.tenant_id', '=', ctx.actor.tenantId);
  if (!can(ctx.actor, 'buurt.alleLocaties')) q = q.where('p.facility_id', '=', ctx.actor.facilityId ?? '-');
  return q;
}
type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

function shapeReport(ctx: Ctx, r: ReportRow, samePlace: number) {
  const row = { facilityId: r.facility_id };
  const first = firstResponse(r);
  const hasContact = Boolean(r.contact_name || r.contact_email || r.contact_phone);
  return {
    id: r.id,
    locatie: { id: r.public_facility_id, naam: r.facility_name, slug: r.slug },
    soort: r.kind as ReportKind,
    soortLabel: REPORT_KINDS[r.kind as ReportKind] ?? r.kind,
    wat: r.description,
    datum: r.occurred_on,
    tijd: r.occurred_time,
    waar: r.place,
    plek: r.spot_key,
    opDezePlek: samePlace,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    volgendeStatussen: [...REPORT_FLOW.next(r.status)],
    ontvangenOp: iso(r.received_at)!,
    eersteReactieOp: first ? first.toISOString() : null,
    afgehandeldOp: iso(r.handled_at),
    reactieUren: first ? hoursBetween(new Date(r.received_at), first) : null,
    reactie: r.reply,
    behandelaar: r.handled_by_name,
    contactAchtergelaten: hasContact,
    contact:
      hasContact && can(ctx.actor, 'buurtmeldingen.contactZien', row)
        ? { naam: r.contact_name, email: r.contact_email, telefoon: r.contact_phone }
        : null,
    mogelijkheden: { behandelen: can(ctx.actor, 'buurtmeldingen.behandelen', row) },
  };
}

/** Meldingen of the last 90 days per facility and spot, for grouping repeated reports on the same spot. */
async function spotCounts(ctx: Ctx) {
  const since = new Date(ctx.now.getTime() - 90 * 86_400_000);
  const rows = await reportQuery(ctx)
    .clearSelect()
    .select(['r.public_facility_id', 'r.spot_key', 'p.name as facility_name', sql<number>`count(*)::int`.as('n')])
    .select(sql<string>`min(r.place)`.as('place'))
    .where('r.received_at', '>=', since)
    .groupBy(['r.public_facility_id', 'r.spot_key', 'p.name'])
    .execute();
  return rows;
}

export async function listReports(ctx: Ctx, q: { status?: ReportStatus; openbareLocatieId?: string }) {
  authorize(ctx, 'buurtmeldingen.zien');
  let query = reportQuery(ctx);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.openbareLocatieId) query = query.where('r.public_facility_id', '=', q.openbareLocatieId);
  const rows = await query.orderBy('r.received_at', 'desc').orderBy('r.id').limit(500).execute();
  const counts = await spotCounts(ctx);
  const countOf = (facility: string, spot: string) =>
    counts.find((c) => c.public_facility_id === facility && c.spot_key === spot)?.n ?? 0;
  return {
    meldingen: rows.map((r) => shapeReport(ctx, r, countOf(r.public_facility_id, r.spot_key))),
    herhaaldePlekken: counts
      .filter((c) => c.n > 1)
      .sort((a, b) => b.n - a.n || a.spot_key.localeCompare(b.spot_key))
      .map((c) => ({ locatie: c.facility_name, plek: c.spot_key, waar: c.place, aantal: c.n })),
  };
}

/** Status change and/or reply; the first of either is the response time. */
export async function updateReport(ctx: Ctx, id: string, input: z.infer<typeof BuurtmeldingWijziging>) {
  const r = await reportQuery(ctx).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!r) throw new NotFoundError('Deze melding bestaat niet.');
  authorize(ctx, 'buurtmeldingen.behandelen', { facilityId: r.facility_id });
  const problems = new Problems();
  if (input.status === undefined && input.reactie === undefined)
    problems.add('(body)', 'leeg', 'Geef een nieuwe status of een reactie.');
  const reply = input.reactie !== undefined ? cleanText(input.reactie) : undefined;
  if (reply === '') problems.add('reactie', 'verplicht', 'Een reactie kan niet leeg zijn.');
  problems.throwIfAny();
  if (input.status !== undefined && input.status !== r.status) REPORT_FLOW.assert(r.status, input.status);
  const status = input.status ?? r.status;
  await ctx.db
    .updateTable('nuisance_reports')
    .set({
      status,
      started_at: r.started_at ?? (status !== 'ontvangen' ? ctx.now : null),
      handled_at: status === 'afgehandeld' ? (r.status === 'afgehandeld' ? r.handled_at : ctx.now) : null,
      ...(reply !== undefined ? { reply, replied_at: ctx.now } : {}),
      handled_by_name: ctx.actor.displayName,
    })
    .where('id', '=', id)
    .execute();
  const updated = await reportQuery(ctx).where('r.id', '=', id).executeTakeFirstOrThrow();
  const counts = await spotCounts(ctx);
  const same = counts.find((c) => c.public_facility_id === r.public_facility_id && c.spot_key === r.spot_key)?.n ?? 0;
  return shapeReport(ctx, updated, same);
}

export async function listPublicFacilities(ctx: Ctx) {
  authorize(ctx, 'buurtmeldingen.zien');
  let q = ctx.db
    .selectFrom('public_facilities as p')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .select(['p.id', 'p.slug', 'p.name', 'p.kind', 'p.next_meeting_on', 'p.facility_id', 'w.name as wijk'])
    .select((eb) =>
      eb
        .selectFrom('nuisance_reports as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.public_facility_id', '=', 'p.id')
        .where('r.status', '!=', 'afgehandeld')
        .as('open'),
    )
    .where('p.tenant_id', '=', ctx.actor.tenantId);
  if (!can(ctx.actor, 'buurt.alleLocaties')) q = q.where('p.facility_id', '=', ctx.actor.facilityId ?? '-');
  const rows = await q.orderBy('p.name').execute();
  return {
    locaties: rows.map((p) => ({
      id: p.id,
      slug: p.slug,
      naam: p.name,
      soort: kindLabel(p.kind),
      wijk: p.wijk,
      openMeldingen: Number(p.open ?? 0),
      volgendeBijeenkomst: p.next_meeting_on,
    })),
  };
}
