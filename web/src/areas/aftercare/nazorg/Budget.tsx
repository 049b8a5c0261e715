// Nazorg: the period of a preventive budget management and ending it early (or cancelling it before the start).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import { Button, ButtonGroup, ErrorAlert, ErrorSummary, TextareaField, TextField } from '../../../ui/ui';
import type { Budget } from './nazorgApi';

export function BudgetPeriode({ b }: { b: Budget }) {
  if (b.fase === 'geannuleerd' && b.voortijdigBeeindigd)
    return (
      <>
        gepland vanaf {datum(b.start)}; geannuleerd op {datum(b.voortijdigBeeindigd.datum)}
        {b.voortijdigBeeindigd.reden ? `: ${b.voortijdigBeeindigd.reden}` : ''}
      </>
    );
  if (!b.voortijdigBeeindigd)
    return (
      <>
        {datum(b.start)} – {datum(b.eind)} ({b.duurMaanden} mnd)
      </>
    );
  return (
    <>
      {datum(b.start)} – {datum(b.voortijdigBeeindigd.datum)} ({b.duurMaanden} mnd; voortijdig beëindigd, gepland tot{' '}
      {datum(b.eind)}
      {b.voortijdigBeeindigd.reden ? `: ${b.voortijdigBeeindigd.reden}` : ''})
    </>
  );
}

/** Ends a running budgetbeheer before its planned end: date and a required reason. */
export function BudgetBeeindigen({ budget }: { budget: Budget }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ datum: vandaag(), reden: '' });
  const stop = useMutation({
    mutationFn: () =>
      apiPad('post', '/budgetbeheertrajecten/{id}/beeindigingen', { params: { id: budget.id }, body: f }),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['budgetbeheer'] });
      void qc.invalidateQueries({ queryKey: ['nazorgplan'] });
    },
  });
  const fouten = stop.error instanceof ApiError ? stop.error.invalidParams : [];
  const id = `bb-${budget.id}`;
  const annuleren = !!budget.mogelijkheden.annuleren;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {annuleren ? 'Annuleren vóór de start' : 'Voortijdig beëindigen'}
      </Button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        stop.mutate();
      }}
      noValidate
      className="onderdak-form"
      aria-label={`Budgetbeheer van ${budget.naam} ${annuleren ? 'annuleren' : 'voortijdig beëindigen'}`}
    >
      <ErrorSummary errors={fouten.map((x) => ({ id: `${id}-${x.name}`, message: x.reason }))} />
      {stop.error && !fouten.length && <ErrorAlert error={stop.error} />}
      <TextField
        id={`${id}-datum`}
        type="date"
        label={annuleren ? 'Geannuleerd op' : 'Beëindigd op'}
        value={f.datum}
        max={vandaag()}
        onChange={(e) => setF({ ...f, datum: e.target.value })}
        error={fouten.find((x) => x.name === 'datum')?.reason}
      />
      <TextareaField
        id={`${id}-reden`}
        label="Reden"
        value={f.reden}
        onChange={(e) => setF({ ...f, reden: e.target.value })}
        error={fouten.find((x) => x.name === 'reden')?.reason}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={stop.isPending}>
          {annuleren ? 'Budgetbeheer annuleren' : 'Budgetbeheer beëindigen'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            stop.reset();
          }}
        >
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
