import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, type InzageRegel, type Lijst } from '../../api/client';
import { tijdstip } from '../../ui/format';
import { Heading, Loading, Paragraph, StatusBadge, Table, TBody, Td, Th, THead, Tr } from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';
import { clientQuery } from '../intake/Client';

export function InzagelogPage() {
  useTitel('Inzagelog');
  const { clientId } = useParams({ from: '/app/clienten/$clientId/inzagelog' });
  const client = useQuery({ ...clientQuery(clientId), retry: false });
  const log = useQuery({
    queryKey: ['inzagelog', clientId],
    queryFn: () => api<Lijst<InzageRegel>>(`/v1/clienten/${encodeURIComponent(clientId)}/inzagelog`),
  });
  const naam = client.data ? `${client.data.voornaam} ${client.data.achternaam}` : null;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/clienten/$clientId" params={{ clientId }} className="utrecht-link">← Terug naar {naam ?? 'het dossier'}</Link>
      </p>
      <Heading level={1}>Inzagelog{naam ? ` van ${naam}` : ''}</Heading>
      <Paragraph>Wie heeft dit dossier bekeken of gewijzigd, wanneer en waarom (NEN 7513).</Paragraph>
      {log.isPending ? <Loading /> : log.error ? <PaginaFout error={log.error} /> : log.data.resultaten.length === 0 ? (
        <Paragraph>Er zijn nog geen inzages vastgelegd.</Paragraph>
      ) : (
        <Table caption="Inzages en wijzigingen, nieuwste eerst">
          <THead>
            <Tr><Th>Tijdstip</Th><Th>Gebruiker</Th><Th>Rol</Th><Th>Actie</Th><Th>Onderdeel</Th><Th>Toelichting</Th><Th>Noodtoegang</Th></Tr>
          </THead>
          <TBody>
            {[...log.data.resultaten].sort((a, b) => b.tijdstip.localeCompare(a.tijdstip)).map((r, i) => (
              <Tr key={i}>
                <Td><time dateTime={r.tijdstip}>{tijdstip(r.tijdstip)}</time></Td>
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
