// The personal worklist (mijn taken): what is due for my clients, computed from existing data — plan due (planTermijnDagen),
// the 6/10/12-week signals, aftercare contacts, a client's comment on the plan, a case handed over to me, a blockade
// where the trajecthouder acts next, and appointments in the coming week.
// "My clients": a trajecthouder's own open cases (caseload.zien); a locatiemedewerker's residents (visibility.ts).
import type { z } from '@hono/zod-openapi';
import { addDays, todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { correctionSubjectLabel, openClientMessages } from '../client-portal/portal.service.js';
import { ANSWER_WITHIN_DAYS as CLIENT_ANSWER_DAYS } from '../client-portal/portal-texts.js';
import { planTimeliness } from '../perspective/rules.js';
import { appointmentsOf } from './appointments.service.js';
import type { Taak } from './caseload.dto.js';
import { openCases } from './caseload.service.js';
import { labelIn, TASK_KINDS, type TaskKind } from './casework-codes.js';

type Task = z.infer<typeof Taak>;
/** How far back a client's comment stays on the list, and how far ahead appointments show. (An incoming handover
 * stays until it is marked as seen.) */
const RECENT_DAYS = 14;
const AHEAD_DAYS = 7;

/** GET /v1/mijn-taken */
export async function myTasks(ctx: Ctx) {
  authorize(ctx, 'taken.zien');
  const today = todayInNl(ctx.now);
  const ownCaseload = can(ctx.actor, 'caseload.zien');
  const norms = await settingsOf(ctx);
  const cases = await openCases(ctx, ownCaseload ? ctx.actor.userId : undefined, norms);
  const trajectoryIds = cases.map((c) => c.trajectId);
  const nameOf = new Map(cases.map((c) => [c.clientId, c.naam]));
  const tasks: Task[] = [];
  const add = (soort: TaskKind, t: Omit<Task, 'soort' | 'soortLabel'>) =>
    tasks.push({ soort, soortLabel: labelIn(TASK_KINDS, soort), ...t });

  const plans = trajectoryIds.length
    ? await ctx.db
        .selectFrom('perspective_plans')
        .select(['id', 'trajectory_id', 'client_id', 'drawn_up_on'])
        .where('trajectory_id', 'in', trajectoryIds)
        .execute()
    : [];
  for (const c of cases) {
    // plan due: placed, no plan yet
    const plan = plans.find((p) => p.trajectory_id === c.trajectId);
    if (c.placement && !plan) {
      const t = planTimeliness(c.placement, null, today, norms.planTermijnDagen);
      if (t.uiterlijkeDatum)
        add('plan', {
          clientId: c.clientId,
          naam: c.naam,
          omschrijving:
            t.status === 'te-laat'
              ? `Perspectiefplan ${t.dagenTeLaat} dag(en) te laat (norm: ${norms.planTermijnDagen} dagen na plaatsing)`
              : `Perspectiefplan opstellen (binnen ${norms.planTermijnDagen} dagen na plaatsing)`,
          datum: t.uiterlijkeDatum,
          urgent: t.status === 'te-laat',
        });
    }
    // 6/10/12-week signal of the three-month control
    if (c.placement && c.signaal && c.dagenInOpvang !== null) {
      const weeks = Number.parseInt(c.signaal, 10);
      const over = c.dagenInOpvang > norms.normDoorstroomDagen;
      add('signaal', {
        clientId: c.clientId,
        naam: c.naam,
        omschrijving: over
          ? `${c.dagenInOpvang} dagen in de opvang: boven de norm van ${norms.normDoorstroomDagen} dagen`
          : `${weeks} weken in de opvang (${c.dagenInOpvang} dagen): bespreek de doorstroom`,
        datum: addDays(c.placement, weeks * 7),
        urgent: over || weeks === 12,
      });
    }
  }

  if (ownCaseload) {
    // blockades where the trajecthouder acts next (named: only when it is me)
    if (trajectoryIds.length) {
      const blockers = await ctx.db
        .selectFrom('blockers')
        .innerJoin('trajectories', 'trajectories.id', 'blockers.trajectory_id')
        .select([
          'blockers.id',
          'blockers.since',
          'blockers.next_step',
          'blockers.next_actor_name',
          'trajectories.client_id',
        ])
        .where('blockers.trajectory_id', 'in', trajectoryIds)
        .where('blockers.resolved_on', 'is', null)
        .where('blockers.next_actor_org', '=', 'trajecthouder')
        .execute();
      for (const b of blockers)
        if (!b.next_actor_name || b.next_actor_name.trim().toLowerCase() === ctx.actor.displayName.toLowerCase())
          add('blokkade', {
            clientId: b.client_id,
            naam: nameOf.get(b.client_id) ?? '',
            omschrijving: b.next_step
              ? `U bent aan zet: ${b.next_step}`
              : 'U bent aan zet bij een blokkade voor uitstroom',
            datum: b.since,
            urgent: false,
          });
    }
    // cases handed over to me, until I mark the handover as seen ("Gezien")
    const handovers = await ctx.db
      .selectFrom('case_handovers')
      .innerJoin('clients', 'clients.id', 'case_handovers.client_id')
      .innerJoin('trajectories', 'trajectories.id', 'case_handovers.trajectory_id')
      .leftJoin('users', 'users.id', 'case_handovers.from_user_id')
      .select([
        'case_handovers.id',
        'case_handovers.client_id',
        'case_handovers.note',
        'case_handovers.created_at',
        'clients.first_name',
        'clients.last_name',
        'users.display_name as from_name',
      ])
      .where('case_handovers.tenant_id', '=', ctx.actor.tenantId)
      .where('case_handovers.to_user_id', '=', ctx.actor.userId)
      .where('case_handovers.seen_at', 'is', null)
      .where('trajectories.case_manager_id', '=', ctx.actor.userId)
      .where('trajectories.ended_on', 'is', null)
      .execute();
    for (const h of handovers)
      add('overdracht', {
        clientId: h.client_id,
        naam: `${h.first_name} ${h.last_name}`,
        omschrijving: `Overgedragen${h.from_name ? ` door ${h.from_name}` : ''}${h.note ? `: ${h.note}` : ''}`,
        datum: todayInNl(new Date(h.created_at)),
        urgent: false,
        overdrachtId: h.id,
      });
  }

  // a client's comment on the plan, not yet answered by staff
  if (plans.length) {
    const comments = await ctx.db
      .selectFrom('plan_comments')
      .select(['plan_id', 'author_role', 'body', 'created_at'])
      .where(
        'plan_id',
        'in',
        plans.map((p) => p.id),
      )
      .where('created_at', '>=', new Date(ctx.now.getTime() - RECENT_DAYS * 86_400_000))
      .orderBy('created_at')
      .execute();
    const lastByPlan = new Map<string, (typeof comments)[number]>();
    for (const c of comments) lastByPlan.set(c.plan_id, c);
    for (const [planId, c] of lastByPlan) {
      if (c.author_role !== 'client') continue;
      const plan = plans.find((p) => p.id === planId);
      if (!plan) continue;
      add('opmerking', {
        clientId: plan.client_id,
        naam: nameOf.get(plan.client_id) ?? '',
        omschrijving: `Reactie op het plan: “${c.body.length > 120 ? `${c.body.slice(0, 117)}…` : c.body}”`,
        datum: todayInNl(new Date(c.created_at)),
        urgent: false,
      });
    }
  }

  // aftercare contacts due (waakvlam) of clients whose trajectory I held
  if (ownCaseload && can(ctx.actor, 'nazorg.werken')) {
    const contacts = await ctx.db
      .selectFrom('aftercare_contacts')
      .innerJoin('aftercare_plans', 'aftercare_plans.id', 'aftercare_contacts.plan_id')
      .innerJoin('trajectories', 'trajectories.id', 'aftercare_plans.trajectory_id')
      .innerJoin('clients', 'clients.id', 'aftercare_plans.client_id')
      .select(['aftercare_plans.client_id', 'aftercare_contacts.planned_on', 'clients.first_name', 'clients.last_name'])
      .where('aftercare_plans.tenant_id', '=', ctx.actor.tenantId)
      .where('aftercare_plans.status', '=', 'actief')
      .where('trajectories.case_manager_id', '=', ctx.actor.userId)
      .where('aftercare_contacts.done_on', 'is', null)
      .where('aftercare_contacts.planned_on', '<=', addDays(today, AHEAD_DAYS))
      .where('clients.merged_into', 'is', null)
      .execute();
    for (const c of contacts)
      if (c.planned_on)
        add('nazorg', {
          clientId: c.client_id,
          naam: `${c.first_name} ${c.last_name}`,
          omschrijving: c.planned_on < today ? 'Nazorgcontact is over de datum' : 'Nazorgcontact gepland (waakvlam)',
          datum: c.planned_on,
          urgent: c.planned_on < today,
        });
  }

  // appointments today and in the coming week
  const appointments = await appointmentsOf(
    ctx,
    cases.map((c) => c.clientId),
    today,
    addDays(today, AHEAD_DAYS),
  );
  for (const a of appointments)
    add('afspraak', {
      clientId: a.client_id,
      naam: nameOf.get(a.client_id) ?? '',
      omschrijving: `${a.starts_at} met ${a.with_whom}, ${a.location}${a.subject ? ` (${a.subject})` : ''}`,
      datum: a.starts_on,
      urgent: a.starts_on === today,
    });

  // issue 16: messages from Mijn Onderdak without an answer (a comment or a correction request)
  for (const m of await openClientMessages(
    ctx,
    cases.map((c) => c.clientId),
  )) {
    const asked = todayInNl(new Date(m.created_at));
    const quote = `“${m.body.length > 120 ? `${m.body.slice(0, 117)}…` : m.body}”`;
    add(m.kind === 'correctie' ? 'correctieverzoek' : 'opmerking', {
      clientId: m.client_id,
      naam: nameOf.get(m.client_id) ?? '',
      omschrijving:
        m.kind === 'correctie'
          ? `Vraagt om correctie (${correctionSubjectLabel(m.subject)}): ${quote} — beantwoord in het dossier`
          : `Bericht uit Mijn Onderdak: ${quote} — beantwoord in het dossier`,
      datum: asked,
      urgent: addDays(asked, CLIENT_ANSWER_DAYS) < today,
    });
  }

  tasks.sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) || a.datum.localeCompare(b.datum) || a.naam.localeCompare(b.naam, 'nl'),
  );
  await auditPersons(
    ctx,
    tasks.map((t) => t.clientId),
    { action: 'lezen', resource: 'mijn taken' },
  );
  return {
    peildatum: today,
    totaal: tasks.length,
    urgent: tasks.filter((t) => t.urgent).length,
    perSoort: TASK_KINDS.map((k) => ({ ...k, aantal: tasks.filter((t) => t.soort === k.code).length })),
    resultaten: tasks,
  };
}
