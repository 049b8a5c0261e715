// Worklist of the weekly doorstroomoverleg (case review), sorted by urgency, plus the plans that are late.

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Bladeren,
  bladzijde,
  ErrorAlert,
  Heading,
  Inklapblok,
  Loading,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { SignaalBadge } from './PerspectiefBadges';
import type { Optie } from './perspectiefApi';
import { VolgendeStapWijzigen, volgendeStapDoor } from './VolgendeStapWijzigen';

type Rij = Schema<'DoorstroomoverlegRegel'>;

/** Issue 16: rows per page of the worklist (a row with blockades is several lines high). */
const RIJEN_PER_PAGINA = 6;

export function DoorstroomoverlegPage() {
  useTitel('Doorstroomoverleg');
  const q = useQuery({ queryKey: ['doorstroomoverleg'], queryFn: () => apiGet('/werklijsten/doorstroomoverleg') });
  const [gevraagd, setPagina] = useState(1);
  const { rijen, pagina } = bladzijde(q.data?.resultaten ?? [], gevraagd, RIJEN_PER_PAGINA);
  const blader = (
    <Bladeren
      pagina={pagina}
      grootte={RIJEN_PER_PAGINA}
      totaal={q.data?.resultaten.length ?? 0}
      onPagina={setPagina}
      label="Pagina's van de werklijst"
      wat="cliënten"
    />
  );
  return (
    <>
      <Heading level={1}>Doorstroomoverleg</Heading>
      <Paragraph>
        Iedereen die nu in de opvang verblijft, afgezet tegen de norm van drie maanden (een instelling van de
        centrumgemeente), met de blokkades en wie aan zet is.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            <strong>{q.data.totalen.inOpvang}</strong> in de opvang · <strong>{q.data.totalen.bovenDoel}</strong> boven
            {q.data.doelDagen} dagen · signaal 12 weken: {q.data.totalen.signaal12} · 10 weken:{' '}
            {q.data.totalen.signaal10} · 6 weken: {q.data.totalen.signaal6} · met blokkade: {q.data.totalen.metBlokkade}
          </Paragraph>
          <Paragraph small>{q.data.sortering}</Paragraph>
          {blader}
          <Table caption={`Werklijst doorstroomoverleg, peildatum ${datum(q.data.peildatum)}`}>
            <THead>
              <Tr>
                <Th numeric>#</Th>
                <Th>Cliënt</Th>
                <Th numeric ariaSort="descending">
                  Dagen
                </Th>
                <Th>Signaal</Th>
                <Th>Blokkade (sinds)</Th>
                <Th>Aan zet</Th>
                <Th>Plan</Th>
                <Th>Open stappen</Th>
              </Tr>
            </THead>
            <TBody>
              {rijen.map((r, i) => (
                <WerklijstRij
                  key={r.trajectId}
                  r={r}
                  nr={(pagina - 1) * RIJEN_PER_PAGINA + i + 1}
                  eigenaren={q.data.keuzelijsten.eigenaren}
                />
              ))}
            </TBody>
          </Table>
          {blader}
        </>
      )}
      <TeLatePlannen />
    </>
  );
}

function WerklijstRij({ r, nr, eigenaren }: { r: Rij; nr: number; eigenaren: Optie[] }) {
  return (
    <Tr>
      <Td numeric>{nr}</Td>
      <Td>
        <Link
          to="/clienten/$clientId"
          params={{ clientId: r.clientId }}
          search={{ tab: 'perspectief' }}
          className="utrecht-link"
        >
          {r.naam}
        </Link>
        <br />
        <small>{r.locatie}</small>
      </Td>
      <Td numeric>{r.dagenInOpvang}</Td>
      <Td>
        <SignaalBadge c={r} />
      </Td>
      <Td>
        {r.blokkades.length === 0
          ? '—'
          : r.blokkades.map((b) => (
              <div key={b.id} className="onderdak-blokkade">
                {b.soortLabel}
                {b.omschrijving ? `: ${b.omschrijving}` : ''}{' '}
                <small>
                  (sinds {datum(b.sinds)}, {b.dagen} dagen)
                </small>
                <br />
                <small>{volgendeStapDoor(b.volgendeActor, b.volgendeStap, b.bijgewerktOp ?? b.vastgelegdOp)}</small>
                {b.mogelijkheden.wijzigen && (
                  <div>
                    <VolgendeStapWijzigen clientId={r.clientId} blokkade={b} eigenaren={eigenaren} context={r.naam} />
                  </div>
                )}
              </div>
            ))}
      </Td>
      <Td>
        <AanZet a={r.volgendeActor} />
      </Td>
      <Td>
        <PlanStatus plan={r.plan} />
      </Td>
      <Td numeric>{r.openStappen.length}</Td>
    </Tr>
  );
}

function AanZet({ a }: { a: Rij['volgendeActor'] }) {
  if (!a) return <>Niet vastgelegd</>;
  return (
    <>
      {a.organisatieLabel}
      {a.naam ? ` — ${a.naam}` : ''}
      {a.wat ? (
        <>
          <br />
          <small>
            {a.wat}
            {a.uiterlijk ? `, uiterlijk ${datum(a.uiterlijk)}` : ''}
          </small>
        </>
      ) : null}
      {a.sinds ? (
        <>
          <br />
          <small>sinds {datum(a.sinds)}</small>
        </>
      ) : null}
    </>
  );
}

function PlanStatus({ plan }: { plan: Rij['plan'] }) {
  if (plan.id)
    return plan.status === 'te-laat-opgesteld' ? (
      <StatusBadge status="warning">Te laat opgesteld</StatusBadge>
    ) : (
      <StatusBadge status="success">Plan</StatusBadge>
    );
  return plan.status === 'te-laat' ? (
    <StatusBadge status="danger">Geen plan ({plan.dagenTeLaat} d te laat)</StatusBadge>
  ) : (
    <StatusBadge>Nog binnen termijn</StatusBadge>
  );
}

function TeLatePlannen() {
  const late = useQuery({ queryKey: ['te-late-plannen'], queryFn: () => apiGet('/werklijsten/te-late-plannen') });
  // issue 16: below the worklist, closed with its count in the summary
  return (
    <section aria-label="Te late perspectiefplannen">
      {late.isPending ? (
        <Loading />
      ) : late.error ? (
        <ErrorAlert error={late.error} />
      ) : (
        <Inklapblok titel="Te late perspectiefplannen" aantal={late.data.resultaten.length}>
          <Paragraph small>{late.data.regel}</Paragraph>
          {late.data.resultaten.length === 0 ? (
            <Paragraph>Geen te late plannen.</Paragraph>
          ) : (
            <Table caption="Geplaatste cliënten zonder perspectiefplan na 5 dagen" captionHidden>
              <THead>
                <Tr>
                  <Th>Cliënt</Th>
                  <Th>Locatie</Th>
                  <Th>Geplaatst</Th>
                  <Th>Uiterlijk</Th>
                  <Th numeric>Dagen te laat</Th>
                </Tr>
              </THead>
              <TBody>
                {late.data.resultaten.map((r) => (
                  <Tr key={r.clientId}>
                    <Td>
                      <Link
                        to="/clienten/$clientId"
                        params={{ clientId: r.clientId }}
                        search={{ tab: 'perspectief' }}
                        className="utrecht-link"
                      >
                        {r.naam}
                      </Link>
                    </Td>
                    <Td>{r.locatie}</Td>
                    <Td>{datum(r.plaatsingsdatum)}</Td>
                    <Td>{datum(r.uiterlijkeDatum)}</Td>
                    <Td numeric>{r.dagenTeLaat}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Inklapblok>
      )}
    </section>
  );
}
