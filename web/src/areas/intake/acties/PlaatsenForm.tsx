// Action form on the case page: place the client in a unit of a location.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Client } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { TextField } from '../../../ui/ui';
import { ConflictOfFouten, EenheidKiezer } from './EenheidKiezer';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function PlaatsenForm({ client, sluit, titelId }: { client: Client; sluit: () => void; titelId: string }) {
  const [locatieId, setLocatieId] = useState('');
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const [grootte, setGrootte] = useState(String(client.huishoudgrootte || 1));
  const p = 'plaatsen';
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    () =>
      apiPad('post', '/plaatsingen', {
        body: { clientId: client.id, eenheidId, datum: d, huishoudgrootte: grootte ? Number(grootte) : undefined },
      }),
    {
      locatieId: `${p}-locatie`,
      eenheidId: `${p}-eenheid`,
      datum: `${p}-datum`,
      huishoudgrootte: `${p}-huishoudgrootte`,
    },
    { negeer409: true },
  );
  const submit = verstuur({
    locatieId: locatieId ? undefined : 'Kies een locatie.',
    eenheidId: locatieId && !eenheidId ? 'Kies een eenheid.' : undefined,
    datum: d ? undefined : 'Vul de datum in.',
    huishoudgrootte: grootte && Number(grootte) >= 1 ? undefined : 'Vul een huishoudgrootte van 1 of meer in.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <EenheidKiezer
        prefix={p}
        locatieId={locatieId}
        setLocatieId={setLocatieId}
        eenheidId={eenheidId}
        setEenheidId={setEenheidId}
        fouten={fouten}
      />
      <TextField
        id={`${p}-datum`}
        label="Datum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextField
        id={`${p}-huishoudgrootte`}
        label="Huishoudgrootte"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        required
        value={grootte}
        onChange={(e) => setGrootte(e.target.value)}
        error={fouten.get('huishoudgrootte')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Plaatsing opslaan" sluit={sluit} />
    </form>
  );
}
