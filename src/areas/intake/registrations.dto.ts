// Response schemas of registrations (aanmeldingen) and access decisions, and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, PagingLinks } from '../../platform/http/schemas.js';
import { DECISION_OUTCOMES, REGISTRATION_SOURCES } from '../../reference/reference.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';

export const AanmeldingStatus = z
  .enum(['aangemeld', 'gescreend', 'besloten', 'ingetrokken'])
  .openapi('AanmeldingStatus');
export type AanmeldingStatus = z.infer<typeof AanmeldingStatus>;
export const Besluituitkomst = z.enum(['toegang', 'doorverwijzing', 'afwijzing']).openapi('Besluituitkomst');

export const sourceLabel = (code: string) => REGISTRATION_SOURCES.find((s) => s.code === code)?.label ?? code;
const outcomeLabel = (code: string) => DECISION_OUTCOMES.find((o) => o.code === code)?.label ?? code;

/** What the worker entered about the regional tie, as stored with the decision. */
const RegiobindingInvoer = z
  .object({
    jarenInRegio: z.number(),
    sociaalNetwerkInRegio: z.boolean(),
    bekendBijLokaleZorg: z.boolean(),
    wensClient: z.enum(['deze-regio', 'andere-regio', 'geen-voorkeur']),
    andereTenantId: z.string().nullable().optional(),
  })
  .openapi('RegiobindingInvoer');

/** The stored assessment (regional-tie.ts) with its input; parsed, so only these keys leave the server. */
const StoredRegionalTie = z.object({
  score: z.number(),
  blijftHier: z.boolean(),
  warmeOverdracht: z.boolean(),
  toelichting: z.array(z.string()),
  invoer: RegiobindingInvoer,
});

export const Regiobinding = StoredRegionalTie.extend({
  verantwoordelijkeTenantId: z.string().nullable(),
  verantwoordelijkeTenantNaam: z.string().nullable(),
}).openapi('Regiobinding');

export const BezwaarStatus = z
  .enum(['ontvangen', 'in-behandeling', 'gegrond', 'deels-gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'])
  .openapi('BezwaarStatus');
export const BEZWAAR_AFGEROND = ['gegrond', 'deels-gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'];
export const Bezwaar = z
  .object({
    id: z.string(),
    besluitId: z.string(),
    clientId: z.string(),
    ontvangenOp: DatumUit,
    gronden: z.string().nullable(),
    tijdig: z.boolean().openapi({ description: 'Binnen de bezwaartermijn van 6 weken ontvangen' }),
    beslissenVoor: DatumUit.openapi({
      description: 'Beslistermijn (Awb 7:10: 6 weken na afloop van de bezwaartermijn)',
    }),
    status: BezwaarStatus,
    uitkomstOp: DatumUit.nullable(),
    uitkomst: z.string().nullable(),
    mogelijkheden: z.object({ afhandelen: z.boolean() }),
  })
  .openapi('Bezwaar');
export type Bezwaar = z.infer<typeof Bezwaar>;
export interface ObjectionRow {
  id: string;
  decision_id: string;
  client_id: string;
  received_on: string;
  grounds: string | null;
  on_time: boolean;
  decide_by: string;
  status: string;
  outcome_on: string | null;
  outcome: string | null;
}
export function toBezwaar(actor: Actor, o: ObjectionRow): Bezwaar {
  const status = BezwaarStatus.parse(o.status);
  return {
    id: o.id,
    besluitId: o.decision_id,
    clientId: o.client_id,
    ontvangenOp: o.received_on,
    gronden: o.grounds,
    tijdig: o.on_time,
    beslissenVoor: o.decide_by,
    status,
    uitkomstOp: o.outcome_on,
    uitkomst: o.outcome,
    mogelijkheden: { afhandelen: can(actor, 'bezwaren.afhandelen', { afgerond: BEZWAAR_AFGEROND.includes(status) }) },
  };
}

export const OverdrachtStatus = z.enum(['voorgesteld', 'geaccepteerd', 'afgewezen']).openapi('OverdrachtStatus');
export const BesluitOverdracht = z
  .object({
    id: z.string(),
    status: OverdrachtStatus,
    ontvanger: z.string().nullable(),
    afwijsreden: z.string().nullable(),
    beantwoordOp: DatumUit.nullable(),
  })
  .openapi('BesluitOverdracht');

export const Toegangsbesluit = z
  .object({
    id: z.string(),
    uitkomst: Besluituitkomst,
    uitkomstLabel: z.string(),
    datum: DatumUit,
    beslisser: z.string().nullable(),
    reden: z.string().nullable(),
    bezwaartermijnTot: DatumUit,
    noodopvang: z.boolean(),
    regiobinding: Regiobinding.nullable(),
    trajectId: z.string().nullable(),
    overdracht: BesluitOverdracht.nullable().openapi({
      description: 'Warme overdracht naar een andere centrumgemeente, met haar stand',
    }),
    bezwaren: z.array(Bezwaar),
  })
  .openapi('Toegangsbesluit');
export type Toegangsbesluit = z.infer<typeof Toegangsbesluit>;

export const AanmeldingMogelijkheden = z
  .object({
    screenen: z.boolean(),
    besluiten: z.boolean(),
    bedVoorDeNacht: z.boolean().openapi({ description: 'Bed voor de nacht geven (tijdens de screening)' }),
    corrigeren: z.boolean(),
    besluitCorrigeren: z.boolean(),
    bezwaarRegistreren: z.boolean(),
    beschikking: z.boolean(),
    intrekken: z.boolean().openapi({ description: 'De aanmelding intrekken (alleen vóór een besluit)' }),
  })
  .openapi('AanmeldingMogelijkheden');

export const Aanmelding = z
  .object({
    id: z.string(),
    clientId: z.string(),
    datum: DatumUit,
    bron: z.string(),
    bronLabel: z.string(),
    toelichting: z.string().nullable(),
    screening: z.string().nullable(),
    screeningDatum: DatumUit.nullable(),
    status: AanmeldingStatus,
    besluit: Toegangsbesluit.nullable(),
    intrekking: z
      .object({ datum: DatumUit, reden: z.string() })
      .nullable()
      .openapi({ description: 'Ingetrokken vóór een besluit: het dossier wordt 6 weken later vernietigd' }),
    gekoppeldTraject: z
      .object({ id: z.string(), start: DatumUit })
      .nullable()
      .openapi({ description: 'Aangemeld terwijl dit traject liep: de aanmelding hoort bij dat traject' }),
    mogelijkheden: AanmeldingMogelijkheden,
  })
  .openapi('Aanmelding');
export type Aanmelding = z.infer<typeof Aanmelding>;

export const AanmeldingInLijst = z
  .object({
    id: z.string(),
    datum: DatumUit,
    bron: z.string(),
    bronLabel: z.string(),
    status: AanmeldingStatus,
    toelichting: z.string().nullable(),
    client: z.object({ id: z.string(), voornaam: z.string(), achternaam: z.string() }),
    besluit: z
      .object({ uitkomst: Besluituitkomst, uitkomstLabel: z.string(), datum: DatumUit })
      .nullable()
      .openapi({ description: 'Het toegangsbesluit, als dat er is' }),
    gekoppeldTrajectId: z.string().nullable(),
  })
  .openapi('AanmeldingInLijst');
export type AanmeldingInLijst = z.infer<typeof AanmeldingInLijst>;

export const AanmeldingenLijst = z
  .object({
    resultaten: z.array(AanmeldingInLijst),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    totaal: z.number().int(),
    _links: PagingLinks,
  })
  .openapi('AanmeldingenLijst');

/** A decision row with the decider's and the responsible tenant's names (decisionsWithNames in registrations.queries.ts). */
export interface DecisionRow {
  id: string;
  registration_id: string;
  outcome: string;
  decided_on: string;
  reason: string | null;
  objection_deadline: string;
  emergency_shelter: boolean;
  regional_tie: unknown;
  responsible_tenant_id: string | null;
  decider: string | null;
  responsible_tenant_name: string | null;
  handover_id: string | null;
  handover_status: string | null;
  handover_decline_reason: string | null;
  handover_answered_on: string | null;
}

/** The label says what happened: a handover is not "Toegang verleend" here but emergency shelter and a handover. */
function decisionLabel(d: DecisionRow): string {
  if (!d.handover_id) return outcomeLabel(d.outcome);
  const to = d.responsible_tenant_name ?? 'een andere centrumgemeente';
  if (d.handover_status === 'geaccepteerd') return `Overgedragen aan ${to} (noodopvang verleend)`;
  if (d.handover_status === 'afgewezen') return `Toegang verleend (overdracht aan ${to} afgewezen)`;
  return `Noodopvang verleend, warme overdracht aan ${to} aangeboden`;
}

export function toToegangsbesluit(
  actor: Actor,
  d: DecisionRow,
  trajectId: string | null,
  objections: ObjectionRow[] = [],
): Toegangsbesluit {
  const tie = d.regional_tie ? StoredRegionalTie.parse(d.regional_tie) : null;
  return {
    id: d.id,
    uitkomst: Besluituitkomst.parse(d.outcome),
    uitkomstLabel: decisionLabel(d),
    datum: d.decided_on,
    beslisser: d.decider,
    reden: d.reason,
    bezwaartermijnTot: d.objection_deadline,
    noodopvang: d.emergency_shelter,
    regiobinding: tie
      ? {
          ...tie,
          verantwoordelijkeTenantId: d.responsible_tenant_id,
          verantwoordelijkeTenantNaam: d.responsible_tenant_name,
        }
      : null,
    trajectId,
    overdracht: d.handover_id
      ? {
          id: d.handover_id,
          status: OverdrachtStatus.parse(d.handover_status),
          ontvanger: d.responsible_tenant_name,
          afwijsreden: d.handover_decline_reason,
          beantwoordOp: d.handover_answered_on,
        }
      : null,
    bezwaren: objections.filter((o) => o.decision_id === d.id).map((o) => toBezwaar(actor, o)),
  };
}

export interface RegistrationRow {
  id: string;
  client_id: string;
  registered_on: string;
  source: string;
  notes: string | null;
  screening: string | null;
  screened_on: string | null;
  status: string;
  withdrawn_on?: string | null;
  withdrawal_reason?: string | null;
}

export function toAanmelding(
  actor: Actor,
  r: RegistrationRow,
  besluit: Toegangsbesluit | null,
  gekoppeldTraject: { id: string; start: string } | null = null,
): Aanmelding {
  const status = AanmeldingStatus.parse(r.status);
  return {
    id: r.id,
    clientId: r.client_id,
    datum: r.registered_on,
    bron: r.source,
    bronLabel: sourceLabel(r.source),
    toelichting: r.notes,
    screening: r.screening,
    screeningDatum: r.screened_on,
    status,
    besluit,
    intrekking: r.withdrawn_on ? { datum: r.withdrawn_on, reden: r.withdrawal_reason ?? '' } : null,
    gekoppeldTraject,
    mogelijkheden: {
      screenen: can(actor, 'aanmeldingen.screenen', { status }),
      besluiten: can(actor, 'aanmeldingen.besluiten', { status }),
      bedVoorDeNacht: (status === 'aangemeld' || status === 'gescreend') && can(actor, 'bedVoorDeNacht.geven'),
      corrigeren: can(actor, 'aanmeldingen.corrigeren'),
      besluitCorrigeren: !!besluit && can(actor, 'besluiten.corrigeren'),
      bezwaarRegistreren: !!besluit && can(actor, 'bezwaren.registreren'),
      beschikking: !!besluit && can(actor, 'beschikkingen.lezen'),
      intrekken: can(actor, 'aanmeldingen.intrekken', { status }),
    },
  };
}

export function toAanmeldingInLijst(r: {
  id: string;
  registered_on: string;
  source: string;
  status: string;
  notes: string | null;
  client_id: string;
  first_name: string;
  last_name: string;
  trajectory_id: string | null;
  decision_outcome: string | null;
  decided_on: string | null;
}): AanmeldingInLijst {
  return {
    id: r.id,
    datum: r.registered_on,
    bron: r.source,
    bronLabel: sourceLabel(r.source),
    status: AanmeldingStatus.parse(r.status),
    toelichting: r.notes,
    client: { id: r.client_id, voornaam: r.first_name, achternaam: r.last_name },
    besluit:
      r.decision_outcome && r.decided_on
        ? {
            uitkomst: Besluituitkomst.parse(r.decision_outcome),
            uitkomstLabel: outcomeLabel(r.decision_outcome),
            datum: r.decided_on,
          }
        : null,
    gekoppeldTrajectId: r.trajectory_id,
  };
}
