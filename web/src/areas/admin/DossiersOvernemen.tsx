// Dossiers overnemen (issue 11): the current caseload from the previous system as a CSV file. First a preview with
// every row's errors (nothing stored), then the import: good rows are stored, bad rows explained; the same file
// again changes nothing (externId per row).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type Antwoord, apiPad } from '../../api/client';
import { useGebruiker } from '../../api/queries';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  Heading,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

type Resultaat = Antwoord<'/dossierimports', 'post'>;

const STATUS: Record<
  Resultaat['regels'][number]['status'],
  { tekst: string; status: 'success' | 'danger' | 'neutral' }
> = {
  geldig: { tekst: 'Goed', status: 'success' },
  geimporteerd: { tekst: 'Overgenomen', status: 'success' },
  fout: { tekst: 'Fout', status: 'danger' },
  'al-geimporteerd': { tekst: 'Al overgenomen', status: 'neutral' },
};

/** Rows per request: the server handles each row through the services, so the screen sends the file in parts and
 * shows how far it is (a 200-row file takes several seconds). */
const DEEL = 25;
type Voortgang = { klaar: number; totaal: number } | null;

/** The file in parts of DEEL rows, merged into one result as if it were one request. */
async function inDelen(
  pad: '/dossierimports/voorvertoningen' | '/dossierimports',
  f: File,
  setVoortgang: (v: Voortgang) => void,
): Promise<Resultaat> {
  const inhoud = await f.text();
  let samen: Resultaat | null = null;
  for (let vanaf = 1; samen === null || vanaf <= samen.regelsInBestand; vanaf += DEEL) {
    const deel: Resultaat = await apiPad('post', pad, {
      body: { bestandsnaam: f.name, inhoud, vanafRegel: vanaf, aantalRegels: DEEL },
    });
    samen = samen
      ? {
          ...deel,
          regels: [...samen.regels, ...deel.regels],
          aantallen: {
            regels: samen.aantallen.regels + deel.aantallen.regels,
            geldig: samen.aantallen.geldig + deel.aantallen.geldig,
            fout: samen.aantallen.fout + deel.aantallen.fout,
            alGeimporteerd: samen.aantallen.alGeimporteerd + deel.aantallen.alGeimporteerd,
            geimporteerd: samen.aantallen.geimporteerd + deel.aantallen.geimporteerd,
          },
        }
      : deel;
    setVoortgang({ klaar: samen.aantallen.regels, totaal: samen.regelsInBestand });
    if (deel.bestandsfouten.length && !deel.regels.length) break;
  }
  setVoortgang(null);
  return samen!;
}

function VoortgangBalk({ v, wat }: { v: Voortgang; wat: string }) {
  if (!v) return null;
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor="dossier-voortgang">
        {wat}
      </label>
      <progress id="dossier-voortgang" max={v.totaal} value={v.klaar} />
      <p className="utrecht-paragraph" role="status">
        {v.klaar} van {v.totaal} regels verwerkt
      </p>
    </div>
  );
}

export function DossiersOvernemenPage() {
  useTitel('Dossiers overnemen');
  const m = useGebruiker().mogelijkheden;
  const qc = useQueryClient();
  const [bestand, setBestand] = useState<File | null>(null);
  const [invoerFout, setInvoerFout] = useState<string | null>(null);
  const [voortgang, setVoortgang] = useState<Voortgang>(null);
  const voorvertoning = useMutation({
    mutationFn: (f: File) => inDelen('/dossierimports/voorvertoningen', f, setVoortgang),
    onError: () => setVoortgang(null),
  });
  const overnemen = useMutation({
    mutationFn: (f: File) => inDelen('/dossierimports', f, setVoortgang),
    onError: () => setVoortgang(null),
    onSuccess: async () => {
      await Promise.all(
        ['clienten', 'aanmeldingen', 'locaties', 'bezetting', 'wachtlijsten'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      );
    },
  });
  if (!m.dossiersImporteren) {
    return (
      <>
        <Heading level={1}>Dossiers overnemen</Heading>
        <Alert type="error" role="alert" title="Geen toegang">
          Alleen de toegang neemt dossiers over uit een bestand.
        </Alert>
      </>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!bestand) {
      setInvoerFout('Kies een CSV-bestand.');
      return;
    }
    setInvoerFout(null);
    overnemen.reset();
    voorvertoning.mutate(bestand);
  };
  const v = overnemen.data ?? voorvertoning.data;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer" className="utrecht-link">
          ← Terug naar beheer
        </Link>
      </p>
      <Heading level={1}>Dossiers overnemen</Heading>
      <Paragraph>
        Neem de huidige cliënten over uit het vorige systeem: cliënten, open aanmeldingen, open trajecten met hun
        huidige kamer, en plaatsen op een wachtlijst. Gebruik het{' '}
        <a className="utrecht-link" href="/v1/dossierimports/sjabloon" download>
          sjabloon (CSV)
        </a>
        . Excel mag het bestand opslaan als CSV met puntkomma's.
      </Paragraph>
      <Paragraph small>
        Eerst ziet u per regel wat er mis is; er wordt dan nog niets opgeslagen. Daarna neemt u de goede regels over.
        Een regel met een fout gaat niet verloren voor de andere regels. Hetzelfde bestand nog een keer overnemen
        verandert niets: elke regel heeft een eigen kenmerk (externId).
      </Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="dossier-bestand">
            CSV-bestand
          </label>
          <input
            id="dossier-bestand"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="utrecht-textbox"
            aria-invalid={invoerFout ? true : undefined}
            aria-describedby={invoerFout ? 'dossier-bestand-fout' : undefined}
            onChange={(e) => {
              setBestand(e.target.files?.[0] ?? null);
              voorvertoning.reset();
              overnemen.reset();
            }}
          />
          {invoerFout && (
            <div id="dossier-bestand-fout" className="utrecht-form-field-error-message" role="alert">
              {invoerFout}
            </div>
          )}
        </div>
        <ButtonGroup>
          <Button type="submit" busy={voorvertoning.isPending} disabled={voorvertoning.isPending}>
            Bestand controleren
          </Button>
        </ButtonGroup>
      </form>
      <VoortgangBalk v={voortgang} wat={overnemen.isPending ? 'Dossiers overnemen' : 'Bestand controleren'} />
      {voorvertoning.error && <ErrorAlert error={voorvertoning.error} />}
      {overnemen.error && <ErrorAlert error={overnemen.error} />}
      {v && (
        <section aria-labelledby="dossier-resultaat" className="onderdak-stack">
          <Heading level={2} id="dossier-resultaat">
            {v.verwerkt ? 'Resultaat' : 'Voorvertoning'}: {v.bestandsnaam}
          </Heading>
          {v.bestandsfouten.length > 0 && (
            <Alert type={v.aantallen.regels ? 'warning' : 'error'} role="alert" title="Problemen met het bestand">
              <ul className="utrecht-unordered-list">
                {v.bestandsfouten.map((f) => (
                  <li key={f} className="utrecht-unordered-list__item">
                    {f}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <Alert type={v.aantallen.fout ? 'warning' : 'ok'} role="status">
            {v.verwerkt
              ? `${v.aantallen.geimporteerd} ${v.aantallen.geimporteerd === 1 ? 'dossier' : 'dossiers'} overgenomen, ${v.aantallen.fout} ${v.aantallen.fout === 1 ? 'regel' : 'regels'} met fouten niet overgenomen, ${v.aantallen.alGeimporteerd} al eerder overgenomen.`
              : `${v.aantallen.geldig} ${v.aantallen.geldig === 1 ? 'regel is' : 'regels zijn'} goed, ${v.aantallen.fout} met fouten, ${v.aantallen.alGeimporteerd} al eerder overgenomen.`}
          </Alert>
          {v.aantallen.fout > 0 && (
            <Table caption="Regels met fouten">
              <THead>
                <Tr>
                  <Th numeric>Regel</Th>
                  <Th>Kenmerk</Th>
                  <Th>Wat er mis is</Th>
                </Tr>
              </THead>
              <TBody>
                {v.regels
                  .filter((r) => r.status === 'fout')
                  .map((r) => (
                    <Tr key={r.regel}>
                      <Td numeric>{r.regel}</Td>
                      <Td>{r.externId ?? '—'}</Td>
                      <Td>
                        <ul className="utrecht-unordered-list">
                          {r.fouten.map((f) => (
                            <li key={f.veld + f.reden} className="utrecht-unordered-list__item">
                              <strong>{f.veld}</strong>: {f.reden}
                            </li>
                          ))}
                        </ul>
                      </Td>
                    </Tr>
                  ))}
              </TBody>
            </Table>
          )}
          {!v.verwerkt && v.aantallen.geldig > 0 && bestand && (
            <ButtonGroup>
              <Button
                variant="primary"
                busy={overnemen.isPending}
                disabled={overnemen.isPending}
                onClick={() => overnemen.mutate(bestand)}
              >
                {v.aantallen.geldig} {v.aantallen.geldig === 1 ? 'dossier' : 'dossiers'} overnemen
              </Button>
            </ButtonGroup>
          )}
          <details>
            <summary>Alle regels ({v.regels.length})</summary>
            <Table caption="Alle regels van het bestand">
              <THead>
                <Tr>
                  <Th numeric>Regel</Th>
                  <Th>Kenmerk</Th>
                  <Th>Status</Th>
                </Tr>
              </THead>
              <TBody>
                {v.regels.map((r) => (
                  <Tr key={r.regel}>
                    <Td numeric>{r.regel}</Td>
                    <Td>{r.externId ?? '—'}</Td>
                    <Td>
                      <StatusBadge status={STATUS[r.status].status}>{STATUS[r.status].tekst}</StatusBadge>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </details>
        </section>
      )}
    </>
  );
}
