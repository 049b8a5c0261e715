// Issue 16: place someone from an empty room on the bed board — choose from the clients referred to this location
// (the ones waiting for a bed here). Only rooms with a free bed and room for a household offer this.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { vandaag } from '../../ui/format';
import { Button, FormErrors, Paragraph, SelectField, TextField, Uitklap } from '../../ui/ui';
import { ConflictOfFouten } from '../intake/acties/EenheidKiezer';
import { FormKnoppen } from '../intake/acties/FormKnoppen';

type Eenheid = Schema<'Bezetting'>['eenheden'][number];

export function PlaatsHier({
  locatieId,
  eenheid,
  onKlaar,
}: {
  locatieId: string;
  eenheid: Eenheid;
  onKlaar: (melding: string) => void;
}) {
  return (
    <Uitklap knop={`Plaats iemand in ${eenheid.naam}`} titel={`Iemand plaatsen in ${eenheid.naam}`}>
      {(sluit, titelId) => (
        <PlaatsHierForm locatieId={locatieId} eenheid={eenheid} sluit={sluit} titelId={titelId} onKlaar={onKlaar} />
      )}
    </Uitklap>
  );
}

function PlaatsHierForm({
  locatieId,
  eenheid,
  sluit,
  titelId,
  onKlaar,
}: {
  locatieId: string;
  eenheid: Eenheid;
  sluit: () => void;
  titelId: string;
  onKlaar: (melding: string) => void;
}) {
  const qc = useQueryClient();
  const p = `plaats-hier-${eenheid.id}`;
  const wachtend = useQuery({
    queryKey: ['verwijzingen', 'locatie', locatieId],
    queryFn: () => apiGet('/locaties/{id}/verwijzingen', { params: { id: locatieId } }),
  });
  const [clientId, setClientId] = useState('');
  const [d, setD] = useState(vandaag());
  const [grootte, setGrootte] = useState('1');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const kandidaten = (wachtend.data?.resultaten ?? []).filter((v) => v.mogelijkheden.plaatsen);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/plaatsingen', {
        body: { clientId, eenheidId: eenheid.id, datum: d, huishoudgrootte: Number(grootte) },
      }),
    onSuccess: async (verblijf) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['verwijzingen'] }),
        qc.invalidateQueries({ queryKey: ['bezetting'] }),
        qc.invalidateQueries({ queryKey: ['locaties'] }),
        qc.invalidateQueries({ queryKey: ['dienst', locatieId] }),
        qc.invalidateQueries({ queryKey: ['client', clientId] }),
      ]);
      const naam = kandidaten.find((k) => k.clientId === clientId)?.clientNaam ?? 'De cliënt';
      onKlaar(`${naam} is geplaatst in ${verblijf.eenheidNaam}.`);
      sluit();
    },
  });
  const serverFout = m.error instanceof ApiError && m.error.status === 409 ? null : m.error;
  const fouten = FormErrors.from(
    serverFout,
    { clientId: `${p}-client`, datum: `${p}-datum`, huishoudgrootte: `${p}-grootte` },
    cf,
  );
  if (!wachtend.isPending && kandidaten.length === 0)
    return (
      <>
        <Paragraph>
          Er wacht niemand op een plek bij deze locatie. De toegang verwijst cliënten naar de locatie.
        </Paragraph>
        <Button variant="subtle" onClick={sluit}>
          Sluiten
        </Button>
      </>
    );
  return (
    <form
      noValidate
      aria-labelledby={titelId}
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(grootte);
        const checks = {
          clientId: clientId ? undefined : 'Kies wie u plaatst.',
          datum: d ? undefined : 'Vul de datum in.',
          huishoudgrootte:
            n >= 1 && n <= eenheid.vrij ? undefined : `Vul een huishoudgrootte van 1 tot en met ${eenheid.vrij} in.`,
        };
        setCf(checks);
        if (Object.values(checks).some(Boolean)) return m.reset();
        m.mutate();
      }}
    >
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <SelectField
        id={`${p}-client`}
        label="Wie plaatst u?"
        description="Cliënten die naar deze locatie zijn verwezen en op een plek wachten."
        required
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
        error={fouten.get('clientId')}
      >
        <option value="">{wachtend.isPending ? 'Laden…' : 'Kies een cliënt'}</option>
        {kandidaten.map((k) => (
          <option key={k.id} value={k.clientId}>
            {k.clientNaam}
          </option>
        ))}
      </SelectField>
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
        id={`${p}-grootte`}
        label="Huishoudgrootte"
        type="number"
        min={1}
        max={eenheid.vrij}
        step={1}
        inputMode="numeric"
        required
        value={grootte}
        onChange={(e) => setGrootte(e.target.value)}
        error={fouten.get('huishoudgrootte')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Plaatsen" sluit={sluit} />
    </form>
  );
}
