// Issue 20: the data-quality page — the findings of the checks on the current data, per worker, location and for
// the whole region, each with a link to where it is fixed; fixing it makes it disappear (the checks run at every
// visit). The score per month is shown here and on the dashboard (DatakwaliteitScore).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import {
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { usePagina } from '../../ui/usePagina';
import { DatakwaliteitScore } from './DatakwaliteitScore';

export function DatakwaliteitPage() {
  useTitel('Datakwaliteit');
  const [medewerkerId, setMedewerker] = useState('');
  const [locatieId, setLocatie] = useState('');
  const [regel, setRegel] = useState('');
  const q = useQuery({
    queryKey: ['datakwaliteit', medewerkerId, locatieId, regel],
    queryFn: () =>
      apiGet('/datakwaliteit', {
        query: {
          medewerkerId: medewerkerId || undefined,
          locatieId: locatieId || undefined,
          regel: regel || undefined,
        },
      }),
  });
  // issue 16: the findings in pages of 15, so the page stays within a few screens; a new filter starts at page 1
  const pagina = usePagina(q.data?.bevindingen ?? [], 15, "Pagina's met bevindingen");
  return (
    <>
      <Heading level={1}>Datakwaliteit</Heading>
      <Paragraph>
        De controles lopen op de gegevens van nu. Herstel een bevinding via de link; daarna verdwijnt die uit de lijst.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            <span role="status">
              Score {q.data.score.toLocaleString('nl-NL')}% op {datum(q.data.peildatum)}: {q.data.aantal} bevindingen
              uit {q.data.aantalRegels} controles over {q.data.records} records.
            </span>
          </Paragraph>
          {/* issue 16: the three filters side by side */}
          <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter bevindingen">
            <SelectField
              id="dq-medewerker"
              label="Per medewerker"
              value={medewerkerId}
              onChange={(e) => {
                setMedewerker(e.target.value);
                pagina.opnieuw();
              }}
            >
              <option value="">Alle medewerkers</option>
              {q.data.perMedewerker.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.naam} ({g.aantal})
                </option>
              ))}
            </SelectField>
            <SelectField
              id="dq-locatie"
              label="Per locatie"
              value={locatieId}
              onChange={(e) => {
                setLocatie(e.target.value);
                pagina.opnieuw();
              }}
            >
              <option value="">Alle locaties</option>
              {q.data.perLocatie.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.naam} ({g.aantal})
                </option>
              ))}
            </SelectField>
            <SelectField
              id="dq-regel"
              label="Per controle"
              value={regel}
              onChange={(e) => {
                setRegel(e.target.value);
                pagina.opnieuw();
              }}
            >
              <option value="">Alle controles</option>
              {q.data.perRegel.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code}: {r.tekst} ({r.aantal})
                </option>
              ))}
            </SelectField>
          </form>
          <Table caption={`Bevindingen${q.data.meer ? ' (de eerste 500; verfijn de keuze)' : ''}${pagina.bereik}`}>
            <THead>
              <Tr>
                <Th>Controle</Th>
                <Th>Bevinding</Th>
                <Th>Cliënt</Th>
                <Th>Locatie</Th>
                <Th>Medewerker</Th>
                <Th>Herstellen</Th>
              </Tr>
            </THead>
            <TBody>
              {pagina.zichtbaar.map((b) => (
                <Tr key={`${b.code}-${b.recordId}`}>
                  <Td>
                    {b.code} <StatusBadge status={b.ernst === 'fout' ? 'danger' : 'warning'}>{b.ernst}</StatusBadge>
                  </Td>
                  <Td>{b.tekst}</Td>
                  <Td>{b.clientNaam ?? '—'}</Td>
                  <Td>{b.locatieNaam ?? '—'}</Td>
                  <Td>{b.medewerkerNaam ?? '—'}</Td>
                  <Td>
                    <a
                      className="utrecht-link"
                      href={b.herstelLink}
                      aria-label={`Herstel ${b.code}: ${b.tekst}${b.clientNaam ? ` (${b.clientNaam})` : ''}`}
                    >
                      Herstel
                    </a>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pagina.navigatie}
        </>
      )}
      <DatakwaliteitScore />
    </>
  );
}
