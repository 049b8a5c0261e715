import type { Ctx, Actor } from '../../rights/context.js';
import { assertClientVisible, requireRole } from '../../rights/visibility.js';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';

// Who may do what with the perspectiefplan (domain.md §5): the trajecthouder (toegang) everything; the
// locatiemedewerker the plan parts of their own clients (visibleClients: an open stay at their facility);
// the client reads their own plan and comments on it.

export function mayWritePlan(actor: Actor) { return actor.role === 'toegang' || actor.role === 'locatie'; }
export function mayComment(actor: Actor) { return actor.role === 'toegang' || actor.role === 'locatie' || actor.role === 'client'; }
export function requirePlanWrite(ctx: Ctx) { requireRole(ctx, 'toegang', 'locatie'); }
export function requirePlanRead(ctx: Ctx) { requireRole(ctx, 'toegang', 'locatie', 'client'); }

/** A trajectory of this tenant whose client the actor may see; 404 otherwise (also for other tenants). */
export async function loadTrajectory(ctx: Ctx, trajectoryId: string) {
  requirePlanRead(ctx);
  const t = await ctx.db.selectFrom('trajectories').select(['id', 'client_id', 'started_on', 'ended_on'])
    .where('id', '=', trajectoryId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!t) throw new NotFoundError('Traject niet gevonden.');
  await assertClientVisible(ctx, t.client_id);
  return t;
}

/** Placement date of a trajectory: the start of its first stay (null when never placed). */
export async function placementOf(ctx: Ctx, trajectoryId: string): Promise<string | null> {
  const r = await ctx.db.selectFrom('stays').select((eb) => eb.fn.min<string>('started_on').as('first')).where('trajectory_id', '=', trajectoryId).executeTakeFirst();
  return r?.first ?? null;
}

export function checkPastDate(p: Problems, ctx: Ctx, field: string, value: string | null | undefined, opts: { min?: string; minLabel?: string; required?: boolean } = {}) {
  if (!value) { if (opts.required !== false) p.add(field, 'required', 'Vul een datum in (JJJJ-MM-DD).'); return; }
  if (!isIsoDate(value)) { p.add(field, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).'); return; }
  if (value > todayInNl(ctx.now)) p.add(field, 'future', 'De datum mag niet in de toekomst liggen.');
  else if (opts.min && value < opts.min) p.add(field, 'range', `De datum mag niet vóór ${opts.minLabel ?? opts.min} liggen.`);
}

export function checkText(p: Problems, field: string, value: string | null | undefined, opts: { required?: boolean; max?: number; label: string }) {
  const v = value?.trim() ?? '';
  if (opts.required && !v) p.add(field, 'required', `Vul ${opts.label} in.`);
  if (v.length > (opts.max ?? 2000)) p.add(field, 'length', `${opts.label[0]!.toUpperCase()}${opts.label.slice(1)} mag hoogstens ${opts.max ?? 2000} tekens hebben.`);
  return v || null;
}
