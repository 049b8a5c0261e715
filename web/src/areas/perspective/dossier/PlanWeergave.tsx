// Perspective section: the plan itself (data, changes since signing, print link, signing, signed versions, goals).

import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { datum, vandaag } from '../../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorAlert,
  FormErrors,
  Heading,
  Paragraph,
  TextField,
  Uitklap,
} from '../../../ui/ui';
import { TermijnBadge } from '../PerspectiefBadges';
import { type Perspectief, type Plan, usePerspectiefMutatie } from '../perspectiefApi';
import { DoelForm, DoelKaart } from './Doelen';
import { Opmerkingen } from './Opmerkingen';

export function PlanWeergave({ p, plan }: { p: Perspectief; plan: Plan }) {
  const [actieDatum, setActieDatum] = useState(vandaag());
  return (
    <>
      {/* issue 16: key facts in a grid */}
      <div className="onderdak-datalijst-raster">
        <DataList
          items={[
            [
              'Opgesteld op',
              <span key="o">
                {datum(plan.opgesteldOp)} <TermijnBadge t={plan.termijn} />
              </span>,
            ],
            ['Uiterlijk (5 dagen na plaatsing)', datum(plan.termijn.uiterlijkeDatum)],
            ['In eigen woorden', plan.eigenWoorden ? <q key="w">{plan.eigenWoorden}</q> : '—'],
            ['Wensen', plan.wensen || '—'],
            [
              'Besproken en ondertekend op',
              plan.ondertekendOp
                ? `${datum(plan.ondertekendOp)}${plan.versies.length ? ` (versie ${plan.versies.at(-1)!.versie})` : ''}`
                : 'Nog niet',
            ],
          ]}
        />
      </div>
      {plan.gewijzigdSindsOndertekening && <GewijzigdSindsOndertekening plan={plan} />}
      <div className="onderdak-acties">
        <Link to="/perspectiefplannen/$planId/afdrukken" params={{ planId: plan.id }} className="utrecht-link">
          Plan afdrukken (met handtekeningen)
        </Link>
        {plan.mogelijkheden.ondertekenen && (
          <Uitklap
            knop={plan.ondertekendOp ? 'Nieuwe ondertekening vastleggen' : 'Ondertekening vastleggen'}
            titel="Besproken en ondertekend"
          >
            {(sluit) => <OndertekenForm p={p} plan={plan} sluit={sluit} />}
          </Uitklap>
        )}
      </div>
      {plan.versies.length > 0 && <OndertekendeVersies plan={plan} />}
      <Heading level={3}>Doelen per levensgebied</Heading>
      {plan.doelen.length === 0 ? (
        <Paragraph>Nog geen doelen.</Paragraph>
      ) : (
        <ul className="onderdak-kaartlijst onderdak-doelen">
          {plan.doelen.map((d) => (
            <DoelKaart key={d.id} p={p} doel={d} actieDatum={actieDatum} setActieDatum={setActieDatum} />
          ))}
        </ul>
      )}
      {plan.mogelijkheden.doelToevoegen && (
        <Uitklap knop="Doel toevoegen" titel="Doel toevoegen">
          {(sluit) => <DoelForm p={p} plan={plan} sluit={sluit} />}
        </Uitklap>
      )}
      <Opmerkingen p={p} plan={plan} />
    </>
  );
}

function GewijzigdSindsOndertekening({ plan }: { plan: Plan }) {
  return (
    <Alert type="warning" title="Gewijzigd sinds de ondertekening">
      <Paragraph>
        Het plan is gewijzigd sinds het op {datum(plan.ondertekendOp!)} is besproken en ondertekend. Bespreek deze
        wijzigingen met de cliënt en leg de nieuwe ondertekening vast; de vorige versie blijft bewaard.
      </Paragraph>
      <ul className="utrecht-unordered-list" aria-label="Wijzigingen sinds de ondertekening">
        {plan.wijzigingenSindsOndertekening.map((w, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {w}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function OndertekendeVersies({ plan }: { plan: Plan }) {
  return (
    <>
      <Heading level={3}>Ondertekende versies</Heading>
      <ul className="utrecht-unordered-list" aria-label="Ondertekende versies">
        {[...plan.versies].reverse().map((v) => (
          <li key={v.versie} className="utrecht-unordered-list__item">
            <Link
              to="/perspectiefplannen/$planId/afdrukken"
              params={{ planId: plan.id }}
              search={{ versie: v.versie }}
              className="utrecht-link"
            >
              Versie {v.versie}, ondertekend op {datum(v.ondertekendOp)}
            </Link>
            {v.door ? ` (vastgelegd door ${v.door})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function OndertekenForm({ p, plan, sluit }: { p: Perspectief; plan: Plan; sluit: () => void }) {
  const [d, setD] = useState(vandaag());
  const m = usePerspectiefMutatie<string>(
    p.clientId,
    'POST',
    () => `/v1/perspectiefplannen/${plan.id}/ondertekeningen`,
    (x) => ({ datum: x }),
  );
  const fe = FormErrors.from(m.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(d, { onSuccess: sluit });
      }}
      noValidate
    >
      {fe.general.length > 0 && <ErrorAlert error={m.error} title="De ondertekening is niet vastgelegd" />}
      <TextField
        id="plan-ondertekend"
        type="date"
        label="Besproken en ondertekend op"
        value={d}
        error={fe.get('datum')}
        onChange={(e) => setD(e.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Vastleggen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
