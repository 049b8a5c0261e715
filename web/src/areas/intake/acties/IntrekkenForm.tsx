// Action form on the case page: withdraw a registration before the decision (issue 19). The file is then destroyed
// six weeks later, so the form says so before the worker confirms.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Aanmelding } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { Alert, ErrorSummary, TextareaField, TextField } from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function IntrekkenForm({
  aanmelding,
  sluit,
  titelId,
}: {
  aanmelding: Aanmelding;
  sluit: () => void;
  titelId: string;
}) {
  const [d, setD] = useState(vandaag());
  const [reden, setReden] = useState('');
  const p = `intrekken-${aanmelding.id}`;
  const ids = { datum: `${p}-datum`, reden: `${p}-reden` };
  const { m, fouten, verstuur } = useClientActie(
    aanmelding.clientId,
    sluit,
    () =>
      apiPad('post', '/aanmeldingen/{id}/intrekkingen', {
        params: { id: aanmelding.id },
        body: { datum: d, reden: reden.trim() },
      }),
    ids,
  );
  const submit = verstuur({
    datum: d ? undefined : 'Vul de datum in.',
    reden: reden.trim() ? undefined : 'Vermeld waarom de aanmelding wordt ingetrokken.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <Alert type="warning">
        Na het intrekken komt er geen besluit meer op deze aanmelding. Een bed voor de nacht eindigt op de datum van
        intrekking. Zonder andere aanmelding of besluit wordt het dossier 6 weken later vernietigd.
      </Alert>
      <TextField
        id={ids.datum}
        label="Datum van intrekking"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextareaField
        id={ids.reden}
        label="Reden"
        description="Bijvoorbeeld: de cliënt ziet af van de aanmelding, of is niet meer bereikbaar."
        required
        rows={3}
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Aanmelding intrekken" sluit={sluit} />
    </form>
  );
}
