// Nazorg: make a plan for an exit to housing without one.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { Button, ErrorAlert, SelectField, TextField } from '../../../ui/ui';
import { type Kandidaat, VERANTWOORDELIJKEN } from './nazorgApi';

/** One click: a plan with the default contacts (1, 3, 6, 12 months), responsible party chosen in place. */
export function PlanMaken({ kandidaat }: { kandidaat: Kandidaat }) {
  const qc = useQueryClient();
  const [soort, setSoort] = useState('wijkteam');
  const [naam, setNaam] = useState('Sociaal wijkteam');
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/nazorgplannen', {
        body: { trajectId: kandidaat.trajectId, verantwoordelijkeSoort: soort, verantwoordelijkeNaam: naam },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['nazorgkandidaten'] });
      void qc.invalidateQueries({ queryKey: ['nazorgplannen'] });
    },
  });
  const id = `pm-${kandidaat.trajectId}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        maak.mutate();
      }}
      className="onderdak-inline-form"
      aria-label={`Nazorgplan voor ${kandidaat.naam}`}
    >
      <SelectField
        id={`${id}-soort`}
        label="Wie"
        value={soort}
        onChange={(e) => {
          setSoort(e.target.value);
          setNaam(VERANTWOORDELIJKEN.find(([c]) => c === e.target.value)?.[1] ?? '');
        }}
      >
        {VERANTWOORDELIJKEN.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-naam`}
        label="Team of naam"
        value={naam}
        onChange={(e) => setNaam(e.target.value)}
        error={
          maak.error instanceof ApiError
            ? maak.error.invalidParams.find((p) => p.name === 'verantwoordelijkeNaam')?.reason
            : undefined
        }
      />
      <Button type="submit" variant="secondary" busy={maak.isPending}>
        Plan maken (1, 3, 6, 12 mnd)
      </Button>
      {maak.error && !(maak.error instanceof ApiError && maak.error.invalidParams.length) && (
        <ErrorAlert error={maak.error} />
      )}
    </form>
  );
}
