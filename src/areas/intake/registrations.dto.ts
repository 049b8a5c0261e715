// Response schemas of registrations (aanmeldingen) and access decisions, and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, PagingLinks } from '../../platform/http/schemas.js';
import { DECISION_OUTCOMES, REGISTRATION_SOURCES } from '../../reference/reference.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';

export const AanmeldingStatus = z.enum(['aangemeld', 'gescreend', 'besloten']).openapi('AanmeldingStatus');
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
  })
  .openapi('Toegangsbesluit');
export type Toegangsbesluit = z.infer<typeof Toegangsbesluit>;

export const AanmeldingMogelijkheden = z
  .object({
    screenen: z.boolean(),
    besluiten: z.boolean(),
    bedVoorDeNacht: z.boolean().openapi({ description: 'Bed voor de nacht geven (tijdens de screening)' }),
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
}

export function toToegangsbesluit(d: DecisionRow, trajectId: string | null): Toegangsbesluit {
  const tie = d.regional_tie ? StoredRegionalTie.parse(d.regional_tie) : null;
  return {
    id: d.id,
    uitkomst: Besluituitkomst.parse(d.outcome),
    uitkomstLabel: outcomeLabel(d.outcome),
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
}

export function toAanmelding(actor: Actor, r: RegistrationRow, besluit: Toegangsbesluit | null): Aanmelding {
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
    mogelijkheden: {
      screenen: can(actor, 'aanmeldingen.screenen', { status }),
      besluiten: can(actor, 'aanmeldingen.besluiten', { status }),
      bedVoorDeNacht: status !== 'besloten' && can(actor, 'bedVoorDeNacht.geven'),
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
}): AanmeldingInLijst {
  return {
    id: r.id,
    datum: r.registered_on,
    bron: r.source,
    bronLabel: sourceLabel(r.source),
    status: AanmeldingStatus.parse(r.status),
    toelichting: r.notes,
    client: { id: r.client_id, voornaam: r.first_name, achternaam: r.last_name },
  };
}
