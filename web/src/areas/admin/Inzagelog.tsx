// Access log (NEN 7513) of one client's case: who viewed or changed it, when and why.

import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { clientQuery, useGebruiker } from '../../api/queries';
import { NietGevonden } from '../../app/Layout';
import { tijdstip } from '../../ui/format';
import {
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

/** Issue 16: the staff log; a client gets "niet gevonden" (their own log is in Mijn Onderdak, in plain words). */
export function InzagelogPage() {
  const eigen = useGebruiker().mogelijkheden.eigenDossier;
  return eigen ? <NietGevonden /> : <InzagelogVoorMedewerker />;
}

function InzagelogVoorMedewerker() {
  useTitel('Inzagelog');
  const { clientId } = useParams({ from: '/app/clienten/$clientId/inzagelog' });
  const client = useQuery({ ...clientQuery(clientId), retry: false });
  const log = useQuery({
    queryKey: ['inzagelog', clientId],
    queryFn: () => apiGet('/clienten/{id}/inzagelog', { params: { id: clientId } }),
  });
  const naam = client.data ? `${client.data.voornaam} ${client.data.achternaam}` : null;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/clienten/$clientId" params={{ clientId }} className="utrecht-link">
          ← Terug naar {naam ?? 'het dossier'}
        </Link>
      </p>
      <Heading level={1}>Inzagelog{naam ? ` van ${naam}` : ''}</Heading>
      <Paragraph>Wie heeft dit dossier bekeken of gewijzigd, wanneer en waarom (NEN 7513).</Paragraph>
      {log.isPending ? (
        <Loading />
      ) : log.error ? (
        <PaginaFout error={log.error} />
      ) : log.data.resultaten.length === 0 ? (
        <Paragraph>Er zijn nog geen inzages vastgelegd.</Paragraph>
      ) : (
        <Table caption="Inzages en wijzigingen, nieuwste eerst">
          <THead>
            <Tr>
              <Th>Tijdstip</Th>
              <Th>Gebruiker</Th>
              <Th>Rol</Th>
              <Th>Actie</Th>
              <Th>Onderdeel</Th>
              <Th>Toelichting</Th>
              <Th>Noodtoegang</Th>
            </Tr>
          </THead>
          <TBody>
            {[...log.data.resultaten]
              .sort((a, b) => b.tijdstip.localeCompare(a.tijdstip))
              .map((r, i) => (
                <Tr key={i}>
                  <Td>
                    <time dateTime={r.tijdstip}>{tijdstip(r.tijdstip)}</time>
                  </Td>
                  <Td>{r.gebruiker}</Td>
                  <Td>{r.rol}</Td>
                  <Td>{r.actie}</Td>
                  <Td>{r.onderdeel}</Td>
                  <Td>{r.toelichting || '—'}</Td>
                  <Td>{r.noodtoegang ? <StatusBadge status="danger">Ja</StatusBadge> : 'Nee'}</Td>
                </Tr>
              ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
