// Issue 17: the yearly liveability monitor per wijk or facility, printable for the meeting with the neighbours.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import {
  Button,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

const PRINT_CSS = `@media print {
  .onderdak-header, .onderdak-nav, .onderdak-footer, .onderdak-skip-link, .onderdak-niet-afdrukken { display: none !important; }
  .onderdak-main { padding: 0 !important; max-width: none !important; }
  table { font-size: 10pt; }
}`;
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function LeefbaarheidsmonitorPage() {
  useTitel('Leefbaarheidsmonitor');
  const [jaar, setJaar] = useState(new Date().getFullYear());
  const [locatie, setLocatie] = useState('');
  const locaties = useQuery({ queryKey: ['buurtlocaties'], queryFn: () => apiGet('/buurtlocaties') });
  const q = useQuery({
    queryKey: ['leefbaarheid', jaar, locatie],
    queryFn: () =>
      apiGet('/leefbaarheidsmonitor', { query: { jaar, ...(locatie ? { openbareLocatieId: locatie } : {}) } }),
  });
  return (
    <article aria-labelledby="monitor-titel">
      <style>{PRINT_CSS}</style>
      <Heading level={1} id="monitor-titel">
        Leefbaarheidsmonitor {jaar}
        {q.data ? ` — ${q.data.onderwerp}` : ''}
      </Heading>
      <div className="onderdak-niet-afdrukken onderdak-velden-rij">
        <SelectField
          id="monitor-jaar"
          label="Jaar"
          value={String(jaar)}
          onChange={(e) => setJaar(Number(e.target.value))}
        >
          {[0, 1, 2, 3].map((i) => {
            const j = new Date().getFullYear() - i;
            return (
              <option key={j} value={j}>
                {j}
              </option>
            );
          })}
        </SelectField>
        <SelectField id="monitor-locatie" label="Locatie" value={locatie} onChange={(e) => setLocatie(e.target.value)}>
          <option value="">Hele regio</option>
          {locaties.data?.locaties.map((l) => (
            <option key={l.id} value={l.id}>
              {l.naam}
            </option>
          ))}
        </SelectField>
        <Button onClick={() => window.print()}>Afdrukken</Button>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <Paragraph>
            {q.data.meldingen} meldingen. Eerste reactie: mediaan{' '}
            {q.data.reactietijd.mediaanUren === null
              ? '—'
              : `${q.data.reactietijd.mediaanUren.toLocaleString('nl-NL')} uur`}
            , {q.data.reactietijd.binnen2Werkdagen} binnen 48 uur; {q.data.reactietijd.afgehandeld} afgehandeld,{' '}
            {q.data.reactietijd.open} open. Afspraken: {q.data.afspraken.nagekomen} van {q.data.afspraken.totaal}{' '}
            nagekomen, {q.data.afspraken.nietNagekomen} niet, {q.data.afspraken.nogTeBeoordelen} nog te beoordelen.
          </Paragraph>
          <Table caption="Meldingen per soort en maand">
            <THead>
              <Tr>
                <Th>Soort</Th>
                {MAANDEN.map((m) => (
                  <Th key={m} numeric>
                    {m}
                  </Th>
                ))}
                <Th numeric>Totaal</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.perSoort.map((s) => (
                <Tr key={s.soort}>
                  <Th scope="row">{s.label}</Th>
                  {s.perMaand.map((n, i) => (
                    <Td key={MAANDEN[i]} numeric>
                      {n}
                    </Td>
                  ))}
                  <Td numeric>{s.totaal}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table caption="Trend: meldingen per jaar">
            <THead>
              <Tr>
                {q.data.trend.map((t) => (
                  <Th key={t.jaar} numeric>
                    {t.jaar}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              <Tr>
                {q.data.trend.map((t) => (
                  <Td key={t.jaar} numeric>
                    {t.meldingen}
                  </Td>
                ))}
              </Tr>
            </TBody>
          </Table>
        </>
      )}
    </article>
  );
}
