// Dashboard: origin (region map and table) and causes and exits (bar charts) of the selected period.
import { Suspense, useMemo } from 'react';
import { getal } from '../../../ui/format';
import { Heading, Loading, Paragraph } from '../../../ui/ui';
import { aantalTekst, type Num, ONDERDRUKT, type Periode, primair } from './cijfers';
import { Chart, Sectie } from './delen';

interface Props {
  gekozen: Periode;
  titel: string;
  regio: string;
  kaart: boolean;
  gemeenten: { code: string; naam: string }[];
}

export function HerkomstEnAanleiding(props: Props) {
  return (
    <div className="onderdak-dashboard__raster">
      <Herkomst {...props} />
      <Aanleiding gekozen={props.gekozen} titel={props.titel} />
    </div>
  );
}

function Herkomst({ gekozen, titel, regio, kaart, gemeenten }: Props) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: kaart (the loaded map) is a deliberate trigger: the option is rebuilt once the map is registered.
  const kaartOptie = useMemo(() => {
    const perCode = new Map((gekozen?.herkomstPerGemeente ?? []).map((h) => [h.gemeentecode, h]));
    const data = gemeenten.map((m) => ({
      name: m.naam,
      value: perCode.get(m.code)?.aantal ?? (perCode.get(m.code)?.onderdrukt ? null : 0),
    }));
    const max = Math.max(1, ...data.map((d) => d.value ?? 0));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (x: { name: string; value: number | null }) =>
          `${x.name}: ${x.value == null || Number.isNaN(x.value) ? '— (niet getoond)' : getal(x.value)} cliënten`,
      },
      visualMap: {
        min: 0,
        max,
        left: 0,
        bottom: 0,
        text: ['meer', 'minder'],
        inRange: { color: ['#e8f0f8', primair()] },
        calculable: false,
      },
      series: [
        {
          type: 'map',
          map: regio,
          roam: false,
          nameProperty: 'name',
          label: { show: true, fontSize: 10, color: '#1a1a1a' },
          data,
        },
      ],
      aria: { enabled: true },
    };
  }, [gekozen, gemeenten, regio, kaart]);
  return (
    <Sectie
      id="herkomst-titel"
      titel={`Herkomst (${titel})`}
      uitleg="Cliënten met een verblijf in de periode, naar gemeente van herkomst. De kaart gebruikt vereenvoudigde, benaderde gemeentegrenzen."
    >
      {kaart && (
        <Suspense fallback={<Loading>Kaart laden…</Loading>}>
          <Chart
            option={kaartOptie}
            height={360}
            label={`Kaart van de regio met het aantal cliënten per gemeente van herkomst in ${titel}. De aantallen staan ook in de tabel hieronder.`}
          />
        </Suspense>
      )}
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption onderdak-sr-only">Herkomst van cliënten</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Herkomst
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                Cliënten
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {gekozen.herkomst.map((h) => (
              <tr key={h.herkomst} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {h.herkomst}
                </th>
                <td
                  className="utrecht-table__cell utrecht-table__cell--numeric-data"
                  title={h.onderdrukt ? ONDERDRUKT : undefined}
                >
                  {aantalTekst(h)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Sectie>
  );
}

const staaf = (labels: string[], data: Num[], naam: string) => ({
  color: [primair()],
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { color: '#1a1a1a' } },
  series: [
    {
      type: 'bar',
      name: naam,
      data,
      label: {
        show: true,
        position: 'right',
        color: '#1a1a1a',
        formatter: (x: { value: number | null }) => (x.value == null ? '—' : getal(x.value)),
      },
    },
  ],
  aria: { enabled: true, decal: { show: true } },
});

function Aanleiding({ gekozen, titel }: { gekozen: Periode; titel: string }) {
  return (
    <Sectie
      id="aanleiding-titel"
      titel={`Aanleiding dakloosheid (${titel})`}
      uitleg="Cliënten met een verblijf in de periode, naar de geregistreerde aanleiding."
    >
      {gekozen.aanleiding.length > 0 && (
        <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
          <Chart
            option={staaf(
              gekozen.aanleiding.map((a) => a.aanleiding),
              gekozen.aanleiding.map((a) => a.aantal),
              'Cliënten',
            )}
            height={gekozen.aanleiding.length * 30 + 30}
            label={`Staafdiagram: aanleiding dakloosheid in ${titel}. ${gekozen.aanleiding.map((a) => `${a.aanleiding}: ${aantalTekst(a)}`).join('; ')}.`}
          />
        </Suspense>
      )}
      <Heading level={3}>Uitstroom per bestemmingsgroep</Heading>
      <Paragraph small>
        Trajecten die in de periode eindigden met een uitstroombestemming, gegroepeerd (permanent,
        beschermd/institutioneel, tijdelijk, dakloos, overig).
      </Paragraph>
      {gekozen.uitstroomPerGroep.length === 0 ? (
        <Paragraph>Geen uitstroom in deze periode.</Paragraph>
      ) : (
        <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
          <Chart
            option={staaf(
              gekozen.uitstroomPerGroep.map((u) => u.label),
              gekozen.uitstroomPerGroep.map((u) => u.aantal),
              'Uitgestroomd',
            )}
            height={gekozen.uitstroomPerGroep.length * 30 + 30}
            label={`Staafdiagram: uitstroom per bestemmingsgroep in ${titel}. ${gekozen.uitstroomPerGroep.map((u) => `${u.label}: ${aantalTekst(u)}`).join('; ')}.`}
          />
        </Suspense>
      )}
    </Sectie>
  );
}
