// Dashboard section "Werken aan perspectief" (issue 4) for the report page: include <PerspectiefCijfers van tot />.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import { aandeel, getal } from '../../ui/format';
import { ErrorAlert, Heading, Loading, Paragraph, Table, TBody, Td, THead, Th, Tr } from '../../ui/ui';

type N = number | null;

// issue 16: one spelling of a suppressed cell everywhere: "—" with its explanation
const cel = (n: N) =>
  n === null ? <abbr title="Niet getoond: te weinig personen (beschermde cijfers)">—</abbr> : getal(n);
const verschil = (n: N) => (n === null ? '—' : `${n > 0 ? '+' : ''}${getal(n)}`);

export function PerspectiefCijfers({ van, tot }: { van: string; tot: string }) {
  const q = useQuery({
    queryKey: ['rapportage-perspectief', van, tot],
    queryFn: () => apiGet('/rapportages/perspectief', { query: { van, tot } }),
  });
  return (
    <section aria-labelledby="perspectief-cijfers-titel">
      <Heading level={2} id="perspectief-cijfers-titel">
        Werken aan perspectief
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            Perspectiefplan binnen 5 dagen na plaatsing: <strong>{aandeel(q.data.planBinnen5Dagen.aandeel)}</strong> van{' '}
            {cel(q.data.planBinnen5Dagen.plaatsingen)} plaatsingen ({cel(q.data.planBinnen5Dagen.opTijd)} op tijd,{' '}
            {cel(q.data.planBinnen5Dagen.zonderPlan)} zonder plan).
            {q.data.onderdrukkingsgrens
              ? ` Om niemand herkenbaar te maken wijken de aantallen een klein beetje af (hooguit 2). Percentages en gemiddelden ziet u pas vanaf ${q.data.onderdrukkingsgrens} personen.`
              : ''}
          </Paragraph>
          <Table caption="Blokkades voor uitstroom naar soort en duur (actief in de periode)">
            <THead>
              <Tr>
                <Th>Blokkade</Th>
                <Th numeric>Aantal</Th>
                <Th numeric>Gem. duur (dagen)</Th>
                <Th numeric>&lt; 4 weken</Th>
                <Th numeric>4–12 weken</Th>
                <Th numeric>&gt; 12 weken</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.blokkades.map((b) => (
                <Tr key={b.soort}>
                  <Th scope="row">{b.soortLabel}</Th>
                  <Td numeric>{cel(b.aantal)}</Td>
                  <Td numeric>{getal(b.gemiddeldeDuurDagen)}</Td>
                  <Td numeric>{b.duur ? cel(b.duur.korterDan4Weken) : '—'}</Td>
                  <Td numeric>{b.duur ? cel(b.duur.vierTot12Weken) : '—'}</Td>
                  <Td numeric>{b.duur ? cel(b.duur.langerDan12Weken) : '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table caption="ZRM: gemiddelde score bij intake en bij uitstroom (trajecten beëindigd in de periode)">
            <THead>
              <Tr>
                <Th>Levensgebied</Th>
                <Th numeric>Trajecten</Th>
                <Th numeric>Intake</Th>
                <Th numeric>Uitstroom</Th>
                <Th numeric>Verandering</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.zrmVerandering.map((z) => (
                <Tr key={z.domein}>
                  <Th scope="row">{z.domeinLabel}</Th>
                  <Td numeric>{cel(z.trajecten)}</Td>
                  <Td numeric>{getal(z.gemiddeldeIntake)}</Td>
                  <Td numeric>{getal(z.gemiddeldeUitstroom)}</Td>
                  <Td numeric>{verschil(z.gemiddeldeVerandering)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table caption="Wachtlijsten: lengte aan het eind van de periode, plaatsingen en wachttijd">
            <THead>
              <Tr>
                <Th>Wachtlijst</Th>
                <Th numeric>Lengte</Th>
                <Th numeric>Geplaatst</Th>
                <Th numeric>Gem. wachttijd (dagen)</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.wachtlijsten.map((w) => (
                <Tr key={w.lijst}>
                  <Th scope="row">{w.lijstNaam}</Th>
                  <Td numeric>{cel(w.lengteEindePeriode)}</Td>
                  <Td numeric>{cel(w.geplaatst)}</Td>
                  <Td numeric>{getal(w.gemiddeldeWachttijdDagen)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </section>
  );
}
