// Queries shared by signals, preventive cases and their audit rows.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { naturalKey, type SignalPerson, type ValidSignal } from './signal-csv.js';

const nameKey = (birthDate: string, first: string, last: string) => `${birthDate}\u0000${first}\u0000${last}`;

/**
 * The clients of this tenant matching signals (same order; null when none): same BSN, or else same name and birth
 * date (names compared in lower case). One query for a whole list, so a worklist can log every person it shows.
 */
export async function matchClients(ctx: Ctx, people: readonly SignalPerson[]): Promise<(string | null)[]> {
  const bsns = [...new Set(people.flatMap((p) => (p.bsn ? [p.bsn] : [])))];
  const births = [...new Set(people.flatMap((p) => (p.birth_date ? [p.birth_date] : [])))];
  if (!bsns.length && !births.length) return people.map(() => null);
  const rows = await ctx.db
    .selectFrom('clients')
    .select([
      'id',
      'bsn',
      'birth_date',
      sql<string>`lower(first_name)`.as('first'),
      sql<string>`lower(last_name)`.as('last'),
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        ...(bsns.length ? [eb('bsn', 'in', bsns)] : []),
        ...(births.length ? [eb('birth_date', 'in', births)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byBsn = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const r of rows) {
    if (r.bsn && !byBsn.has(r.bsn)) byBsn.set(r.bsn, r.id);
    const key = r.birth_date ? nameKey(r.birth_date, r.first, r.last) : null;
    if (key && !byName.has(key)) byName.set(key, r.id);
  }
  return people.map(
    (p) =>
      (p.bsn ? byBsn.get(p.bsn) : undefined) ??
      (p.birth_date
        ? byName.get(nameKey(p.birth_date, p.first_name.toLowerCase(), p.last_name.toLowerCase()))
        : undefined) ??
      null,
  );
}

/** The client of this tenant matching one signal, or null. */
export async function matchClient(ctx: Ctx, person: SignalPerson): Promise<string | null> {
  const [id] = await matchClients(ctx, [person]);
  return id ?? null;
}

const fullName = (first: string, last: string) => `${first.toLowerCase()}|${last.toLowerCase()}`;

/**
 * For the audit log (NEN 7513): every client of this tenant a list of signals may be about. The matches above, and
 * clients with the same name whose BSN and birth date do not contradict the signal: a signal often has neither, so
 * a namesake may be the same person and is logged rather than missed.
 */
export async function clientsPossiblyShown(ctx: Ctx, people: readonly SignalPerson[]): Promise<string[]> {
  const out = new Set((await matchClients(ctx, people)).flatMap((id) => (id ? [id] : [])));
  const names = [...new Set(people.map((p) => fullName(p.first_name, p.last_name)))];
  if (!names.length) return [...out];
  const rows = await ctx.db
    .selectFrom('clients')
    .select(['id', 'bsn', 'birth_date', sql<string>`lower(first_name) || '|' || lower(last_name)`.as('name')])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('merged_into', 'is', null)
    .where(sql<string>`lower(first_name) || '|' || lower(last_name)`, 'in', names)
    .execute();
  for (const p of people) {
    const name = fullName(p.first_name, p.last_name);
    for (const c of rows) {
      if (c.name !== name) continue;
      const otherBsn = !!p.bsn && !!c.bsn && p.bsn !== c.bsn;
      const otherBirth = !!p.birth_date && !!c.birth_date && p.birth_date !== c.birth_date;
      if (!otherBsn && !otherBirth) out.add(c.id);
    }
  }
  return [...out];
}

/** The natural keys (source type, source name, reference) of these signals that this tenant already received. */
export async function existingKeys(ctx: Ctx, values: readonly ValidSignal[]): Promise<Set<string>> {
  if (!values.length) return new Set<string>();
  const refs = [...new Set(values.map((v) => v.reference))];
  const rows = await ctx.db
    .selectFrom('early_signals')
    .select(['source_type', 'source_name', 'reference'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('reference', 'in', refs)
    .execute();
  return new Set(rows.map(naturalKey));
}
