// Response schemas of vroegsignalering (signals, signal files) and the shaping of a file's preview.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { type CheckedCsv, naturalKey } from './signal-csv.js';

export const SignalIds = z.object({ signaalId: z.string(), zaakId: z.string() }).openapi('PreventiezaakIds');
export type SignalIds = z.infer<typeof SignalIds>;

const RowProblem = z.object({ veld: z.string(), reden: z.string() }).openapi('SignaalregelFout');

const cell = (description: string) => z.string().optional().openapi({ description });
const dateCell = (description: string) =>
  DatumUit.optional().openapi({ description: `${description}; zoals in het bestand (JJJJ-MM-DD of DD-MM-JJJJ)` });
/** The cells of a row as in the file, by field; only the columns the header names. */
const RowCells = z
  .object({
    bron: cell('Soort melder'),
    bronNaam: cell('Naam van de melder'),
    referentie: cell('Kenmerk van de melder'),
    datum: dateCell('Signaaldatum'),
    voornaam: cell('Voornaam'),
    achternaam: cell('Achternaam'),
    geboortedatum: dateCell('Geboortedatum'),
    bsn: cell('BSN'),
    postcode: cell('Postcode'),
    huisnummer: cell('Huisnummer'),
    bedragAchterstand: cell('Bedrag achterstand'),
    maandenAchterstand: cell('Maanden achterstand'),
  })
  .openapi('SignaalregelWaarden');

export const PREVIEW_ROW_STATUSES = ['geldig', 'fout', 'al-ontvangen', 'opgeslagen'] as const;
const PreviewRow = z
  .object({
    rij: z.number().int().openapi({ description: 'Regelnummer in het bestand (kopregel = 1)' }),
    status: z.enum(PREVIEW_ROW_STATUSES).openapi({ description: 'opgeslagen: alleen na de verwerking' }),
    fouten: z.array(RowProblem),
    waarden: RowCells,
  })
  .openapi('SignaalbestandRegel');

export const SignalFilePreview = z
  .object({
    id: z.string(),
    bestandsnaam: z.string(),
    verwerkt: z.boolean(),
    bestandsfouten: z.array(z.string()),
    aantalRijen: z.number().int(),
    aantalGeldig: z.number().int(),
    aantalFout: z.number().int(),
    aantalAlOntvangen: z.number().int(),
    rijen: z.array(PreviewRow),
    mogelijkheden: z.object({ verwerken: z.boolean() }).openapi('SignaalbestandMogelijkheden'),
  })
  .openapi('SignaalbestandVoorvertoning');
export type SignalFilePreview = z.infer<typeof SignalFilePreview>;

export const SignalFileCommitted = z
  .object({
    id: z.string(),
    bestandsnaam: z.string(),
    bestandsfouten: z.array(z.string()),
    aantalOpgeslagen: z.number().int(),
    aantalAlOntvangen: z.number().int(),
    opgeslagen: z.array(z.object({ rij: z.number().int(), signaalId: z.string(), zaakId: z.string() })),
    alOntvangen: z.array(z.object({ rij: z.number().int(), referentie: z.string() })),
    afgewezen: z.array(z.object({ rij: z.number().int(), fouten: z.array(RowProblem) })),
  })
  .openapi('SignaalbestandVerwerkt');
export type SignalFileCommitted = z.infer<typeof SignalFileCommitted>;

/** The preview of a checked file: per row geldig, fout (with reasons) or al-ontvangen (natural key known). */
export function previewDto(
  upload: { id: string; filename: string; committed_at: Date | null },
  checked: CheckedCsv,
  known: ReadonlySet<string>,
  mayCommit: boolean,
): SignalFilePreview {
  const rijen = checked.rows.map((r) => {
    const already = r.value && known.has(naturalKey(r.value));
    return { rij: r.rij, status: already ? ('al-ontvangen' as const) : r.status, fouten: r.fouten, waarden: r.waarden };
  });
  return {
    id: upload.id,
    bestandsnaam: upload.filename,
    verwerkt: !!upload.committed_at,
    bestandsfouten: checked.bestandsfouten,
    aantalRijen: rijen.length,
    aantalGeldig: rijen.filter((r) => r.status === 'geldig').length,
    aantalFout: rijen.filter((r) => r.status === 'fout').length,
    aantalAlOntvangen: rijen.filter((r) => r.status === 'al-ontvangen').length,
    rijen,
    mogelijkheden: { verwerken: mayCommit && !upload.committed_at && rijen.some((r) => r.status === 'geldig') },
  };
}
