// Worklists of the three-month flow: the weekly doorstroomoverleg (case review) and plans not made within 5 days.
import type { z } from '@hono/zod-openapi';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { blockerHistoryOf } from './blockers.service.js';
import { blockerDates, blockerNextActor } from './casework.dto.js';
import { BLOCKER_KINDS, labelOf, OWNER_ORGS, STEP_KINDS, storedCode, WAITING_LISTS } from './life-domains.js';
import { planTimeliness, SIGNAL_WEEKS, shelterControl } from './rules.js';
import { activeEntriesOfClients } from './waiting-lists.queries.js';
import type { DoorstroomoverlegRegel, VolgendeActor } from './worklists.dto.js';
import { currentlyPlaced, openWork } from './worklists.queries.js';

/** GET /v1/werklijsten/doorstroomoverleg */
export async function doorstroomoverleg(ctx: Ctx) {
  authorize(ctx, 'perspectief.werklijsten');
  const today = todayInNl(ctx.now);
  const norms = await settingsOf(ctx);
  const placed = await currentlyPlaced(ctx);
  const planIds = placed.flatMap((p) => (p.plan_id ? [p.plan_id] : []));
  const [{ blockers, steps, actions }, entries] = await Promise.all([
    openWork(
      ctx,
      placed.map((p) => p.trajectory_id),
      planIds,
    ),
    activeEntriesOfClients(
      ctx,
      placed.map((p) => p.client_id),
    ),
  ]);
  // "volgende stap door … sinds": the date of the last change of the blockade, or the date it was recorded
  const history = await blockerHistoryOf(
    ctx,
    blockers.map((b) => b.id),
  );
  const datesOf = (b: { id: string; created_at: Date }) => blockerDates(b.created_at, history.get(b.id)?.last ?? null);
  const write = can(ctx.actor, 'perspectief.schrijven');
  // grouped once (in query order) instead of filtering every list again for each placed client
  const blockersOf = groupBy(blockers, (b) => b.trajectory_id);
  const stepsOf = groupBy(steps, (s) => s.trajectory_id);
  const entriesOf = groupBy(entries, (e) => e.client_id);
  const firstActionOf = new Map<string, (typeof actions)[number]>();
  for (const a of actions) if (!firstActionOf.has(a.plan_id)) firstActionOf.set(a.plan_id, a);
  const items = placed.map((p): z.infer<typeof DoorstroomoverlegRegel> => {
    const control = shelterControl(p.placement, today, norms.normDoorstroomDagen);
    const bl = blockersOf.get(p.trajectory_id) ?? [];
    const firstAction = (p.plan_id && firstActionOf.get(p.plan_id)) || null;
    const withActor = bl.find((b) => b.next_actor_org);
    const actorOfBlocker = withActor && blockerNextActor(withActor);
    let volgendeActor: z.infer<typeof VolgendeActor> | null = null;
    if (withActor && actorOfBlocker) {
      const d = datesOf(withActor);
      volgendeActor = {
        ...actorOfBlocker,
        wat: withActor.next_step,
        uiterlijk: null,
        bron: 'blokkade',
        blokkadeId: withActor.id,
        sinds: d.bijgewerktOp ?? d.vastgelegdOp,
      };
    } else if (firstAction) {
      const org = storedCode(OWNER_ORGS, firstAction.owner_org);
      volgendeActor = {
        organisatie: org,
        organisatieLabel: labelOf(OWNER_ORGS, org),
        naam: firstAction.owner_name,
        wat: firstAction.description,
        uiterlijk: firstAction.due_on,
        bron: 'actie',
        blokkadeId: null,
        sinds: null,
      };
    }
    const done = new Set(
      (stepsOf.get(p.trajectory_id) ?? [])
        .filter((s) => s.status === 'geregeld' || s.status === 'niet-nodig')
        .map((s) => s.kind),
    );
    return {
      clientId: p.client_id,
      naam: `${p.first_name} ${p.last_name}`,
      trajectId: p.trajectory_id,
      locatie: p.facility_name,
      eenheid: p.unit_name,
      plaatsingsdatum: p.placement,
      ...control,
      urgentie: control.bovenDoel ? 'boven-doel' : (control.signaal ?? 'binnen-termijn'),
      blokkades: bl.map((b) => {
        const kind = storedCode(BLOCKER_KINDS, b.kind);
        return {
          id: b.id,
          soort: kind,
          soortLabel: labelOf(BLOCKER_KINDS, kind),
          omschrijving: b.description,
          sinds: b.since,
          dagen: daysBetween(b.since, today),
          volgendeActor: blockerNextActor(b),
          volgendeStap: b.next_step,
          ...datesOf(b),
          mogelijkheden: { wijzigen: write },
        };
      }),
      volgendeActor,
      plan: { id: p.plan_id, ...planTimeliness(p.placement, p.drawn_up_on, today, norms.planTermijnDagen) },
      openStappen: STEP_KINDS.filter((k) => !done.has(k.code)).map((k) => k.label),
      wachtlijsten: (entriesOf.get(p.client_id) ?? []).map((e) => {
        const list = storedCode(WAITING_LISTS, e.list_kind);
        return { lijst: list, lijstNaam: labelOf(WAITING_LISTS, list), sinds: e.listed_on };
      }),
    };
  });
  // Urgency: longest in shelter first (over the 91-day target, then the 12/10/6-week signals), then the oldest blockade.
  items.sort(
    (a, b) =>
      b.dagenInOpvang - a.dagenInOpvang ||
      (a.blokkades[0]?.sinds ?? '9999').localeCompare(b.blokkades[0]?.sinds ?? '9999') ||
      a.naam.localeCompare(b.naam, 'nl'),
  );
  await auditPersons(
    ctx,
    items.map((i) => i.clientId),
    { action: 'lezen', resource: 'werklijst doorstroomoverleg' },
  );
  return {
    peildatum: today,
    doelDagen: norms.normDoorstroomDagen,
    signaalWeken: [...SIGNAL_WEEKS],
    keuzelijsten: { eigenaren: [...OWNER_ORGS] },
    sortering: `Op urgentie: het langst in de opvang eerst (boven de ${norms.normDoorstroomDagen} dagen, dan de signalen na 12, 10 en 6 weken); bij gelijke duur de oudste blokkade eerst.`,
    totalen: {
      inOpvang: items.length,
      bovenDoel: items.filter((i) => i.bovenDoel).length,
      signaal12: items.filter((i) => i.signaal === '12-weken').length,
      signaal10: items.filter((i) => i.signaal === '10-weken').length,
      signaal6: items.filter((i) => i.signaal === '6-weken').length,
      metBlokkade: items.filter((i) => i.blokkades.length > 0).length,
    },
    resultaten: items,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** GET /v1/werklijsten/te-late-plannen: placed clients without a plan after 5 days, the latest first. */
export async function latePlans(ctx: Ctx) {
  authorize(ctx, 'perspectief.werklijsten');
  const today = todayInNl(ctx.now);
  const norms = await settingsOf(ctx);
  const placed = await currentlyPlaced(ctx);
  const items = placed
    .map((p) => ({ p, t: planTimeliness(p.placement, p.drawn_up_on, today, norms.planTermijnDagen) }))
    .filter(({ t }) => t.status === 'te-laat')
    .map(({ p, t }) => ({
      clientId: p.client_id,
      naam: `${p.first_name} ${p.last_name}`,
      trajectId: p.trajectory_id,
      locatie: p.facility_name,
      plaatsingsdatum: p.placement,
      ...t,
    }))
    .sort((a, b) => b.dagenTeLaat - a.dagenTeLaat || a.naam.localeCompare(b.naam, 'nl'));
  await auditPersons(
    ctx,
    items.map((i) => i.clientId),
    { action: 'lezen', resource: 'werklijst te late plannen' },
  );
  return {
    peildatum: today,
    regel: `Het perspectiefplan moet binnen ${norms.planTermijnDagen} dagen na plaatsing (de start van het eerste verblijf in het traject) zijn opgesteld.`,
    resultaten: items,
  };
}
