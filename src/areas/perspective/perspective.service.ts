// The perspective overview of one client: everything of actielijn 2 on the case page.

import { todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { blockersOf } from './blockers.service.js';
import { BLOCKER_KINDS, OWNER_ORGS, STEP_KINDS, STEP_STATUSES, ZRM_DOMAINS } from './life-domains.js';
import { placementOf } from './perspective.queries.js';
import { planDto } from './plans.service.js';
import { planTimeliness, shelterControl } from './rules.js';
import { stepsOf } from './steps.service.js';
import { entriesOfClient } from './waiting-lists.service.js';
import { zrmOf } from './zrm.service.js';

/** GET /v1/clienten/{id}/perspectief: the current (or last) trajectory with its three-month control (normDoorstroomDagen), plan, ZRM, steps, blockades, waiting lists. */
export async function clientPerspective(ctx: Ctx, clientId: string) {
  authorize(ctx, 'perspectief.lezen');
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const t = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'started_on', 'ended_on'])
    .where('client_id', '=', clientId)
    .orderBy(({ eb }) => eb.case().when('ended_on', 'is', null).then(0).else(1).end())
    .orderBy('started_on', 'desc')
    .executeTakeFirst();
  let traject = null;
  if (t) {
    const norms = await settingsOf(ctx);
    const placement = await placementOf(ctx, t.id);
    const openStay = await ctx.db
      .selectFrom('stays')
      .select('id')
      .where('trajectory_id', '=', t.id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    const plan = await ctx.db
      .selectFrom('perspective_plans')
      .select(['id', 'drawn_up_on'])
      .where('trajectory_id', '=', t.id)
      .executeTakeFirst();
    traject = {
      id: t.id,
      start: t.started_on,
      eind: t.ended_on,
      plaatsingsdatum: placement,
      inOpvang: !!openStay,
      driemaandencontrole: placement && openStay ? shelterControl(placement, today, norms.normDoorstroomDagen) : null,
      planTermijn: planTimeliness(placement, plan?.drawn_up_on ?? null, today, norms.planTermijnDagen),
      plan: plan ? await planDto(ctx, plan.id) : null,
      praktischeStappen: await stepsOf(ctx, t.id),
      blokkades: await blockersOf(ctx, t.id),
    };
  }
  const zrm = await zrmOf(ctx, clientId);
  const wachtlijsten = await entriesOfClient(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'perspectief' });
  const write = can(ctx.actor, 'perspectief.schrijven');
  const open = !!t && !t.ended_on;
  return {
    clientId,
    traject,
    zrm,
    wachtlijsten,
    keuzelijsten: {
      levensgebieden: [...ZRM_DOMAINS],
      eigenaren: [...OWNER_ORGS],
      blokkades: [...BLOCKER_KINDS],
      stappen: [...STEP_KINDS],
      stapStatussen: [...STEP_STATUSES],
    },
    mogelijkheden: {
      planOpstellen: write && open && !traject?.plan,
      zrmMeten: write,
      stappenWijzigen: write && open,
      blokkadeToevoegen: write && open,
      wachtlijstPlaatsen: can(ctx.actor, 'wachtlijsten.beheren') && open,
    },
  };
}
