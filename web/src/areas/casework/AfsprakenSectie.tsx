// Case page: appointments with the client (date, time, with whom, where), changed or cancelled with a reason and a
// history. In the client's own view: "Uw afspraken".
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import { datum, tijdstip, vandaag } from '../../ui/format';
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
          {(sluit, titelId) => <AfspraakForm clientId={clientId} sluit={sluit} titelId={titelId} />}
        </Uitklap>
      )}
    </section>
  );
}

const VELD: Record<string, string> = {
  datum: 'Datum',
  tijd: 'Tijd',
  metWie: 'Met wie',
  waar: 'Waar',
  onderwerp: 'Onderwerp',
  geannuleerd: 'Geannuleerd',
};

function AfspraakRij({ a, clientId, eigen }: { a: Afspraak; clientId: string; eigen: boolean }) {
  return (
    <Tr>
      <Td>{datum(a.datum)}</Td>
      <Td>{a.tijd}</Td>
      <Td>{a.metWie}</Td>
      <Td>{a.waar}</Td>
      <Td>{a.onderwerp ?? '—'}</Td>
      {!eigen && (
        <Td>
          {a.geannuleerd ? <StatusBadge status="inactive">Geannuleerd</StatusBadge> : a.voorbij ? 'Voorbij' : 'Gepland'}
          {a.annuleringsreden && <span> ({a.annuleringsreden})</span>}
          {a.mogelijkheden.wijzigen && (
            <Uitklap knop={`Wijzigen (afspraak ${datum(a.datum)} ${a.tijd})`} titel="Afspraak wijzigen">
              {(sluit, titelId) => <AfspraakForm clientId={clientId} bestaand={a} sluit={sluit} titelId={titelId} />}
            </Uitklap>
          )}
          {a.mogelijkheden.annuleren && (
            <Uitklap knop={`Annuleren (afspraak ${datum(a.datum)} ${a.tijd})`} titel="Afspraak annuleren">
              {(sluit, titelId) => <AfspraakAnnuleren clientId={clientId} a={a} sluit={sluit} titelId={titelId} />}
            </Uitklap>
          )}
          {a.geschiedenis.length > 0 && (
            <details>
              <summary>Geschiedenis ({a.geschiedenis.length})</summary>
              <ul className="utrecht-unordered-list" data-testid="afspraak-geschiedenis">
                {a.geschiedenis.map((g, i) => (
                  <li key={i} className="utrecht-unordered-list__item">
                    {tijdstip(g.tijdstip)} door {g.door}: {VELD[g.veld] ?? g.veld}{' '}
                    {g.veld === 'geannuleerd' ? '' : `${g.oud ?? '—'} → ${g.nieuw ?? '—'}`}
                    {g.reden ? ` (reden: ${g.reden})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </Td>
      )}
    </Tr>
  );
}

function AfspraakAnnuleren({
  clientId,
  a,
  sluit,
  titelId,
}: {
  clientId: string;
  a: Afspraak;
  sluit: () => void;
  titelId: string;
}) {
  const [reden, setReden] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const id = `afs-${a.id}-reden`;
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/afspraken/{id}/annuleringen', { params: { id: a.id }, body: { reden } }),
  );
  const fe = FormErrors.from(m.error, { reden: id }, cf);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const checks = { reden: reden.trim() ? undefined : 'Vermeld waarom de afspraak niet doorgaat.' };
    setCf(checks);
    if (checks.reden) return m.reset();
    m.mutate(undefined, { onSuccess: sluit });
  };
  return (
    <form onSubmit={verstuur} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fe.summary()} />
      <TextField
        id={id}
        label="Reden van annuleren"
        value={reden}
        error={fe.get('reden')}
        onChange={(e) => setReden(e.target.value)}
      />
      <Button type="submit" danger busy={m.isPending}>
        Afspraak annuleren
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Terug
      </Button>
    </form>
  );
}

/** A new appointment, or changing an upcoming one (then with an optional reason for the history). */
function AfspraakForm({
  clientId,
  bestaand,
  sluit,
  titelId,
}: {
  clientId: string;
  bestaand?: Afspraak;
  sluit: () => void;
  titelId: string;
}) {
  const [f, setF] = useState({
    datum: bestaand?.datum ?? vandaag(),
    tijd: bestaand?.tijd ?? '',
    metWie: bestaand?.metWie ?? '',
    waar: bestaand?.waar ?? '',
    onderwerp: bestaand?.onderwerp ?? '',
    reden: '',
  });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useCaseworkMutatie(clientId, () => {
    const { reden, ...velden } = f;
    return bestaand
      ? apiPad('patch', '/afspraken/{id}', {
          params: { id: bestaand.id },
          body: { ...velden, onderwerp: velden.onderwerp || null, reden: reden || null },
        })
      : apiPad('post', '/clienten/{id}/afspraken', {
          params: { id: clientId },
          body: { ...velden, onderwerp: velden.onderwerp || null },
        });
  });
  const p = bestaand ? `afs-${bestaand.id}` : 'afs';
  const ids = {
    datum: `${p}-datum`,
    tijd: `${p}-tijd`,
    metWie: `${p}-metwie`,
    waar: `${p}-waar`,
    onderwerp: `${p}-onderwerp`,
    reden: `${p}-wijzigreden`,
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
      {bestaand && (
        <TextField
          id={ids.reden}
          label="Reden van de wijziging"
          optional
          value={f.reden}
          error={fe.get('reden')}
          onChange={(e) => setF({ ...f, reden: e.target.value })}
        />
      )}
      <Button type="submit" busy={m.isPending}>
        {bestaand ? 'Wijziging opslaan' : 'Afspraak opslaan'}
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}
