// Issue 20: running the data-quality rules over a snapshot: findings with who and where they belong to (worker,
// location), the link where they are fixed, and the score (share of records without a finding).
import { RULES, type Rule, type Severity } from './rules.js';
import { ENTITY_KINDS, type Entities, type EntityKind, Snapshot, type SnapshotData } from './snapshot.js';

export interface Finding {
  code: string;
  severity: Severity;
  text: string;
  entity: EntityKind;
  recordId: string;
  clientId: string | null;
  facilityId: string | null;
  workerId: string | null;
  /** The page of the web interface where the finding is fixed. */
  fixPath: string;
}

function clientOf(kind: EntityKind, row: Entities[EntityKind], s: Snapshot): string | null {
  switch (kind) {
    case 'client':
      return (row as Entities['client']).id;
    case 'decision':
      return s.registrations.get((row as Entities['decision']).registration_id)?.client_id ?? null;
    case 'plan':
      return s.trajectories.get((row as Entities['plan']).trajectory_id)?.client_id ?? null;
    case 'streetCount':
      return null;
    default:
      return ((row as { client_id?: string | null }).client_id ?? null) as string | null;
  }
}

/** The worker responsible: who recorded it, else the trajecthouder of the client's latest trajectory. */
function workerOf(kind: EntityKind, row: Entities[EntityKind], clientId: string | null, s: Snapshot): string | null {
  const own =
    kind === 'registration'
      ? (row as Entities['registration']).created_by
      : kind === 'trajectory'
        ? (row as Entities['trajectory']).case_manager_id
        : kind === 'stay'
          ? (row as Entities['stay']).created_by
          : kind === 'outreach'
            ? (row as Entities['outreach']).recorded_by
            : kind === 'turnAway'
              ? (row as Entities['turnAway']).recorded_by
              : kind === 'decision'
                ? (row as Entities['decision']).decided_by
                : null;
  if (own) return own;
  if (!clientId) return null;
  const latest = [...(s.trajectoriesByClient.get(clientId) ?? [])].sort((a, b) =>
    b.started_on.localeCompare(a.started_on),
  )[0];
  return latest?.case_manager_id ?? null;
}

function facilityOf(kind: EntityKind, row: Entities[EntityKind], clientId: string | null, s: Snapshot): string | null {
  if (kind === 'stay') return (row as Entities['stay']).facility_id;
  if (kind === 'turnAway') return (row as Entities['turnAway']).facility_id;
  if (!clientId) return null;
  const stays = s.staysByClient.get(clientId) ?? [];
  const open = stays.find((x) => !x.ended_on);
  return open?.facility_id ?? null;
}

function fixPathOf(kind: EntityKind, row: Entities[EntityKind], clientId: string | null): string {
  if (kind === 'turnAway') return `/hele-beeld?onderdeel=afgewezen&verzoek=${(row as Entities['turnAway']).id}`;
  if (kind === 'outreach') return '/hele-beeld?onderdeel=veldwerk';
  if (kind === 'streetCount') return '/hele-beeld?onderdeel=tellingen';
  if (kind === 'stay') return `/locaties/${(row as Entities['stay']).facility_id}`;
  return clientId ? `/clienten/${clientId}` : '/hele-beeld';
}

/** Every finding of the rules (default: all) on the data. */
export function runRules(data: SnapshotData, rules: readonly Rule[] = RULES): Finding[] {
  const s = new Snapshot(data);
  const out: Finding[] = [];
  for (const r of rules) {
    for (const row of data.rows[r.entity] as Entities[EntityKind][]) {
      if (!(r.test as (row: Entities[EntityKind], s: Snapshot) => boolean)(row, s)) continue;
      const clientId = clientOf(r.entity, row, s);
      out.push({
        code: r.code,
        severity: r.severity,
        text: r.text,
        entity: r.entity,
        recordId: (row as { id: string }).id,
        clientId,
        facilityId: facilityOf(r.entity, row, clientId, s),
        workerId: workerOf(r.entity, row, clientId, s),
        fixPath: fixPathOf(r.entity, row, clientId),
      });
    }
  }
  return out;
}

/** Share (0–100, one decimal) of records without any finding. */
export function scoreOf(data: SnapshotData, findings: readonly Finding[]): { score: number; records: number } {
  const records = ENTITY_KINDS.reduce((n, k) => n + data.rows[k].length, 0);
  const bad = new Set(findings.map((f) => `${f.entity}:${f.recordId}`)).size;
  return { records, score: records === 0 ? 100 : Math.round((1000 * (records - bad)) / records) / 10 };
}
