// Issue 17: the meldingen worklist for the gemeente and the facility's care organisation: status transitions
// (ontvangen → in behandeling → afgehandeld), a reply for the reporter, response times, repeated spots grouped.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, tijdstip } from '../../ui/format';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextareaField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

type Melding = Schema<'Buurtmelding'>;

export function BuurtMeldingenPage() {
  useTitel('Buurtmeldingen');
  const q = useQuery({ queryKey: ['buurtmeldingen'], queryFn: () => apiGet('/buurtmeldingen') });
  return (
    <>
      <Heading level={1}>Buurtmeldingen</Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          {q.data.herhaaldePlekken.length > 0 && (
            <Table caption="Herhaalde meldingen op dezelfde plek (90 dagen)">
              <THead>
                <Tr>
                  <Th>Locatie</Th>
                  <Th>Plek</Th>
                  <Th numeric>Meldingen</Th>
                </Tr>
              </THead>
              <TBody>
                {q.data.herhaaldePlekken.map((p) => (
                  <Tr key={`${p.locatie}-${p.plek}`}>
                    <Td>{p.locatie}</Td>
                    <Td>{p.waar}</Td>
                    <Td numeric>{p.aantal}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          <Heading level={2}>Alle meldingen</Heading>
          {q.data.meldingen.length === 0 && <Paragraph>Er zijn geen meldingen.</Paragraph>}
          <ul className="onderdak-kaartlijst">
            {q.data.meldingen.slice(0, 60).map((m) => (
              <MeldingKaart key={m.id} m={m} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MeldingKaart({ m }: { m: Melding }) {
  const qc = useQueryClient();
  const [reactie, setReactie] = useState('');
  const wijzig = useMutation({
    mutationFn: (body: { status?: Melding['status']; reactie?: string }) =>
      apiPad('patch', '/buurtmeldingen/{id}', { params: { id: m.id }, body }),
    onSuccess: () => {
      setReactie('');
      void qc.invalidateQueries({ queryKey: ['buurtmeldingen'] });
    },
  });
  const kop = `melding-${m.id}`;
  return (
    <li className="onderdak-kaart" aria-labelledby={kop}>
      <Heading level={3} id={kop}>
        {m.soortLabel} — {m.locatie.naam}
      </Heading>
      <Paragraph>
        <StatusBadge status={m.status === 'afgehandeld' ? 'success' : m.status === 'ontvangen' ? 'warning' : 'active'}>
          {m.statusLabel}
        </StatusBadge>{' '}
        {datum(m.datum)}
        {m.tijd ? ` ${m.tijd}` : ''}, {m.waar}
        {m.opDezePlek > 1 && ` · ${m.opDezePlek} meldingen op deze plek`}
      </Paragraph>
      <Paragraph>{m.wat}</Paragraph>
      <Paragraph small>
        Ontvangen {tijdstip(m.ontvangenOp)}
        {m.reactieUren !== null ? ` · eerste reactie na ${m.reactieUren} uur` : ' · nog geen reactie'}
        {m.contact
          ? ` · contact: ${[m.contact.naam, m.contact.email, m.contact.telefoon].filter(Boolean).join(', ')}`
          : m.contactAchtergelaten
            ? ' · de melder liet contactgegevens achter (niet zichtbaar voor uw rol)'
            : ' · geen contactgegevens'}
      </Paragraph>
      {m.reactie && <Paragraph>Reactie aan de melder: {m.reactie}</Paragraph>}
      {m.mogelijkheden.behandelen && (
        <div className="onderdak-acties">
          <TextareaField
            id={`reactie-${m.id}`}
            label="Reactie aan de melder"
            description="De melder ziet deze reactie op de volgpagina."
            rows={2}
            maxLength={2000}
            value={reactie}
            onChange={(e) => setReactie(e.target.value)}
          />
          <Button
            disabled={!reactie.trim() || wijzig.isPending}
            onClick={() =>
              wijzig.mutate({ reactie, ...(m.status === 'ontvangen' ? { status: 'in_behandeling' as const } : {}) })
            }
          >
            Reactie versturen
          </Button>
          {m.volgendeStatussen.map((s) => (
            <Button key={s} variant="subtle" disabled={wijzig.isPending} onClick={() => wijzig.mutate({ status: s })}>
              {s === 'in_behandeling' ? 'In behandeling nemen' : s === 'afgehandeld' ? 'Afhandelen' : 'Terugzetten'}
            </Button>
          ))}
          <ErrorAlert error={wijzig.error} />
        </div>
      )}
    </li>
  );
}
