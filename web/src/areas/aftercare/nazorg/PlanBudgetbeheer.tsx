// Nazorg plan: the client's preventive budget management, and recording a new one (1 to 3 years).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import { Button, ButtonGroup, DataList, ErrorAlert, ErrorSummary, Heading, Paragraph, TextField } from '../../../ui/ui';
import { BudgetBeeindigen, BudgetPeriode } from './Budget';
import { FASE_LABEL, type Plan } from './nazorgApi';

export function PlanBudgetbeheer({ p, planId }: { p: Plan; planId: string }) {
  const qc = useQueryClient();
  const [b, setB] = useState({ uitvoerder: 'Sociale dienst', start: vandaag(), afbouwVanaf: '', eind: '' });
  const budget = useMutation({
    mutationFn: () =>
      apiPad('post', '/budgetbeheertrajecten', { body: { clientId: p.clientId, nazorgplanId: planId, ...b } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['nazorgplan', planId] });
      void qc.invalidateQueries({ queryKey: ['budgetbeheer'] });
    },
  });
  const bf = budget.error instanceof ApiError ? budget.error.invalidParams : [];
  return (
    <section aria-labelledby="pb-kop">
      <Heading level={2} id="pb-kop">
        Preventief budgetbeheer
      </Heading>
      {p.budgetbeheer.length === 0 ? (
        <Paragraph>Geen budgetbeheer.</Paragraph>
      ) : (
        <DataList
          items={p.budgetbeheer.map((x) => [
            x.uitvoerder,
            <>
              <BudgetPeriode b={x} />; afbouw vanaf {datum(x.afbouwVanaf)}
              {!x.afbouwBereikt && ' (niet bereikt)'}; nu: {FASE_LABEL[x.fase] ?? x.fase}
              {(x.mogelijkheden.voortijdigBeeindigen || x.mogelijkheden.annuleren) && <BudgetBeeindigen budget={x} />}
            </>,
          ])}
        />
      )}
      {p.mogelijkheden.budgetbeheerToevoegen &&
        p.budgetbeheer.every((x) => x.fase === 'afgerond' || x.fase === 'geannuleerd') && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              budget.mutate();
            }}
            noValidate
            className="onderdak-form"
          >
            <Heading level={3}>Budgetbeheer vastleggen (1 tot 3 jaar)</Heading>
            <ErrorSummary errors={bf.map((x) => ({ id: `pb-${x.name}`, message: x.reason }))} />
            {budget.error && !bf.length && <ErrorAlert error={budget.error} />}
            <TextField
              id="pb-uitvoerder"
              label="Uitvoerder"
              value={b.uitvoerder}
              onChange={(e) => setB({ ...b, uitvoerder: e.target.value })}
              error={bf.find((x) => x.name === 'uitvoerder')?.reason}
            />
            <TextField
              id="pb-start"
              type="date"
              label="Start (opbouwfase)"
              value={b.start}
              onChange={(e) => setB({ ...b, start: e.target.value })}
              error={bf.find((x) => x.name === 'start')?.reason}
            />
            <TextField
              id="pb-afbouwVanaf"
              type="date"
              label="Afbouwfase vanaf"
              value={b.afbouwVanaf}
              onChange={(e) => setB({ ...b, afbouwVanaf: e.target.value })}
              error={bf.find((x) => x.name === 'afbouwVanaf')?.reason}
            />
            <TextField
              id="pb-eind"
              type="date"
              label="Einde"
              value={b.eind}
              onChange={(e) => setB({ ...b, eind: e.target.value })}
              error={bf.find((x) => x.name === 'eind')?.reason}
            />
            <ButtonGroup>
              <Button type="submit" variant="secondary" busy={budget.isPending}>
                Budgetbeheer vastleggen
              </Button>
            </ButtonGroup>
          </form>
        )}
    </section>
  );
}
