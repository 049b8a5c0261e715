import type { Ctx } from '../context.js';
import { audit } from '../audit/audit.js';
import { ForbiddenError, Problems } from '../../lib/errors.js';
import { isIsoDate } from '../../lib/validation.js';
import { computeKeyFigures } from './kerncijfers.js';

/** Cells with fewer persons than this are suppressed for roles that see aggregates only. */
export const SUPPRESS_BELOW = 5;

type Cell = { aantal: number | null; onderdrukt?: boolean };

export function suppressSmallCells<T extends { aantal: number }>(rows: T[], threshold = SUPPRESS_BELOW): (Omit<T, 'aantal'> & Cell)[] {
  return rows.map((r) => (r.aantal > 0 && r.aantal < threshold ? { ...r, aantal: null, onderdrukt: true } : r));
}

export async function keyFiguresForActor(ctx: Ctx, q: { regio?: string; van: string; tot: string; herkomstGemeentecode?: string; locatieId?: string }) {
  if (!['beleid', 'toegang', 'beheerder'].includes(ctx.actor.role)) throw new ForbiddenError('Uw rol heeft geen toegang tot rapportages.');
  const tenantId = q.regio ?? ctx.actor.tenantId;
  if (tenantId !== ctx.actor.tenantId) throw new ForbiddenError('U kunt alleen cijfers van uw eigen centrumgemeente opvragen.');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van) p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  p.throwIfAny();
  const figures = await computeKeyFigures(ctx.db, { tenantId, from: q.van, to: q.tot, originMunicipalityCode: q.herkomstGemeentecode, facilityId: q.locatieId });
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'kerncijfers', detail: `${q.van} tot ${q.tot}` });
  const aggregatesOnly = ctx.actor.role !== 'toegang';
  return {
    regio: tenantId, van: q.van, tot: q.tot, ...figures,
    herkomst: aggregatesOnly ? suppressSmallCells(figures.herkomst) : figures.herkomst,
    aanleiding: aggregatesOnly ? suppressSmallCells(figures.aanleiding) : figures.aanleiding,
    onderdrukkingsgrens: aggregatesOnly ? SUPPRESS_BELOW : null,
  };
}
