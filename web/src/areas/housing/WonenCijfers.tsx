// Section for the dashboard/rapportage (issue 5): time from woonklaar to moved in, offers, exits to housing per
// corporation and gemeente, for the period [van, tot).
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { Schema } from '../../api/types';
import { ErrorAlert, Heading, Loading, Paragraph, Table, TBody, Td, THead, Th, Tr } from '../../ui/ui';

type Cel = Schema<'WoonTelling'>;

const cel = (c: Cel) => (c.aantal === null ? `< ${5}` : String(c.aantal));

export function WonenCijfers({ van, tot }: { van: string; tot: string }) {
  const q = useQuery({
    queryKey: ['wonen', 'cijfers', van, tot],
    queryFn: () => apiGet('/rapportages/wonen', { query: { van, tot } }),
  });
  return (
    <section aria-labelledby="wonen-cijfers">
      <Heading level={2} id="wonen-cijfers">
        Van opvang naar wonen
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            {q.data.doorlooptijd.verhuisd} cliënten verhuisden naar een woonplek; gemiddeld{' '}
            {q.data.doorlooptijd.gemiddeldeDagenWoonklaarTotVerhuisd ?? '–'} dagen (mediaan{' '}
            {q.data.doorlooptijd.mediaanDagen ?? '–'}) van woonklaar tot verhuisd. Aanbiedingen:{' '}
            {q.data.aanbiedingen.gedaan} gedaan, {q.data.aanbiedingen.geaccepteerd} geaccepteerd,{' '}
            {q.data.aanbiedingen.afgewezen} afgewezen, {q.data.aanbiedingen.lopend} lopend.
          </Paragraph>
          <Table caption="Uitstroom naar wonen per corporatie">
            <THead>
              <Tr>
                <Th>Corporatie</Th>
                <Th numeric>Verhuisd</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.uitstroomNaarWonen.perCorporatie.map((c) => (
                <Tr key={c.naam}>
                  <Th scope="row">{c.naam}</Th>
                  <Td numeric>{cel(c)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table caption="Uitstroom naar wonen per gemeente">
            <THead>
              <Tr>
                <Th>Gemeente</Th>
                <Th numeric>Verhuisd</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.uitstroomNaarWonen.perGemeente.map((c) => (
                <Tr key={c.naam}>
                  <Th scope="row">{c.naam}</Th>
                  <Td numeric>{cel(c)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {q.data.onderdrukkingsgrens !== null && (
            <Paragraph small>
              Om niemand herkenbaar te maken wijken de aantallen een klein beetje af (hooguit 2). Gemiddelden ziet u pas
              vanaf {q.data.onderdrukkingsgrens} personen.
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
