// Perspective section: comments on the plan (also by the client).
import { useState } from 'react';
import { tijdstip } from '../../../ui/format';
import { Button, FormErrors, Formulier, Heading, Paragraph, TextareaField } from '../../../ui/ui';
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
        <Formulier
          concept={`plan-opmerking:${plan.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate(tekst, { onSuccess: () => setTekst('') });
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
          <Button type="submit" busy={m.isPending}>
            Opmerking plaatsen
          </Button>
        </Formulier>
      )}
    </section>
  );
}
