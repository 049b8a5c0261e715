// Case page: appointments with the client (date, time, with whom, where). In the client's own view: "Uw afspraken".
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Button,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../ui/ui';
import { type Afspraak, afsprakenQuery, useCaseworkMutatie } from './caseworkApi';

export function AfsprakenSectie({ clientId, eigen }: { clientId: string; eigen: boolean }) {
  const q = useQuery(afsprakenQuery(clientId));
  const titel = eigen ? 'Uw afspraken' : 'Afspraken';
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  const rijen = eigen ? q.data.resultaten.filter((a) => !a.voorbij && !a.geannuleerd) : q.data.resultaten;
  return (
    <section aria-labelledby="afspraken-titel">
      <Heading level={2} id="afspraken-titel">
        {titel}
      </Heading>
      {rijen.length === 0 ? (
        <Paragraph>{eigen ? 'U heeft geen afspraken gepland.' : 'Geen afspraken.'}</Paragraph>
      ) : (
        <Table caption={eigen ? 'Uw komende afspraken' : 'Afspraken, komende eerst'} captionHidden>
          <THead>
            <Tr>
              <Th>Datum</Th>
              <Th>Tijd</Th>
              <Th>Met wie</Th>
              <Th>Waar</Th>
              <Th>{eigen ? 'Waarover' : 'Onderwerp'}</Th>
              {!eigen && <Th>Status</Th>}
            </Tr>
          </THead>
          <TBody>
            {rijen.map((a) => (
              <AfspraakRij key={a.id} a={a} clientId={clientId} eigen={eigen} />
            ))}
          </TBody>
        </Table>
      )}
      {q.data.mogelijkheden.toevoegen && (
        <Uitklap knop="Afspraak maken" titel="Afspraak maken">
          {(sluit, titelId) => <NieuweAfspraak clientId={clientId} sluit={sluit} titelId={titelId} />}
        </Uitklap>
      )}
    </section>
  );
}

function AfspraakRij({ a, clientId, eigen }: { a: Afspraak; clientId: string; eigen: boolean }) {
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/afspraken/{id}/annuleringen', { params: { id: a.id }, body: {} }),
  );
  return (
    <Tr>
      <Td>{datum(a.datum)}</Td>
      <Td>{a.tijd}</Td>
      <Td>{a.metWie}</Td>
      <Td>{a.waar}</Td>
      <Td>{a.onderwerp ?? '—'}</Td>
      {!eigen && (
        <Td>
          {a.geannuleerd ? <StatusBadge status="inactive">Geannuleerd</StatusBadge> : a.voorbij ? 'Voorbij' : 'Gepland'}{' '}
          {a.mogelijkheden.annuleren && (
            <Button variant="secondary" busy={m.isPending} onClick={() => m.mutate(undefined)}>
              Annuleren
              <span className="onderdak-sr-only">
                {' '}
                (afspraak {datum(a.datum)} {a.tijd})
              </span>
            </Button>
          )}
        </Td>
      )}
    </Tr>
  );
}

function NieuweAfspraak({ clientId, sluit, titelId }: { clientId: string; sluit: () => void; titelId: string }) {
  const [f, setF] = useState({ datum: vandaag(), tijd: '', metWie: '', waar: '', onderwerp: '' });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/clienten/{id}/afspraken', {
      params: { id: clientId },
      body: { ...f, onderwerp: f.onderwerp || null },
    }),
  );
  const ids = {
    datum: 'afs-datum',
    tijd: 'afs-tijd',
    metWie: 'afs-metwie',
    waar: 'afs-waar',
    onderwerp: 'afs-onderwerp',
  };
  const fe = FormErrors.from(m.error, ids, cf);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const checks = {
      tijd: f.tijd ? undefined : 'Vul een tijd in.',
      metWie: f.metWie.trim() ? undefined : 'Vul in met wie de afspraak is.',
      waar: f.waar.trim() ? undefined : 'Vul in waar de afspraak is.',
    };
    setCf(checks);
    if (Object.values(checks).some(Boolean)) return m.reset();
    m.mutate(undefined, { onSuccess: sluit });
  };
  return (
    <form onSubmit={verstuur} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fe.summary()} />
      <TextField
        id={ids.datum}
        label="Datum"
        type="date"
        value={f.datum}
        error={fe.get('datum')}
        onChange={(e) => setF({ ...f, datum: e.target.value })}
      />
      <TextField
        id={ids.tijd}
        label="Tijd"
        type="time"
        value={f.tijd}
        error={fe.get('tijd')}
        onChange={(e) => setF({ ...f, tijd: e.target.value })}
      />
      <TextField
        id={ids.metWie}
        label="Met wie"
        value={f.metWie}
        error={fe.get('metWie')}
        onChange={(e) => setF({ ...f, metWie: e.target.value })}
      />
      <TextField
        id={ids.waar}
        label="Waar"
        value={f.waar}
        error={fe.get('waar')}
        onChange={(e) => setF({ ...f, waar: e.target.value })}
      />
      <TextField
        id={ids.onderwerp}
        label="Onderwerp"
        optional
        value={f.onderwerp}
        error={fe.get('onderwerp')}
        onChange={(e) => setF({ ...f, onderwerp: e.target.value })}
      />
      <Button type="submit" busy={m.isPending}>
        Afspraak opslaan
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}
