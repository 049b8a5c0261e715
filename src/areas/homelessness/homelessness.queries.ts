// Issue 20: the evidence of homelessness per person, read from the chain's own records (no copy): registrations,
// stays, trajectories (an exit to permanent housing ends the episode), housing candidates, veldwerk contacts and
// turn-aways. A merged client's records count for the person kept; an anonymous person linked to a client is that
// client.
import type { Tx } from '../../platform/db/database.js';
import type { Evidence } from './flow.js';

export interface PersonFacts {
  /** open stay now */
  inShelter: Set<string>;
  /** waiting for a home (housing candidate woonklaar) */
  waitingForHome: Set<string>;
  /** the latest known sleeping situation from veldwerk or an exit to tijdelijk/dakloos, with its date */
  latestSituation: Map<string, { on: string; situation: string }>;
}

export const clientKey = (id: string) => `client:${id}`;
export const anonKey = (id: string) => `anoniem:${id}`;

export async function loadEvidence(db: Tx, tenantId: string, today: string) {
  const [clients, regs, stays, trajs, cands, anon, contacts, turns] = await Promise.all([
    db.selectFrom('clients').select(['id', 'merged_into']).where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('registrations').select(['client_id', 'registered_on']).where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('stays').select(['client_id', 'started_on', 'ended_on']).where('tenant_id', '=', tenantId).execute(),
    db
      .selectFrom('trajectories')
      .select(['client_id', 'started_on', 'ended_on', 'exit_group'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db
      .selectFrom('housing_candidates')
      .select(['client_id', 'status', 'housed_on'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db.selectFrom('anonymous_persons').select(['id', 'client_id']).where('tenant_id', '=', tenantId).execute(),
    db
      .selectFrom('outreach_contacts')
      .select(['client_id', 'anonymous_person_id', 'contact_on', 'sleeping_situation'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db
      .selectFrom('turn_aways')
      .select(['client_id', 'requested_on'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'is not', null)
      .execute(),
  ]);
  const mergedInto = new Map(clients.map((c) => [c.id, c.merged_into]));
  const keyOfClient = (id: string) => {
    let cur = id;
    for (let i = 0; i < 10; i++) {
      const next = mergedInto.get(cur);
      if (!next) break;
      cur = next;
    }
    return clientKey(cur);
  };
  const anonClient = new Map(anon.map((a) => [a.id, a.client_id]));
  const keyOfAnon = (id: string) => {
    const c = anonClient.get(id);
    return c ? keyOfClient(c) : anonKey(id);
  };
  const ev: Evidence[] = [];
  const facts: PersonFacts = { inShelter: new Set(), waitingForHome: new Set(), latestSituation: new Map() };
  const situation = (person: string, on: string, s: string) => {
    const cur = facts.latestSituation.get(person);
    if (!cur || cur.on <= on) facts.latestSituation.set(person, { on, situation: s });
  };
  for (const r of regs)
    ev.push({ person: keyOfClient(r.client_id), kind: 'contact', from: r.registered_on, to: r.registered_on });
  for (const s of stays) {
    const person = keyOfClient(s.client_id);
    ev.push({ person, kind: 'contact', from: s.started_on, to: s.ended_on ?? today });
    if (!s.ended_on && s.started_on <= today) facts.inShelter.add(person);
  }
  for (const t of trajs) {
    const person = keyOfClient(t.client_id);
    ev.push({ person, kind: 'contact', from: t.started_on, to: t.ended_on ?? today });
    if (t.ended_on && t.exit_group === 'permanent') ev.push({ person, kind: 'housed', on: t.ended_on });
    if (t.ended_on && t.exit_group === 'tijdelijk') situation(person, t.ended_on, 'tussenvoorziening');
    if (t.ended_on && t.exit_group === 'dakloos') situation(person, t.ended_on, 'buiten');
  }
  for (const c of cands) {
    const person = keyOfClient(c.client_id);
    if (c.status === 'woonklaar') facts.waitingForHome.add(person);
    if (c.housed_on) ev.push({ person, kind: 'housed', on: c.housed_on });
  }
  for (const c of contacts) {
    const person = c.client_id ? keyOfClient(c.client_id) : keyOfAnon(c.anonymous_person_id ?? '');
    ev.push({ person, kind: 'contact', from: c.contact_on, to: c.contact_on });
    situation(person, c.contact_on, c.sleeping_situation);
  }
  for (const t of turns) {
    if (t.client_id)
      ev.push({ person: keyOfClient(t.client_id), kind: 'contact', from: t.requested_on, to: t.requested_on });
  }
  return { evidence: ev, facts };
}
