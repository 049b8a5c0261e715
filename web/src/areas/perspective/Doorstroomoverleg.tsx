// Worklist of the weekly doorstroomoverleg (case review), sorted by urgency, plus the plans that are late.
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { datum } from '../../ui/format';
import { ErrorAlert, Heading, Loading, Paragraph, StatusBadge, Table, TBody, Td, Th, THead, Tr } from '../../ui/ui';
import { useTitel } from '../../app/Layout';
import { SignaalBadge, VolgendeStapWijzigen, volgendeStapDoor } from './PerspectiefSectie';
import type { Controle, Optie, Termijn } from './perspectiefApi';

interface Rij extends Controle {
  clientId: string; naam: string; trajectId: string; locatie: string; eenheid: string; plaatsingsdatum: string; urgentie: string;
  blokkades: {
    id: string; soort: string; soortLabel: string; omschrijving: string | null; sinds: string; dagen: number;
    volgendeActor: { organisatie: string; organisatieLabel: string; naam: string | null } | null; volgendeStap: string | null;
    vastgelegdOp: string; bijgewerktOp: string | null; mogelijkheden: { wijzigen: boolean };
  }[];
  volgendeActor: { organisatieLabel: string; naam: string | null; wat: string | null; uiterlijk: string | null; sinds: string | null } | null;
  plan: { id: string | null } & Termijn; openStappen: string[]; wachtlijsten: { lijstNaam: string; sinds: string }[];
}
interface Lijst { peildatum: string; sortering: string; totalen: Record<string, number>; keuzelijsten: { eigenaren: Optie[] }; resultaten: Rij[] }
interface TeLaat { regel: string; resultaten: { clientId: string; naam: string; locatie: string; plaatsingsdatum: string; uiterlijkeDatum: string; dagenTeLaat: number }[] }

export function DoorstroomoverlegPage() {
  useTitel('Doorstroomoverleg');
  const q = useQuery({ queryKey: ['doorstroomoverleg'], queryFn: () => api<Lijst>('/v1/werklijsten/doorstroomoverleg') });
  const late = useQuery({ queryKey: ['te-late-plannen'], queryFn: () => api<TeLaat>('/v1/werklijsten/te-late-plannen') });
  return (
    <>
      <Heading level={1}>Doorstroomoverleg</Heading>
      <Paragraph>Iedereen die nu in de opvang verblijft, afgezet tegen de norm van drie maanden (91 dagen), met de blokkades en wie aan zet is.</Paragraph>
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : (
        <>
          <Paragraph>
            <strong>{q.data.totalen.inOpvang}</strong> in de opvang · <strong>{q.data.totalen.bovenDoel}</strong> boven 91 dagen · signaal 12 weken: {q.data.totalen.signaal12} · 10 weken: {q.data.totalen.signaal10} · 6 weken: {q.data.totalen.signaal6} · met blokkade: {q.data.totalen.metBlokkade}
          </Paragraph>
          <Paragraph small>{q.data.sortering}</Paragraph>
          <Table caption={`Werklijst doorstroomoverleg, peildatum ${datum(q.data.peildatum)}`}>
            <THead><Tr><Th numeric>#</Th><Th>Cliënt</Th><Th numeric ariaSort="descending">Dagen</Th><Th>Signaal</Th><Th>Blokkade (sinds)</Th><Th>Aan zet</Th><Th>Plan</Th><Th>Open stappen</Th></Tr></THead>
            <TBody>
              {q.data.resultaten.map((r, i) => (
                <Tr key={r.trajectId}>
                  <Td numeric>{i + 1}</Td>
                  <Td><Link to="/clienten/$clientId" params={{ clientId: r.clientId }} className="utrecht-link">{r.naam}</Link><br /><small>{r.locatie}</small></Td>
                  <Td numeric>{r.dagenInOpvang}</Td>
                  <Td><SignaalBadge c={r} /></Td>
                  <Td>{r.blokkades.length === 0 ? '—' : r.blokkades.map((b) => (
                    <div key={b.id} className="onderdak-blokkade">
                      {b.soortLabel}{b.omschrijving ? `: ${b.omschrijving}` : ''} <small>(sinds {datum(b.sinds)}, {b.dagen} dagen)</small>
                      <br /><small>{volgendeStapDoor(b.volgendeActor, b.volgendeStap, b.bijgewerktOp ?? b.vastgelegdOp)}</small>
                      {b.mogelijkheden.wijzigen && <div><VolgendeStapWijzigen clientId={r.clientId} blokkade={b} eigenaren={q.data.keuzelijsten.eigenaren} context={r.naam} /></div>}
                    </div>
                  ))}</Td>
                  <Td>{r.volgendeActor ? <>{r.volgendeActor.organisatieLabel}{r.volgendeActor.naam ? ` — ${r.volgendeActor.naam}` : ''}{r.volgendeActor.wat ? <><br /><small>{r.volgendeActor.wat}{r.volgendeActor.uiterlijk ? `, uiterlijk ${datum(r.volgendeActor.uiterlijk)}` : ''}</small></> : null}{r.volgendeActor.sinds ? <><br /><small>sinds {datum(r.volgendeActor.sinds)}</small></> : null}</> : 'Niet vastgelegd'}</Td>
                  <Td>{r.plan.id ? (r.plan.status === 'te-laat-opgesteld' ? <StatusBadge status="warning">Te laat opgesteld</StatusBadge> : <StatusBadge status="success">Plan</StatusBadge>) : r.plan.status === 'te-laat' ? <StatusBadge status="danger">Geen plan ({r.plan.dagenTeLaat} d te laat)</StatusBadge> : <StatusBadge>Nog binnen termijn</StatusBadge>}</Td>
                  <Td numeric>{r.openStappen.length}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
      <section aria-labelledby="te-laat-titel">
        <Heading level={2} id="te-laat-titel">Te late perspectiefplannen</Heading>
        {late.isPending ? <Loading /> : late.error ? <ErrorAlert error={late.error} /> : (
          <>
            <Paragraph small>{late.data.regel}</Paragraph>
            {late.data.resultaten.length === 0 ? <Paragraph>Geen te late plannen.</Paragraph> : (
              <Table caption="Geplaatste cliënten zonder perspectiefplan na 5 dagen" captionHidden>
                <THead><Tr><Th>Cliënt</Th><Th>Locatie</Th><Th>Geplaatst</Th><Th>Uiterlijk</Th><Th numeric>Dagen te laat</Th></Tr></THead>
                <TBody>
                  {late.data.resultaten.map((r) => (
                    <Tr key={r.clientId}><Td><Link to="/clienten/$clientId" params={{ clientId: r.clientId }} className="utrecht-link">{r.naam}</Link></Td><Td>{r.locatie}</Td><Td>{datum(r.plaatsingsdatum)}</Td><Td>{datum(r.uiterlijkeDatum)}</Td><Td numeric>{r.dagenTeLaat}</Td></Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </>
        )}
      </section>
    </>
  );
}
