// Perspectiefplan: response schemas and the shaping of plan rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import { ROLES } from '../../reference/reference.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import {
  ACTION_FLOW,
  ACTION_STATUSES,
  codesOf,
  GOAL_FLOW,
  GOAL_STATUSES,
  labelOf,
  OWNER_ORGS,
  storedCode,
  ZRM_DOMAINS,
} from './life-domains.js';
import type { PlanRows } from './plans.queries.js';
import { type PlanTimeliness, planTimeliness } from './rules.js';

const TIMELINESS: readonly [PlanTimeliness, ...PlanTimeliness[]] = [
  'geen-plaatsing',
  'nog-binnen-termijn',
  'te-laat',
  'op-tijd-opgesteld',
  'te-laat-opgesteld',
];

const Doelstatus = z.enum(codesOf(GOAL_STATUSES)).openapi('Doelstatus');
const Actiestatus = z.enum(codesOf(ACTION_STATUSES)).openapi('Actiestatus');
export const Levensgebied = z.enum(codesOf(ZRM_DOMAINS)).openapi('Levensgebied');
export const Uitvoerder = z
  .enum(codesOf(OWNER_ORGS))
  .openapi('Uitvoerder', { description: 'Wie een actie uitvoert of de volgende stap zet' });

/** The 5-day rule: status of the plan against placement + 5 days. */
export const PlanTermijn = z
  .object({
    status: z.enum(TIMELINESS),
    uiterlijkeDatum: DatumUit.nullable(),
    dagenTeLaat: z.number().int(),
  })
  .openapi('PerspectiefplanTermijn');

export const Actie = z
  .object({
    id: z.string(),
    omschrijving: z.string(),
    eigenaarOrganisatie: Uitvoerder,
    eigenaarOrganisatieLabel: z.string(),
    eigenaarNaam: z.string().nullable(),
    uiterlijk: DatumUit,
    status: Actiestatus,
    statusLabel: z.string(),
    statusDatum: DatumUit.nullable(),
    verlopen: z.boolean().openapi({ description: 'Nog niet afgerond of vervallen en de uiterste datum is voorbij' }),
    volgendeStatussen: z
      .array(Actiestatus)
      .openapi({ description: 'Statussen waarnaar de gebruiker deze actie kan zetten' }),
    geschiedenis: z.array(
      z.object({
        van: Actiestatus,
        naar: Actiestatus,
        datum: DatumUit,
        toelichting: z.string().nullable(),
        door: z.string().nullable(),
      }),
    ),
  })
  .openapi('Actie');

export const Doel = z
  .object({
    id: z.string(),
    levensgebied: Levensgebied,
    levensgebiedLabel: z.string(),
    omschrijving: z.string(),
    status: Doelstatus,
    statusLabel: z.string(),
    volgendeStatussen: z.array(Doelstatus),
    acties: z.array(Actie),
    mogelijkheden: z.object({ actieToevoegen: z.boolean(), statusWijzigen: z.boolean() }).openapi('DoelMogelijkheden'),
  })
  .openapi('Doel');

export const Opmerking = z
  .object({
    id: z.string(),
    auteur: z.string(),
    rol: z.enum(codesOf(ROLES)),
    tekst: z.string(),
    tijdstip: Tijdstip,
  })
  .openapi('Opmerking');
export const Opmerkingen = z.object({ resultaten: z.array(Opmerking) }).openapi('Opmerkingen');

const PlanClient = z
  .object({ voornaam: z.string(), achternaam: z.string(), geboortedatum: DatumUit.nullable() })
  .openapi('PerspectiefplanClient');

export const Perspectiefplan = z
  .object({
    id: z.string(),
    trajectId: z.string(),
    clientId: z.string(),
    client: PlanClient,
    trajectStart: DatumUit,
    trajectEinde: DatumUit.nullable(),
    plaatsingsdatum: DatumUit.nullable(),
    opgesteldOp: DatumUit,
    eigenWoorden: z.string().nullable(),
    wensen: z.string().nullable(),
    ondertekendOp: DatumUit.nullable(),
    termijn: PlanTermijn,
    doelen: z.array(Doel),
    opmerkingen: z.array(Opmerking),
    versies: z.array(
      z
        .object({
          versie: z.number().int(),
          ondertekendOp: DatumUit,
          vastgelegdOp: Tijdstip,
          door: z.string().nullable(),
        })
        .openapi('PerspectiefplanVersieKop'),
    ),
    gewijzigdSindsOndertekening: z
      .boolean()
      .nullable()
      .openapi({ description: 'null: nog nooit ondertekend (in versies)' }),
    wijzigingenSindsOndertekening: z
      .array(z.string())
      .openapi({ description: 'Wat er sinds de laatste ondertekening aan de afspraken veranderde, in gewone taal' }),
    mogelijkheden: z
      .object({
        wijzigen: z.boolean(),
        doelToevoegen: z.boolean(),
        ondertekenen: z.boolean(),
        opmerkingPlaatsen: z.boolean(),
        afdrukken: z.boolean(),
      })
      .openapi('PerspectiefplanMogelijkheden'),
  })
  .openapi('Perspectiefplan');

/**
 * What a signature covers, frozen in a version: the plan as printed for the client (no comments, no history). Codes are
 * plain strings here: a signed version shows what was signed then, also a code the lists no longer carry.
 */
export const OndertekendePlaninhoud = z
  .object({
    client: PlanClient,
    trajectStart: DatumUit,
    plaatsingsdatum: DatumUit.nullable(),
    opgesteldOp: DatumUit,
    eigenWoorden: z.string().nullable(),
    wensen: z.string().nullable(),
    doelen: z.array(
      z.object({
        id: z.string(),
        levensgebied: z.string(),
        levensgebiedLabel: z.string(),
        omschrijving: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        acties: z.array(
          z.object({
            id: z.string(),
            omschrijving: z.string(),
            eigenaarOrganisatie: z.string(),
            eigenaarOrganisatieLabel: z.string(),
            eigenaarNaam: z.string().nullable(),
            uiterlijk: DatumUit,
            status: z.string(),
            statusLabel: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('OndertekendePlaninhoud');
export type SignedContent = z.infer<typeof OndertekendePlaninhoud>;

export const PerspectiefplanVersie = z
  .object({
    planId: z.string(),
    clientId: z.string(),
    versie: z.number().int(),
    ondertekendOp: DatumUit,
    vastgelegdOp: Tijdstip,
    door: z.string().nullable(),
    inhoud: OndertekendePlaninhoud,
  })
  .openapi('PerspectiefplanVersie');

type ActionRow = PlanRows['actions'][number];
type ChangeRow = PlanRows['changes'][number];

function actionDto(actor: Actor, a: ActionRow, changes: ChangeRow[], today: string): z.infer<typeof Actie> {
  const status = storedCode(ACTION_STATUSES, a.status);
  const owner = storedCode(OWNER_ORGS, a.owner_org);
  return {
    id: a.id,
    omschrijving: a.description,
    eigenaarOrganisatie: owner,
    eigenaarOrganisatieLabel: labelOf(OWNER_ORGS, owner),
    eigenaarNaam: a.owner_name,
    uiterlijk: a.due_on,
    status,
    statusLabel: labelOf(ACTION_STATUSES, status),
    statusDatum: a.status_on,
    verlopen: status !== 'afgerond' && status !== 'vervallen' && a.due_on < today,
    volgendeStatussen: can(actor, 'perspectief.schrijven') ? [...ACTION_FLOW.next(status)] : [],
    geschiedenis: changes
      .filter((c) => c.action_id === a.id)
      .map((c) => ({
        van: storedCode(ACTION_STATUSES, c.from_status),
        naar: storedCode(ACTION_STATUSES, c.to_status),
        datum: c.changed_on,
        toelichting: c.note,
        door: c.display_name,
      })),
  };
}

/** The plan without its versions: goals with actions (and their status history), comments, the 5-day deadline and abilities. */
export function planCoreDto(actor: Actor, r: PlanRows, placement: string | null, today: string, planDays?: number) {
  const write = can(actor, 'perspectief.schrijven');
  const p = r.plan;
  return {
    id: p.id,
    trajectId: p.trajectory_id,
    clientId: p.client_id,
    client: { voornaam: p.first_name, achternaam: p.last_name, geboortedatum: p.birth_date },
    trajectStart: p.started_on,
    trajectEinde: p.ended_on,
    plaatsingsdatum: placement,
    opgesteldOp: p.drawn_up_on,
    eigenWoorden: p.client_words,
    wensen: p.client_wishes,
    ondertekendOp: p.signed_on,
    termijn: planTimeliness(placement, p.drawn_up_on, today, planDays),
    doelen: r.goals.map((g): z.infer<typeof Doel> => {
      const status = storedCode(GOAL_STATUSES, g.status);
      const domain = storedCode(ZRM_DOMAINS, g.life_domain);
      return {
        id: g.id,
        levensgebied: domain,
        levensgebiedLabel: labelOf(ZRM_DOMAINS, domain),
        omschrijving: g.description,
        status,
        statusLabel: labelOf(GOAL_STATUSES, status),
        volgendeStatussen: write ? [...GOAL_FLOW.next(status)] : [],
        acties: r.actions.filter((a) => a.goal_id === g.id).map((a) => actionDto(actor, a, r.changes, today)),
        mogelijkheden: { actieToevoegen: write, statusWijzigen: write },
      };
    }),
    opmerkingen: r.comments.map(commentDto),
    mogelijkheden: {
      wijzigen: write,
      doelToevoegen: write,
      ondertekenen: write,
      opmerkingPlaatsen: can(actor, 'perspectief.reageren'),
      afdrukken: true,
    },
  };
}
type PlanCore = ReturnType<typeof planCoreDto>;

export function commentDto(c: {
  id: string;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Date;
}): z.infer<typeof Opmerking> {
  return {
    id: c.id,
    auteur: c.author_name,
    rol: storedCode(ROLES, c.author_role),
    tekst: c.body,
    tijdstip: new Date(c.created_at).toISOString(),
  };
}

/** What a signature covers: the plan as printed for the client, frozen in a version (no comments, no history). */
export function signedContent(d: PlanCore): SignedContent {
  return {
    client: d.client,
    trajectStart: d.trajectStart,
    plaatsingsdatum: d.plaatsingsdatum,
    opgesteldOp: d.opgesteldOp,
    eigenWoorden: d.eigenWoorden,
    wensen: d.wensen,
    doelen: d.doelen.map((g) => ({
      id: g.id,
      levensgebied: g.levensgebied,
      levensgebiedLabel: g.levensgebiedLabel,
      omschrijving: g.omschrijving,
      status: g.status,
      statusLabel: g.statusLabel,
      acties: g.acties.map((a) => ({
        id: a.id,
        omschrijving: a.omschrijving,
        eigenaarOrganisatie: a.eigenaarOrganisatie,
        eigenaarOrganisatieLabel: a.eigenaarOrganisatieLabel,
        eigenaarNaam: a.eigenaarNaam,
        uiterlijk: a.uiterlijk,
        status: a.status,
        statusLabel: a.statusLabel,
      })),
    })),
  };
}
