// Action form on the case page: end the current stay (the trajectory stays open).
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import type { Verblijf } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { ErrorSummary, Paragraph, TextareaField, TextField } from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function BeeindigenForm({
  verblijf,
  sluit,
  titelId,
}: {
  verblijf: Verblijf;
  sluit: () => void;
  titelId: string;
}) {
  const [d, setD] = useState(vandaag());
  const [reden, setReden] = useState('');
  const p = 'beeindigen';
  const { m, fouten, verstuur } = useClientActie(
    verblijf.clientId,
    sluit,
    () =>
      apiPad('post', '/plaatsingen/{id}/beeindigingen', {
        params: { id: verblijf.id },
        body: { datum: d, reden: reden.trim() || undefined },
      }),
    { datum: `${p}-datum`, reden: `${p}-reden` },
  );
  const submit = verstuur({ datum: d ? undefined : 'Vul de einddatum in.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <Paragraph>
        Het verblijf in {verblijf.eenheidNaam} ({verblijf.locatieNaam}) wordt beëindigd. Het traject blijft open.
      </Paragraph>
      <TextField
        id={`${p}-datum`}
        label="Einddatum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextareaField
        id={`${p}-reden`}
        label="Reden van vertrek"
        optional
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Beëindiging opslaan" sluit={sluit} />
    </form>
  );
}
