// The beheerder's inzagelog (issue 11): find NEN 7513 lines by client (name, birth date), by user or by period, as
// JSON pages or a CSV file. Lines say who, when, what kind of action, which part and on what basis — never the
// content (shaped here, also for old rows that carry content in `detail`).
import { sql } from 'kysely';
import { writeCsv } from '../../platform/csv.js';
import { Problems } from '../../platform/errors.js';
import { addDays, isIsoDate } from '../../platform/validation.js';
import { auditPersons } from '../../rights/audit.js';
import { auditAction, auditPart } from '../../rights/audit-shape.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';

export interface AuditQuery {
  client?: string;
  geboortedatum?: string;
  gebruiker?: string;
  van?: string;
  tot?: string;
  pagina?: number;
  paginaGrootte?: number;
}

const CSV_MAX = 50_000;

function check(q: AuditQuery) {
  const p = new Problems();
  if (q.geboortedatum && !isIsoDate(q.geboortedatum))
    p.add('geboortedatum', 'date', 'Gebruik een datum als JJJJ-MM-DD.');
  if (q.van && !isIsoDate(q.van)) p.add('van', 'date', 'Gebruik een datum als JJJJ-MM-DD.');
  if (q.tot && !isIsoDate(q.tot)) p.add('tot', 'date', 'Gebruik een datum als JJJJ-MM-DD.');
  if (q.van && q.tot && isIsoDate(q.van) && isIsoDate(q.tot) && q.tot < q.van)
    p.add('tot', 'range', 'De einddatum ligt vóór de begindatum.');
  if (q.geboortedatum && !q.client?.trim())
    p.add('client', 'required', 'Zoek op geboortedatum samen met (een deel van) de naam.');
  p.throwIfAny();
}

function baseQuery(ctx: Ctx, q: AuditQuery) {
  let base = ctx.db
    .selectFrom('audit_log')
    .leftJoin('clients', (j) =>
      j.onRef('clients.id', '=', 'audit_log.client_id').on('clients.tenant_id', '=', ctx.actor.tenantId),
    )
    .where('audit_log.tenant_id', '=', ctx.actor.tenantId);
  const name = q.client?.trim();
  if (name) {
    for (const word of name.toLowerCase().split(/\s+/).slice(0, 4)) {
      const like = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      base = base.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['clients.first_name']), 'like', like),
          eb(eb.fn('lower', ['clients.last_name']), 'like', like),
        ]),
      );
    }
  }
  if (q.geboortedatum) base = base.where('clients.birth_date', '=', q.geboortedatum);
  if (q.gebruiker?.trim())
    base = base.where(sql<boolean>`lower(audit_log.username) = ${q.gebruiker.trim().toLowerCase()}`);
  // Days in Dutch time: [van 00:00, tot+1 00:00) Europe/Amsterdam.
  if (q.van) base = base.where(sql<boolean>`audit_log.at >= (${q.van}::timestamp AT TIME ZONE 'Europe/Amsterdam')`);
  if (q.tot)
    base = base.where(sql<boolean>`audit_log.at < (${addDays(q.tot, 1)}::timestamp AT TIME ZONE 'Europe/Amsterdam')`);
  return base;
}

function rowsQuery(ctx: Ctx, q: AuditQuery) {
  return baseQuery(ctx, q)
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.username',
      'audit_log.role',
      'audit_log.action',
      'audit_log.resource',
      'audit_log.basis',
      'audit_log.source_ip',
      'audit_log.emergency',
      'audit_log.client_id',
      'clients.first_name',
      'clients.last_name',
      'clients.birth_date',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

function toLine(r: Row) {
  return {
    tijdstip: new Date(r.at).toISOString(),
    gebruiker: r.username,
    rol: r.role,
    actie: auditAction(r.action),
    onderdeel: auditPart(r.resource),
    grondslag: r.basis,
    vanaf: r.source_ip,
    noodtoegang: r.emergency,
    client: r.client_id
      ? {
          id: r.client_id,
          naam: r.first_name ? `${r.first_name} ${r.last_name}` : null,
          geboortedatum: r.birth_date ?? null,
        }
      : null,
  };
}

/** GET /v1/inzagelogregels: one page, newest first. Looking is logged per person shown. */
export async function searchAuditLog(ctx: Ctx, q: AuditQuery) {
  authorize(ctx, 'inzagelog.doorzoeken');
  check(q);
  const size = Math.min(Math.max(q.paginaGrootte ?? 50, 1), 200);
  const page = Math.max(q.pagina ?? 1, 1);
  const rows = await rowsQuery(ctx, q)
    .limit(size + 1)
    .offset((page - 1) * size)
    .execute();
  const { n } = await baseQuery(ctx, q).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const shown = rows.slice(0, size);
  await auditPersons(
    ctx,
    shown.map((r) => r.client_id),
    { action: 'zoeken', resource: 'inzagelog' },
  );
  return {
    resultaten: shown.map(toLine),
    pagina: page,
    paginaGrootte: size,
    totaal: n,
    heeftVolgende: rows.length > size,
  };
}

/** The same lines as a CSV file for Dutch Excel (;, UTF-8 with BOM), at most 50,000 lines. */
export async function auditLogCsv(ctx: Ctx, q: AuditQuery) {
  authorize(ctx, 'inzagelog.doorzoeken');
  check(q);
  const rows = await rowsQuery(ctx, q).limit(CSV_MAX).execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'zoeken', resource: 'inzagelog' },
  );
  const lines = rows.map(toLine);
  return writeCsv([
    [
      'tijdstip',
      'gebruiker',
      'rol',
      'actie',
      'onderdeel',
      'grondslag',
      'vanaf',
      'noodtoegang',
      'clientId',
      'client',
      'geboortedatum',
    ],
    ...lines.map((l) => [
      l.tijdstip,
      l.gebruiker ?? '',
      l.rol ?? '',
      l.actie,
      l.onderdeel,
      l.grondslag ?? '',
      l.vanaf ?? '',
      l.noodtoegang ? 'ja' : 'nee',
      l.client?.id ?? '',
      l.client?.naam ?? '',
      l.client?.geboortedatum ?? '',
    ]),
  ]);
}
