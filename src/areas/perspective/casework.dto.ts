// Casework of a trajectory: response schemas of ZRM measurements, practical steps and blockades, and the shaping of
// their rows into them.
import { z } from '@hono/zod-openapi';
import { CodeLabel, DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import type { BlockerRow, BlockerUpdateRow, StepRow, ZrmRows } from './casework.queries.js';
import {
  BLOCKER_KINDS,
  codesOf,
  labelOf,
  OWNER_ORGS,
  STEP_KINDS,
  STEP_STATUSES,
  stepBlocksOutflow,
  stepFlow,
  storedCode,
  ZRM_DOMAINS,
  ZRM_KINDS,
  ZRM_SCALE,
  ZRM_VERSION,
} from './life-domains.js';
import { Uitvoerder } from './plans.dto.js';

// ---------- ZRM ----------

export const ZrmMeting = z
  .object({
    id: z.string(),
    datum: DatumUit,
    versie: z.string(),
    soort: z.enum(codesOf(ZRM_KINDS)),
    soortLabel: z.string(),
    trajectId: z.string().nullable(),
    door: z.string().nullable(),
    scores: z.array(
      z.object({
        domein: z.string().openapi({ description: 'Levensgebied; oudere ZRM-versies houden hun eigen namen' }),
        domeinLabel: z.string(),
        score: z.number().int().min(1).max(5),
        scoreLabel: z.string(),
      }),
    ),
  })
  .openapi('ZrmMeting');

export const ZrmMetingen = z
  .object({
    metingen: z.array(ZrmMeting),
    versie: z.string(),
    domeinen: z.array(CodeLabel),
    schaal: z.array(z.object({ score: z.number().int(), label: z.string() })),
    soorten: z.array(CodeLabel),
    mogelijkheden: z.object({ meten: z.boolean() }).openapi('ZrmMogelijkheden'),
  })
  .openapi('ZrmMetingen');

const domainOrder = (code: string) => ZRM_DOMAINS.findIndex((d) => d.code === code);

export function zrmDto(actor: Actor, r: ZrmRows): z.infer<typeof ZrmMetingen> {
  return {
    metingen: r.assessments.map((a) => {
      const kind = storedCode(ZRM_KINDS, a.kind);
      return {
        id: a.id,
        datum: a.assessed_on,
        versie: a.zrm_version,
        soort: kind,
        soortLabel: labelOf(ZRM_KINDS, kind),
        trajectId: a.trajectory_id,
        door: a.display_name,
        scores: r.scores
          .filter((s) => s.assessment_id === a.id)
          .map((s) => ({
            domein: s.domain,
            domeinLabel: labelOf(ZRM_DOMAINS, s.domain),
            score: s.score,
            scoreLabel: ZRM_SCALE.find((x) => x.score === s.score)?.label ?? '',
          }))
          .sort((x, y) => domainOrder(x.domein) - domainOrder(y.domein)),
      };
    }),
    versie: ZRM_VERSION,
    domeinen: [...ZRM_DOMAINS],
    schaal: [...ZRM_SCALE],
    soorten: [...ZRM_KINDS],
    mogelijkheden: { meten: can(actor, 'perspectief.schrijven') },
  };
}

// ---------- practical steps ----------

const Stapstatus = z.enum(codesOf(STEP_STATUSES)).openapi('PraktischeStapStatus');

export const PraktischeStap = z
  .object({
    soort: z.enum(codesOf(STEP_KINDS)),
    soortLabel: z.string(),
    status: Stapstatus,
    statusLabel: z.string(),
    aangevraagdOp: DatumUit.nullable(),
    geregeldOp: DatumUit.nullable(),
    toelichting: z.string().nullable(),
    blokkeertUitstroom: z.boolean(),
    volgendeStatussen: z.array(Stapstatus),
  })
  .openapi('PraktischeStap');
export const PraktischeStappen = z
  .object({ trajectId: z.string(), resultaten: z.array(PraktischeStap) })
  .openapi('PraktischeStappen');

/** Every kind of step, in the fixed order, with its status (untouched: open). */
export function stepsDto(actor: Actor, rows: StepRow[]): z.infer<typeof PraktischeStap>[] {
  const write = can(actor, 'perspectief.schrijven');
  return STEP_KINDS.map((k) => {
    const r = rows.find((x) => x.kind === k.code);
    const status = r ? storedCode(STEP_STATUSES, r.status) : 'open';
    return {
      soort: k.code,
      soortLabel: k.label,
      status,
      statusLabel: labelOf(STEP_STATUSES, status),
      aangevraagdOp: r?.requested_on ?? null,
      geregeldOp: r?.completed_on ?? null,
      toelichting: r?.note ?? null,
      blokkeertUitstroom: stepBlocksOutflow(status),
      volgendeStatussen: write ? [...stepFlow(k.code).next(status)] : [],
    };
  });
}

// ---------- blockades ----------

/** The fields of a blockade that can be changed afterwards (PATCH /v1/blokkades/{id}), API name → column. */
export const BLOCKER_FIELDS = {
  omschrijving: 'description',
  volgendeActorOrganisatie: 'next_actor_org',
  volgendeActorNaam: 'next_actor_name',
  volgendeStap: 'next_step',
} as const;
export type BlockerField = keyof typeof BLOCKER_FIELDS;
const BLOCKER_FIELD_NAMES = Object.keys(BLOCKER_FIELDS).filter((f): f is BlockerField => f in BLOCKER_FIELDS);

export const Blokkadesoort = z.enum(codesOf(BLOCKER_KINDS)).openapi('Blokkadesoort');

/** Who acts next on a blockade. */
export const BlokkadeActor = z
  .object({ organisatie: Uitvoerder, organisatieLabel: z.string(), naam: z.string().nullable() })
  .openapi('BlokkadeVolgendeActor');

const BlokkadeHistorie = z
  .object({
    op: Tijdstip,
    door: z.string().nullable(),
    velden: z.array(
      z.object({ veld: z.enum(BLOCKER_FIELD_NAMES), van: z.string().nullable(), naar: z.string().nullable() }),
    ),
  })
  .openapi('BlokkadeHistorie');
type BlockerChange = z.infer<typeof BlokkadeHistorie>;

export const Blokkade = z
  .object({
    id: z.string(),
    soort: Blokkadesoort,
    soortLabel: z.string(),
    omschrijving: z.string().nullable(),
    sinds: DatumUit,
    dagen: z.number().int(),
    opgeheven: DatumUit.nullable(),
    volgendeActor: BlokkadeActor.nullable(),
    volgendeStap: z.string().nullable(),
    vastgelegdOp: DatumUit,
    bijgewerktOp: DatumUit.nullable().openapi({
      description: 'Datum van de laatste wijziging (null: nooit gewijzigd)',
    }),
    wijzigingen: z.array(BlokkadeHistorie),
    mogelijkheden: z.object({ opheffen: z.boolean(), wijzigen: z.boolean() }).openapi('BlokkadeMogelijkheden'),
  })
  .openapi('Blokkade');
export const Blokkades = z.object({ trajectId: z.string(), resultaten: z.array(Blokkade) }).openapi('Blokkades');

/** Who acts next on a blockade (null: nobody named). Shared by the case page and the doorstroomoverleg worklist. */
export function blockerNextActor(b: {
  next_actor_org: string | null;
  next_actor_name: string | null;
}): z.infer<typeof BlokkadeActor> | null {
  if (!b.next_actor_org) return null;
  const org = storedCode(OWNER_ORGS, b.next_actor_org);
  return { organisatie: org, organisatieLabel: labelOf(OWNER_ORGS, org), naam: b.next_actor_name };
}

/** Date (NL) the blockade was recorded, and of its last change (null: never changed since). */
export function blockerDates(createdAt: Date, lastChange: Date | null) {
  return {
    vastgelegdOp: todayInNl(new Date(createdAt)),
    bijgewerktOp: lastChange ? todayInNl(new Date(lastChange)) : null,
  };
}

const FieldValues = z.record(z.string(), z.string().nullable());

/** Change history per blockade, oldest first, and the moment of its last change. */
export function blockerHistory(rows: BlockerUpdateRow[]) {
  const out = new Map<string, { changes: BlockerChange[]; last: Date | null }>();
  for (const r of rows) {
    // jsonb: both drivers return it parsed
    const before = FieldValues.parse(r.previous_values);
    const after = FieldValues.parse(r.new_values);
    const e = out.get(r.blocker_id) ?? { changes: [], last: null };
    const at = new Date(r.changed_at);
    e.changes.push({
      op: at.toISOString(),
      door: r.display_name,
      velden: BLOCKER_FIELD_NAMES.filter((f) => f in after).map((f) => ({
        veld: f,
        van: before[f] ?? null,
        naar: after[f] ?? null,
      })),
    });
    e.last = at;
    out.set(r.blocker_id, e);
  }
  return out;
}

export function blockerDto(
  actor: Actor,
  b: BlockerRow,
  today: string,
  history?: { changes: BlockerChange[]; last: Date | null },
): z.infer<typeof Blokkade> {
  const write = can(actor, 'perspectief.schrijven');
  const kind = storedCode(BLOCKER_KINDS, b.kind);
  return {
    id: b.id,
    soort: kind,
    soortLabel: labelOf(BLOCKER_KINDS, kind),
    omschrijving: b.description,
    sinds: b.since,
    dagen: daysBetween(b.since, b.resolved_on ?? today),
    opgeheven: b.resolved_on,
    volgendeActor: blockerNextActor(b),
    volgendeStap: b.next_step,
    ...blockerDates(b.created_at, history?.last ?? null),
    wijzigingen: history?.changes ?? [],
    mogelijkheden: { opheffen: write && !b.resolved_on, wijzigen: write && !b.resolved_on },
  };
}
