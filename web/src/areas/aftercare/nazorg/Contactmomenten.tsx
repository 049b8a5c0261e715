// Nazorg plan: adjust the schedule (move or remove a planned contact moment, add one).

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import { Button, ButtonGroup, ErrorAlert, ErrorSummary, Heading, TextField } from '../../../ui/ui';
import type { Plan, PlanContact } from './nazorgApi';

/** Move or remove one planned (not yet done) contact moment. */
export function ContactmomentAanpassen({
  planId,
  contact,
  onSaved,
}: {
  planId: string;
  contact: PlanContact;
  onSaved: (p: Plan) => void;
}) {
  const [gepland, setGepland] = useState(contact.gepland ?? '');
  const params = { id: planId, contactmomentId: contact.id };
  const move = useMutation({
    mutationFn: () =>
      apiPad('patch', '/nazorgplannen/{id}/contactmomenten/{contactmomentId}', { params, body: { gepland } }),
    onSuccess: onSaved,
  });
  const remove = useMutation({
    mutationFn: () => apiPad('delete', '/nazorgplannen/{id}/contactmomenten/{contactmomentId}', { params }),
    onSuccess: onSaved,
  });
  const fout =
    move.error instanceof ApiError ? move.error.invalidParams.find((x) => x.name === 'gepland')?.reason : undefined;
  const moment = contact.maanden
    ? `na ${contact.maanden} ${contact.maanden === 1 ? 'maand' : 'maanden'}`
    : `extra contact ${datum(contact.gepland)}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
      noValidate
      className="onderdak-inline-form"
      aria-label={`Contactmoment ${moment} aanpassen`}
    >
      <TextField
        id={`cm-${contact.id}`}
        type="date"
        label={`Nieuwe datum (${moment})`}
        value={gepland}
        min={vandaag()}
        onChange={(e) => setGepland(e.target.value)}
        error={fout}
      />
      <Button type="submit" variant="secondary" busy={move.isPending}>
        Verplaatsen
      </Button>
      <Button variant="secondary" danger busy={remove.isPending} onClick={() => remove.mutate()}>
        Schrappen
      </Button>
      {move.error && !fout && <ErrorAlert error={move.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
    </form>
  );
}

export function ContactmomentToevoegen({ planId, onSaved }: { planId: string; onSaved: (p: Plan) => void }) {
  const [gepland, setGepland] = useState('');
  const add = useMutation({
    mutationFn: () =>
      apiPad('post', '/nazorgplannen/{id}/contactmomenten', { params: { id: planId }, body: { gepland } }),
    onSuccess: (p) => {
      onSaved(p);
      setGepland('');
    },
  });
  const fouten = add.error instanceof ApiError ? add.error.invalidParams : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
      noValidate
      className="onderdak-form"
      aria-labelledby="cm-nieuw-kop"
    >
      <Heading level={3} id="cm-nieuw-kop">
        Contactmoment toevoegen
      </Heading>
      <ErrorSummary errors={fouten.map((x) => ({ id: 'cm-nieuw-gepland', message: x.reason }))} />
      {add.error && !fouten.length && <ErrorAlert error={add.error} />}
      <TextField
        id="cm-nieuw-gepland"
        type="date"
        label="Gepland op"
        value={gepland}
        min={vandaag()}
        onChange={(e) => setGepland(e.target.value)}
        error={fouten.find((x) => x.name === 'gepland')?.reason}
      />
      <ButtonGroup>
        <Button type="submit" variant="secondary" busy={add.isPending}>
          Contactmoment plannen
        </Button>
      </ButtonGroup>
    </form>
  );
}
