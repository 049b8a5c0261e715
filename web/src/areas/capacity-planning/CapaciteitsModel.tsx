// Issue 18 — "Over het model": de aannames in gewone taal, hoe de historie is gefit, en de backtest: gefit op de
// historie tot 12 maanden geleden, de laatste 12 maanden gesimuleerd en vergeleken met de echte bezetting.

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { maand } from '../../ui/format';
import {
  DataList,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  UnorderedList,
  useTitel,
} from '../../ui/ui';
import { num, pct } from './planner';

const DAGEN = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function CapaciteitsModelPage() {
  useTitel('Over het capaciteitsmodel');
  const q = useQuery({ queryKey: ['capaciteit', 'model'], queryFn: () => apiGet('/capaciteitsplanning/model') });
  return (
    <>
      <Heading level={1}>Over het capaciteitsmodel</Heading>
      <Paragraph>
        <Link to="/capaciteitsplanner" className="utrecht-link">
          Terug naar de capaciteitsplanner
        </Link>
      </Paragraph>
      <section aria-labelledby="cm-aannames">
        <Heading level={2} id="cm-aannames">
          Hoe het model werkt
        </Heading>
        <UnorderedList>
          <li>
            Het model speelt de nachtopvang vele keren na (1.000 runs), dag voor dag, elke run met andere toevallige
            aankomsten en verblijven. Zo ziet u niet één getal, maar ook hoe ver de uitkomst kan afwijken.
          </li>
          <li>
            Mensen komen binnen op willekeurige momenten (een Poisson-proces). Het gemiddelde per dag komt uit de eigen
            historie, met een patroon per weekdag en per maand.
          </li>
          <li>
            Wie binnenkomt krijgt een kamer als er een vrij is, anders een reserveplaats. Zijn ook die vol, dan krijgt
            iemand geen plaats: die wordt elders opgevangen of weggestuurd. Alle locaties van een scenario vormen samen
            één voorraad (de centrale toegang plaatst waar plek is).
          </li>
          <li>
            Hoe lang iemand blijft, trekt het model uit de echte verblijfsduren van de afgelopen drie jaar. Een deel van
            de mensen heeft een vervolgplek nodig (een woning of woonvorm): zij blijven tot ze er klaar voor zijn en
            wachten daarna op een woonplek. Woonplekken komen vrij in het tempo dat de historie laat zien; extra
            woonplekken per maand verhogen dat tempo.
          </li>
          <li>
            Preventie verlaagt de instroom. Housing First haalt een deel van wie een vervolgplek nodig heeft direct naar
            een eigen woning, zonder opvang. Snellere uitstroom maakt elk verblijf korter (nooit korter dan één nacht).
          </li>
          <li>
            Beperkingen: wie vroeger geen plaats kreeg, staat niet in de historie; als de opvang toen vol was, schat het
            model de vraag dus te laag. Het model kent geen trend (de vraag groeit of krimpt niet vanzelf) en geen
            gezinnen die meer dan één kamer nodig hebben.
          </li>
        </UnorderedList>
      </section>
      {q.isPending ? (
        <Loading>Model en backtest laden…</Loading>
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <section aria-labelledby="cm-fit">
            <Heading level={2} id="cm-fit">
              Gefit op de eigen historie
            </Heading>
            <DataList
              items={[
                [
                  'Periode',
                  `${q.data.vanaf} tot ${q.data.tot} (ongeveer ${num(q.data.verblijvenInHistorie)} verblijven)`,
                ],
                ['Instroom', `${num(q.data.instroomPerDag, 2)} per dag`],
                ['Gemiddelde verblijfsduur', `${num(q.data.gemiddeldeVerblijfsduur, 1)} dagen`],
                ['Heeft een vervolgplek nodig', pct(q.data.aandeelVervolgplek)],
                [
                  'Wachten op een vervolgplek',
                  `${num(q.data.gemiddeldeWachttijd, 1)} dagen gemiddeld${q.data.wachttijdAangenomen ? ' (aangenomen: te weinig gegevens over woonklaar en verhuisd)' : ''}`,
                ],
                ['Woonplekken voor wie wacht', `${num(q.data.woonplekkenPerMaand, 1)} per maand`],
                [
                  'Nu bezet',
                  `${q.data.huidigeBezetting} van ${q.data.kamers} kamers + ${q.data.reserve} reserveplaatsen`,
                ],
              ]}
            />
            <div className="onderdak-table-scroll">
              <Table caption="Instroom per weekdag (1 = gemiddeld)">
                <THead>
                  <Tr>
                    {DAGEN.map((d) => (
                      <Th key={d}>{d}</Th>
                    ))}
                  </Tr>
                </THead>
                <TBody>
                  <Tr>
                    {q.data.weekdagpatroon.map((x, i) => (
                      <Td key={DAGEN[i]}>{num(x, 2)}</Td>
                    ))}
                  </Tr>
                </TBody>
              </Table>
              <Table caption="Instroom per maand (1 = gemiddeld)">
                <THead>
                  <Tr>
                    {MAANDEN.map((d) => (
                      <Th key={d}>{d}</Th>
                    ))}
                  </Tr>
                </THead>
                <TBody>
                  <Tr>
                    {q.data.seizoenspatroon.map((x, i) => (
                      <Td key={MAANDEN[i]}>{num(x, 2)}</Td>
                    ))}
                  </Tr>
                </TBody>
              </Table>
            </div>
            <Table caption="Verblijfsduur in dagen per soort voorziening en huishouden (groepen van minder dan 10 niet getoond; aantallen afgerond op 5)">
              <THead>
                <Tr>
                  <Th>Groep</Th>
                  <Th numeric>Verblijven</Th>
                  <Th numeric>Gemiddeld</Th>
                  <Th numeric>Mediaan</Th>
                </Tr>
              </THead>
              <TBody>
                {[...q.data.perVoorzieningstype, ...q.data.perHuishouden].map((g) => (
                  <Tr key={g.groep}>
                    <Th scope="row">{g.groep}</Th>
                    <Td numeric>{num(g.aantal)}</Td>
                    <Td numeric>{num(g.gemiddeld, 1)}</Td>
                    <Td numeric>{num(g.mediaan)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </section>
          <section aria-labelledby="cm-backtest">
            <Heading level={2} id="cm-backtest">
              Backtest: hoe goed voorspelde het model het afgelopen jaar?
            </Heading>
            {q.data.backtest ? (
              <>
                <Paragraph>
                  Het model is gefit op de historie tot {q.data.backtest.vanaf} en heeft daarna de 12 maanden tot{' '}
                  {q.data.backtest.tot} gesimuleerd ({num(q.data.backtest.runs)} runs), zonder die maanden te kennen. De
                  gemiddelde afwijking per maand is {num(q.data.backtest.gemiddeldeAfwijking, 1)} plaatsen (
                  {num(q.data.backtest.gemiddeldeAfwijkingProcent, 1)}%). Op {num(q.data.backtest.dagenBinnenBand, 1)}%
                  van de nachten lag de echte bezetting binnen de 90%-band van het model.
                </Paragraph>
                <Chart
                  label="Backtest: echte gemiddelde bezetting per maand tegen de mediaan van het model. De tabel hieronder geeft dezelfde cijfers."
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { data: ['Werkelijk', 'Model (mediaan)'], bottom: 0 },
                    grid: { left: 40, right: 16, top: 16, bottom: 56 },
                    xAxis: { type: 'category', data: q.data.backtest.maanden.map((m) => m.maand) },
                    yAxis: { type: 'value', name: 'bezet' },
                    series: [
                      { name: 'Werkelijk', type: 'line', data: q.data.backtest.maanden.map((m) => m.werkelijk) },
                      {
                        name: 'Model (mediaan)',
                        type: 'line',
                        data: q.data.backtest.maanden.map((m) => m.model),
                        lineStyle: { type: 'dashed' },
                      },
                    ],
                  }}
                />
                <Table caption="Backtest per maand: gemiddelde bezetting">
                  <THead>
                    <Tr>
                      <Th>Maand</Th>
                      <Th numeric>Werkelijk</Th>
                      <Th numeric>Model (mediaan)</Th>
                      <Th numeric>90%-band</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {q.data.backtest.maanden.map((m) => (
                      <Tr key={m.maand}>
                        <Th scope="row">{maand(m.maand)}</Th>
                        <Td numeric>{num(m.werkelijk, 1)}</Td>
                        <Td numeric>{num(m.model, 1)}</Td>
                        <Td numeric>
                          {num(m.p5, 1)}–{num(m.p95, 1)}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </>
            ) : (
              <Paragraph>Er is nog te weinig historie (minder dan een jaar) voor een backtest.</Paragraph>
            )}
          </section>
        </>
      )}
    </>
  );
}
