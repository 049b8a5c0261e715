// Wonen, sub-page "Woonplekken": the housing units, with the ranked candidates for one unit.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../ui/ui';
import { AanbiedKnop } from './AanbiedKnop';
import { euro, type Woonplek, woonplekkenQuery } from './wonenApi';

export function Woonplekken() {
  const q = useQuery(woonplekkenQuery);
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="woonplekken">
      <Heading level={2} id="woonplekken">
        Woonplekken
      </Heading>
      <Table caption="Woonplekken" captionHidden>
        <THead>
          <Tr>
            <Th>Adres</Th>
            <Th>Type</Th>
            <Th>Gemeente</Th>
            <Th numeric>Huur</Th>
            <Th>Voor</Th>
            <Th>Ondersteuning</Th>
            <Th>Status</Th>
            <Th>Actie</Th>
          </Tr>
        </THead>
        <TBody>
          {q.data.resultaten.map((w) => (
            <Tr key={w.id}>
              <Td>
                {w.adres}
                {w.corporatieNaam ? ` (${w.corporatieNaam})` : ''}
              </Td>
              <Td>{w.typeLabel}</Td>
              <Td>{w.gemeente}</Td>
              <Td numeric>{euro(w.huur)}</Td>
              <Td>
                {w.huishoudenMin === w.huishoudenMax ? w.huishoudenMax : `${w.huishoudenMin}–${w.huishoudenMax}`} pers.,{' '}
                {w.kamers} kamer(s)
              </Td>
              <Td>{w.ondersteuningLabel}</Td>
              <Td>
                <StatusBadge
                  status={w.status === 'beschikbaar' ? 'success' : w.status === 'aangeboden' ? 'warning' : 'neutral'}
                >
                  {WOONPLEK_STATUS[w.status] ?? w.status}
                </StatusBadge>
              </Td>
              <Td>
                {w.mogelijkheden.kandidatenZien && (
                  <Button
                    variant="subtle"
                    onClick={() => setOpen(open === w.id ? null : w.id)}
                    aria-expanded={open === w.id}
                  >
                    Kandidaten
                  </Button>
                )}
                {w.mogelijkheden.statusWijzigen && <StatusKnop w={w} />}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {open && <KandidatenBijWoonplek id={open} />}
    </section>
  );
}

const WOONPLEK_STATUS: Record<string, string> = {
  beschikbaar: 'Beschikbaar',
  aangeboden: 'Aangeboden',
  verhuurd: 'Verhuurd',
  'niet-beschikbaar': 'Ingetrokken',
};

/** Issue 16: withdraw a home (niet beschikbaar) or offer it again, with a confirmation. */
function StatusKnop({ w }: { w: Woonplek }) {
  const qc = useQueryClient();
  const [klaar, setKlaar] = useState<string | null>(null);
  const intrekken = w.status === 'beschikbaar';
  const m = useMutation({
    mutationFn: () =>
      apiPad('patch', '/woonplekken/{id}', {
        params: { id: w.id },
        body: { status: intrekken ? 'niet-beschikbaar' : 'beschikbaar' },
      }),
    onSuccess: async (r) => {
      setKlaar(r.status === 'beschikbaar' ? `${w.adres} is weer beschikbaar.` : `${w.adres} is ingetrokken.`);
      await qc.invalidateQueries({ queryKey: ['wonen'] });
    },
  });
  return (
    <>
      {klaar && (
        <span role="status" className="onderdak-bevestiging">
          {klaar}
        </span>
      )}
      {m.error ? <ErrorAlert error={m.error} /> : null}
      <Button variant="subtle" busy={m.isPending} onClick={() => m.mutate()}>
        {intrekken ? `Intrekken: ${w.adres}` : `Weer beschikbaar: ${w.adres}`}
      </Button>
    </>
  );
}

function KandidatenBijWoonplek({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['wonen', 'kandidaten-bij', id],
    queryFn: () => apiGet('/woonplekken/{id}/kandidaten', { params: { id } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby={`kb-${id}`}>
      <Heading level={3} id={`kb-${id}`}>
        Passende kandidaten voor {q.data.woonplek.adres}
      </Heading>
      <Paragraph small>{q.data.nietPassend} woonklare cliënten voldoen niet aan de harde eisen.</Paragraph>
      <ol>
        {q.data.resultaten.map((r) => (
          <li key={r.kandidaat.id}>
            <strong>{r.kandidaat.naam}</strong> — {r.uitleg}{' '}
            <AanbiedKnop woonplekId={id} kandidaatId={r.kandidaat.id} />
          </li>
        ))}
      </ol>
    </section>
  );
}
