// The terugval figure (./relapse.ts) over the tenant's exits, and the share of shelter clients known before.
// Roles without exact figures get the cell key method (src/areas/reporting/protection.ts): every count is keyed to
// the persons behind it, shares only from published counts that reach the minimum, and fixed calendar periods and
// peildata (the first day of a month) instead of free dates (issue 13).

import { Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { tenantSecret } from '../reporting/disclosure.js';
import { type Protection, protectionFor } from '../reporting/protection.js';
import { checkFixedPeriod } from '../reporting/reports.service.js';
import type { RelapseFigures } from './relapse.dto.js';
import { computeRelapse, type PersonReturn, RELAPSE_DESTINATION_TYPES, RETURN_WINDOWS } from './relapse.js';
import { loadRelapseRows, loadUsedShelterBefore } from './relapse.queries.js';

type Counts = RelapseFigures['totaal'];

/**
 * The counts of ./relapse.ts countReturns, each from the set of persons behind it, so that the cell key method can
 * key it: uitstromen, and per window the denominator, the returns and the exits whose window is still running.
 */
export function protectedReturns(prot: Protection, persons: PersonReturn[], peildatum: string): Counts {
  const out = { uitstromen: prot.count(persons.map((p) => p.clientId)) } as Counts;
  for (const w of RETURN_WINDOWS) {
    const complete = persons.filter((p) => daysBetween(p.exitDate, peildatum) >= w.days);
    const pending = persons.filter((p) => daysBetween(p.exitDate, peildatum) < w.days);
    const returned = complete.filter((p) => p.daysToReturn != null && p.daysToReturn <= w.days);
    const noemer = prot.count(complete.map((p) => p.clientId));
    const teruggekeerd = prot.count(returned.map((p) => p.clientId));
    const aandeel = prot.share(teruggekeerd, noemer);
    out[w.key] = {
      noemer,
      teruggekeerd,
      aandeel,
      nogNietVolledig: prot.count(pending.map((p) => p.clientId)),
      ...(aandeel == null && noemer > 0 ? { onderdrukt: true } : {}),
    };
  }
  return out;
}

/** GET /v1/rapportages/terugval: aggregates only (no persons); the cell key method for roles without exact figures. */
export async function relapseReport(
  ctx: Ctx,
  q: { van: string; tot: string; peildatum?: string },
): Promise<RelapseFigures> {
  authorize(ctx, 'rapportages.lezen');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  if (q.peildatum && !isIsoDate(q.peildatum)) p.add('peildatum', 'date', 'Ongeldige peildatum.');
  const tenant = ctx.actor.tenantId;
  const prot = await protectionFor(ctx, tenant);
  if (!prot.exact) {
    checkFixedPeriod(q, p);
    if (q.peildatum && isIsoDate(q.peildatum) && q.peildatum.slice(8) !== '01')
      p.add(
        'peildatum',
        'vaste_peildatum',
        'Voor uw rol is de peildatum vandaag of de eerste dag van een maand (bijvoorbeeld 2026-01-01).',
      );
  }
  p.throwIfAny();
  const peildatum = q.peildatum ?? todayInNl(ctx.now);
  const rows = await loadRelapseRows(ctx.db, tenant, q.van, q.tot);
  const result = computeRelapse(rows.exits, rows.entries, { from: q.van, to: q.tot, peildatum });
  const used = await loadUsedShelterBefore(
    ctx.db,
    tenant,
    q.van,
    q.tot,
    prot.exact ? undefined : await tenantSecret(ctx.db, tenant),
  );
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'terugvalcijfers', detail: `${q.van} tot ${q.tot}` });
  const sheltered = (x: PersonReturn) => x.type === 'beschermd-wonen';
  const clienten = prot.countKeyed(used.clients, used.clientsKey);
  const waarvanEerder = prot.countKeyed(used.before, used.beforeKey);
  return {
    van: q.van,
    tot: q.tot,
    peildatum,
    definitie:
      'Uitstroom naar permanente woonruimte in [van, tot); per persoon de eerste zo’n uitstroom. Uitstroom naar beschermd wonen staat apart (eigen regel, niet in het totaal). Terugval = eerste nieuwe aanmelding of plaatsing na de uitstroomdatum, binnen 180/365/730 dagen. Een termijn telt alleen uitstromen waarvan de termijn op de peildatum verstreken is.',
    totaal: prot.exact
      ? result.totaal
      : protectedReturns(
          prot,
          result.personen.filter((x) => !sheltered(x)),
          peildatum,
        ),
    perBestemming: prot.exact
      ? result.perBestemming
      : RELAPSE_DESTINATION_TYPES.map((t) => ({
          type: t.code,
          label: t.label,
          ...protectedReturns(
            prot,
            result.personen.filter((x) => x.type === t.code),
            peildatum,
          ),
        })),
    eerderInOpvang: {
      clienten,
      waarvanEerder,
      aandeel: prot.exact ? (used.clients ? used.before / used.clients : null) : prot.share(waarvanEerder, clienten),
    },
    onderdrukkingsgrens: prot.exact ? null : prot.minimum,
  };
}
