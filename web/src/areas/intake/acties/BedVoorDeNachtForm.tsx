// Action form on a registration during screening: a bed for the night before the toegangsbesluit (issue 13).
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Aanmelding } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { Paragraph, TextField } from '../../../ui/ui';
import { ConflictOfFouten, EenheidKiezer } from './EenheidKiezer';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function BedVoorDeNachtForm({
  aanmelding,
  sluit,
  titelId,
}: {
  aanmelding: Aanmelding;
  sluit: () => void;
  titelId: string;
}) {
  const [locatieId, setLocatieId] = useState('');
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const [tot, setTot] = useState('');
  const p = `bed-${aanmelding.id}`;
  const { m, fouten, verstuur } = useClientActie(
    aanmelding.clientId,
    sluit,
    () =>
      apiPad('post', '/aanmeldingen/{id}/bedden-voor-de-nacht', {
        params: { id: aanmelding.id },
        body: { eenheidId, datum: d, tot: tot || undefined },
      }),
    { locatieId: `${p}-locatie`, eenheidId: `${p}-eenheid`, datum: `${p}-datum`, tot: `${p}-tot` },
    { negeer409: true },
  );
  const submit = verstuur({
    locatieId: locatieId ? undefined : 'Kies een locatie.',
    eenheidId: locatieId && !eenheidId ? 'Kies een eenheid.' : undefined,
    datum: d ? undefined : 'Vul de datum van de eerste nacht in.',
    tot: tot && d && tot < d ? 'De vertrekdatum ligt vóór de eerste nacht.' : undefined,
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <Paragraph>
        Een bed voor de nacht is voor de tijd van de screening, vóór het toegangsbesluit: een paar nachten (het maximum
        stelt de beheerder in; standaard 3). Krijgt de cliënt toegang, dan gaan deze nachten mee in het traject.
      </Paragraph>
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
        label="Eerste nacht"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextField
        id={`${p}-tot`}
        label="Vertrekdatum"
        description="Alleen invullen als de cliënt al weg is."
        type="date"
        optional
        value={tot}
        onChange={(e) => setTot(e.target.value)}
        error={fouten.get('tot')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Bed voor de nacht opslaan" sluit={sluit} />
    </form>
  );
}
