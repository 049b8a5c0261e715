// My worklist (mijn taken): what is due for my clients, urgent first; and the counters on the start page.

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { apiPad } from '../../api/client';
import { datum } from '../../ui/format';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  PaginaFout,
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
import { usePagina } from '../../ui/usePagina';
import type { DossierTab } from '../intake/Client';
import { mijnTakenQuery, useCaseworkMutatie } from './caseworkApi';

export function MijnTakenPage() {
  useTitel('Mijn taken');
  const q = useQuery(mijnTakenQuery);
  // issue 16: the worklist in pages of 20 (urgent first, so page 1 has what matters most)
  const pagina = usePagina(q.data?.resultaten ?? [], 20, "Pagina's met taken");
  return (
    <>
      <Heading level={1}>Mijn taken</Heading>
      <Paragraph lead>
        Wat er moet gebeuren voor uw cliënten: perspectiefplannen, de signalen na 6, 10 en 12 weken, nazorgcontacten,
        reacties van cliënten, overgedragen casussen, blokkades waar u aan zet bent en afspraken in de komende week.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <TakenTellers data={q.data} kop={false} />
          {q.data.resultaten.length === 0 ? (
            <Paragraph>U heeft geen openstaande taken.</Paragraph>
          ) : (
            <>
              <Table caption={`Mijn taken op ${datum(q.data.peildatum)}, urgent eerst${pagina.bereik}`}>
                <THead>
                  <Tr>
                    <Th>Wanneer</Th>
                    <Th>Cliënt</Th>
                    <Th>Soort</Th>
                    <Th>Wat</Th>
                  </Tr>
                </THead>
                <TBody>
                  {pagina.zichtbaar.map((t) => (
                    <Tr key={`${t.soort}-${t.clientId}-${t.datum}-${t.omschrijving}`}>
                      <Td>
                        {datum(t.datum)} {t.urgent && <StatusBadge status="danger">Urgent</StatusBadge>}
                      </Td>
                      <Td>
                        <Link
                          to="/clienten/$clientId"
                          params={{ clientId: t.clientId }}
                          search={{ tab: TAAK_TAB[t.soort] }}
                          className="utrecht-link"
                        >
                          {t.naam}
                        </Link>
                      </Td>
                      <Td>{t.soortLabel}</Td>
                      <Td>
                        {t.omschrijving}
                        {t.overdrachtId && <Gezien overdrachtId={t.overdrachtId} clientId={t.clientId} naam={t.naam} />}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {pagina.navigatie}
            </>
          )}
        </>
      )}
    </>
  );
}

/** An incoming handover stays on the list until the receiver marks it as seen; the sender then sees when. */
function Gezien({ overdrachtId, clientId, naam }: { overdrachtId: string; clientId: string; naam: string }) {
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/collega-overdrachten/{id}/bevestigingen', { params: { id: overdrachtId }, body: {} }),
  );
  return (
    <>
      {' '}
      <Button variant="secondary" busy={m.isPending} onClick={() => m.mutate(undefined)}>
        Gezien<span className="onderdak-sr-only"> (overdracht van {naam})</span>
      </Button>
      {m.error && <ErrorAlert error={m.error} />}
    </>
  );
}

type Taken = NonNullable<ReturnType<typeof useMijnTaken>['data']>;
const useMijnTaken = () => useQuery(mijnTakenQuery);

function TakenTellers({ data, kop }: { data: Taken; kop: boolean }) {
  const lijst = (
    <ul className="onderdak-tellers" aria-label="Taken per soort">
      <li className="onderdak-teller">
        <Link to="/mijn-taken" className="utrecht-link">
          <span className="onderdak-teller__getal">{data.totaal}</span> taken, waarvan {data.urgent} urgent
        </Link>
      </li>
      {data.perSoort
        .filter((s) => s.aantal > 0)
        .map((s) => (
          <li key={s.code} className="onderdak-teller">
            <Link to="/mijn-taken" className="utrecht-link">
              <span className="onderdak-teller__getal">{s.aantal}</span> {s.label.toLowerCase()}
            </Link>
          </li>
        ))}
    </ul>
  );
  if (!kop) return lijst;
  return (
    <section aria-labelledby="mijn-taken-titel">
      <Heading level={2} id="mijn-taken-titel">
        Mijn taken
      </Heading>
      {lijst}
    </section>
  );
}

/** Start page: the counts of my worklist, linking to it. */
export function MijnTakenTellers() {
  const q = useMijnTaken();
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  return <TakenTellers data={q.data} kop />;
}

/** Issue 16: a task opens the dossier on the tab where it is done. */
const TAAK_TAB: Record<Taken['resultaten'][number]['soort'], DossierTab | undefined> = {
  plan: 'perspectief',
  signaal: 'perspectief',
  nazorg: undefined,
  opmerking: 'journaal',
  overdracht: undefined,
  blokkade: 'perspectief',
  afspraak: 'afspraken',
  correctieverzoek: 'journaal',
};
