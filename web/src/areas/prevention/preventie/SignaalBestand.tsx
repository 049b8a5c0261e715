// Preventie: upload a CSV of signals, see a preview with the errors per line, then process the good lines.

import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
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
} from '../../../ui/ui';
import { VELDLABELS, type Verwerking, type Voorvertoning } from './preventieApi';

export function SignaalBestand() {
  const qc = useQueryClient();
  // The File itself is kept on change and read when sending: reading it in onChange raced a quick click on
  // "Voorvertoning maken" (the file was chosen, but its text not yet read, so the form said no file was chosen).
  const [bestand, setBestand] = useState<File | null>(null);
  const [invoerFout, setInvoerFout] = useState<string | null>(null);
  const voorvertoning = useMutation({
    mutationFn: async (f: File) =>
      apiPad('post', '/signaalbestanden', { body: { bestandsnaam: f.name, inhoud: await f.text() } }),
  });
  const verwerking = useMutation({
    mutationFn: (id: string) => apiPad('post', '/signaalbestanden/{id}/verwerkingen', { params: { id }, body: {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['preventiezaken'] }),
  });
  const v = voorvertoning.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!bestand) {
      setInvoerFout('Kies een CSV-bestand.');
      return;
    }
    setInvoerFout(null);
    verwerking.reset();
    voorvertoning.mutate(bestand);
  };
  return (
    <section aria-labelledby="csv-kop">
      <Heading level={2} id="csv-kop">
        Signalen uploaden (CSV)
      </Heading>
      <Paragraph small>
        Kopregel:{' '}
        <code>
          bron;bronnaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden
        </code>
        . Eerst ziet u een voorvertoning met fouten per regel; pas na "Verwerken" worden de goede regels opgeslagen. Een
        regel die al eerder is ontvangen (zelfde melder en kenmerk) wordt niet dubbel opgeslagen.
      </Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="csv-bestand">
            CSV-bestand
          </label>
          <input
            id="csv-bestand"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="utrecht-textbox"
            aria-invalid={invoerFout ? true : undefined}
            aria-describedby={invoerFout ? 'csv-bestand-fout' : undefined}
            onChange={(e) => setBestand(e.target.files?.[0] ?? null)}
          />
          {invoerFout && (
            <div id="csv-bestand-fout" className="utrecht-form-field-error-message" role="alert">
              {invoerFout}
            </div>
          )}
        </div>
        <ButtonGroup>
          <Button type="submit" variant="secondary" busy={voorvertoning.isPending}>
            Voorvertoning maken
          </Button>
        </ButtonGroup>
      </form>
      {voorvertoning.error && <ErrorAlert error={voorvertoning.error} />}
      {v && <VoorvertoningWeergave v={v} verwerking={verwerking} />}
    </section>
  );
}

function VoorvertoningWeergave({
  v,
  verwerking,
}: {
  v: Voorvertoning;
  verwerking: UseMutationResult<Verwerking, Error, string>;
}) {
  return (
    <div className="onderdak-stack">
      <Heading level={3}>Voorvertoning: {v.bestandsnaam}</Heading>
      {v.bestandsfouten.length > 0 && (
        <Alert type={v.aantalRijen ? 'warning' : 'error'} role="alert" title="Problemen met het bestand">
          <ul className="utrecht-unordered-list">
            {v.bestandsfouten.map((f) => (
              <li key={f} className="utrecht-unordered-list__item">
                {f}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Paragraph>
        {v.aantalGeldig} {v.aantalGeldig === 1 ? 'regel is' : 'regels zijn'} goed, {v.aantalFout} met fouten,{' '}
        {v.aantalAlOntvangen} al eerder ontvangen.
      </Paragraph>
      {v.aantalFout > 0 && (
        <Alert
          type="warning"
          role="alert"
          title={`${v.aantalFout} ${v.aantalFout === 1 ? 'regel heeft' : 'regels hebben'} fouten en ${v.aantalFout === 1 ? 'wordt' : 'worden'} niet opgeslagen`}
        >
          <ul className="utrecht-unordered-list">
            {v.rijen
              .filter((r) => r.status === 'fout')
              .map((r) => (
                <li key={r.rij} className="utrecht-unordered-list__item">
                  Regel {r.rij}: {r.fouten.map((f) => `${VELDLABELS[f.veld] ?? f.veld}: ${f.reden}`).join(' ')}
                </li>
              ))}
          </ul>
        </Alert>
      )}
      {v.rijen.length > 0 && <RegelsTabel v={v} />}
      {!verwerking.data && v.mogelijkheden.verwerken && (
        <ButtonGroup>
          <Button variant="primary" busy={verwerking.isPending} onClick={() => verwerking.mutate(v.id)}>
            Verwerken: {v.aantalGeldig} {v.aantalGeldig === 1 ? 'signaal' : 'signalen'} opslaan
          </Button>
        </ButtonGroup>
      )}
      {verwerking.error && <ErrorAlert error={verwerking.error} />}
      {verwerking.data && (
        <Alert type="ok" role="status" title="Bestand verwerkt">
          <Paragraph>
            {verwerking.data.aantalOpgeslagen} {verwerking.data.aantalOpgeslagen === 1 ? 'signaal' : 'signalen'}{' '}
            opgeslagen en als zaak op de werklijst gezet; {verwerking.data.aantalAlOntvangen} al eerder ontvangen;{' '}
            {verwerking.data.afgewezen.length} afgewezen (
            {verwerking.data.afgewezen.map((a) => `regel ${a.rij}`).join(', ') || 'geen'}).
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

function RegelsTabel({ v }: { v: Voorvertoning }) {
  return (
    <Table caption={`Regels van ${v.bestandsnaam}`}>
      <THead>
        <Tr>
          <Th numeric>Regel</Th>
          <Th>Status</Th>
          <Th>Naam</Th>
          <Th>Adres</Th>
          <Th>Melder</Th>
          <Th>Kenmerk</Th>
          <Th>Bedrag</Th>
          <Th>Fouten</Th>
        </Tr>
      </THead>
      <TBody>
        {v.rijen.map((r) => (
          <Tr key={r.rij}>
            <Td numeric>{r.rij}</Td>
            <Td>
              <StatusBadge
                status={r.status === 'fout' ? 'danger' : r.status === 'al-ontvangen' ? 'neutral' : 'success'}
              >
                {r.status === 'fout' ? 'Fout' : r.status === 'al-ontvangen' ? 'Al ontvangen' : 'Goed'}
              </StatusBadge>
            </Td>
            <Td>
              {r.waarden.voornaam} {r.waarden.achternaam}
            </Td>
            <Td>
              {r.waarden.postcode} {r.waarden.huisnummer}
            </Td>
            <Td>{r.waarden.bronNaam}</Td>
            <Td>{r.waarden.referentie}</Td>
            <Td>{r.waarden.bedragAchterstand}</Td>
            <Td>
              {r.fouten.length ? (
                <ul className="utrecht-unordered-list onderdak-compact">
                  {r.fouten.map((f, i) => (
                    <li key={i} className="utrecht-unordered-list__item">
                      {VELDLABELS[f.veld] ?? f.veld}: {f.reden}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
