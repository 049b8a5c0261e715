// Action form on the case page: move a current stay to another unit.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Verblijf } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { TextField } from '../../../ui/ui';
import { ConflictOfFouten, EenheidKiezer } from './EenheidKiezer';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function VerhuizenForm({
  verblijf,
  sluit,
  titelId,
}: {
  verblijf: Verblijf;
  sluit: () => void;
  titelId: string;
}) {
  const [locatieId, setLocatieId] = useState(verblijf.locatieId);
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const p = 'verhuizen';
  const { m, fouten, verstuur } = useClientActie(
    verblijf.clientId,
    sluit,
    () =>
      apiPad('post', '/plaatsingen/{id}/verhuizingen', { params: { id: verblijf.id }, body: { eenheidId, datum: d } }),
    { locatieId: `${p}-locatie`, eenheidId: `${p}-eenheid`, datum: `${p}-datum` },
    { negeer409: true },
  );
  const submit = verstuur({
    eenheidId: eenheidId ? undefined : 'Kies de nieuwe eenheid.',
    datum: d ? undefined : 'Vul de datum in.',
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
        locatieLabel="Nieuwe locatie"
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
      <FormKnoppen bezig={m.isPending} opslaan="Verhuizing opslaan" sluit={sluit} />
    </form>
  );
}
