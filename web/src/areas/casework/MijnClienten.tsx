// My clients (caseload) and the team view: who is trajecthouder of which open trajectories.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { datum } from '../../ui/format';
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
import { type CaseloadRegel, mijnClientenQuery, teamQuery } from './caseworkApi';

function CaseloadTabel({ rijen, caption }: { rijen: CaseloadRegel[]; caption: string }) {
  if (rijen.length === 0) return <Paragraph>Geen lopende trajecten.</Paragraph>;
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <Tr>
          <Th>Cliënt</Th>
          <Th>Traject sinds</Th>
          <Th>Locatie</Th>
          <Th numeric>Dagen in de opvang</Th>
        </Tr>
      </THead>
      <TBody>
        {rijen.map((r) => (
          <Tr key={r.trajectId}>
            <Td>
              <Link to="/clienten/$clientId" params={{ clientId: r.clientId }} className="utrecht-link">
                {r.naam}
              </Link>
            </Td>
            <Td>{datum(r.trajectSinds)}</Td>
            <Td>{r.locatie ? `${r.locatie}, ${r.eenheid}` : 'Nog niet geplaatst'}</Td>
            <Td numeric>{r.dagenInOpvang ?? '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function MijnClientenPage() {
  useTitel('Mijn cliënten');
  const mijn = useQuery(mijnClientenQuery);
  const team = useQuery(teamQuery);
  return (
    <>
      <Heading level={1}>Mijn cliënten</Heading>
      {mijn.isPending ? (
        <Loading />
      ) : mijn.error ? (
        <PaginaFout error={mijn.error} />
      ) : (
        <>
          <Paragraph lead>
            U bent trajecthouder van {mijn.data.resultaten.length} lopende{' '}
            {mijn.data.resultaten.length === 1 ? 'traject' : 'trajecten'}.
          </Paragraph>
          <CaseloadTabel rijen={mijn.data.resultaten} caption="Mijn cliënten" />
        </>
      )}
      <section aria-labelledby="team-titel">
        <Heading level={2} id="team-titel">
          Team
        </Heading>
        {team.isPending ? (
          <Loading />
        ) : team.error ? (
          <PaginaFout error={team.error} />
        ) : (
          <>
            <Table caption={`Trajecthouders en hun lopende trajecten (vol bij meer dan ${team.data.norm})`}>
              <THead>
                <Tr>
                  <Th>Trajecthouder</Th>
                  <Th numeric>Lopende trajecten</Th>
                  <Th numeric>In de opvang</Th>
                  <Th numeric>Langer dan 91 dagen</Th>
                  <Th>Caseload</Th>
                </Tr>
              </THead>
              <TBody>
                {team.data.resultaten.map((u) => (
                  <Tr key={u.id}>
                    <Td>{u.naam}</Td>
                    <Td numeric>{u.aantal}</Td>
                    <Td numeric>{u.inOpvang}</Td>
                    <Td numeric>{u.bovenNorm91}</Td>
                    <Td>
                      {u.teVeel ? (
                        <StatusBadge status="danger">Te veel (norm {team.data.norm})</StatusBadge>
                      ) : (
                        'Binnen de norm'
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {team.data.resultaten
              .filter((u) => u.aantal > 0)
              .map((u) => (
                <details key={u.id}>
                  <summary>
                    Cliënten van {u.naam} ({u.aantal})
                  </summary>
                  <CaseloadTabel rijen={u.clienten} caption={`Cliënten van ${u.naam}`} />
                </details>
              ))}
            <Heading level={3}>Zonder trajecthouder</Heading>
            <CaseloadTabel rijen={team.data.zonderTrajecthouder} caption="Trajecten zonder trajecthouder" />
          </>
        )}
      </section>
    </>
  );
}
