// The terugval figure (./relapse.ts) over the tenant's exits, and the share of shelter clients known before.

import { Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';
import type { RelapseFigures } from './relapse.dto.js';
import { computeRelapse, type RETURN_WINDOWS, type RelapseCounts, type WindowCount } from './relapse.js';
import { loadRelapseRows, loadUsedShelterBefore } from './relapse.queries.js';

type WindowKey = (typeof RETURN_WINDOWS)[number]['key'];
type ProtectedWindow = {
  noemer: number | null;
  teruggekeerd: number | null;
  aandeel: number | null;
  nogNietVolledig: number;
  onderdrukt?: boolean;
};
type ProtectedCounts = { uitstromen: number | null } & Record<WindowKey, ProtectedWindow>;

const small = (n: number) => n > 0 && n < SUPPRESS_BELOW;

/** A window with a small denominator or a small number of returns shows neither the returns nor the share. */
function protectWindow(x: WindowCount): ProtectedWindow {
  return small(x.noemer) || small(x.teruggekeerd)
    ? {
        noemer: small(x.noemer) ? null : x.noemer,
        teruggekeerd: null,
        aandeel: null,
        nogNietVolledig: x.nogNietVolledig,
        onderdrukt: true,
      }
    : x;
}

function protectCounts(c: RelapseCounts): ProtectedCounts {
  return {
    uitstromen: small(c.uitstromen) ? null : c.uitstromen,
    binnen6Maanden: protectWindow(c.binnen6Maanden),
    binnen12Maanden: protectWindow(c.binnen12Maanden),
    binnen24Maanden: protectWindow(c.binnen24Maanden),
  };
}

/** GET /v1/rapportages/terugval: aggregates only (no persons), small cells suppressed for roles without exact figures. */
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
  p.throwIfAny();
  const peildatum = q.peildatum ?? todayInNl(ctx.now);
  const rows = await loadRelapseRows(ctx.db, ctx.actor.tenantId, q.van, q.tot);
  const result = computeRelapse(rows.exits, rows.entries, { from: q.van, to: q.tot, peildatum });
  const used = await loadUsedShelterBefore(ctx.db, ctx.actor.tenantId, q.van, q.tot);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'terugvalcijfers', detail: `${q.van} tot ${q.tot}` });
  const suppress = !can(ctx.actor, 'rapportages.exact');
  const hide = (n: number) => suppress && small(n);
  return {
    van: q.van,
    tot: q.tot,
    peildatum,
    definitie:
      'Uitstroom naar permanente woonruimte in [van, tot); per persoon de eerste zo’n uitstroom. Uitstroom naar beschermd wonen staat apart (eigen regel, niet in het totaal). Terugval = eerste nieuwe aanmelding of plaatsing na de uitstroomdatum, binnen 180/365/730 dagen. Een termijn telt alleen uitstromen waarvan de termijn op de peildatum verstreken is.',
    totaal: suppress ? protectCounts(result.totaal) : result.totaal,
    perBestemming: result.perBestemming.map((x) => (suppress ? { ...x, ...protectCounts(x) } : x)),
    eerderInOpvang: {
      clienten: hide(used.clients) ? null : used.clients,
      waarvanEerder: hide(used.before) ? null : used.before,
      aandeel: used.clients && !hide(used.before) && !hide(used.clients) ? used.before / used.clients : null,
    },
    onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null,
  };
}
