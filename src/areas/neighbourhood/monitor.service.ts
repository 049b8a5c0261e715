// Issue 17 — the yearly liveability monitor: meldingen by kind and month, response times, agreements kept and the
// trend against the three earlier years, for one wijk, one public facility or the whole region. Counts of
// meldingen and agreements only; no persons.
import { NotFoundError } from '../../platform/errors.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { REPORT_KIND_CODES, REPORT_KINDS } from './reference.js';

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
};

export async function liveabilityMonitor(ctx: Ctx, q: { jaar: number; wijkId?: string; openbareLocatieId?: string }) {
  authorize(ctx, 'leefbaarheid.lezen');
  let subject = 'Hele regio';
  let facilityIds: string[] | null = null;
  if (q.openbareLocatieId) {
    const f = await ctx.db
      .selectFrom('public_facilities')
      .select(['id', 'name', 'facility_id'])
      .where('id', '=', q.openbareLocatieId)
      .executeTakeFirst();
    if (!f) throw new NotFoundError('Deze locatie bestaat niet.');
    authorize(ctx, 'leefbaarheid.lezen', { facilityId: f.facility_id });
    subject = f.name;
    facilityIds = [f.id];
  } else if (q.wijkId) {
    const w = await ctx.db.selectFrom('wijken').select(['id', 'name']).where('id', '=', q.wijkId).executeTakeFirst();
    if (!w) throw new NotFoundError('Deze wijk bestaat niet.');
    subject = w.name;
  }
  if (!facilityIds && !can(ctx.actor, 'buurt.alleLocaties')) {
    // a locatiemedewerker sees the own facility's figures only: the public pages of the own facility
    const own = await ctx.db
      .selectFrom('public_facilities')
      .select(['id', 'name'])
      .where('facility_id', '=', ctx.actor.facilityId ?? '-')
      .orderBy('name')
      .execute();
    facilityIds = own.length ? own.map((f) => f.id) : ['-'];
    subject = own.map((f) => f.name).join(', ') || 'Eigen locatie';
  }
  let rq = ctx.db
    .selectFrom('nuisance_reports as r')
    .innerJoin('public_facilities as p', 'p.id', 'r.public_facility_id')
    .select(['r.kind', 'r.received_at', 'r.started_at', 'r.replied_at', 'r.handled_at', 'r.status'])
    .where('r.tenant_id', '=', ctx.actor.tenantId)
    .where('r.received_at', '>=', new Date(`${q.jaar - 3}-01-01T00:00:00+01:00`))
    .where('r.received_at', '<', new Date(`${q.jaar + 1}-01-01T00:00:00+01:00`));
  if (facilityIds) rq = rq.where('r.public_facility_id', 'in', facilityIds);
  if (q.wijkId) rq = rq.where('p.wijk_id', '=', q.wijkId);
  const rows = await rq.execute();
  const yearOf = (d: Date) =>
    Number(new Date(d).toLocaleString('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }));
  const monthOf = (d: Date) =>
    Number(new Date(d).toLocaleString('en-CA', { timeZone: 'Europe/Amsterdam', month: 'numeric' })) - 1;
  const thisYear = rows.filter((r) => yearOf(r.received_at) === q.jaar);
  const perSoort = REPORT_KIND_CODES.map((soort) => {
    const perMaand = Array.from({ length: 12 }, () => 0);
    for (const r of thisYear) if (r.kind === soort) perMaand[monthOf(r.received_at)]++;
    return { soort, label: REPORT_KINDS[soort], perMaand, totaal: perMaand.reduce((a, b) => a + b, 0) };
  });
  const perMaand = Array.from({ length: 12 }, (_, m) => perSoort.reduce((s, k) => s + k.perMaand[m], 0));
  const responseHours = thisYear
    .map((r) => {
      const first = [r.started_at, r.replied_at, r.handled_at]
        .filter((d): d is Date => d !== null)
        .map((d) => new Date(d).getTime())
        .sort((a, b) => a - b)[0];
      return first === undefined ? null : (first - new Date(r.received_at).getTime()) / 3_600_000;
    })
    .filter((h): h is number => h !== null);
  let aq = ctx.db
    .selectFrom('neighbourhood_agreements as a')
    .innerJoin('public_facilities as p', 'p.id', 'a.public_facility_id')
    .select(['a.kept', 'a.made_on'])
    .where('a.tenant_id', '=', ctx.actor.tenantId)
    .where('a.made_on', '<=', `${q.jaar}-12-31`);
  if (facilityIds) aq = aq.where('a.public_facility_id', 'in', facilityIds);
  if (q.wijkId) aq = aq.where('p.wijk_id', '=', q.wijkId);
  const agreements = await aq.execute();
  return {
    jaar: q.jaar,
    onderwerp: subject,
    meldingen: thisYear.length,
    perSoort,
    perMaand,
    reactietijd: {
      mediaanUren: median(responseHours),
      binnen2Werkdagen: responseHours.filter((h) => h <= 48).length,
      afgehandeld: thisYear.filter((r) => r.status === 'afgehandeld').length,
      open: thisYear.filter((r) => r.status !== 'afgehandeld').length,
    },
    afspraken: {
      totaal: agreements.length,
      nagekomen: agreements.filter((a) => a.kept === true).length,
      nietNagekomen: agreements.filter((a) => a.kept === false).length,
      nogTeBeoordelen: agreements.filter((a) => a.kept === null).length,
    },
    trend: [q.jaar - 3, q.jaar - 2, q.jaar - 1, q.jaar].map((jaar) => ({
      jaar,
      meldingen: rows.filter((r) => yearOf(r.received_at) === jaar).length,
    })),
  };
}
