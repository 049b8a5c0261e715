// Action form on the case page: merge a duplicate registration into this case (search, choose, confirm).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { zoekClienten } from '../../../api/queries';
import type { Client, ClientSamenvatting } from '../../../api/types';
import { datum } from '../../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  FormErrors,
  Loading,
  Paragraph,
  RadioGroup,
  TextField,
} from '../../../ui/ui';
import { Bevestiging } from './Bevestiging';

type Gekozen = { id: string; naam: string };

export function SamenvoegenForm({
  client,
  sluit,
  titelId,
  onKlaar,
}: {
  client: Client;
  sluit: () => void;
  titelId: string;
  onKlaar: (c: Client) => void;
}) {
  const qc = useQueryClient();
  const [zoek, setZoek] = useState('');
  const [zoekterm, setZoekterm] = useState('');
  const [handmatig, setHandmatig] = useState('');
  const [gekozen, setGekozen] = useState<Gekozen | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});

  const resultaten = useQuery({
    queryKey: ['clienten', { zoek: zoekterm, pagina: 1, paginaGrootte: 10, sorteer: 'achternaam' }],
    queryFn: () => zoekClienten({ zoek: zoekterm, pagina: 1, paginaGrootte: 10, sorteer: 'achternaam' }),
    enabled: zoekterm.length > 0,
  });
  const m = useMutation({
    mutationFn: (anderId: string) =>
      apiPad('post', '/clienten/{id}/samenvoegingen', {
        params: { id: client.id },
        body: { samenTeVoegenClientId: anderId },
      }),
    onSuccess: async (c) => {
      qc.setQueryData(['client', client.id], c);
      await qc.invalidateQueries({ queryKey: ['clienten'] });
      await qc.invalidateQueries({ queryKey: ['client'] });
      onKlaar(c);
      sluit();
    },
    onError: () => setBevestigen(false),
  });
  const p = 'samenvoegen';
  const fouten = FormErrors.from(m.error, { samenTeVoegenClientId: `${p}-id` }, cf);
  const kandidaten: ClientSamenvatting[] = (resultaten.data?.resultaten ?? []).filter(
    (c) => c.id !== client.id && !client.nietDezelfde.includes(c.id),
  );

  function doorgaan(e: FormEvent) {
    e.preventDefault();
    const id = gekozen?.id ?? handmatig.trim();
    const f = {
      samenTeVoegenClientId: !id
        ? 'Kies een cliënt of vul het cliëntnummer in.'
        : id === client.id
          ? 'Een cliënt kan niet met zichzelf worden samengevoegd.'
          : undefined,
    };
    setCf(f);
    if (f.samenTeVoegenClientId) return;
    if (!gekozen) setGekozen({ id, naam: `cliëntnummer ${id}` });
    m.reset();
    setBevestigen(true);
  }

  if (bevestigen && gekozen) {
    return (
      <SamenvoegenBevestiging
        gekozen={gekozen}
        client={client}
        bezig={m.isPending}
        bevestig={() => m.mutate(gekozen.id)}
        terug={() => setBevestigen(false)}
      />
    );
  }

  return (
    <div>
      <ErrorSummary errors={fouten.summary()} />
      <ZoekAndereClient id={`${p}-zoek`} zoek={zoek} setZoek={setZoek} onZoek={() => setZoekterm(zoek.trim())} />
      {resultaten.isFetching && <Loading />}
      {resultaten.error && <ErrorAlert error={resultaten.error} />}
      <form onSubmit={doorgaan} noValidate aria-labelledby={titelId}>
        {zoekterm && resultaten.data && (
          <KandidaatKeuze
            p={p}
            kandidaten={kandidaten}
            gekozen={gekozen}
            onKies={(g) => {
              setGekozen(g);
              setHandmatig('');
            }}
          />
        )}
        <TextField
          id={`${p}-id`}
          label="Of vul het cliëntnummer in"
          optional
          value={handmatig}
          onChange={(e) => {
            setHandmatig(e.target.value);
            setGekozen(null);
          }}
          error={fouten.get('samenTeVoegenClientId')}
        />
        <ButtonGroup>
          <Button type="submit" variant="primary">
            Doorgaan
          </Button>
          <Button variant="subtle" onClick={sluit}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** The search form; its text lives in the parent, so it survives the confirmation step. */
function ZoekAndereClient({
  id,
  zoek,
  setZoek,
  onZoek,
}: {
  id: string;
  zoek: string;
  setZoek: (v: string) => void;
  onZoek: () => void;
}) {
  return (
    <form
      role="search"
      aria-label="Andere cliënt zoeken"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onZoek();
      }}
    >
      <TextField
        id={id}
        label="Zoek de andere cliënt op naam"
        type="search"
        value={zoek}
        onChange={(e) => setZoek(e.target.value)}
      />
      <Button type="submit">Zoeken</Button>
    </form>
  );
}

function SamenvoegenBevestiging({
  gekozen,
  client,
  bezig,
  bevestig,
  terug,
}: {
  gekozen: Gekozen;
  client: Client;
  bezig: boolean;
  bevestig: () => void;
  terug: () => void;
}) {
  return (
    <Bevestiging label="Samenvoegen bevestigen">
      <Alert type="warning" title="Let op: controleer of dit dezelfde persoon is">
        <p className="utrecht-paragraph">
          De registratie van <strong>{gekozen.naam}</strong> wordt samengevoegd met het dossier van{' '}
          <strong>
            {client.voornaam} {client.achternaam}
          </strong>
          . Dit dossier blijft bestaan; de andere registratie wordt gemarkeerd als samengevoegd. De geschiedenis blijft
          bewaard. Was het toch een ander persoon? Dan kunt u de samenvoeging later ongedaan maken in het dossier.
        </p>
      </Alert>
      <ButtonGroup>
        <Button variant="primary" danger onClick={bevestig} busy={bezig} disabled={bezig}>
          Bevestig samenvoegen
        </Button>
        <Button variant="subtle" onClick={terug}>
          Terug
        </Button>
      </ButtonGroup>
    </Bevestiging>
  );
}

/** The search results as radio buttons (or "no clients found"). */
function KandidaatKeuze({
  p,
  kandidaten,
  gekozen,
  onKies,
}: {
  p: string;
  kandidaten: ClientSamenvatting[];
  gekozen: Gekozen | null;
  onKies: (g: Gekozen | null) => void;
}) {
  if (kandidaten.length === 0) return <Paragraph>Geen cliënten gevonden.</Paragraph>;
  return (
    <RadioGroup<string>
      idPrefix={p}
      name="kandidaat"
      legend="Kies de cliënt die u wilt samenvoegen"
      value={gekozen?.id ?? ''}
      onChange={(id) => {
        const c = kandidaten.find((k) => k.id === id);
        onKies(c ? { id, naam: `${c.voornaam} ${c.achternaam}` } : null);
      }}
      options={kandidaten.map((c) => ({
        value: c.id,
        label: `${c.voornaam} ${c.achternaam}${c.geboortedatum ? `, geboren ${datum(c.geboortedatum)}` : ''} (${c.id})`,
      }))}
    />
  );
}
