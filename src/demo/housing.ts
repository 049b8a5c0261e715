// Demo data of issue 5 (wonen): corporaties per centrumgemeente, woonplekken, prestatieafspraken 2024–2026,
// woonklare cliënten among the currently placed, a few aanbiedingen (one moved in), and for Almere the Housing
// First pipeline of seeds/002 (reference/seed-figures.json, housing_first_flevoland).

import { createOffer, respondToOffer } from '../areas/housing/offers.service.js';
import type { Database } from '../platform/db/database.js';
import { addDays, daysBetween } from '../platform/validation.js';
import { type Actor, inTransaction } from '../rights/context.js';
import { createRng } from './random.js';

const CORPORATIONS: Record<string, string[]> = {
  dordrecht: ['Woonbron', 'Trivire', 'Woonkracht10'],
  almere: ['Ymere', 'de Alliantie', 'Goede Stede'],
  nissewaard: ['Maasdelta'],
};

/** Housing First pipeline per gemeente (seed-figures.json): trajecten, gestart, beschikking wacht op woning. */
export const HOUSING_FIRST_DEMO: Record<
  string,
  { gemeente: string; code: string; trajecten: number; gestart: number; wacht: number }[]
> = {
  almere: [
    { gemeente: 'Almere', code: '0034', trajecten: 25, gestart: 13, wacht: 6 },
    { gemeente: 'Urk', code: '0184', trajecten: 2, gestart: 2, wacht: 0 },
    { gemeente: 'Noordoostpolder', code: '0171', trajecten: 5, gestart: 2, wacht: 2 },
    { gemeente: 'Lelystad', code: '0995', trajecten: 9, gestart: 0, wacht: 4 },
  ],
};

const FIRST = [
  'Mohamed',
  'Sandra',
  'Kevin',
  'Anouk',
  'Dennis',
  'Fatma',
  'Ricardo',
  'Linda',
  'Youssef',
  'Ilse',
  'Marco',
  'Priya',
  'Bas',
  'Naima',
  'Erik',
];
const LAST = [
  'de Boer',
  'Yilmaz',
  'Visser',
  'Bakker',
  'Mulder',
  'El Idrissi',
  'Smit',
  'Meijer',
  'de Graaf',
  'Kok',
  'Hendriks',
  'Dekker',
];
const STREETS: Record<string, string[]> = {
  dordrecht: ['Voorstraat', 'Krispijnseweg', 'Reeweg-Oost', 'Bankastraat', 'Sumatraplein', 'Dubbeldamseweg'],
  almere: ['Grote Markt', 'Stadhuisplein', 'Kruidenwijk', 'Muziekwijk', 'Danswijk', 'Filmwijk'],
  nissewaard: ['Noordeinde', 'Dorpsstraat', 'Groene Kruisweg', 'Raadhuislaan'],
};

export async function seedHousingDemo(database: Database, opts: { today: string; tenants: string[] }) {
  const { today } = opts;
  const db = database.db;
  const summary: Record<string, unknown> = {};
  for (const [ti, tenant] of opts.tenants.entries()) {
    const rng = createRng(5005 + ti);
    const munis = await db
      .selectFrom('municipalities')
      .select(['code', 'name'])
      .where('tenant_id', '=', tenant)
      .orderBy('code')
      .execute();
    const t = await db
      .selectFrom('tenants')
      .select('central_municipality_code')
      .where('id', '=', tenant)
      .executeTakeFirstOrThrow();
    const central = t.central_municipality_code;
    const region = munis.map((m) => m.code.trim());
    const corpIds: string[] = [];
    for (const name of CORPORATIONS[tenant] ?? []) {
      const r = await db
        .insertInto('housing_corporations')
        .values({
          tenant_id: tenant,
          name,
          contact_email: `verhuur@${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.example.nl`,
          contact_phone: '088 123 45 67',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      corpIds.push(r.id);
    }
    if (!corpIds.length) continue;
    await db
      .updateTable('users')
      .set({ corporation_id: corpIds[0]! })
      .where('username', '=', `${tenant}.corporatie`)
      .execute();
    const toegang = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('username', '=', `${tenant}.toegang`)
      .executeTakeFirstOrThrow();

    // prestatieafspraken 2024–2026 per corporation in the central gemeente and one other
    for (const [ci, corp] of corpIds.entries()) {
      const gems = [central, region[(ci + 1) % region.length]!].filter((g, i, a) => a.indexOf(g) === i);
      for (const year of [2024, 2025, 2026])
        for (const g of gems) {
          await db
            .insertInto('performance_agreements')
            .values({
              tenant_id: tenant,
              corporation_id: corp,
              year,
              municipality_code: g,
              agreed_count: g === central ? 6 + ci * 2 + (year - 2024) * 2 : 2 + (year - 2024),
            })
            .execute();
        }
    }

    // woonplekken
    const streets = STREETS[tenant] ?? ['Hoofdstraat'];
    const unitRows = [];
    const n = tenant === 'dordrecht' ? 18 : 12;
    for (let i = 0; i < n; i++) {
      const type = rng.weighted<string>([
        ['corporatie', 60],
        ['housing-first', 12],
        ['skaeve-huse', 8],
        ['tussenvoorziening', 10],
        ['onder-de-pannen', 10],
      ]);
      const rooms = type === 'corporatie' ? rng.int(1, 3) : 1;
      const gem = rng.chance(0.6) ? central : rng.pick(region);
      unitRows.push({
        tenant_id: tenant,
        corporation_id: type === 'onder-de-pannen' || type === 'tussenvoorziening' ? null : rng.pick(corpIds),
        type,
        address: `${rng.pick(streets)} ${rng.int(1, 180)}${type === 'onder-de-pannen' ? ' (kamer bij gastgezin)' : ''}`,
        postcode: null,
        municipality_code: gem,
        wijk: null,
        rooms,
        area_m2: type === 'onder-de-pannen' ? 14 : 28 + rooms * 14,
        rent_cents: type === 'onder-de-pannen' ? 35_000 : 45_000 + rooms * 7_000 + rng.int(0, 8) * 1_000,
        available_from: addDays(today, rng.int(-20, 30)),
        household_min: 1,
        household_max: type === 'corporatie' ? rooms + 1 : 1,
        age_group: rng.chance(0.1) ? 'jongeren' : 'alle',
        support_max:
          type === 'housing-first'
            ? 'housing-first'
            : type === 'skaeve-huse' || type === 'tussenvoorziening'
              ? 'intensief'
              : rng.pick(['licht', 'licht', 'intensief']),
        conditions:
          type === 'skaeve-huse'
            ? 'Prikkelarme woonplek aan de rand van de wijk; begeleiding door zorgaanbieder.'
            : null,
        status: 'beschikbaar',
        created_by: null,
      });
    }
    const units = await db
      .insertInto('housing_units')
      .values(unitRows)
      .returning(['id', 'type', 'rent_cents'])
      .execute();

    // woonklare cliënten: about 40% of those currently placed, longest there first
    const placed = await db
      .selectFrom('stays')
      .innerJoin('trajectories', 'trajectories.id', 'stays.trajectory_id')
      .select(['stays.client_id', 'trajectories.id as trajectory_id', 'trajectories.started_on'])
      .where('stays.tenant_id', '=', tenant)
      .where('stays.ended_on', 'is', null)
      .where('trajectories.ended_on', 'is', null)
      .orderBy('trajectories.started_on')
      .orderBy('stays.client_id')
      .execute();
    const ready = placed.slice(0, Math.max(2, Math.round(placed.length * 0.4)));
    const candIds: string[] = [];
    for (const p of ready) {
      const sinceMin = Math.max(0, daysBetween(p.started_on, today) - 1);
      const r = await db
        .insertInto('housing_candidates')
        .values({
          tenant_id: tenant,
          client_id: p.client_id,
          trajectory_id: p.trajectory_id,
          household_size: rng.chance(0.85) ? 1 : 2,
          net_income_cents: rng.int(115_000, 190_000),
          support_level: rng.weighted<string>([
            ['geen', 15],
            ['licht', 50],
            ['intensief', 30],
            ['housing-first', 5],
          ]),
          preferred_municipalities: rng.chance(0.7) ? [central] : [central, rng.pick(region)],
          network_municipality_code: rng.chance(0.6) ? rng.pick(region) : null,
          urgency: rng.weighted<string>([
            ['normaal', 75],
            ['hoog', 20],
            ['urgent', 5],
          ]),
          ready_since: addDays(today, -rng.int(0, Math.min(sinceMin, 90))),
          status: 'woonklaar',
          created_by: toegang.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      candIds.push(r.id);
    }

    // a few offers through the domain functions (as the toegang user, so all rules and the audit log apply)
    const actor: Actor = {
      userId: toegang.id,
      username: toegang.username,
      displayName: toegang.display_name,
      role: 'toegang',
      tenantId: tenant,
      facilityId: null,
      clientId: null,
    };
    const now = new Date(`${today}T12:00:00Z`);
    let offers = 0,
      moved = 0;
    const wanted = ['verhuisd', 'afgewezen', 'geaccepteerd', 'aangeboden'];
    for (const candId of candIds) {
      if (offers >= wanted.length) break;
      const cand = await db
        .selectFrom('housing_candidates')
        .select('ready_since')
        .where('id', '=', candId)
        .executeTakeFirstOrThrow();
      const free = await db
        .selectFrom('housing_units')
        .select('id')
        .where('tenant_id', '=', tenant)
        .where('status', '=', 'beschikbaar')
        .execute();
      for (const u of free) {
        const goal = wanted[offers]!;
        const start = cand.ready_since > addDays(today, -6) ? cand.ready_since : addDays(today, -6);
        try {
          await inTransaction(
            database,
            actor,
            async (ctx) => {
              const o = await createOffer(ctx, { woonplekId: u.id, kandidaatId: candId, datum: start });
              if (goal === 'aangeboden') return;
              if (goal === 'afgewezen') {
                await respondToOffer(ctx, o.id, {
                  reactie: 'afgewezen',
                  datum: addDays(start, 2) > today ? today : addDays(start, 2),
                  reden: 'Cliënt wil dichter bij zijn kinderen wonen',
                });
                return;
              }
              await respondToOffer(ctx, o.id, { reactie: 'geaccepteerd', datum: addDays(start, 1) });
              if (goal === 'verhuisd') {
                await respondToOffer(ctx, o.id, { reactie: 'contract-getekend', datum: addDays(start, 3) });
                await respondToOffer(ctx, o.id, { reactie: 'verhuisd', datum: addDays(start, 5) });
                moved++;
              }
            },
            { now },
          );
          offers++;
          break;
        } catch {
          /* this home does not fit this candidate: try the next */
        }
      }
    }

    // Housing First pipeline (Almere, seeds/002)
    let hf = 0;
    for (const g of HOUSING_FIRST_DEMO[tenant] ?? []) {
      for (let i = 0; i < g.trajecten; i++) {
        const started = i < g.gestart,
          waiting = !started && i < g.gestart + g.wacht;
        const referred = addDays(today, -rng.int(started ? 200 : 30, started ? 700 : 190));
        const decision = started || waiting ? addDays(referred, rng.int(10, 25)) : null;
        const startedOn = started ? addDays(decision!, rng.int(20, 120)) : null;
        const client = await db
          .insertInto('clients')
          .values({
            tenant_id: tenant,
            first_name: rng.pick(FIRST),
            last_name: rng.pick(LAST),
            birth_date: addDays(today, -365 * rng.int(25, 60)),
            bsn: null,
            origin_municipality_code: g.code,
            origin_label: g.gemeente,
            cause: rng.pick(['huurachterstand-schulden', 'veroorzaken-woonoverlast', 'gebrek-motivatie-eerdere-zorg']),
            phone: null,
            email: null,
            gender: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        let unitId: string | null = null;
        if (started) {
          const u = await db
            .insertInto('housing_units')
            .values({
              tenant_id: tenant,
              corporation_id: rng.pick(corpIds),
              type: 'housing-first',
              address: `Housing First-woning ${g.gemeente} ${i + 1}`,
              postcode: null,
              municipality_code: g.code,
              wijk: null,
              rooms: 1,
              area_m2: 38,
              rent_cents: 52_000,
              available_from: startedOn!,
              household_min: 1,
              household_max: 1,
              age_group: 'alle',
              support_max: 'housing-first',
              conditions: null,
              status: 'verhuurd',
              created_by: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          unitId = u.id;
        }
        await db
          .insertInto('housing_first_trajectories')
          .values({
            tenant_id: tenant,
            client_id: client.id,
            municipality_code: g.code,
            referred_on: referred,
            decision_on: decision,
            started_on: startedOn,
            unit_id: unitId,
            created_by: toegang.id,
          })
          .execute();
        if (waiting) {
          // with a beschikking they have an open trajectory (toegang) and are woonklaar for a Housing First home
          const reg = await db
            .insertInto('registrations')
            .values({
              tenant_id: tenant,
              client_id: client.id,
              registered_on: referred,
              source: 'veldwerk',
              status: 'besloten',
              screened_on: referred,
              notes: null,
              screening: null,
              created_by: toegang.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await db
            .insertInto('access_decisions')
            .values({
              tenant_id: tenant,
              registration_id: reg.id,
              outcome: 'toegang',
              decided_on: decision!,
              decided_by: toegang.id,
              reason: 'Housing First-beschikking: direct naar een eigen woning met intensieve begeleiding.',
              objection_deadline: addDays(decision!, 42),
              emergency_shelter: true,
            })
            .execute();
          const tr = await db
            .insertInto('trajectories')
            .values({
              tenant_id: tenant,
              client_id: client.id,
              registration_id: reg.id,
              started_on: decision!,
              case_manager_id: toegang.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await db
            .insertInto('housing_candidates')
            .values({
              tenant_id: tenant,
              client_id: client.id,
              trajectory_id: tr.id,
              household_size: 1,
              net_income_cents: rng.int(110_000, 140_000),
              support_level: 'housing-first',
              preferred_municipalities: [g.code],
              network_municipality_code: g.code,
              urgency: 'hoog',
              ready_since: decision!,
              status: 'woonklaar',
              created_by: toegang.id,
            })
            .execute();
        }
        hf++;
      }
    }
    summary[tenant] = {
      corporaties: corpIds.length,
      woonplekken: units.length,
      woonklaar: candIds.length,
      aanbiedingen: offers,
      verhuisd: moved,
      housingFirst: hf,
    };
  }
  await database.flush();
  return summary;
}
