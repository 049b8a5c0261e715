// Issue 12: warm handovers between centrumgemeenten — incoming ones to accept or decline (with a reason), outgoing
// ones with their state; and the bezwaren whose decision term runs out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Overdracht } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  FormErrors,
  Formulier,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  Table,
  TBody,
  Td,
  TextareaField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { BEZWAAR_STATUS } from './acties/BesluitWeergave';

const STATUS: Record<string, string> = {
  voorgesteld: 'Wacht op antwoord',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
};

export function OverdrachtenPage() {
  useTitel('Overdrachten en bezwaren');
  const q = useQuery({ queryKey: ['overdrachten'], queryFn: () => apiGet('/overdrachten', { query: {} }) });
  const inkomend = q.data?.resultaten.filter((o) => o.richting === 'inkomend') ?? [];
  const uitgaand = q.data?.resultaten.filter((o) => o.richting === 'uitgaand') ?? [];
  return (
    <>
      <Heading level={1}>Overdrachten en bezwaren</Heading>
      <section aria-labelledby="inkomend-titel">
        <Heading level={2} id="inkomend-titel">
          Inkomende warme overdrachten
        </Heading>
        {q.isPending ? (
          <Loading />
        ) : q.error ? (
          <PaginaFout error={q.error} />
        ) : inkomend.length === 0 ? (
          <Paragraph>Geen inkomende overdrachten.</Paragraph>
        ) : (
          <ul className="onderdak-kaartlijst">
            {inkomend.map((o) => (
              <InkomendeOverdracht key={o.id} o={o} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="uitgaand-titel">
        <Heading level={2} id="uitgaand-titel">
          Uitgaande warme overdrachten
        </Heading>
        {uitgaand.length === 0 ? (
          <Paragraph>Geen uitgaande overdrachten.</Paragraph>
        ) : (
          <Table caption="Uitgaande overdrachten" captionHidden>
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th>Naar</Th>
                <Th>Stand</Th>
                <Th>Reden afwijzing</Th>
              </Tr>
            </THead>
            <TBody>
              {uitgaand.map((o) => (
                <Tr key={o.id}>
                  <Td>
                    {o.clientId ? (
                      <Link to="/clienten/$clientId" params={{ clientId: o.clientId }} className="utrecht-link">
                        {o.persoon.voornaam} {o.persoon.achternaam}
                      </Link>
                    ) : (
                      `${o.persoon.voornaam} ${o.persoon.achternaam}`
                    )}
                  </Td>
                  <Td>{o.naar}</Td>
                  <Td>{STATUS[o.status] ?? o.status}</Td>
                  <Td>{o.afwijsreden ?? '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <Bezwaren />
    </>
  );
}

function InkomendeOverdracht({ o }: { o: Overdracht }) {
  const qc = useQueryClient();
  const [reden, setReden] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const titelId = `overdracht-${o.id}-titel`;
  const m = useMutation({
    mutationFn: (besluit: 'accepteren' | 'afwijzen') =>
      apiPad('post', '/overdrachten/{id}/beoordelingen', {
        params: { id: o.id },
        body: { besluit, datum: vandaag(), reden: reden.trim() || null },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['overdrachten'] }),
  });
  const ids = { reden: `overdracht-${o.id}-reden` };
  const fouten = FormErrors.from(m.error, ids, cf);
  const afwijzen = (e: FormEvent) => {
    e.preventDefault();
    const c = { reden: reden.trim() ? undefined : 'Vul de reden van de afwijzing in.' };
    setCf(c);
    if (!c.reden) m.mutate('afwijzen');
  };
  return (
    <li className="onderdak-card">
      <article aria-labelledby={titelId}>
        <h3 id={titelId} className="utrecht-heading-3">
          {o.persoon.voornaam} {o.persoon.achternaam} — van {o.van}
        </h3>
        <DataList
          items={[
            ['Geboortedatum', datum(o.persoon.geboortedatum)],
            ['BSN', o.persoon.bsn ?? 'Niet bekend'],
            ['Telefoon', o.persoon.telefoon ?? '—'],
            ['Huishoudgrootte', String(o.persoon.huishoudgrootte)],
            ['Toestemming cliënt', datum(o.toestemmingClientOp)],
            ['Reden', o.reden ?? '—'],
            ['Stand', STATUS[o.status] ?? o.status],
            ...(o.afwijsreden ? [['Reden afwijzing', o.afwijsreden] as [string, string]] : []),
          ]}
        />
        {o.status === 'geaccepteerd' && o.clientId && (
          <Alert type="ok">
            Overgenomen.{' '}
            <Link to="/clienten/$clientId" params={{ clientId: o.clientId }} className="utrecht-link">
              Open het dossier
            </Link>
          </Alert>
        )}
        {o.mogelijkheden.beoordelen && (
          <Formulier concept={`overdracht-afwijzen:${o.id}`} onSubmit={afwijzen} noValidate aria-labelledby={titelId}>
            <ErrorSummary errors={fouten.summary()} />
            <TextareaField
              id={ids.reden}
              label="Reden (verplicht bij afwijzen)"
              rows={2}
              value={reden}
              onChange={(e) => setReden(e.target.value)}
              error={fouten.get('reden')}
            />
            <ButtonGroup>
              <Button variant="primary" busy={m.isPending} onClick={() => m.mutate('accepteren')}>
                Overdracht accepteren
              </Button>
              <Button type="submit" busy={m.isPending}>
                Overdracht afwijzen
              </Button>
            </ButtonGroup>
          </Formulier>
        )}
      </article>
    </li>
  );
}

function Bezwaren() {
  const q = useQuery({ queryKey: ['bezwaren'], queryFn: () => apiGet('/bezwaren', { query: {} }) });
  return (
    <section aria-labelledby="bezwaren-titel">
      <Heading level={2} id="bezwaren-titel">
        Open bezwaren
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.resultaten.length === 0 ? (
        <Paragraph>Geen open bezwaren.</Paragraph>
      ) : (
        <Table caption="Open bezwaren, eerst verlopende beslistermijn eerst" captionHidden>
          <THead>
            <Tr>
              <Th>Cliënt</Th>
              <Th>Ontvangen</Th>
              <Th>Status</Th>
              <Th>Beslissen vóór</Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.resultaten.map((b) => (
              <Tr key={b.id}>
                <Td>
                  <Link to="/clienten/$clientId" params={{ clientId: b.client.id }} className="utrecht-link">
                    {b.client.voornaam} {b.client.achternaam}
                  </Link>
                </Td>
                <Td>
                  {datum(b.ontvangenOp)}
                  {b.tijdig ? '' : ' (te laat)'}
                </Td>
                <Td>{BEZWAAR_STATUS[b.status] ?? b.status}</Td>
                <Td>
                  {datum(b.beslissenVoor)}{' '}
                  {b.dagenTotTermijn < 0
                    ? `(${-b.dagenTotTermijn} dagen verlopen)`
                    : b.dagenTotTermijn <= 14
                      ? `(nog ${b.dagenTotTermijn} dagen)`
                      : ''}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
