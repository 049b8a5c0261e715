import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { locatiesQuery } from '../../api/queries';
import {
  BezettingsBalk,
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

export function LocatiesPage() {
  useTitel('Bezetting');
  const q = useQuery({ ...locatiesQuery, refetchInterval: 15_000 });
  return (
    <>
      <Heading level={1}>Bezetting</Heading>
      <Paragraph>Locaties met het aantal bedden, bezet en vrij. Kies een locatie voor het bedbord.</Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.resultaten.length === 0 ? (
        <Paragraph>Geen locaties gevonden.</Paragraph>
      ) : (
        <Table captionHidden caption="Locaties en bezetting">
          <THead>
            <Tr>
              <Th>Locatie</Th>
              <Th>Type</Th>
              <Th>Gemeente</Th>
              <Th numeric>Bedden</Th>
              <Th numeric>Bezet</Th>
              <Th numeric>Vrij</Th>
              <Th numeric>Reserve vrij</Th>
              <Th>Bezetting</Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.resultaten.map((l) => (
              <Tr key={l.id}>
                <Th scope="row">
                  <Link to="/locaties/$locatieId" params={{ locatieId: l.id }} className="utrecht-link">
                    {l.naam}
                  </Link>
                </Th>
                <Td>
                  {l.typeLabel}
                  {l.nachtopvang ? ' · nachtopvang' : ''}
                </Td>
                <Td>
                  {l.gemeente}
                  {l.wijk ? ` (${l.wijk})` : ''}
                </Td>
                <Td numeric>{l.bedden}</Td>
                <Td numeric>{l.bezet}</Td>
                <Td numeric>{l.vrij}</Td>
                <Td numeric>{l.reserveVrij}</Td>
                <Td>
                  <BezettingsBalk bezet={l.bezet} totaal={l.bedden} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
