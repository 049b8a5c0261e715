// Dashboard: trends per year since 2015 as line charts, each with its figures as a table.

import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { api, qs } from '../../../api/client';
import { aandeel, getal, vandaag } from '../../../ui/format';
import { Loading, PaginaFout } from '../../../ui/ui';
import { type Cijfers, KLEUREN, type Num, type Periode, type Reeks, type Soortcijfer } from './cijfers';
import { Chart, GrafiekTabel, Sectie } from './delen';
import { addDay } from './periode';

type Grafiek = 'volume' | 'duur' | 'bezetting' | 'doorstroom';
const GRAFIEKEN: [Grafiek, string, [string, keyof Cijfers, Soortcijfer][]][] = [
  [
    'volume',
    'Aanmeldingen, trajecten en uitstroom',
    [
      ['Aanmeldingen', 'aanmeldingen', 'aantal'],
      ['> 3 nachten en start traject', 'startTraject', 'aantal'],
      ['Uitgestroomd', 'uitgestroomd', 'aantal'],
    ],
  ],
  [
    'duur',
    'Gemiddelde nachten en duur traject',
    [
      ['Gemiddeld aantal nachten', 'gemiddeldAantalNachten', 'gemiddelde'],
      ['Gemiddelde duur traject (dagen)', 'gemiddeldeDuurTrajectDagen', 'gemiddelde'],
    ],
  ],
  [
    'bezetting',
    'Gemiddelde bedbezetting nachtopvang',
    [['Gemiddelde bedbezetting', 'gemiddeldeBedbezetting', 'gemiddelde']],
  ],
  [
    'doorstroom',
    'Binnen 3 maanden doorgestroomd en uitstroom naar wonen',
    [
      ['Binnen 3 maanden doorgestroomd', 'binnenDrieMaandenDoorgestroomd', 'aandeel'],
      ['Uitstroom naar wonen', 'uitstroomNaarWonen', 'aandeel'],
    ],
  ],
];
/** Issue 16: how many trend charts there are, for the summary that opens them. */
export const AANTAL_TRENDGRAFIEKEN = GRAFIEKEN.length;

export function TrendSectie({
  regio,
  filters,
  filterTekst,
  vastePerioden = false,
}: {
  regio: string;
  filters: Record<string, string | undefined>;
  filterTekst: string;
  /** Policy roles (issue 13): whole calendar years, at most ten. */
  vastePerioden?: boolean;
}) {
  const volgendJaar = Number(vandaag().slice(0, 4)) + 1;
  const trendVan = vastePerioden ? `${Math.max(2015, volgendJaar - 10)}-01-01` : '2015-01-01';
  const trendTot = vastePerioden ? `${volgendJaar}-01-01` : addDay(vandaag());
  const trendPad = `/v1/rapportages/reeksen${qs({ regio, van: trendVan, tot: trendTot, interval: 'jaar', ...filters })}`;
  const trend = useQuery({ queryKey: ['dashboard', 'trend', trendPad], queryFn: () => api<Reeks>(trendPad) });
  return (
    <Sectie
      id="trend-titel"
      titel="Trends per jaar"
      uitleg={`Sinds 2015${filterTekst ? `; filter: ${filterTekst}` : ''}. Het lopende jaar telt tot en met vandaag.`}
    >
      {trend.isPending ? (
        <Loading />
      ) : trend.error ? (
        <PaginaFout error={trend.error} />
      ) : (
        <TrendGrafieken perioden={trend.data.perioden} trendTot={trendTot} />
      )}
    </Sectie>
  );
}

function TrendGrafieken({ perioden, trendTot }: { perioden: Periode[]; trendTot: string }) {
  const jaarLabels = useMemo(
    () => perioden.map((x) => (x.tot === trendTot ? `${x.label} (t/m vandaag)` : x.label)),
    [perioden, trendTot],
  );
  const opties = useMemo(() => trendOpties(perioden, jaarLabels), [perioden, jaarLabels]);
  const fmtReeks = (k: keyof Cijfers, soort: Soortcijfer) =>
    perioden.map((x) =>
      x.onderdrukt.includes(k) ? '—' : soort === 'aandeel' ? aandeel(x[k] as Num) : getal(x[k] as Num),
    );
  return (
    <div className="onderdak-dashboard__raster">
      {GRAFIEKEN.map(([key, titel, rijen]) => (
        <figure key={key} className="onderdak-dashboard__figuur">
          <figcaption className="utrecht-heading-3">{titel}</figcaption>
          <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
            <Chart
              option={opties[key]}
              height={260}
              label={`Lijndiagram per jaar: ${titel.toLowerCase()}. De waarden staan in de tabel onder de grafiek.`}
            />
          </Suspense>
          <GrafiekTabel
            caption={titel}
            kolommen={jaarLabels}
            rijen={rijen.map(([label, k, soort]) => ({ label, waarden: fmtReeks(k, soort) }))}
          />
        </figure>
      ))}
    </div>
  );
}

/** The line chart options of the four trend figures. */
function trendOpties(perioden: Periode[], jaarLabels: string[]) {
  const lijn = (reeksen: { naam: string; data: Num[] }[], procent = false) => ({
    color: KLEUREN(),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v == null ? '—' : procent ? aandeel(v) : getal(v)),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: jaarLabels, axisLabel: { color: '#1a1a1a' } },
    yAxis: {
      type: 'value',
      axisLabel: { color: '#1a1a1a', formatter: procent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
    },
    series: reeksen.map((r) => ({ type: 'line', name: r.naam, data: r.data, connectNulls: false, symbolSize: 7 })),
    aria: { enabled: true, decal: { show: true } },
  });
  const reeks = (k: keyof Cijfers) => perioden.map((x) => x[k] as Num);
  return {
    volume: lijn([
      { naam: 'Aanmeldingen', data: reeks('aanmeldingen') },
      { naam: '> 3 nachten en start traject', data: reeks('startTraject') },
      { naam: 'Uitgestroomd', data: reeks('uitgestroomd') },
    ]),
    duur: lijn([
      { naam: 'Gemiddeld aantal nachten', data: reeks('gemiddeldAantalNachten') },
      { naam: 'Gemiddelde duur traject (dagen)', data: reeks('gemiddeldeDuurTrajectDagen') },
    ]),
    bezetting: lijn([{ naam: 'Gemiddelde bedbezetting nachtopvang', data: reeks('gemiddeldeBedbezetting') }]),
    doorstroom: lijn(
      [
        { naam: 'Binnen 3 maanden doorgestroomd', data: reeks('binnenDrieMaandenDoorgestroomd') },
        { naam: 'Uitstroom naar wonen', data: reeks('uitstroomNaarWonen') },
      ],
      true,
    ),
  };
}
