// Action form on the case page: a new registration (aanmelding) for this client.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import type { Client } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { ErrorSummary, SelectField, TextareaField, TextField } from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function NieuweAanmeldingForm({
  client,
  sluit,
  titelId,
}: {
  client: Client;
  sluit: () => void;
  titelId: string;
}) {
  const ref = useReferentie();
  const [d, setD] = useState(vandaag());
  const [bron, setBron] = useState('');
  const [toelichting, setToelichting] = useState('');
  const ids = { datum: 'aanmelding-datum', bron: 'aanmelding-bron', toelichting: 'aanmelding-toelichting' };
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    () =>
      apiPad('post', '/aanmeldingen', {
        body: { clientId: client.id, datum: d, bron, toelichting: toelichting.trim() || undefined },
      }),
    ids,
  );
  const submit = verstuur({
    datum: d ? undefined : 'Vul de datum in.',
    bron: bron ? undefined : 'Kies de bron van de aanmelding.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.datum}
        label="Datum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <SelectField
        id={ids.bron}
        label="Bron"
        required
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        error={fouten.get('bron')}
      >
        <option value="">Kies de bron</option>
        {(ref.data?.bronnen ?? []).map((b) => (
          <option key={b.code} value={b.code}>
            {b.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={ids.toelichting}
        label="Toelichting"
        optional
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        error={fouten.get('toelichting')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Aanmelding opslaan" sluit={sluit} />
    </form>
  );
}
