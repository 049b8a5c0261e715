// Issue 19: money for the administration (toegang: monthly overview of the eigen bijdrage, CSV, arrears as preventive
// signals) and for beleid (spend against the regional budget; totals only).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { useGebruiker } from '../../api/queries';
import { vandaag } from '../../ui/format';
import {
  Alert,
  Bladeren,
  Button,
  bladzijde,
  DataList,
  ErrorAlert,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { euro } from './EigenBijdrageSectie';

export function GeldPage() {
  useTitel('Eigen bijdrage en budget');
  const g = useGebruiker();
  return (
    <>
      <Heading level={1}>Eigen bijdrage en budget</Heading>
      {g.mogelijkheden.eigenBijdrageOverzicht && <Maandoverzicht />}
      <Budget />
    </>
  );
}

const vorigeMaand = () => {
  const d = new Date(`${vandaag().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/** Issue 16: clients per page of the month overview (the CSV has all of them). */
const CLIENTEN_PER_PAGINA = 15;

function Maandoverzicht() {
  const [maand, setMaand] = useState(vorigeMaand());
  const geldig = /^\d{4}-(0[1-9]|1[0-2])$/.test(maand);
  const q = useQuery({
    queryKey: ['eigen-bijdrage-maand', maand],
    queryFn: () => apiGet('/eigen-bijdrage-maandoverzichten/{maand}', { params: { maand } }),
    enabled: geldig,
  });
  const signaleren = useMutation({
    mutationFn: () => apiPad('post', '/eigen-bijdrage-achterstandssignaleringen', { body: {} }),
  });
  const [gevraagd, setPagina] = useState(1);
  const { rijen, pagina } = bladzijde(q.data?.rijen ?? [], gevraagd, CLIENTEN_PER_PAGINA);
  return (
    <section aria-labelledby="mo-kop">
      <Heading level={2} id="mo-kop">
        Maandoverzicht voor de administratie
      </Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Kies de maand">
        <TextField
          id="mo-maand"
          label="Maand"
          type="month"
          description="Als JJJJ-MM, bijvoorbeeld 2026-10"
          value={maand}
          onChange={(e) => {
            setMaand(e.target.value);
            setPagina(1);
          }}
          error={geldig ? undefined : 'Gebruik een maand als JJJJ-MM.'}
        />
      </form>
      {geldig && (
        <p className="utrecht-paragraph">
          <a
            className="utrecht-link"
            href={`/v1/eigen-bijdrage-maandoverzichten/${maand}?formaat=csv`}
            download={`eigen-bijdrage-${maand}.csv`}
          >
            Maandoverzicht {maand} downloaden (CSV voor Excel)
          </a>
        </p>
      )}
      {!geldig ? null : q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.rijen.length === 0 ? (
        <Paragraph>Geen nachten of betalingen in deze maand.</Paragraph>
      ) : (
        <>
          <Table
            caption={`Eigen bijdrage ${maand}: ${q.data.totaal.nachten} nachten, ${euro(q.data.totaal.verschuldigd)} verschuldigd`}
          >
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th numeric>Nachten</Th>
                <Th numeric>Vrijgesteld</Th>
                <Th numeric>Verschuldigd</Th>
                <Th numeric>Betaald</Th>
                <Th numeric>Saldo</Th>
              </Tr>
            </THead>
            <TBody>
              {rijen.map((r) => (
                <Tr key={r.clientId}>
                  <Td>
                    <a className="utrecht-link" href={`/clienten/${r.clientId}`}>
                      {r.naam}
                    </a>
                  </Td>
                  <Td numeric>{r.nachten}</Td>
                  <Td numeric>{r.nachtenVrijgesteld}</Td>
                  <Td numeric>{euro(r.verschuldigd)}</Td>
                  <Td numeric>{euro(r.betaald)}</Td>
                  <Td numeric>{euro(r.saldo)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Bladeren
            pagina={pagina}
            grootte={CLIENTEN_PER_PAGINA}
            totaal={q.data.rijen.length}
            onPagina={setPagina}
            label="Pagina's van het maandoverzicht"
            wat="cliënten"
          />
        </>
      )}
      <Heading level={3}>Achterstanden</Heading>
      <Paragraph>
        Wie de eigen bijdrage voor nachten van meer dan 60 dagen geleden nog niet betaald heeft, krijgt een vroegsignaal
        (één per maand). Het signaal komt op de werklijst Preventie.
      </Paragraph>
      <Button
        variant="secondary"
        busy={signaleren.isPending}
        disabled={signaleren.isPending}
        onClick={() => signaleren.mutate()}
      >
        Achterstanden signaleren
      </Button>
      <ErrorAlert error={signaleren.error} />
      {signaleren.data && (
        <Alert type="ok" role="status">
          {signaleren.data.aantalSignalen} nieuwe signalen; {signaleren.data.aantalAlGemeld} waren deze maand al gemeld.
        </Alert>
      )}
    </section>
  );
}

function Budget() {
  const [jaar, setJaar] = useState(Number(vandaag().slice(0, 4)));
  const q = useQuery({
    queryKey: ['budget', jaar],
    queryFn: () => apiGet('/budgetten/{jaar}', { params: { jaar } }),
    enabled: jaar >= 2000 && jaar <= 2100,
  });
  return (
    <section aria-labelledby="budget-kop">
      <Heading level={2} id="budget-kop">
        Kosten tegen het regionale budget
      </Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Kies het jaar">
        <TextField
          id="budget-jaar"
          label="Jaar"
          type="number"
          min={2000}
          max={2100}
          value={String(jaar)}
          onChange={(e) => setJaar(Number(e.target.value))}
        />
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <DataList
            items={[
              [
                'Budget',
                `${euro(q.data.totaalBudget)}${q.data.budgetten.length ? ` (${q.data.budgetten.map((b) => b.omschrijving).join(', ')})` : ''}`,
              ],
              ['Uitgegeven tot en met ' + q.data.peildatum, euro(q.data.totaalUitgaven)],
              ['Resterend', <strong key="r">{euro(q.data.resterend)}</strong>],
            ]}
          />
          <Table caption="Kosten per voorzieningstype (bednachten × kostprijs per nacht)">
            <THead>
              <Tr>
                <Th>Voorzieningstype</Th>
                <Th numeric>Bednachten</Th>
                <Th numeric>Kosten</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.uitgaven.map((u) => (
                <Tr key={u.voorzieningstype}>
                  <Td>
                    {u.omschrijving}
                    {!u.kostprijsBekend && ' (geen kostprijs ingesteld)'}
                  </Td>
                  <Td numeric>{u.bednachten.toLocaleString('nl-NL')}</Td>
                  <Td numeric>{euro(u.bedrag)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </section>
  );
}
