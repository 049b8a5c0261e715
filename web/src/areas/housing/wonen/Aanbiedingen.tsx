// Wonen, sub-page "Aanbiedingen": offers and their next steps (accept, reject, withdraw, contract, moved).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
} from '../../../ui/ui';
import { type Aanbieding, aanbiedingenQuery } from './wonenApi';

const STAP_LABEL: Record<string, string> = {
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Intrekken',
  'contract-getekend': 'Contract getekend',
  verhuisd: 'Verhuisd',
};

export function Aanbiedingen() {
  const q = useQuery(aanbiedingenQuery);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="aanbiedingen">
      <Heading level={2} id="aanbiedingen">
        Aanbiedingen
      </Heading>
      {q.data.resultaten.length === 0 ? (
        <Paragraph>Nog geen aanbiedingen.</Paragraph>
      ) : (
        <Table caption="Aanbiedingen" captionHidden>
          <THead>
            <Tr>
              <Th>Woning</Th>
              <Th>Kandidaat</Th>
              <Th>Aangeboden</Th>
              <Th>Status</Th>
              <Th>Volgende stap</Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.resultaten.map((a) => (
              <Tr key={a.id}>
                <Td>{a.woonplek.adres}</Td>
                <Td>
                  {a.kandidaat.naam} ({a.kandidaat.huishoudgrootte} pers., {a.kandidaat.ondersteuning})
                  {'contact' in a.kandidaat && (
                    <>
                      <br />
                      {[a.kandidaat.contact.telefoon, a.kandidaat.contact.email].filter(Boolean).join(' · ')}
                    </>
                  )}
                </Td>
                <Td>{datum(a.aangebodenOp)}</Td>
                <Td>
                  {a.status}
                  {a.redenAfwijzing ? `: ${a.redenAfwijzing}` : ''}
                </Td>
                <Td>
                  <Stappen a={a} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function Stappen({ a }: { a: Aanbieding }) {
  const qc = useQueryClient();
  const [reden, setReden] = useState('');
  const m = useMutation({
    mutationFn: (reactie: string) =>
      apiPad('post', '/aanbiedingen/{id}/reacties', {
        params: { id: a.id },
        body: { reactie, datum: vandaag(), reden: reden || null },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['wonen'] }),
  });
  const stappen = Object.entries(a.mogelijkheden)
    .filter(([, v]) => v)
    .map(([k]) => k);
  if (!stappen.length) return null;
  const fe = FormErrors.from(m.error);
  return (
    <>
      {fe.general.length > 0 && <ErrorAlert error={m.error} />}
      {(stappen.includes('afgewezen') || stappen.includes('ingetrokken')) && (
        <TextField
          id={`reden-${a.id}`}
          label="Reden (bij afwijzen of intrekken)"
          optional
          value={reden}
          error={fe.get('reden')}
          onChange={(e) => setReden(e.target.value)}
        />
      )}
      <ButtonGroup>
        {stappen.map((s) => (
          <Button
            key={s}
            variant={s === 'afgewezen' || s === 'ingetrokken' ? 'subtle' : 'secondary'}
            busy={m.isPending && m.variables === s}
            onClick={() => m.mutate(s)}
          >
            {STAP_LABEL[s] ?? s}
          </Button>
        ))}
      </ButtonGroup>
    </>
  );
}
