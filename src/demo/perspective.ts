// Demo data for actielijn 2 (issue 4): plans, ZRM measurements, practical steps, blockades and waiting lists for the
// clients currently in shelter, so that the doorstroomoverleg and the late-plans worklist are meaningful; plus ZRM
// and plans for recently ended trajectories and recent placements from the waiting lists (throughput).
// Adds no registrations, trajectories or stays, so the history figures stay as they are.
import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import { ZRM_DOMAIN_CODES, ZRM_VERSION } from '../areas/perspective/life-domains.js';
import { recordVersion } from '../areas/perspective/plans.service.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Actor } from '../rights/context.js';
import { addDays, createRng, daysBetween, type Rng } from './random.js';

const WORDS = [
  'Ik wil gewoon weer een eigen voordeur en rust in mijn hoofd.',
  'Eerst mijn schulden op een rij, dan een kamer. Ik wil niet terug naar de straat.',
  'Ik wil mijn kinderen weer om het weekend kunnen zien.',
  'Werk vinden, dat is voor mij het belangrijkste. Dan komt de rest vanzelf.',
  'Ik wil van het gebruik af en dichtbij mijn moeder wonen.',
  'Een plek in Zwijndrecht of Papendrecht, daar ken ik mensen.',
];
const WISHES = [
  'Eigen woning in de regio',
  'Kamer met begeleiding',
  'Dichtbij familie',
  'Housing First',
  'Eerst tot rust komen, dan verder kijken',
];
const GOALS: [string, string, [string, string][]][] = [
  [
    'financien',
    'Overzicht van schulden en een stabiel inkomen',
    [
      ['Aanmelden bij schuldhulpverlening', 'schuldhulp'],
      ['Budgetbeheer aanvragen', 'schuldhulp'],
    ],
  ],
  [
    'huisvesting',
    'Binnen drie maanden een passende woonplek',
    [
      ['Inschrijven als woningzoekende', 'trajecthouder'],
      ['Urgentieaanvraag indienen', 'trajecthouder'],
      ['Bezichtiging plannen', 'corporatie'],
    ],
  ],
  [
    'werk-opleiding',
    'Dagbesteding of werk vinden',
    [
      ['Gesprek met werkcoach', 'werk-inkomen'],
      ['No Label-plek bezoeken', 'ervaringsdeskundige'],
    ],
  ],
  ['geestelijke-gezondheid', 'Rust en behandeling voor psychische klachten', [['Intake bij GGZ', 'ggz']]],
  ['middelengebruik', 'Gebruik verminderen', [['Afspraak verslavingszorg', 'verslavingszorg']]],
  [
    'sociaal-netwerk',
    'Contact met familie herstellen',
    [
      ['Netwerkberaad organiseren', 'wijkteam'],
      ['Maatje via ervaringsdeskundige', 'ervaringsdeskundige'],
    ],
  ],
];
const NAMES = ['Ingrid', 'Mohamed', 'Petra', 'Sjoerd', 'Lotte', 'Ruben'];
const BLOCKERS: [string, number][] = [
  ['geen-passende-huisvesting', 40],
  ['schulden', 25],
  ['client-niet-toe', 20],
  ['middelengebruik', 15],
];
const NEXT: Record<string, [string, string]> = {
  'geen-passende-huisvesting': ['corporatie', 'Woning of plek beschermd wonen aanbieden'],
  schulden: ['schuldhulp', 'Schuldenoverzicht en stabilisatie afronden'],
  'client-niet-toe': ['trajecthouder', 'Motiverend gesprek en vervolgstap bespreken'],
  middelengebruik: ['verslavingszorg', 'Intake en behandelplan'],
};
const LISTS = [
  'tussenvoorziening',
  'beschermd-wonen',
  'housing-first',
  'skaeve-huse',
  'jongeren-woontraining',
  'gezinsplekken',
];
const STEP_KINDS = [
  'briefadres',
  'id',
  'uitkering',
  'schuldhulpverlening',
  'zorgverzekering',
  'inschrijving-woningzoekende',
  'urgentie-aanvraag',
];

const id = () => crypto.randomUUID();
const min = (a: string, b: string) => (a < b ? a : b);

/** Rows to insert, typed by their tables so a schema change shows here at compile time. */
interface Rows {
  plans: Insertable<DB['perspective_plans']>[];
  goals: Insertable<DB['plan_goals']>[];
  actions: Insertable<DB['plan_actions']>[];
  changes: Insertable<DB['plan_action_status_changes']>[];
  comments: Insertable<DB['plan_comments']>[];
  assessments: Insertable<DB['zrm_assessments']>[];
  scores: Insertable<DB['zrm_scores']>[];
  steps: Insertable<DB['practical_steps']>[];
  blockers: Insertable<DB['blockers']>[];
  entries: Insertable<DB['waiting_list_entries']>[];
}

function zrm(
  rows: Rows,
  rng: Rng,
  tenant: string,
  clientId: string,
  trajectoryId: string,
  on: string,
  kind: string,
  base: number[],
  by: string,
) {
  const aid = id();
  rows.assessments.push({
    id: aid,
    tenant_id: tenant,
    client_id: clientId,
    trajectory_id: trajectoryId,
    assessed_on: on,
    zrm_version: ZRM_VERSION,
    kind,
    created_by: by,
  });
  ZRM_DOMAIN_CODES.forEach(
    (d, i) => void rows.scores.push({ assessment_id: aid, domain: d, score: Math.max(1, Math.min(5, base[i]!)) }),
  );
  void rng;
}

function plan(
  rows: Rows,
  rng: Rng,
  o: {
    tenant: string;
    clientId: string;
    trajectoryId: string;
    drawn: string;
    today: string;
    by: string;
    byName: string;
  },
) {
  const pid = id();
  const signed = rng.chance(0.6) ? min(addDays(o.drawn, rng.int(0, 3)), o.today) : null;
  rows.plans.push({
    id: pid,
    tenant_id: o.tenant,
    trajectory_id: o.trajectoryId,
    client_id: o.clientId,
    drawn_up_on: o.drawn,
    client_words: rng.pick(WORDS),
    client_wishes: rng.pick(WISHES),
    signed_on: signed,
    created_by: o.by,
  });
  for (const [domain, text, actions] of rng.shuffle(GOALS).slice(0, rng.int(2, 3))) {
    const gid = id();
    rows.goals.push({
      id: gid,
      tenant_id: o.tenant,
      plan_id: pid,
      life_domain: domain,
      description: text,
      status: 'actief',
      created_by: o.by,
    });
    for (const [desc, org] of actions.slice(0, rng.int(1, actions.length))) {
      const due = addDays(o.drawn, rng.int(7, 60));
      const aid = id();
      let status = 'gepland',
        statusOn: string | null = null;
      const elapsed = daysBetween(o.drawn, o.today);
      if (elapsed > 7 && rng.chance(0.7)) {
        statusOn = addDays(o.drawn, rng.int(1, Math.min(elapsed, 20)));
        rows.changes.push({
          action_id: aid,
          from_status: 'gepland',
          to_status: 'in-uitvoering',
          changed_on: statusOn,
          note: null,
          changed_by: o.by,
        });
        status = 'in-uitvoering';
        if (elapsed > 25 && rng.chance(0.5)) {
          const doneOn = min(addDays(statusOn, rng.int(5, 30)), o.today);
          rows.changes.push({
            action_id: aid,
            from_status: 'in-uitvoering',
            to_status: 'afgerond',
            changed_on: doneOn,
            note: 'Afgerond',
            changed_by: o.by,
          });
          status = 'afgerond';
          statusOn = doneOn;
        }
      }
      rows.actions.push({
        id: aid,
        tenant_id: o.tenant,
        goal_id: gid,
        description: desc,
        owner_org: org,
        owner_name: rng.chance(0.7) ? rng.pick(NAMES) : null,
        due_on: due,
        status,
        status_on: statusOn,
        created_by: o.by,
      });
    }
  }
  if (rng.chance(0.3))
    rows.comments.push({
      tenant_id: o.tenant,
      plan_id: pid,
      author_id: o.by,
      author_name: o.byName,
      author_role: 'toegang',
      body: 'Plan besproken in het doorstroomoverleg.',
    });
  return pid;
}

async function insertAll(database: Database, rows: Rows, signer: Actor, today: string) {
  const db = database.db;
  const chunks = async <T>(list: T[], fn: (c: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 400) await fn(list.slice(i, i + 400));
  };
  await db.transaction().execute(async (tx) => {
    await chunks(rows.plans, (c) => tx.insertInto('perspective_plans').values(c).execute());
    await chunks(rows.goals, (c) => tx.insertInto('plan_goals').values(c).execute());
    await chunks(rows.actions, (c) => tx.insertInto('plan_actions').values(c).execute());
    await chunks(rows.changes, (c) => tx.insertInto('plan_action_status_changes').values(c).execute());
    await chunks(rows.comments, (c) => tx.insertInto('plan_comments').values(c).execute());
    await chunks(rows.assessments, (c) => tx.insertInto('zrm_assessments').values(c).execute());
    await chunks(rows.scores, (c) => tx.insertInto('zrm_scores').values(c).execute());
    await chunks(rows.steps, (c) => tx.insertInto('practical_steps').values(c).execute());
    // recorded on the day it arose (the worklist shows "volgende stap … sinds" from it), not on the seeding day
    await chunks(rows.blockers, (c) =>
      tx
        .insertInto('blockers')
        .values(c.map((b) => ({ ...b, created_at: new Date(`${b.since}T09:00:00+01:00`) })))
        .execute(),
    );
    await chunks(rows.entries, (c) => tx.insertInto('waiting_list_entries').values(c).execute());
    // a signed plan has its signed version (version 1), frozen by the same code as a signing in the app
    const ctx = { actor: signer, db: tx, now: new Date(`${today}T12:00:00Z`) };
    for (const p of rows.plans)
      if (p.signed_on)
        await recordVersion(ctx, { id: p.id as string, tenant_id: p.tenant_id as string }, p.signed_on as string, 0);
  });
}

export async function seedPerspectiveDemo(database: Database, opts: { today: string }) {
  const db = database.db;
  const today = opts.today;
  const tenants = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  const summary: Record<string, { plannen: number; zrm: number; blokkades: number; wachtlijst: number }> = {};
  for (const [ti, { id: tenant }] of tenants.entries()) {
    const rng = createRng(4040 + ti);
    const rows: Rows = {
      plans: [],
      goals: [],
      actions: [],
      changes: [],
      comments: [],
      assessments: [],
      scores: [],
      steps: [],
      blockers: [],
      entries: [],
    };
    const staff = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('tenant_id', '=', tenant)
      .where('role', '=', 'toegang')
      .executeTakeFirst();
    if (!staff) continue;
    const by = staff.id,
      byName = staff.display_name;
    const demoClient =
      (
        await db
          .selectFrom('users')
          .select('client_id')
          .where('tenant_id', '=', tenant)
          .where('role', '=', 'client')
          .executeTakeFirst()
      )?.client_id ?? null;

    // ---- currently placed: open trajectory with an open stay
    const current = await db
      .selectFrom('trajectories')
      .innerJoin('stays', 'stays.trajectory_id', 'trajectories.id')
      .select([
        'trajectories.id',
        'trajectories.client_id',
        'trajectories.started_on',
        (eb) => eb.fn.min<string>('stays.started_on').as('placement'),
      ])
      .where('trajectories.tenant_id', '=', tenant)
      .where('trajectories.ended_on', 'is', null)
      .groupBy(['trajectories.id', 'trajectories.client_id', 'trajectories.started_on'])
      .orderBy('trajectories.id')
      .execute();
    const placedClients = new Set(current.map((c) => c.client_id));
    for (const t of current) {
      const d = daysBetween(t.placement, today);
      const base = ZRM_DOMAIN_CODES.map(() =>
        rng.weighted([
          [1, 2],
          [2, 4],
          [3, 3],
          [4, 2],
          [5, 1],
        ] as const),
      );
      // plan: most on time, some late, about a fifth (with more than 5 days) still missing → te-late-plannen
      const forced = t.client_id === demoClient;
      if (forced || (d <= 5 ? rng.chance(0.5) : rng.chance(0.78))) {
        const drawn =
          d <= 5
            ? addDays(t.placement, rng.int(0, Math.max(0, d)))
            : min(addDays(t.placement, rng.chance(0.8) ? rng.int(1, 5) : rng.int(6, 14)), today);
        plan(rows, rng, {
          tenant,
          clientId: t.client_id,
          trajectoryId: t.id,
          drawn: drawn < t.started_on ? t.started_on : drawn,
          today,
          by,
          byName,
        });
      }
      // ZRM intake and a measurement about every five weeks, slowly improving
      if (d >= 2) {
        zrm(rows, rng, tenant, t.client_id, t.id, addDays(t.placement, rng.int(1, Math.min(5, d))), 'intake', base, by);
        for (let k = 1; 35 * k + 3 <= d; k++)
          zrm(
            rows,
            rng,
            tenant,
            t.client_id,
            t.id,
            addDays(t.placement, 35 * k + rng.int(0, 3)),
            'tussentijds',
            base.map((s) => s + (rng.chance(0.35 * k) ? 1 : 0)),
            by,
          );
      }
      // practical steps
      for (const kind of STEP_KINDS) {
        if (d < 3 || !rng.chance(Math.min(0.9, 0.2 + d / 100))) continue;
        const requested = addDays(t.placement, rng.int(1, Math.min(d, 20)));
        const settled = daysBetween(requested, today) > 10 && rng.chance(0.6);
        rows.steps.push({
          tenant_id: tenant,
          trajectory_id: t.id,
          kind,
          status: settled ? 'geregeld' : 'aangevraagd',
          requested_on: requested,
          completed_on: settled ? min(addDays(requested, rng.int(5, 40)), today) : null,
          note: null,
          updated_by: by,
        });
      }
      // blockades for those past five weeks
      if (d > 35 && rng.chance(0.75)) {
        const kind = rng.chance(0.1) ? 'overig' : rng.weighted(BLOCKERS);
        const [org, step] = NEXT[kind] ?? ['trajecthouder', 'Bespreken in het doorstroomoverleg'];
        rows.blockers.push({
          tenant_id: tenant,
          trajectory_id: t.id,
          kind,
          description: kind === 'overig' ? 'Geen geldig identiteitsbewijs; aanvraag loopt via de gemeente' : null,
          since: addDays(t.placement, rng.int(14, 35)),
          next_actor_org: org,
          next_actor_name: rng.chance(0.6) ? rng.pick(NAMES) : null,
          next_step: step,
          created_by: by,
        });
        if (kind !== 'middelengebruik' && rng.chance(0.2))
          rows.blockers.push({
            tenant_id: tenant,
            trajectory_id: t.id,
            kind: 'middelengebruik',
            description: null,
            since: addDays(t.placement, rng.int(10, 30)),
            next_actor_org: 'verslavingszorg',
            next_actor_name: null,
            next_step: NEXT.middelengebruik![1],
            created_by: by,
          });
      }
      // waiting lists for the next step
      if (d > 30 && rng.chance(0.45)) {
        const urgent = rng.chance(0.15);
        rows.entries.push({
          tenant_id: tenant,
          list_kind: rng.weighted([
            ['tussenvoorziening', 35],
            ['beschermd-wonen', 25],
            ['housing-first', 20],
            ['skaeve-huse', 10],
            ['jongeren-woontraining', 5],
            ['gezinsplekken', 5],
          ] as const),
          client_id: t.client_id,
          trajectory_id: t.id,
          listed_on: addDays(t.placement, rng.int(20, Math.min(d, 60))),
          urgent,
          note: urgent ? 'Medische urgentie (GGZ-advies)' : null,
          created_by: by,
        });
      }
    }

    // ---- recently ended trajectories: plans and ZRM at intake and exit (for the figures)
    const ended = await db
      .selectFrom('trajectories')
      .innerJoin('stays', 'stays.trajectory_id', 'trajectories.id')
      .select([
        'trajectories.id',
        'trajectories.client_id',
        'trajectories.started_on',
        'trajectories.ended_on',
        (eb) => eb.fn.min<string>('stays.started_on').as('placement'),
      ])
      .where('trajectories.tenant_id', '=', tenant)
      .where('trajectories.ended_on', '>=', addDays(today, -400))
      .groupBy(['trajectories.id', 'trajectories.client_id', 'trajectories.started_on', 'trajectories.ended_on'])
      .orderBy('trajectories.id')
      .execute();
    for (const t of ended) {
      const end = t.ended_on!;
      if (daysBetween(t.placement, end) < 7) continue;
      if (rng.chance(0.85))
        plan(rows, rng, {
          tenant,
          clientId: t.client_id,
          trajectoryId: t.id,
          drawn: min(addDays(t.placement, rng.chance(0.75) ? rng.int(1, 5) : rng.int(6, 12)), end),
          today: end,
          by,
          byName,
        });
      if (rng.chance(0.7)) {
        const base = ZRM_DOMAIN_CODES.map(() => rng.int(1, 3));
        zrm(rows, rng, tenant, t.client_id, t.id, addDays(t.placement, rng.int(1, 4)), 'intake', base, by);
        zrm(
          rows,
          rng,
          tenant,
          t.client_id,
          t.id,
          end,
          'uitstroom',
          base.map((s) => s + rng.int(0, 2)),
          by,
        );
      }
    }

    // ---- recent placements from the lists (throughput for the expected wait): earlier shelter clients, placed via the
    // wijkteam route long after their own stay ended (no trajectory link), and a few older placements outside the window.
    const former = await db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('merged_into', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('trajectories')
              .select('trajectories.id')
              .whereRef('trajectories.client_id', '=', 'clients.id')
              .where((eb) =>
                eb.or([
                  eb('trajectories.ended_on', 'is', null),
                  eb('trajectories.ended_on', '>', addDays(today, -520)),
                ]),
              ),
          ),
        ),
      )
      .orderBy('id')
      .limit(400)
      .execute();
    const pool = rng.shuffle(former.map((f) => f.id).filter((c) => !placedClients.has(c)));
    const perList: Record<string, number> = {
      tussenvoorziening: 7,
      'beschermd-wonen': 5,
      'housing-first': 4,
      'skaeve-huse': 2,
      'jongeren-woontraining': 2,
      gezinsplekken: 1,
    };
    for (const list of LISTS) {
      for (let i = 0; i < perList[list]! + 2 && pool.length; i++) {
        // the first two of each list were placed within the throughput window, so every list has an expected wait
        const recent = i < 2;
        const removed = addDays(today, -rng.int(3, recent ? 170 : 300));
        const listed = addDays(removed, -rng.int(30, 200));
        rows.entries.push({
          tenant_id: tenant,
          list_kind: list,
          client_id: pool.pop()!,
          trajectory_id: null,
          listed_on: listed,
          urgent: false,
          note: null,
          removed_on: removed,
          removal_reason: recent || rng.chance(0.85) ? 'geplaatst' : 'niet-meer-nodig',
          removal_note: null,
          created_by: by,
        });
      }
    }
    await insertAll(
      database,
      rows,
      {
        userId: staff.id,
        username: staff.username,
        displayName: staff.display_name,
        role: 'toegang',
        tenantId: tenant,
        facilityId: null,
        clientId: null,
      },
      today,
    );
    summary[tenant] = {
      plannen: rows.plans.length,
      zrm: rows.assessments.length,
      blokkades: rows.blockers.length,
      wachtlijst: rows.entries.length,
    };
  }
  await database.flush();
  return summary;
}
