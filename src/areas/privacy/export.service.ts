// AVG art. 15 (issue 19): everything Onderdak holds about one client, as machine-readable JSON and as a readable,
// printable HTML page. "Everything" is found, not listed by hand: every table with a client_id column (a new table is
// included automatically), plus the child rows of the plan and the ZRM, the eigen bijdrage and the inzagelog (who
// looked at the file). Left out: secrets (password hashes, search keys), the tenant column, and the derived figure
// tables (anonymous copies for the reports). The export itself is audited.
import { sql } from 'kysely';
import { datumTekst } from '../../platform/dates.js';
import { NotFoundError } from '../../platform/errors.js';
import { audit, auditTrail } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { accountOf } from '../finance/finance.service.js';
import type { Gegevensoverzicht } from './privacy.dto.js';

const TITLES: Record<string, string> = {
  clients: 'Persoonsgegevens',
  household_members: 'Huishouden',
  registrations: 'Aanmeldingen',
  access_decisions: 'Toegangsbesluiten',
  trajectories: 'Trajecten',
  stays: 'Verblijven (overnachtingen)',
  stay_corrections: 'Correcties op verblijven',
  facility_referrals: 'Verwijzingen naar een locatie',
  zrm_assessments: 'Zelfredzaamheid-Matrix (metingen)',
  zrm_scores: 'Zelfredzaamheid-Matrix (scores)',
  perspective_plans: 'Perspectiefplan',
  plan_goals: 'Doelen in het plan',
  plan_actions: 'Acties in het plan',
  waiting_list_entries: 'Wachtlijsten',
  housing_candidates: 'Kandidaat voor een woning',
  housing_offers: 'Woningaanbiedingen',
  housing_first_trajectories: 'Housing First',
  aftercare_plans: 'Nazorg',
  budget_management: 'Budgetbeheer',
  journal_entries: 'Journaal',
  appointments: 'Afspraken',
  appointment_changes: 'Wijzigingen van afspraken',
  client_documents: 'Documenten',
  case_handovers: 'Overdrachten van de casus',
  corrections: 'Correcties',
  objections: 'Bezwaren',
  client_messages: 'Berichten',
  import_records: 'Overgenomen dossiers',
  own_contribution_adjustments: 'Vrijstellingen en kortingen eigen bijdrage',
  own_contribution_payments: 'Betalingen eigen bijdrage',
  users: 'Account in Mijn Onderdak',
};
const SKIP_TABLES = new Set(['audit_log']);
const SKIP_COLUMNS = new Set(['tenant_id', 'password_hash', 'search_keys', 'totp_secret', 'content_hash']);

function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => cell(x) ?? '').join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (v instanceof Uint8Array) return `(${v.length} bytes)`;
  return String(v);
}
const rowOf = (r: Record<string, unknown>) =>
  Object.entries(r)
    .filter(([k, v]) => !SKIP_COLUMNS.has(k) && !(v instanceof Uint8Array) && !Buffer.isBuffer(v))
    .map(([veld, waarde]) => ({ veld, waarde: cell(waarde) }));

async function tablesWithClientId(ctx: Ctx): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'client_id' AND t.table_type = 'BASE TABLE'
       AND c.table_name NOT LIKE 'figure\\_%'
     ORDER BY c.table_name`.execute(ctx.db);
  return r.rows.map((x) => x.table_name).filter((t) => !SKIP_TABLES.has(t));
}

async function rowsWhere(ctx: Ctx, table: string, column: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const r = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} IN (${sql.join(ids.map((i) => sql`${i}`))})`.execute(
    ctx.db,
  );
  return r.rows;
}

/** Everything held about the client (JSON form); audited as one export. */
export async function exportClientData(ctx: Ctx, clientId: string): Promise<Gegevensoverzicht> {
  authorize(ctx, 'avg.exporteren');
  await assertClientVisible(ctx, clientId); // 404 before 403: no hint that another person's file exists
  authorize(ctx, 'avg.exporteren', { clientId });
  const client = await ctx.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!client) throw new NotFoundError('Cliënt niet gevonden.');
  const onderdelen: Gegevensoverzicht['onderdelen'] = [
    { onderdeel: 'clients', titel: TITLES.clients!, rijen: [rowOf(client as Record<string, unknown>)] },
  ];
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const t of await tablesWithClientId(ctx)) {
    let rows = await rowsWhere(ctx, t, 'client_id', [clientId]);
    if (t === 'users')
      rows = rows.map((u) => ({ gebruikersnaam: u.username, actief: u.active, aangemaakt: u.created_at }));
    byTable.set(t, rows);
  }
  // rows that hang on the client through a parent
  const ids = (t: string) => (byTable.get(t) ?? []).map((r) => String(r.id));
  byTable.set('access_decisions', await rowsWhere(ctx, 'access_decisions', 'registration_id', ids('registrations')));
  byTable.set('zrm_scores', await rowsWhere(ctx, 'zrm_scores', 'assessment_id', ids('zrm_assessments')));
  byTable.set('plan_goals', await rowsWhere(ctx, 'plan_goals', 'plan_id', ids('perspective_plans')));
  byTable.set('plan_actions', await rowsWhere(ctx, 'plan_actions', 'goal_id', ids('plan_goals')));
  for (const [t, rows] of [...byTable.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!rows.length) continue;
    onderdelen.push({ onderdeel: t, titel: TITLES[t] ?? t.replace(/_/g, ' '), rijen: rows.map(rowOf) });
  }
  const account = await accountOf(ctx, clientId);
  const log = await auditTrail(ctx, clientId);
  await audit(ctx, {
    clientId,
    action: 'lezen',
    resource: 'avg-inzage',
    detail: `export van alle gegevens (${onderdelen.length} onderdelen)`,
    basis: 'AVG art. 15 — recht op inzage',
  });
  return {
    clientId,
    gemaaktOp: ctx.now.toISOString(),
    onderdelen,
    eigenBijdrage: {
      nachten: account.nights.length,
      verschuldigd: account.dueCents / 100,
      betaald: account.paidCents / 100,
    },
    inzagelog: log.map((r) => ({
      tijdstip: new Date(r.at).toISOString(),
      gebruiker: r.username,
      rol: r.role,
      actie: r.action,
      onderdeel: r.resource,
      grondslag: r.basis,
    })),
  };
}

const esc = (s: string | null) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same export as a readable, printable HTML page (Dutch, no scripts). */
export function exportHtml(o: Gegevensoverzicht): string {
  const sections = o.onderdelen
    .map(
      (s) =>
        `<section><h2>${esc(s.titel)}</h2>${s.rijen
          .map(
            (r) =>
              `<table><tbody>${r
                .map(
                  (c) =>
                    `<tr><th scope="row">${esc(c.veld)}</th><td>${esc(c.waarde) || '<span class="leeg">—</span>'}</td></tr>`,
                )
                .join('')}</tbody></table>`,
          )
          .join('')}</section>`,
    )
    .join('\n');
  const log = o.inzagelog
    .map(
      (r) =>
        `<tr><td>${esc(r.tijdstip.slice(0, 16).replace('T', ' '))}</td><td>${esc(r.gebruiker)}</td><td>${esc(r.rol)}</td><td>${esc(r.actie)} ${esc(r.onderdeel)}</td><td>${esc(r.grondslag)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Uw gegevens in Onderdak</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0;width:14rem;font-weight:600}.leeg{color:#555}section{break-inside:avoid-page}
@media print{body{margin:0}a{color:inherit}}
</style></head><body>
<h1>Uw gegevens in Onderdak</h1>
<p>Dit overzicht bevat alle gegevens die de gemeente in Onderdak over u bewaart (AVG artikel 15). Gemaakt op ${esc(datumTekst(o.gemaaktOp))}.</p>
<p>Eigen bijdrage: ${o.eigenBijdrage.nachten} nachten, verschuldigd € ${o.eigenBijdrage.verschuldigd.toFixed(2).replace('.', ',')}, betaald € ${o.eigenBijdrage.betaald.toFixed(2).replace('.', ',')}.</p>
${sections}
<section><h2>Wie heeft uw dossier bekeken</h2>
<table><thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Rol</th><th scope="col">Wat</th><th scope="col">Grondslag</th></tr></thead><tbody>${log}</tbody></table></section>
</body></html>`;
}
