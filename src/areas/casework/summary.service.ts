// The summary at the top of the dossier: status, location and room, days in shelter against the norm (tenant setting),
// trajecthouder, plan status, open blockades and the next appointment.
import type { z } from '@hono/zod-openapi';
import { addDays, todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { placementOf } from '../perspective/perspective.queries.js';
import { planTimeliness, shelterControl } from '../perspective/rules.js';
import { appointmentsOf } from './appointments.service.js';
import type { DossierSamenvatting } from './caseload.dto.js';
import { latestHandover, mayHandOver } from './caseload.service.js';
import { DOSSIER_STATUSES, type DossierStatus, labelIn } from './casework-codes.js';

/** GET /v1/clienten/{id}/samenvatting */
export async function dossierSummary(ctx: Ctx, clientId: string): Promise<z.infer<typeof DossierSamenvatting>> {
  authorize(ctx, 'dossier.lezen');
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const trajectories = await ctx.db
    .selectFrom('trajectories')
    .leftJoin('users', 'users.id', 'trajectories.case_manager_id')
    .select([
      'trajectories.id',
      'trajectories.started_on',
      'trajectories.ended_on',
      'trajectories.case_manager_id',
      'users.display_name',
    ])
    .where('trajectories.client_id', '=', clientId)
    .where('trajectories.tenant_id', '=', ctx.actor.tenantId)
    .orderBy('trajectories.started_on', 'desc')
    .orderBy('trajectories.created_at', 'desc')
    .execute();
  const t = trajectories.find((x) => x.ended_on === null) ?? trajectories[0] ?? null;
  const stay = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select(['stays.trajectory_id', 'units.name as unit_name', 'facilities.name as facility_name'])
    .where('stays.client_id', '=', clientId)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .where('stays.ended_on', 'is', null)
    .orderBy('stays.started_on', 'desc')
    .executeTakeFirst();
  const openRegistration = await ctx.db
    .selectFrom('registrations')
    .select('id')
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('status', '!=', 'besloten')
    .executeTakeFirst();
  const open = t !== null && t.ended_on === null;
  let status: DossierStatus;
  if (stay) status = 'in-opvang';
  else if (open) status = 'wacht-op-plaats';
  else if (openRegistration) status = 'aangemeld';
  else if (t) status = 'uitgestroomd';
  else status = 'geen-traject';

  const placement = open && t ? await placementOf(ctx, t.id) : null;
  const plan =
    open && t
      ? await ctx.db
          .selectFrom('perspective_plans')
          .select(['id', 'drawn_up_on', 'signed_on'])
          .where('trajectory_id', '=', t.id)
          .executeTakeFirst()
      : undefined;
  const blockers =
    open && t
      ? await ctx.db
          .selectFrom('blockers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('trajectory_id', '=', t.id)
          .where('resolved_on', 'is', null)
          .executeTakeFirst()
      : undefined;
  const norms = await settingsOf(ctx);
  const [next] = await appointmentsOf(ctx, [clientId], today, addDays(today, 366));
  const handover = open && t && can(ctx.actor, 'caseload.zien') ? await latestHandover(ctx, t.id) : null;
  await audit(ctx, { clientId, action: 'lezen', resource: 'dossiersamenvatting' });
  return {
    clientId,
    status,
    statusLabel: labelIn(DOSSIER_STATUSES, status),
    trajectId: open && t ? t.id : null,
    locatie: stay?.facility_name ?? null,
    eenheid: stay?.unit_name ?? null,
    dagenInOpvang: stay && placement ? shelterControl(placement, today, norms.normDoorstroomDagen).dagenInOpvang : null,
    doelDagen: norms.normDoorstroomDagen,
    trajecthouder:
      open && t?.case_manager_id && t.display_name ? { id: t.case_manager_id, naam: t.display_name } : null,
    plan:
      open && t
        ? {
            id: plan?.id ?? null,
            ondertekend: !!plan?.signed_on,
            ...planTimeliness(placement, plan?.drawn_up_on ?? null, today, norms.planTermijnDagen),
          }
        : null,
    openBlokkades: Number(blockers?.n ?? 0),
    volgendeAfspraak: next
      ? { datum: next.starts_on, tijd: next.starts_at, metWie: next.with_whom, waar: next.location }
      : null,
    laatsteOverdracht: handover,
    mogelijkheden: { overdragen: open && mayHandOver(ctx, true) },
  };
}
