// Worklists of the three-month flow: the weekly doorstroomoverleg (case review) and plans not made within 5 days.
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { requireRole, visibleClients } from '../../rights/visibility.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import { planTimeliness, shelterControl, STAY_TARGET_DAYS, SIGNAL_WEEKS } from './rules.js';
import { BLOCKER_KINDS, OWNER_ORGS, STEP_KINDS, WAITING_LISTS, labelOf } from './life-domains.js';
import { mayWritePlan } from './plan-access.js';
import { blockerChanges, blockerDates, blockerNextActor } from './casework.service.js';

/** Clients with an open stay in an open trajectory, visible to the actor, with placement date and plan. */
async function currentlyPlaced(ctx: Ctx) {
  const rows = await visibleClients(ctx)
    .innerJoin('stays', 'stays.client_id', 'clients.id')
    .innerJoin('trajectories', 'trajectories.id', 'stays.trajectory_id')
    .innerJoin('units', 'units.id', 'stays.unit_id').innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .leftJoin('perspective_plans', 'perspective_plans.trajectory_id', 'trajectories.id')
    .select(['clients.id as client_id', 'clients.first_name', 'clients.last_name', 'trajectories.id as trajectory_id', 'facilities.name as facility_name',
      'units.name as unit_name', 'perspective_plans.id as plan_id', 'perspective_plans.drawn_up_on'])
    .where('stays.ended_on', 'is', null).where('trajectories.ended_on', 'is', null).where('stays.tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const ids = rows.map((r) => r.trajectory_id);
  const firsts = ids.length ? await ctx.db.selectFrom('stays').select(['trajectory_id', (eb) => eb.fn.min<string>('started_on').as('first')])
    .where('trajectory_id', 'in', ids).groupBy('trajectory_id').execute() : [];
  const placement = new Map(firsts.map((f) => [f.trajectory_id!, f.first]));
  return rows.map((r) => ({ ...r, placement: placement.get(r.trajectory_id)! }));
}

export async function doorstroomoverleg(ctx: Ctx) {
  requireRole(ctx, 'toegang', 'locatie');
  const today = todayInNl(ctx.now);
  const placed = await currentlyPlaced(ctx);
  const tIds = placed.map((p) => p.trajectory_id);
  const cIds = placed.map((p) => p.client_id);
  const planIds = placed.map((p) => p.plan_id).filter((x): x is string => !!x);
  const [blockers, steps, actions, entries] = await Promise.all([
    tIds.length ? ctx.db.selectFrom('blockers').selectAll().where('trajectory_id', 'in', tIds).where('resolved_on', 'is', null).orderBy('since').execute() : [],
    tIds.length ? ctx.db.selectFrom('practical_steps').select(['trajectory_id', 'kind', 'status']).where('trajectory_id', 'in', tIds).execute() : [],
    planIds.length ? ctx.db.selectFrom('plan_actions').innerJoin('plan_goals', 'plan_goals.id', 'plan_actions.goal_id')
      .select(['plan_goals.plan_id', 'plan_actions.description', 'plan_actions.owner_org', 'plan_actions.owner_name', 'plan_actions.due_on'])
      .where('plan_goals.plan_id', 'in', planIds).where('plan_actions.status', 'in', ['gepland', 'in-uitvoering', 'geblokkeerd']).orderBy('plan_actions.due_on').execute() : [],
    cIds.length ? ctx.db.selectFrom('waiting_list_entries').select(['client_id', 'list_kind', 'listed_on']).where('client_id', 'in', cIds).where('removed_on', 'is', null).execute() : [],
  ]);
  // "volgende stap door … sinds": the date of the last change of the blockade, or the date it was recorded
  const history = await blockerChanges(ctx, blockers.map((b) => b.id));
  const sinceOf = (b: { id: string; created_at: Date }) => blockerDates(b.created_at, history.get(b.id)?.last ?? null);
  const actorSince = (b: { id: string; created_at: Date }) => { const d = sinceOf(b); return d.bijgewerktOp ?? d.vastgelegdOp; };
  const write = mayWritePlan(ctx.actor);
  const items = placed.map((p) => {
    const control = shelterControl(p.placement, today);
    const bl = blockers.filter((b) => b.trajectory_id === p.trajectory_id);
    const firstAction = actions.find((a) => a.plan_id === p.plan_id) ?? null;
    const withActor = bl.find((b) => b.next_actor_org);
    const volgendeActor = withActor
      ? { organisatie: withActor.next_actor_org!, organisatieLabel: labelOf(OWNER_ORGS, withActor.next_actor_org), naam: withActor.next_actor_name, wat: withActor.next_step, uiterlijk: null as string | null, bron: 'blokkade', blokkadeId: withActor.id as string | null,
        sinds: actorSince(withActor) as string | null }
      : firstAction ? { organisatie: firstAction.owner_org, organisatieLabel: labelOf(OWNER_ORGS, firstAction.owner_org), naam: firstAction.owner_name, wat: firstAction.description, uiterlijk: firstAction.due_on, bron: 'actie', blokkadeId: null, sinds: null } : null;
    const done = new Set(steps.filter((s) => s.trajectory_id === p.trajectory_id && (s.status === 'geregeld' || s.status === 'niet-nodig')).map((s) => s.kind));
    return {
      clientId: p.client_id, naam: `${p.first_name} ${p.last_name}`, trajectId: p.trajectory_id, locatie: p.facility_name, eenheid: p.unit_name,
      plaatsingsdatum: p.placement, ...control,
      urgentie: control.bovenDoel ? 'boven-doel' : control.signaal ?? 'binnen-termijn',
      blokkades: bl.map((b) => ({
        id: b.id, soort: b.kind, soortLabel: labelOf(BLOCKER_KINDS, b.kind), omschrijving: b.description, sinds: b.since, dagen: daysBetween(b.since, today),
        volgendeActor: blockerNextActor(b),
        volgendeStap: b.next_step, ...sinceOf(b), mogelijkheden: { wijzigen: write },
      })),
      volgendeActor,
      plan: { id: p.plan_id, ...planTimeliness(p.placement, p.drawn_up_on, today) },
      openStappen: STEP_KINDS.filter((k) => !done.has(k.code)).map((k) => k.label),
      wachtlijsten: entries.filter((e) => e.client_id === p.client_id).map((e) => ({ lijst: e.list_kind, lijstNaam: labelOf(WAITING_LISTS, e.list_kind), sinds: e.listed_on })),
    };
  });
  // Urgency: longest in shelter first (over the 91-day target, then the 12/10/6-week signals), then the oldest blockade.
  items.sort((a, b) => b.dagenInOpvang - a.dagenInOpvang
    || (a.blokkades[0]?.sinds ?? '9999').localeCompare(b.blokkades[0]?.sinds ?? '9999')
    || a.naam.localeCompare(b.naam, 'nl'));
  for (const i of items) await audit(ctx, { clientId: i.clientId, action: 'lezen', resource: 'werklijst doorstroomoverleg' });
  return {
    peildatum: today, doelDagen: STAY_TARGET_DAYS, signaalWeken: SIGNAL_WEEKS, keuzelijsten: { eigenaren: OWNER_ORGS },
    sortering: 'Op urgentie: het langst in de opvang eerst (boven de 91 dagen, dan de signalen na 12, 10 en 6 weken); bij gelijke duur de oudste blokkade eerst.',
    totalen: {
      inOpvang: items.length, bovenDoel: items.filter((i) => i.bovenDoel).length,
      signaal12: items.filter((i) => i.signaal === '12-weken').length, signaal10: items.filter((i) => i.signaal === '10-weken').length, signaal6: items.filter((i) => i.signaal === '6-weken').length,
      metBlokkade: items.filter((i) => i.blokkades.length > 0).length,
    },
    resultaten: items,
  };
}

export async function latePlans(ctx: Ctx) {
  requireRole(ctx, 'toegang', 'locatie');
  const today = todayInNl(ctx.now);
  const placed = await currentlyPlaced(ctx);
  const items = placed.map((p) => ({ p, t: planTimeliness(p.placement, p.drawn_up_on, today) }))
    .filter(({ t }) => t.status === 'te-laat')
    .map(({ p, t }) => ({ clientId: p.client_id, naam: `${p.first_name} ${p.last_name}`, trajectId: p.trajectory_id, locatie: p.facility_name, plaatsingsdatum: p.placement, ...t }))
    .sort((a, b) => b.dagenTeLaat - a.dagenTeLaat || a.naam.localeCompare(b.naam, 'nl'));
  for (const i of items) await audit(ctx, { clientId: i.clientId, action: 'lezen', resource: 'werklijst te late plannen' });
  return { peildatum: today, regel: 'Het perspectiefplan moet binnen 5 dagen na plaatsing (de start van het eerste verblijf in het traject) zijn opgesteld.', resultaten: items };
}
