// Wonen, sub-page "Aanbiedingen": offers and their next steps (accept, reject, withdraw, contract, moved).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  TextField,
} from '../../../ui/ui';
import { type Aanbieding, aanbiedingenQuery } from './wonenApi';
import './wonen.css';

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
        // issue 16: cards instead of a wide table, so the step buttons stay on screen at 375 px
        <ul className="onderdak-aanbod-lijst">
          {q.data.resultaten.map((a) => (
            <li key={a.id}>
              <AanbiedingKaart a={a} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const STATUS_LABEL: Record<string, string> = {
  aangeboden: 'Aangeboden',
  geaccepteerd: 'Geaccepteerd door de kandidaat',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
  'contract-getekend': 'Contract getekend',
  verhuisd: 'Verhuisd',
};

/** One offer with its candidate and the next steps the user may record. */
export function AanbiedingKaart({ a, kop = 3 }: { a: Aanbieding; kop?: 2 | 3 }) {
  return (
    <article className="onderdak-card onderdak-aanbod" aria-labelledby={`aanbod-${a.id}`}>
      <Heading level={kop} id={`aanbod-${a.id}`}>
        {a.woonplek.adres}
      </Heading>
      <Paragraph>
        {a.kandidaat.naam} ({a.kandidaat.huishoudgrootte} pers., {a.kandidaat.ondersteuning})
        {'contact' in a.kandidaat && (
          <>
            <br />
            {[a.kandidaat.contact.telefoon, a.kandidaat.contact.email].filter(Boolean).join(' · ')}
          </>
        )}
      </Paragraph>
      <Paragraph small>
        Aangeboden op {datum(a.aangebodenOp)} · {STATUS_LABEL[a.status] ?? a.status}
        {a.redenAfwijzing ? `: ${a.redenAfwijzing}` : ''}
      </Paragraph>
      <Stappen a={a} />
    </article>
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
    onSuccess: (_r, reactie) => {
      setKlaar(`Vastgelegd: ${STAP_LABEL[reactie] ?? reactie}.`);
      return qc.invalidateQueries({ queryKey: ['wonen'] });
    },
  });
  const [klaar, setKlaar] = useState<string | null>(null);
  const stappen = Object.entries(a.mogelijkheden)
    .filter(([, v]) => v)
    .map(([k]) => k);
  if (!stappen.length)
    return klaar ? (
      <Alert type="ok" role="status">
        {klaar}
      </Alert>
    ) : null;
  const fe = FormErrors.from(m.error);
  return (
    <>
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
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
