import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, qs, type AanmeldingMetClient, type Pagina } from '../api';
import { useGebruiker } from '../queries';
import { datum } from '../format';
import { Heading, Loading, Paragraph, Table, TBody, Td, Th, THead, Tr } from '../components/ui';
import { PaginaFout, magBezetting, useTitel } from './Layout';
import { AanmeldingStatusBadge } from './Aanmeldingen';

function Werkvoorraad() {
  const aangemeld = useQuery({
    queryKey: ['aanmeldingen', { status: 'aangemeld', pagina: 1 }],
    queryFn: () => api<Pagina<AanmeldingMetClient>>(`/v1/aanmeldingen${qs({ status: 'aangemeld', pagina: 1 })}`),
  });
  const gescreend = useQuery({
    queryKey: ['aanmeldingen', { status: 'gescreend', pagina: 1 }],
    queryFn: () => api<Pagina<AanmeldingMetClient>>(`/v1/aanmeldingen${qs({ status: 'gescreend', pagina: 1 })}`),
  });
  if (aangemeld.isPending || gescreend.isPending) return <Loading />;
  if (aangemeld.error || gescreend.error) return <PaginaFout error={aangemeld.error ?? gescreend.error} />;
  const rijen = [...aangemeld.data.resultaten, ...gescreend.data.resultaten].sort((a, b) => a.datum.localeCompare(b.datum));
  return (
    <section aria-labelledby="werkvoorraad-titel">
      <Heading level={2} id="werkvoorraad-titel">Open aanmeldingen</Heading>
      <ul className="onderdak-tellers">
        <li className="onderdak-teller">
          <Link to="/aanmeldingen" search={{ status: 'aangemeld' }} className="utrecht-link">
            <span className="onderdak-teller__getal">{aangemeld.data.totaal}</span> wachten op screening
          </Link>
        </li>
        <li className="onderdak-teller">
          <Link to="/aanmeldingen" search={{ status: 'gescreend' }} className="utrecht-link">
            <span className="onderdak-teller__getal">{gescreend.data.totaal}</span> wachten op een besluit
          </Link>
        </li>
      </ul>
      {rijen.length === 0 ? (
        <Paragraph>Er zijn geen open aanmeldingen.</Paragraph>
      ) : (
        <Table captionHidden caption="Werkvoorraad: open aanmeldingen, oudste eerst">
          <THead>
            <Tr><Th>Cliënt</Th><Th>Datum aanmelding</Th><Th>Bron</Th><Th>Status</Th></Tr>
          </THead>
          <TBody>
            {rijen.map((a) => (
              <Tr key={a.id}>
                <Td>
                  <Link to="/clienten/$clientId" params={{ clientId: a.client.id }} className="utrecht-link">
                    {a.client.voornaam} {a.client.achternaam}
                  </Link>
                </Td>
                <Td>{datum(a.datum)}</Td>
                <Td>{a.bronLabel}</Td>
                <Td><AanmeldingStatusBadge status={a.status} /></Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

export function StartPage() {
  useTitel('Start');
  const g = useGebruiker();
  const m = g.mogelijkheden;
  return (
    <>
      <Heading level={1}>Welkom, {g.naam}</Heading>
      <Paragraph lead>{g.tenant.naam} · {g.rolLabel}</Paragraph>
      {m.aanmeldingen && <Werkvoorraad />}
      <section aria-labelledby="snel-titel">
        <Heading level={2} id="snel-titel">Snel naar</Heading>
        <ul className="utrecht-unordered-list">
          {m.clienten && (
            <li className="utrecht-unordered-list__item"><Link to="/clienten" className="utrecht-link">Cliënten zoeken</Link></li>
          )}
          {m.clienten && m.aanmeldingen && (
            <li className="utrecht-unordered-list__item"><Link to="/clienten/nieuw" className="utrecht-link">Nieuwe cliënt registreren</Link></li>
          )}
          {g.locatieId && (
            <li className="utrecht-unordered-list__item">
              <Link to="/locaties/$locatieId" params={{ locatieId: g.locatieId }} className="utrecht-link">Bezetting van mijn locatie</Link>
            </li>
          )}
          {!g.locatieId && magBezetting(g) && (
            <li className="utrecht-unordered-list__item"><Link to="/locaties" className="utrecht-link">Bezetting van de locaties</Link></li>
          )}
          {m.rapportages && (
            <li className="utrecht-unordered-list__item"><Link to="/rapportage" className="utrecht-link">Rapportage: kerncijfers van de regio</Link></li>
          )}
          {(m.gebruikersBeheren || m.locatiesBeheren) && (
            <li className="utrecht-unordered-list__item"><Link to="/beheer" className="utrecht-link">Beheer van gebruikers en locaties</Link></li>
          )}
          {g.clientId && (
            <li className="utrecht-unordered-list__item">
              <Link to="/clienten/$clientId" params={{ clientId: g.clientId }} className="utrecht-link">Mijn dossier</Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
