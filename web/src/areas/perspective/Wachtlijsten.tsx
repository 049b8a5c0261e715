// Waiting lists for the next step: overview, one list in priority order with position and expected wait, take off.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Button,
  ButtonGroup,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
  UnorderedList,
  useTitel,
} from '../../ui/ui';
import type { Optie } from './perspectiefApi';

type Plaatsing = Schema<'WachtlijstRegel'>;

function AfmeldForm({
  lijst,
  p,
  redenen,
  sluit,
}: {
  lijst: string;
  p: Plaatsing;
  redenen: Optie[];
  sluit: () => void;
}) {
  const qc = useQueryClient();
  const [f, setF] = useState({ datum: vandaag(), reden: 'geplaatst', toelichting: '' });
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/wachtlijsten/{id}/plaatsingen/{plaatsingId}/afmeldingen', {
        params: { id: lijst, plaatsingId: p.id },
        body: { ...f, toelichting: f.toelichting || null },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['wachtlijsten'] });
      await qc.invalidateQueries({ queryKey: ['perspectief', p.client.id] });
      sluit();
    },
  });
  const fe = FormErrors.from(m.error);
  const id = `afmelden-${p.id}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
      noValidate
    >
      {fe.general.length > 0 && <ErrorAlert error={m.error} />}
      <SelectField
        id={`${id}-reden`}
        label="Reden"
        value={f.reden}
        error={fe.get('reden')}
        onChange={(e) => setF({ ...f, reden: e.target.value })}
      >
        {redenen.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-datum`}
        type="date"
        label="Datum"
        value={f.datum}
        error={fe.get('datum')}
        onChange={(e) => setF({ ...f, datum: e.target.value })}
      />
      <TextField
        id={`${id}-toelichting`}
        label="Toelichting"
        optional={f.reden !== 'overig'}
        value={f.toelichting}
        error={fe.get('toelichting')}
        onChange={(e) => setF({ ...f, toelichting: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Van de lijst halen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

function LijstDetail({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['wachtlijsten', id],
    queryFn: () => apiGet('/wachtlijsten/{id}', { params: { id } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const l = q.data;
  return (
    <section aria-labelledby="lijst-titel">
      <Heading level={2} id="lijst-titel">
        {l.naam}
      </Heading>
      <Paragraph>
        {l.lengte} wachtenden · {l.geplaatstRecent} geplaatst in de afgelopen 180 dagen.
      </Paragraph>
      {l.resultaten.length === 0 ? (
        <Paragraph>Niemand (van uw cliënten) op deze lijst.</Paragraph>
      ) : (
        <Table caption={`Wachtlijst ${l.naam} op volgorde van prioriteit`} captionHidden>
          <THead>
            <Tr>
              <Th numeric>Positie</Th>
              <Th>Cliënt</Th>
              <Th>Op de lijst sinds</Th>
              <Th>Urgentie</Th>
              <Th>Verwachte wachttijd</Th>
              <Th>Actie</Th>
            </Tr>
          </THead>
          <TBody>
            {l.resultaten.map((p) => (
              <Tr key={p.id}>
                <Td numeric>{p.positie}</Td>
                <Td>
                  <Link to="/clienten/$clientId" params={{ clientId: p.client.id }} className="utrecht-link">
                    {p.client.voornaam} {p.client.achternaam}
                  </Link>
                </Td>
                <Td>
                  {datum(p.opLijstSinds)} ({p.wachtDagen} dagen)
                </Td>
                <Td>
                  {p.urgent ? (
                    <>
                      <StatusBadge status="warning">Urgent</StatusBadge> {p.toelichting}
                    </>
                  ) : (
                    'Regulier'
                  )}
                </Td>
                <Td>
                  {p.verwachteWachttijdDagen === null
                    ? 'Onbekend'
                    : `± ${p.verwachteWachttijdDagen} dagen (${datum(p.verwachteDatum)})`}
                </Td>
                <Td>
                  {p.mogelijkheden.afmelden && (
                    <Uitklap knop="Afmelden" titel={`${p.client.voornaam} ${p.client.achternaam} van de lijst halen`}>
                      {(sluit) => <AfmeldForm lijst={l.id} p={p} redenen={l.afmeldredenen} sluit={sluit} />}
                    </Uitklap>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

export function WachtlijstenPage() {
  useTitel('Wachtlijsten');
  const search = useSearch({ from: '/app/wachtlijsten' });
  const navigate = useNavigate({ from: '/wachtlijsten' });
  const q = useQuery({ queryKey: ['wachtlijsten'], queryFn: () => apiGet('/wachtlijsten') });
  return (
    <>
      <Heading level={1}>Wachtlijsten vervolgstap</Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Table caption="Wachtlijsten met lengte en verwachte wachttijd">
            <THead>
              <Tr>
                <Th>Wachtlijst</Th>
                <Th numeric>Wachtenden</Th>
                <Th numeric>Urgent</Th>
                <Th numeric>Langst wachtend (dagen)</Th>
                <Th numeric>Geplaatst (180 d)</Th>
                <Th numeric>Gem. wachttijd geplaatst</Th>
                <Th numeric>Verwacht voor nieuwe</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.resultaten.map((l) => (
                <Tr key={l.id}>
                  <Th scope="row">
                    <Link
                      to="/wachtlijsten"
                      search={{ lijst: l.id }}
                      className="utrecht-link"
                      aria-current={search.lijst === l.id ? 'true' : undefined}
                    >
                      {l.naam}
                    </Link>
                  </Th>
                  <Td numeric>{l.lengte}</Td>
                  <Td numeric>{l.urgent}</Td>
                  <Td numeric>{l.langsteWachtDagen ?? '—'}</Td>
                  <Td numeric>{l.geplaatstRecent}</Td>
                  <Td numeric>{l.gemiddeldeWachttijdGeplaatstDagen ?? '—'}</Td>
                  <Td numeric>
                    {l.verwachteWachttijdNieuwDagen === null ? 'onbekend' : `± ${l.verwachteWachttijdNieuwDagen} d`}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <section aria-labelledby="regels-titel">
            <Heading level={2} id="regels-titel">
              Voorrangsregels
            </Heading>
            <UnorderedList>
              {q.data.prioriteitsregels.map((r) => (
                <li key={r} className="utrecht-unordered-list__item">
                  {r}
                </li>
              ))}
            </UnorderedList>
            <Paragraph small>{q.data.wachttijdUitleg}</Paragraph>
          </section>
          <SelectField
            id="wachtlijst-kies"
            label="Toon wachtlijst"
            value={search.lijst ?? ''}
            onChange={(e) => void navigate({ search: { lijst: e.target.value || undefined } })}
          >
            <option value="">Kies een wachtlijst</option>
            {q.data.resultaten.map((l) => (
              <option key={l.id} value={l.id}>
                {l.naam}
              </option>
            ))}
          </SelectField>
          {search.lijst && <LijstDetail id={search.lijst} />}
        </>
      )}
    </>
  );
}
