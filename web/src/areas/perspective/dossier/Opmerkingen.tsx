// Perspective section: comments on the plan (also by the client).
import { useState } from 'react';
import { tijdstip } from '../../../ui/format';
import { Button, ButtonGroup, FormErrors, Heading, Paragraph, TextareaField, Uitklap } from '../../../ui/ui';
import { type Perspectief, type Plan, usePerspectiefMutatie } from '../perspectiefApi';

export function Opmerkingen({ p, plan }: { p: Perspectief; plan: Plan }) {
  const [tekst, setTekst] = useState('');
  const m = usePerspectiefMutatie<string>(
    p.clientId,
    'POST',
    () => `/v1/perspectiefplannen/${plan.id}/opmerkingen`,
    (x) => ({ tekst: x }),
  );
  const fe = FormErrors.from(m.error);
  return (
    <section aria-labelledby="opmerkingen-titel">
      <Heading level={3} id="opmerkingen-titel">
        Opmerkingen
      </Heading>
      {plan.opmerkingen.length === 0 ? (
        <Paragraph>Nog geen opmerkingen.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {plan.opmerkingen.map((o) => (
            <li key={o.id} className="utrecht-unordered-list__item">
              <time dateTime={o.tijdstip}>{tijdstip(o.tijdstip)}</time> — <strong>{o.auteur}</strong>
              {o.rol === 'client' ? ' (cliënt)' : ''}: {o.tekst}
            </li>
          ))}
        </ul>
      )}
      {plan.mogelijkheden.opmerkingPlaatsen && (
        // issue 16: the form opens with a button; the Uitklap keeps the draft under the same key as before
        <Uitklap knop="Opmerking plaatsen" titel="Opmerking bij het plan" concept={`plan-opmerking:${plan.id}`}>
          {(sluit) => (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                m.mutate(tekst, {
                  onSuccess: () => {
                    setTekst('');
                    sluit();
                  },
                });
              }}
              noValidate
            >
              <TextareaField
                id="plan-opmerking"
                label="Uw opmerking bij het plan"
                value={tekst}
                error={fe.get('tekst')}
                onChange={(e) => setTekst(e.target.value)}
              />
              <ButtonGroup>
                <Button type="submit" variant="primary" busy={m.isPending}>
                  Opmerking plaatsen
                </Button>
                <Button variant="subtle" onClick={sluit}>
                  Annuleren
                </Button>
              </ButtonGroup>
            </form>
          )}
        </Uitklap>
      )}
    </section>
  );
}
