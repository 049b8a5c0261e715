// Action form on the case page: register the exit (uitstroom) of a trajectory, with a confirmation step.

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import type { Traject } from '../../../api/types';
import { datum, vandaag } from '../../../ui/format';
import { Button, ButtonGroup, ErrorSummary, FormErrors, Paragraph, SelectField, TextField } from '../../../ui/ui';
import { Bevestiging } from './Bevestiging';
import { FormKnoppen } from './FormKnoppen';
import { useVernieuwClient } from './useClientActie';

export function UitstroomForm({ traject, sluit, titelId }: { traject: Traject; sluit: () => void; titelId: string }) {
  const ref = useReferentie();
  const vernieuw = useVernieuwClient(traject.clientId);
  const [d, setD] = useState(vandaag());
  const [bestemming, setBestemming] = useState('');
  const [bevestigen, setBevestigen] = useState(false);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/trajecten/{id}/uitstroom', { params: { id: traject.id }, body: { datum: d, bestemming } }),
    onSuccess: async () => {
      await vernieuw();
      sluit();
    },
    onError: () => setBevestigen(false),
  });
  const p = 'uitstroom';
  const fouten = FormErrors.from(m.error, { datum: `${p}-datum`, bestemming: `${p}-bestemming` }, cf);
  const gekozen = (ref.data?.bestemmingen ?? []).find((b) => b.code === bestemming);

  function submit(e: FormEvent) {
    e.preventDefault();
    const f = {
      datum: d ? undefined : 'Vul de datum van uitstroom in.',
      bestemming: bestemming ? undefined : 'Kies de bestemming.',
    };
    setCf(f);
    if (f.datum || f.bestemming) {
      m.reset();
      return;
    }
    m.reset();
    setBevestigen(true);
  }

  if (bevestigen) {
    return (
      <Bevestiging label="Uitstroom bevestigen">
        <Paragraph>
          Weet u zeker dat u de uitstroom wilt registreren per <strong>{datum(d)}</strong> naar{' '}
          <strong>{gekozen?.label ?? bestemming}</strong>? Het traject wordt afgesloten en een lopend verblijf wordt
          beëindigd.
        </Paragraph>
        <ButtonGroup>
          <Button variant="primary" onClick={() => m.mutate()} busy={m.isPending} disabled={m.isPending}>
            Bevestig uitstroom
          </Button>
          <Button variant="subtle" onClick={() => setBevestigen(false)}>
            Terug
          </Button>
        </ButtonGroup>
      </Bevestiging>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={`${p}-datum`}
        label="Datum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <BestemmingKeuze
        id={`${p}-bestemming`}
        value={bestemming}
        onChange={setBestemming}
        error={fouten.get('bestemming')}
      />
      <FormKnoppen bezig={false} opslaan="Doorgaan" sluit={sluit} />
    </form>
  );
}

/** The destinations grouped by destination group (reference data); ungrouped ones last. */
function BestemmingKeuze({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const ref = useReferentie();
  const groepen = ref.data?.bestemmingsgroepen ?? [];
  const bestemmingen = ref.data?.bestemmingen ?? [];
  return (
    <SelectField
      id={id}
      label="Bestemming"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">Kies de bestemming</option>
      {groepen.map((g) => (
        <optgroup key={g.code} label={g.label}>
          {bestemmingen
            .filter((b) => b.groep === g.code)
            .map((b) => (
              <option key={b.code} value={b.code}>
                {b.label}
              </option>
            ))}
        </optgroup>
      ))}
      {bestemmingen
        .filter((b) => !groepen.some((g) => g.code === b.groep))
        .map((b) => (
          <option key={b.code} value={b.code}>
            {b.label}
          </option>
        ))}
    </SelectField>
  );
}
