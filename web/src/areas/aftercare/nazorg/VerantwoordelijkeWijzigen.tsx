// Nazorg plan: assign (or change) the responsible party and the new address.

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import {
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../../ui/ui';
import { type Plan, VERANTWOORDELIJKEN } from './nazorgApi';

/** Assign (or change) the responsible party and the new address. */
export function VerantwoordelijkeWijzigen({ plan, onSaved }: { plan: Plan; onSaved: (p: Plan) => void }) {
  const [f, setF] = useState<{
    verantwoordelijkeSoort: string;
    verantwoordelijkeNaam: string;
    postcode: string;
    huisnummer: string;
  }>({
    verantwoordelijkeSoort: plan.verantwoordelijke.soort ?? 'wijkteam',
    verantwoordelijkeNaam: plan.verantwoordelijke.naam ?? '',
    postcode: plan.adres?.postcode ?? '',
    huisnummer: plan.adres?.huisnummer ?? '',
  });
  const [open, setOpen] = useState(plan.toeTeWijzen);
  const save = useMutation({
    mutationFn: () =>
      apiPad('patch', '/nazorgplannen/{id}', {
        params: { id: plan.id },
        body: { ...f, postcode: f.postcode || null, huisnummer: f.huisnummer || null },
      }),
    onSuccess: (p) => {
      onSaved(p);
      setOpen(false);
    },
  });
  const fouten = save.error instanceof ApiError ? save.error.invalidParams : [];
  const fout = (name: string) => fouten.find((x) => x.name === name)?.reason;
  return (
    <section aria-labelledby="verantw-kop">
      <Heading level={2} id="verantw-kop">
        {plan.toeTeWijzen ? 'Verantwoordelijke toewijzen' : 'Verantwoordelijke en adres'}
      </Heading>
      {plan.toeTeWijzen && (
        <Paragraph>Dit nazorgplan is automatisch gemaakt bij de uitstroom. Wie houdt contact?</Paragraph>
      )}
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Verantwoordelijke of adres wijzigen
        </Button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
          className="onderdak-form"
        >
          <ErrorSummary errors={fouten.map((x) => ({ id: `vw-${x.name}`, message: x.reason }))} />
          {save.error && !fouten.length && <ErrorAlert error={save.error} />}
          <SelectField
            id="vw-verantwoordelijkeSoort"
            label="Wie doet de nazorg"
            value={f.verantwoordelijkeSoort}
            error={fout('verantwoordelijkeSoort')}
            onChange={(e) =>
              setF({
                ...f,
                verantwoordelijkeSoort: e.target.value,
                verantwoordelijkeNaam:
                  f.verantwoordelijkeNaam || (VERANTWOORDELIJKEN.find(([c]) => c === e.target.value)?.[1] ?? ''),
              })
            }
          >
            {VERANTWOORDELIJKEN.map(([c, l]) => (
              <option key={c} value={c}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextField
            id="vw-verantwoordelijkeNaam"
            label="Team of naam"
            value={f.verantwoordelijkeNaam}
            onChange={(e) => setF({ ...f, verantwoordelijkeNaam: e.target.value })}
            error={fout('verantwoordelijkeNaam')}
          />
          <TextField
            id="vw-postcode"
            label="Postcode nieuw adres"
            optional
            value={f.postcode}
            onChange={(e) => setF({ ...f, postcode: e.target.value })}
            error={fout('postcode')}
          />
          <TextField
            id="vw-huisnummer"
            label="Huisnummer nieuw adres"
            optional
            value={f.huisnummer}
            onChange={(e) => setF({ ...f, huisnummer: e.target.value })}
            error={fout('huisnummer')}
          />
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Opslaan
            </Button>
            {!plan.toeTeWijzen && (
              <Button
                variant="secondary"
                onClick={() => {
                  setOpen(false);
                  save.reset();
                }}
              >
                Annuleren
              </Button>
            )}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
