// Issue 6 — Nazorgplan detail: responsible party and address, contacts with an adjustable schedule, contact
// registration, closing the plan, and preventief budgetbeheer (also ended early).

import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import { Alert, DataList, Heading, Loading, PaginaFout, Paragraph, StatusBadge, useTitel } from '../../ui/ui';
import { Alarmen } from './nazorg/Alarmen';
import { useZetPlan } from './nazorg/nazorgApi';
import { PlanBudgetbeheer } from './nazorg/PlanBudgetbeheer';
import { Contacten, ContactRegistreren } from './nazorg/PlanContacten';
import { VerantwoordelijkeWijzigen } from './nazorg/VerantwoordelijkeWijzigen';

export function NazorgPlanPage() {
  const { planId } = useParams({ strict: false }) as { planId: string };
  useTitel('Nazorgplan');
  const plan = useQuery({
    queryKey: ['nazorgplan', planId],
    queryFn: () => apiGet('/nazorgplannen/{id}', { params: { id: planId } }),
  });
  const zet = useZetPlan(planId);
  if (plan.isPending) return <Loading />;
  if (plan.error) return <PaginaFout error={plan.error} />;
  const p = plan.data;
  return (
    <>
      <Paragraph>
        <Link to="/nazorg" className="utrecht-link">
          ← Werklijst nazorg
        </Link>
      </Paragraph>
      <Heading level={1}>Nazorgplan {p.naam}</Heading>
      <DataList
        items={[
          [
            'Cliënt',
            <Link key="client" to="/clienten/$clientId" params={{ clientId: p.clientId }} className="utrecht-link">
              {p.naam}
            </Link>,
          ],
          ['Uitstroom', `${datum(p.uitstroomDatum)} naar ${p.bestemmingLabel ?? '—'}`],
          [
            'Verantwoordelijke',
            p.toeTeWijzen ? (
              <StatusBadge key="toewijzen" status="warning">
                Verantwoordelijke toewijzen
              </StatusBadge>
            ) : p.verantwoordelijke.naam ? (
              `${p.verantwoordelijke.naam} (${p.verantwoordelijke.soortLabel})`
            ) : (
              p.verantwoordelijke.soortLabel
            ),
          ],
          ['Nieuw adres', p.adres ? `${p.adres.postcode} ${p.adres.huisnummer}` : '—'],
          [
            'Status',
            p.status === 'afgesloten'
              ? `Afgesloten op ${datum(p.afgeslotenOp)}${p.redenAfsluiting ? ` — ${p.redenAfsluiting}` : ''}`
              : 'Actief',
          ],
        ]}
      />
      {p.alarmen.length > 0 && (
        <Alert type="warning" title="Alarmsignalen">
          <Alarmen alarmen={p.alarmen} />
        </Alert>
      )}
      {p.mogelijkheden.wijzigen && <VerantwoordelijkeWijzigen plan={p} onSaved={zet} />}
      <Contacten p={p} planId={planId} zet={zet} />
      <ContactRegistreren p={p} planId={planId} zet={zet} />
      <PlanBudgetbeheer p={p} planId={planId} />
    </>
  );
}
