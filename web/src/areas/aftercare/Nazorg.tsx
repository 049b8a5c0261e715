// Issue 6 — Nazorg / waakvlam: worklist of due and missed contacts with alarm signals; every exit to housing makes a
// plan automatically ("verantwoordelijke toewijzen"), other exits get one with a click; preventief budgetbeheer.
// The plan detail is NazorgPlan.tsx; the pieces both use are in ./nazorg/.

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import { Uitklap } from '../../ui/Uitklap';
import {
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { usePagina } from '../../ui/usePagina';
import { Alarmen } from './nazorg/Alarmen';
import { BudgetBeeindigen, BudgetPeriode } from './nazorg/Budget';
import { FASE_LABEL, type PlanRegel } from './nazorg/nazorgApi';
import { PlanMaken } from './nazorg/PlanMaken';

export function NazorgPage() {
  useTitel('Nazorg (waakvlam)');
  return (
    <>
      <Heading level={1}>Nazorg (waakvlam)</Heading>
      <Paragraph lead>
        Na elke uitstroom naar wonen houdt een vaste partij contact: na 1, 3, 6 en 12 maanden. Het nazorgplan ontstaat
        automatisch bij het registreren van de uitstroom; wijs daarna de verantwoordelijke toe. Alarmsignalen: gemiste
        contacten, een nieuw signaal van betalingsachterstand voor deze persoon of dit adres, een zorgsignaal of een
        nieuwe aanmelding.
      </Paragraph>
      <ZonderNazorgplan />
      <Werklijst />
      <Budgetbeheer />
    </>
  );
}

function ZonderNazorgplan() {
  const kandidaten = useQuery({ queryKey: ['nazorgkandidaten'], queryFn: () => apiGet('/nazorgkandidaten') });
  // issue 16: the three lists of this page in pages of 10, so the page stays within a few screens
  const pagina = usePagina(kandidaten.data?.resultaten ?? [], 5, "Pagina's uitstroom zonder nazorgplan");
  return (
    <section aria-labelledby="kand-kop">
      <Heading level={2} id="kand-kop">
        Uitstroom naar wonen zonder nazorgplan
      </Heading>
      {kandidaten.isPending ? (
        <Loading />
      ) : kandidaten.error ? (
        <PaginaFout error={kandidaten.error} />
      ) : kandidaten.data.resultaten.length === 0 ? (
        <Paragraph>Iedereen die het afgelopen jaar uitstroomde naar wonen heeft een nazorgplan.</Paragraph>
      ) : (
        <>
          <Table caption={`Uitstroom zonder nazorgplan${pagina.bereik}`} captionHidden={pagina.bereik === ''}>
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th>Uitstroom</Th>
                <Th>Bestemming</Th>
                <Th>Nazorgplan maken</Th>
              </Tr>
            </THead>
            <TBody>
              {pagina.zichtbaar.map((k) => (
                <Tr key={k.trajectId}>
                  <Td>
                    <Link to="/clienten/$clientId" params={{ clientId: k.clientId }} className="utrecht-link">
                      {k.naam}
                    </Link>
                  </Td>
                  <Td>{datum(k.uitstroomDatum)}</Td>
                  <Td>{k.bestemmingLabel}</Td>
                  <Td>
                    {/* issue 16: the form opens on demand (Escape closes it), so the list stays short */}
                    <Uitklap
                      knop={`Nazorgplan maken voor ${k.naam}`}
                      titel={`Nazorgplan voor ${k.naam}`}
                      concept={false}
                    >
                      {() => <PlanMaken kandidaat={k} />}
                    </Uitklap>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pagina.navigatie}
        </>
      )}
    </section>
  );
}

function Werklijst() {
  const [status, setStatus] = useState<'actief' | 'afgesloten' | 'alle'>('actief');
  const plannen = useQuery({
    queryKey: ['nazorgplannen', status],
    queryFn: () => apiGet('/nazorgplannen', { query: { status } }),
  });
  const pagina = usePagina(plannen.data?.resultaten ?? [], 10, "Pagina's met nazorgplannen");
  return (
    <section aria-labelledby="plannen-kop">
      <Heading level={2} id="plannen-kop">
        Werklijst nazorg
      </Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter nazorgplannen">
        <SelectField
          id="nz-status"
          label="Plannen"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as typeof status);
            pagina.opnieuw();
          }}
        >
          <option value="actief">Actieve plannen</option>
          <option value="afgesloten">Afgesloten plannen</option>
          <option value="alle">Alle plannen</option>
        </SelectField>
      </form>
      {plannen.isPending ? (
        <Loading />
      ) : plannen.error ? (
        <PaginaFout error={plannen.error} />
      ) : plannen.data.resultaten.length === 0 ? (
        <Paragraph>Geen nazorgplannen.</Paragraph>
      ) : (
        <>
          <Table caption={`Nazorgplannen, eerst die met gemiste contacten of alarmsignalen${pagina.bereik}`}>
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th>Uitstroom</Th>
                <Th>Verantwoordelijke</Th>
                <Th>Volgend contact</Th>
                <Th>Alarmsignalen</Th>
              </Tr>
            </THead>
            <TBody>
              {pagina.zichtbaar.map((p) => (
                <WerklijstRij key={p.id} p={p} />
              ))}
            </TBody>
          </Table>
          {pagina.navigatie}
        </>
      )}
    </section>
  );
}

function WerklijstRij({ p }: { p: PlanRegel }) {
  return (
    <Tr>
      <Td>
        <Link to="/nazorg/$planId" params={{ planId: p.id }} className="utrecht-link">
          {p.naam}
        </Link>
      </Td>
      <Td>
        {datum(p.uitstroomDatum)} <span className="onderdak-muted">({p.bestemmingLabel})</span>
      </Td>
      <Td>
        {p.toeTeWijzen ? (
          <Link to="/nazorg/$planId" params={{ planId: p.id }} className="utrecht-link">
            <StatusBadge status="warning">Verantwoordelijke toewijzen</StatusBadge>
          </Link>
        ) : p.verantwoordelijke.naam ? (
          <>
            {p.verantwoordelijke.naam} <span className="onderdak-muted">({p.verantwoordelijke.soortLabel})</span>
          </>
        ) : (
          p.verantwoordelijke.soortLabel
        )}
      </Td>
      <Td>
        {p.volgendContact ? (
          <>
            {datum(p.volgendContact.gepland)}{' '}
            {p.volgendContact.overTijd && <StatusBadge status="danger">Over tijd</StatusBadge>}
          </>
        ) : p.status === 'afgesloten' ? (
          'Afgesloten'
        ) : (
          'Geen gepland'
        )}
      </Td>
      <Td>
        <AlarmenKort alarmen={p.alarmen} naam={p.naam} />
      </Td>
    </Tr>
  );
}

/** issue 16: in the worklist the number of alarm signals, their texts on demand (the plan page shows them all) */
function AlarmenKort({ alarmen, naam }: { alarmen: PlanRegel['alarmen']; naam: string }) {
  if (alarmen.length === 0) return <Alarmen alarmen={alarmen} />;
  return (
    <details className="onderdak-nazorg-alarmen">
      <summary>
        <StatusBadge status="danger">
          {alarmen.length === 1 ? '1 alarmsignaal' : `${alarmen.length} alarmsignalen`}
        </StatusBadge>
        <span className="onderdak-sr-only"> voor {naam}</span>
      </summary>
      <Alarmen alarmen={alarmen} />
    </details>
  );
}

function Budgetbeheer() {
  const budget = useQuery({ queryKey: ['budgetbeheer'], queryFn: () => apiGet('/budgetbeheertrajecten') });
  const pagina = usePagina(budget.data?.resultaten ?? [], 10, "Pagina's met budgetbeheer");
  return (
    <section aria-labelledby="budget-kop">
      <Heading level={2} id="budget-kop">
        Preventief budgetbeheer
      </Heading>
      {budget.isPending ? (
        <Loading />
      ) : budget.error ? (
        <PaginaFout error={budget.error} />
      ) : budget.data.resultaten.length === 0 ? (
        <Paragraph>Geen budgetbeheer vastgelegd.</Paragraph>
      ) : (
        <>
          {/* issue 16: a secondary list, closed by default; the summary says how many there are */}
          <details className="onderdak-nazorg-budget">
            <summary>
              Toon{' '}
              {budget.data.resultaten.length === 1 ? 'het traject' : `de ${budget.data.resultaten.length} trajecten`}
            </summary>
            <Table caption={`Preventief budgetbeheer${pagina.bereik}`}>
              <THead>
                <Tr>
                  <Th>Cliënt</Th>
                  <Th>Uitvoerder</Th>
                  <Th>Periode</Th>
                  <Th>Afbouw vanaf</Th>
                  <Th>Fase</Th>
                  <Th>Voortijdig beëindigen</Th>
                </Tr>
              </THead>
              <TBody>
                {pagina.zichtbaar.map((b) => (
                  <Tr key={b.id}>
                    <Td>
                      <Link to="/clienten/$clientId" params={{ clientId: b.clientId }} className="utrecht-link">
                        {b.naam}
                      </Link>
                    </Td>
                    <Td>{b.uitvoerder}</Td>
                    <Td>
                      <BudgetPeriode b={b} />
                    </Td>
                    <Td>
                      {datum(b.afbouwVanaf)}
                      {!b.afbouwBereikt && <span className="onderdak-muted"> (niet bereikt)</span>}
                    </Td>
                    <Td>
                      <StatusBadge status={b.fase === 'afgerond' || b.fase === 'geannuleerd' ? 'inactive' : 'active'}>
                        {FASE_LABEL[b.fase] ?? b.fase}
                      </StatusBadge>
                    </Td>
                    <Td>
                      {b.mogelijkheden.voortijdigBeeindigen || b.mogelijkheden.annuleren ? (
                        <BudgetBeeindigen budget={b} />
                      ) : (
                        '—'
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {pagina.navigatie}
          </details>
        </>
      )}
    </section>
  );
}
