// Printable perspectiefplan to discuss with and sign by the client (route /perspectiefplannen/$planId/afdrukken).

import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import type { Plan, PlanVersie } from './perspectiefApi';

const PRINT_CSS = `@media print {
  .onderdak-header, .onderdak-nav, .onderdak-footer, .onderdak-skip-link, .onderdak-niet-afdrukken { display: none !important; }
  .onderdak-main { padding: 0 !important; max-width: none !important; }
  .onderdak-afdruk table { page-break-inside: auto; } .onderdak-afdruk tr { page-break-inside: avoid; }
}
.onderdak-handtekeningen { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 2rem; }
.onderdak-handtekening__lijn { border-bottom: 1px solid #1a1a1a; height: 3.5rem; }`;

type Afdruk = PlanVersie['inhoud'] & { opmerkingen?: Plan['opmerkingen']; ondertekendOp: string | null };

export function PerspectiefPlanAfdrukkenPage() {
  const { planId } = useParams({ from: '/app/perspectiefplannen/$planId/afdrukken' });
  const { versie } = useSearch({ from: '/app/perspectiefplannen/$planId/afdrukken' });
  const huidig = useQuery({
    queryKey: ['perspectiefplan', planId],
    queryFn: async (): Promise<Plan> => (await apiGet('/perspectiefplannen/{id}', { params: { id: planId } }))!,
    enabled: versie === undefined,
  });
  const oud = useQuery({
    queryKey: ['perspectiefplan', planId, 'versie', versie],
    queryFn: () => apiGet('/perspectiefplannen/{id}/versies/{versie}', { params: { id: planId, versie: versie! } }),
    enabled: versie !== undefined,
  });
  const q = versie === undefined ? huidig : oud;
  const client = versie === undefined ? huidig.data?.client : oud.data?.inhoud.client;
  useTitel(
    client
      ? `Perspectiefplan ${client.voornaam} ${client.achternaam}${versie ? `, versie ${versie}` : ''}`
      : 'Perspectiefplan',
  );
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Perspectiefplan</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const clientId = versie === undefined ? huidig.data!.clientId : oud.data!.clientId;
  const p: Afdruk =
    versie === undefined ? huidig.data! : { ...oud.data!.inhoud, ondertekendOp: oud.data!.ondertekendOp };
  return (
    <div className="onderdak-afdruk">
      <style>{PRINT_CSS}</style>
      <div className="onderdak-niet-afdrukken onderdak-acties">
        <Link to="/clienten/$clientId" params={{ clientId }} search={{ tab: 'perspectief' }} className="utrecht-link">
          ← Terug naar het dossier
        </Link>
        <Button variant="primary" onClick={() => window.print()}>
          Afdrukken
        </Button>
      </div>
      <Heading level={1}>
        Perspectiefplan van {p.client.voornaam} {p.client.achternaam}
      </Heading>
      {versie !== undefined && (
        <Alert type="info" title={`Ondertekende versie ${versie}`}>
          <Paragraph>
            Dit is het plan zoals het op {datum(p.ondertekendOp!)} is besproken en ondertekend. Latere wijzigingen staan
            in het actuele plan.
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        Geboortedatum: {datum(p.client.geboortedatum)} · Traject gestart: {datum(p.trajectStart)} · Plaatsing:{' '}
        {datum(p.plaatsingsdatum)} · Plan opgesteld: {datum(p.opgesteldOp)}
      </Paragraph>
      {versie === undefined && huidig.data!.wijzigingenSindsOndertekening.length > 0 && (
        <section aria-labelledby="afdruk-wijzigingen">
          <Heading level={2} id="afdruk-wijzigingen">
            Wat is er veranderd sinds de vorige ondertekening ({datum(huidig.data!.ondertekendOp!)})
          </Heading>
          <ul className="utrecht-unordered-list">
            {huidig.data!.wijzigingenSindsOndertekening.map((w, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {w}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Heading level={2}>Wat ik wil (in mijn eigen woorden)</Heading>
      <Paragraph>{p.eigenWoorden || '…'}</Paragraph>
      <Heading level={2}>Mijn wensen</Heading>
      <Paragraph>{p.wensen || '…'}</Paragraph>
      <Heading level={2}>Doelen en afspraken</Heading>
      <DoelenAfdruk doelen={p.doelen} />
      {p.opmerkingen && p.opmerkingen.length > 0 && (
        <>
          <Heading level={2}>Opmerkingen</Heading>
          <ul className="utrecht-unordered-list">
            {p.opmerkingen.map((o) => (
              <li key={o.id} className="utrecht-unordered-list__item">
                {o.auteur}: {o.tekst}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={2}>Besproken en ondertekend</Heading>
      <Paragraph>
        {p.ondertekendOp
          ? `Besproken en ondertekend op ${datum(p.ondertekendOp)}.`
          : `Besproken op: ____________________ (afgedrukt op ${datum(vandaag())})`}
      </Paragraph>
      <Handtekeningen client={p.client} />
    </div>
  );
}

function DoelenAfdruk({ doelen }: { doelen: Afdruk['doelen'] }) {
  if (doelen.length === 0) return <Paragraph>Nog geen doelen.</Paragraph>;
  return (
    <>
      {doelen.map((d) => (
        <section key={d.id} aria-labelledby={`afdruk-doel-${d.id}`}>
          <Heading level={3} id={`afdruk-doel-${d.id}`}>
            {d.levensgebiedLabel}: {d.omschrijving} ({d.statusLabel.toLowerCase()})
          </Heading>
          {d.acties.length === 0 ? (
            <Paragraph>Nog geen acties.</Paragraph>
          ) : (
            <Table caption={`Afspraken bij ${d.omschrijving}`} captionHidden>
              <THead>
                <Tr>
                  <Th>Wat</Th>
                  <Th>Wie</Th>
                  <Th>Uiterlijk</Th>
                  <Th>Status</Th>
                </Tr>
              </THead>
              <TBody>
                {d.acties.map((a) => (
                  <Tr key={a.id}>
                    <Td>{a.omschrijving}</Td>
                    <Td>
                      {a.eigenaarOrganisatieLabel}
                      {a.eigenaarNaam ? ` — ${a.eigenaarNaam}` : ''}
                    </Td>
                    <Td>{datum(a.uiterlijk)}</Td>
                    <Td>{a.statusLabel}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      ))}
    </>
  );
}

function Handtekeningen({ client }: { client: Afdruk['client'] }) {
  return (
    <div className="onderdak-handtekeningen">
      <div>
        <div className="onderdak-handtekening__lijn" aria-hidden="true" />
        <Paragraph>
          Handtekening cliënt ({client.voornaam} {client.achternaam})
        </Paragraph>
      </div>
      <div>
        <div className="onderdak-handtekening__lijn" aria-hidden="true" />
        <Paragraph>Handtekening trajecthouder</Paragraph>
      </div>
    </div>
  );
}
