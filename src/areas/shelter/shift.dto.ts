// Issue 16 — request and response schemas of the shift view, the presence check, handover notes and house rules.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum, Tijdstip } from '../../platform/http/schemas.js';

// ----- requests -----
export const DienstQuery = z.object({
  datum: datum.optional().openapi({ description: 'De dag van de dienst (standaard vandaag)' }),
});
export const NachtQuery = z.object({
  nacht: datum.optional().openapi({ description: 'De nacht die op deze datum begint (standaard vandaag)' }),
});
export const NieuweAanwezigheid = z
  .object({
    nacht: datum.openapi({ description: 'De nacht die op deze datum begint' }),
    verblijven: z
      .array(z.object({ verblijfId: z.string().min(1).max(64), aanwezig: z.boolean() }))
      .max(500)
      .openapi({ description: 'Per verblijf: heeft deze persoon hier geslapen?' }),
  })
  .openapi('NieuweAanwezigheid');
export const NieuweDienstoverdracht = z.object({ tekst: z.string().max(4000) }).openapi('NieuweDienstoverdracht');
export const NieuweMaatregel = z
  .object({
    soort: z.enum(['waarschuwing', 'schorsing']),
    reden: z.string().max(2000),
    van: datum.openapi({ description: 'Datum van de waarschuwing, of eerste dag van de schorsing' }),
    tot: datum.nullish().openapi({ description: 'Laatste dag van de schorsing (alleen bij een schorsing)' }),
  })
  .openapi('NieuweMaatregel');

// ----- responses -----
export const Maatregel = z
  .object({
    id: z.string(),
    verblijfId: z.string(),
    soort: z.enum(['waarschuwing', 'schorsing']),
    soortLabel: z.string(),
    reden: z.string(),
    van: DatumUit,
    tot: DatumUit.nullable(),
    vastgelegdDoor: z.string(),
    vastgelegdOp: Tijdstip,
  })
  .openapi('Maatregel');
export type Maatregel = z.infer<typeof Maatregel>;
export const Maatregelen = z.object({ resultaten: z.array(Maatregel) }).openapi('Maatregelen');

export const Dienstoverdracht = z
  .object({ id: z.string(), tekst: z.string(), auteur: z.string(), geschrevenOp: Tijdstip })
  .openapi('Dienstoverdracht');
export type Dienstoverdracht = z.infer<typeof Dienstoverdracht>;
export const Dienstoverdrachten = z.object({ resultaten: z.array(Dienstoverdracht) }).openapi('Dienstoverdrachten');

export const AanwezigheidRegel = z
  .object({
    verblijfId: z.string(),
    clientId: z.string(),
    naam: z.string(),
    eenheid: z.string(),
    sinds: DatumUit,
    aanwezig: z.boolean().nullable().openapi({ description: 'null: voor deze nacht nog niet bevestigd' }),
    bevestigdDoor: z.string().nullable(),
    bevestigdOp: Tijdstip.nullable(),
    laatstBevestigdeNacht: DatumUit.nullable(),
    onbevestigd: z
      .boolean()
      .openapi({ description: '48 uur (twee nachten) niemand bevestigd dat deze persoon hier sliep' }),
  })
  .openapi('AanwezigheidRegel');
export type AanwezigheidRegel = z.infer<typeof AanwezigheidRegel>;
export const Aanwezigheid = z
  .object({
    locatieId: z.string(),
    nacht: DatumUit,
    resultaten: z.array(AanwezigheidRegel),
    mogelijkheden: z.object({ bevestigen: z.boolean() }),
  })
  .openapi('Aanwezigheid');
export type Aanwezigheid = z.infer<typeof Aanwezigheid>;

const Bewoner = {
  verblijfId: z.string(),
  clientId: z.string(),
  naam: z.string(),
  eenheid: z.string(),
};
export const DienstSignaal = z
  .object({
    ...Bewoner,
    dagenInOpvang: z.number().int(),
    signalen: z.array(
      z.object({
        code: z.enum(['boven-norm', 'geen-plan', 'actie-te-laat', 'onbevestigd', 'geschorst']),
        label: z.string(),
      }),
    ),
  })
  .openapi('DienstSignaal');
export type DienstSignaal = z.infer<typeof DienstSignaal>;

export const Dienst = z
  .object({
    locatie: z.object({ id: z.string(), naam: z.string() }),
    datum: DatumUit,
    normDoorstroomDagen: z.number().int(),
    aankomsten: z.array(z.object({ ...Bewoner, sinds: DatumUit })),
    vertrekken: z.array(z.object({ ...Bewoner, reden: z.string().nullable() })),
    vrijeEenheden: z.array(
      z.object({
        id: z.string(),
        naam: z.string(),
        bedden: z.number().int(),
        vrij: z.number().int(),
        reserve: z.boolean(),
      }),
    ),
    signalen: z.array(DienstSignaal),
    journaal: z.array(
      z.object({
        id: z.string(),
        clientId: z.string(),
        naam: z.string(),
        tijdstip: Tijdstip,
        soort: z.string(),
        soortLabel: z.string(),
        tekst: z.string(),
        auteur: z.string(),
      }),
    ),
    maatregelen: z.array(Maatregel.extend({ clientId: z.string(), naam: z.string() })),
    overdrachten: z.array(Dienstoverdracht),
    mogelijkheden: z.object({
      overdrachtSchrijven: z.boolean(),
      aanwezigheidBevestigen: z.boolean(),
      maatregelVastleggen: z.boolean(),
    }),
  })
  .openapi('Dienst');
export type Dienst = z.infer<typeof Dienst>;

export const MAATREGEL_LABELS = { waarschuwing: 'Waarschuwing huisregels', schorsing: 'Schorsing' } as const;

export function toMaatregel(r: {
  id: string;
  stay_id: string;
  kind: 'waarschuwing' | 'schorsing';
  reason: string;
  starts_on: string;
  ends_on: string | null;
  recorded_by_name: string;
  recorded_at: Date | string;
}): Maatregel {
  return {
    id: r.id,
    verblijfId: r.stay_id,
    soort: r.kind,
    soortLabel: MAATREGEL_LABELS[r.kind],
    reden: r.reason,
    van: r.starts_on,
    tot: r.ends_on,
    vastgelegdDoor: r.recorded_by_name,
    vastgelegdOp: new Date(r.recorded_at).toISOString(),
  };
}
