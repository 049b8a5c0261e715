// Action form on the case page: record the screening of a registration.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Aanmelding } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { ErrorSummary, TextareaField, TextField } from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function ScreeningForm({
  aanmelding,
  sluit,
  titelId,
}: {
  aanmelding: Aanmelding;
  sluit: () => void;
  titelId: string;
}) {
  const [d, setD] = useState(vandaag());
  const [bevindingen, setBevindingen] = useState('');
  const p = `screening-${aanmelding.id}`;
  const ids = { datum: `${p}-datum`, bevindingen: `${p}-bevindingen` };
  const { m, fouten, verstuur } = useClientActie(
    aanmelding.clientId,
    sluit,
    () =>
      apiPad('post', '/aanmeldingen/{id}/screeningen', {
        params: { id: aanmelding.id },
        body: { datum: d, bevindingen: bevindingen.trim() },
      }),
    ids,
  );
  const submit = verstuur({
    datum: d ? undefined : 'Vul de datum in.',
    bevindingen: bevindingen.trim() ? undefined : 'Vul de bevindingen in.',
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
      <TextareaField
        id={ids.bevindingen}
        label="Bevindingen"
        required
        rows={4}
        value={bevindingen}
        onChange={(e) => setBevindingen(e.target.value)}
        error={fouten.get('bevindingen')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Screening opslaan" sluit={sluit} />
    </form>
  );
}
