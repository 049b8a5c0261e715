// Wonen, sub-page "Woonklare cliënten": candidates, with the ranked suitable housing units for one of them.

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet } from '../../../api/client';
import { datum } from '../../../ui/format';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  UnorderedList,
} from '../../../ui/ui';
import { AanbiedKnop } from './AanbiedKnop';
import { euro, kandidatenQuery } from './wonenApi';

export function Kandidaten() {
  const q = useQuery(kandidatenQuery);
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="kandidaten">
      <Heading level={2} id="kandidaten">
        Woonklare cliënten
      </Heading>
      <Table caption="Woonklare cliënten, langst wachtend eerst" captionHidden>
        <THead>
          <Tr>
            <Th>Naam</Th>
            <Th numeric>Huishouden</Th>
            <Th numeric>Inkomen</Th>
            <Th>Ondersteuning</Th>
            <Th>Urgentie</Th>
            <Th>Woonklaar sinds</Th>
            <Th>Actie</Th>
          </Tr>
        </THead>
        <TBody>
          {q.data.resultaten.map((k) => (
            <Tr key={k.id}>
              <Td>{k.naam}</Td>
              <Td numeric>{k.huishoudgrootte}</Td>
              <Td numeric>{euro(k.nettoInkomen)}</Td>
              <Td>{k.ondersteuningLabel}</Td>
              <Td>{k.urgentie}</Td>
              <Td>
                {datum(k.woonklaarSinds)} ({k.wachtdagen} dagen)
              </Td>
              <Td>
                <Button
                  variant="subtle"
                  aria-expanded={open === k.id}
                  onClick={() => setOpen(open === k.id ? null : k.id)}
                >
                  Passende woonplekken van {k.naam}
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {open && <WoonplekkenBijKandidaat id={open} />}
    </section>
  );
}

function WoonplekkenBijKandidaat({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['wonen', 'woonplekken-bij', id],
    queryFn: () => apiGet('/woonkandidaten/{id}/woonplekken', { params: { id } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <section aria-labelledby={`wb-${id}`}>
      <Heading level={3} id={`wb-${id}`}>
        Passende woonplekken voor {d.kandidaat.naam}
      </Heading>
      {d.resultaten.length === 0 ? (
        <Paragraph>Geen vrije woonplek voldoet aan de harde eisen.</Paragraph>
      ) : (
        <ol aria-label={`Woonplekken voor ${d.kandidaat.naam} op volgorde van passendheid`}>
          {d.resultaten.map((r) => (
            <li key={r.woonplek.id} data-testid="match">
              <strong>{r.woonplek.adres}</strong> ({r.woonplek.gemeente}, {euro(r.woonplek.huur)}) —{' '}
              <span className="onderdak-uitleg">{r.uitleg}</span>{' '}
              <AanbiedKnop woonplekId={r.woonplek.id} kandidaatId={id} />
            </li>
          ))}
        </ol>
      )}
      {d.nietPassend.length > 0 && (
        <details>
          <summary>Niet passend ({d.nietPassend.length})</summary>
          <UnorderedList>
            {d.nietPassend.map((n) => (
              <li key={n.woonplekId}>
                {n.adres}: {n.redenen.join(' ')}
              </li>
            ))}
          </UnorderedList>
        </details>
      )}
      <details>
        <summary>Hoe wordt er gematcht?</summary>
        <UnorderedList>
          {d.regels.hardeEisen.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </UnorderedList>
      </details>
    </section>
  );
}
