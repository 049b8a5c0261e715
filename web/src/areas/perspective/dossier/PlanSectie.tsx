// Perspective section: the perspectiefplan, or the deadline and the form to draw one up.
import { type FormEvent, useState } from 'react';
import { datum, vandaag } from '../../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  FormErrors,
  Heading,
  Paragraph,
  TextareaField,
  TextField,
  Uitklap,
} from '../../../ui/ui';
import { TermijnBadge } from '../PerspectiefBadges';
import { type Perspectief, usePerspectiefMutatie } from '../perspectiefApi';
import { PlanWeergave } from './PlanWeergave';
import { Fout } from './statusWijzigen';

/** Whole days from a to b (YYYY-MM-DD). */
const dagenTussen = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export function PlanSectie({ p, t }: { p: Perspectief; t: NonNullable<Perspectief['traject']> }) {
  return (
    <section aria-labelledby="plan-titel">
      <Heading level={3} id="plan-titel">
        Perspectiefplan
      </Heading>
      {t.plan ? (
        <PlanWeergave p={p} plan={t.plan} />
      ) : (
        <>
          <Alert type={t.planTermijn.status === 'te-laat' ? 'warning' : 'info'}>
            <Paragraph>
              Nog geen perspectiefplan.{' '}
              {t.planTermijn.uiterlijkeDatum
                ? `Uiterlijk ${datum(t.planTermijn.uiterlijkeDatum)}${t.plaatsingsdatum ? ` (${dagenTussen(t.plaatsingsdatum, t.planTermijn.uiterlijkeDatum)} dagen na plaatsing)` : ''}.`
                : ''}{' '}
              <TermijnBadge t={t.planTermijn} />
            </Paragraph>
          </Alert>
          {p.mogelijkheden.planOpstellen && (
            <Uitklap knop="Perspectiefplan opstellen" titel="Perspectiefplan opstellen" variant="primary">
              {(sluit) => <PlanOpstellenForm p={p} sluit={sluit} />}
            </Uitklap>
          )}
        </>
      )}
    </section>
  );
}

function PlanOpstellenForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({ opgesteldOp: vandaag(), eigenWoorden: '', wensen: '' });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    () => `/v1/trajecten/${p.traject!.id}/perspectiefplan`,
    (x) => x,
  );
  const fe = FormErrors.from(m.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(f, { onSuccess: sluit });
  };
  return (
    <form onSubmit={submit} noValidate>
      {fe.general.length > 0 && <Fout error={m.error} />}
      <TextField
        id="plan-datum"
        type="date"
        label="Opgesteld op"
        value={f.opgesteldOp}
        error={fe.get('opgesteldOp')}
        onChange={(e) => setF({ ...f, opgesteldOp: e.target.value })}
      />
      <TextareaField
        id="plan-woorden"
        label="In de eigen woorden van de cliënt"
        description="Wat wil de cliënt bereiken? Schrijf het op zoals de cliënt het zegt."
        optional
        value={f.eigenWoorden}
        error={fe.get('eigenWoorden')}
        onChange={(e) => setF({ ...f, eigenWoorden: e.target.value })}
      />
      <TextareaField
        id="plan-wensen"
        label="Wensen van de cliënt"
        optional
        value={f.wensen}
        error={fe.get('wensen')}
        onChange={(e) => setF({ ...f, wensen: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Plan opstellen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
