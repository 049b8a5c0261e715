// Wonen (toegang): report a client as ready to live independently (woonklaar).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import type { ClientSamenvatting } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { Alert, Button, ButtonGroup, ErrorAlert, FormErrors, SelectField, TextField } from '../../../ui/ui';
import { useFocusOnMount } from './Nieuw';
import { STEUN } from './wonenApi';

type WoonklaarFormulier = {
  clientId: string;
  huishoudgrootte: string;
  nettoInkomen: string;
  ondersteuning: string;
  voorkeursgemeente: string;
  netwerkgemeente: string;
  urgentie: string;
  woonklaarSinds: string;
};

export function WoonklaarForm({ sluit }: { sluit: () => void }) {
  const qc = useQueryClient();
  const [zoek, setZoek] = useState('');
  const clienten = useQuery({
    queryKey: ['wonen', 'clienten', zoek],
    queryFn: () => apiGet('/clienten', { query: { zoek: zoek || undefined, paginaGrootte: 50 } }),
    enabled: zoek.length >= 2,
  });
  const [f, setF] = useState<WoonklaarFormulier>({
    clientId: '',
    huishoudgrootte: '1',
    nettoInkomen: '',
    ondersteuning: 'licht',
    voorkeursgemeente: '',
    netwerkgemeente: '',
    urgentie: 'normaal',
    woonklaarSinds: vandaag(),
  });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/woonkandidaten', {
        body: {
          clientId: f.clientId,
          huishoudgrootte: Number(f.huishoudgrootte),
          nettoInkomen: Number(f.nettoInkomen),
          ondersteuning: f.ondersteuning,
          voorkeursgemeenten: f.voorkeursgemeente ? [f.voorkeursgemeente] : [],
          netwerkgemeente: f.netwerkgemeente || null,
          urgentie: f.urgentie,
          woonklaarSinds: f.woonklaarSinds,
        },
      }),
    onSuccess: async (k) => {
      setOk(`${k.naam} staat nu als woonklaar geregistreerd.`);
      await qc.invalidateQueries({ queryKey: ['wonen'] });
    },
  });
  const fe = FormErrors.from(m.error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  // every match of the search; the server refuses (409) a client without an open trajectory, with a Dutch reason
  const inOpvang = (clienten.data?.resultaten ?? []).filter((c) => c.status !== 'uitgestroomd');
  return (
    <section aria-labelledby="woonklaar">
      <h2 id="woonklaar" className="utrecht-heading-2" ref={useFocusOnMount<HTMLHeadingElement>()} tabIndex={-1}>
        Cliënt woonklaar melden
      </h2>
      {ok && (
        <Alert type="ok" role="status">
          {ok}
        </Alert>
      )}
      <TextField id="wk-zoek" label="Cliënt zoeken (naam)" value={zoek} onChange={(e) => setZoek(e.target.value)} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOk(null);
          m.mutate();
        }}
        noValidate
      >
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <WoonklaarVelden f={f} set={set} fe={fe} clienten={inOpvang} />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={m.isPending}>
            Woonklaar melden
          </Button>
          <Button variant="secondary" onClick={sluit}>
            Sluiten
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function WoonklaarVelden({
  f,
  set,
  fe,
  clienten,
}: {
  f: WoonklaarFormulier;
  set: (k: keyof WoonklaarFormulier) => (e: { target: { value: string } }) => void;
  fe: FormErrors;
  clienten: ClientSamenvatting[];
}) {
  const ref = useReferentie();
  return (
    <>
      <SelectField
        id="wk-client"
        label="Cliënt"
        value={f.clientId}
        error={fe.get('clientId')}
        onChange={set('clientId')}
      >
        <option value="">Kies een cliënt</option>
        {clienten.map((c) => (
          <option key={c.id} value={c.id}>
            {c.voornaam} {c.achternaam}
            {c.huidigeLocatie ? ` — ${c.huidigeLocatie}` : ''}
          </option>
        ))}
      </SelectField>
      <TextField
        id="wk-hh"
        type="number"
        label="Huishoudgrootte"
        value={f.huishoudgrootte}
        error={fe.get('huishoudgrootte')}
        onChange={set('huishoudgrootte')}
      />
      <TextField
        id="wk-inkomen"
        type="number"
        label="Netto maandinkomen (€)"
        value={f.nettoInkomen}
        error={fe.get('nettoInkomen')}
        onChange={set('nettoInkomen')}
      />
      <SelectField
        id="wk-steun"
        label="Benodigde ondersteuning"
        value={f.ondersteuning}
        error={fe.get('ondersteuning')}
        onChange={set('ondersteuning')}
      >
        {STEUN.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="wk-voorkeur"
        label="Voorkeursgemeente"
        optional
        value={f.voorkeursgemeente}
        error={fe.get('voorkeursgemeenten')}
        onChange={set('voorkeursgemeente')}
      >
        <option value="">Geen voorkeur</option>
        {ref.data?.gemeenten.map((x) => (
          <option key={x.code} value={x.code}>
            {x.naam}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="wk-netwerk"
        label="Gemeente van het netwerk"
        optional
        value={f.netwerkgemeente}
        error={fe.get('netwerkgemeente')}
        onChange={set('netwerkgemeente')}
      >
        <option value="">Onbekend</option>
        {ref.data?.gemeenten.map((x) => (
          <option key={x.code} value={x.code}>
            {x.naam}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="wk-urgentie"
        label="Urgentie"
        value={f.urgentie}
        error={fe.get('urgentie')}
        onChange={set('urgentie')}
      >
        <option value="normaal">Normaal</option>
        <option value="hoog">Hoog</option>
        <option value="urgent">Urgent</option>
      </SelectField>
      <TextField
        id="wk-sinds"
        type="date"
        label="Woonklaar sinds"
        value={f.woonklaarSinds}
        error={fe.get('woonklaarSinds')}
        onChange={set('woonklaarSinds')}
      />
    </>
  );
}
