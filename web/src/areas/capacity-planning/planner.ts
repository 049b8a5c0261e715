// Shared pieces of the capaciteitsplanner pages (issue 18): types, the default scenarios, CSV export, chart options.
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { Schema } from '../../api/types';

echarts.use([LineChart, LegendComponent]);

export type Params = Schema<'ScenarioParameters'>;
export type Simulatie = Schema<'Simulatie'>;
export type Resultaat = Schema<'SimulatieResultaat'>;

export const KROMHOUT = 'Crisisopvang Kromhout-Kasperspad';
export function basis(kamers: number, reserve: number, naam = KROMHOUT): Params {
  return {
    locaties: [{ naam, kamers, reserve }],
    minderInstroomProcent: 0,
    kortereVerblijfsduurDagen: 0,
    extraWoonplekkenPerMaand: 0,
    housingFirstProcent: 0,
  };
}
/** The three scenarios of the Dordrecht question: 50 + 10, with prevention −15%, and a second location of 20 rooms. */
export function drieScenarios(kamers: number, reserve: number): { naam: string; parameters: Params }[] {
  const b = basis(kamers, reserve);
  return [
    { naam: `${kamers} + ${reserve}`, parameters: b },
    { naam: `${kamers} + ${reserve}, preventie −15%`, parameters: { ...b, minderInstroomProcent: 15 } },
    {
      naam: 'tweede locatie met 20 kamers',
      parameters: { ...b, locaties: [...b.locaties, { naam: 'Tweede locatie', kamers: 20, reserve: 0 }] },
    },
  ];
}

export const pct = (x: number) => `${(x * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
export const num = (x: number, d = 0) => x.toLocaleString('nl-NL', { maximumFractionDigits: d });
export const band = (b: { mediaan: number; p5: number; p95: number }, d = 0) =>
  `${num(b.mediaan, d)} (${num(b.p5, d)}–${num(b.p95, d)})`;

/** Downloads text as a file (CSV with ; and a BOM, so Excel in Dutch opens it). */
export function download(naam: string, regels: (string | number)[][]): void {
  const text = `\ufeff${regels.map((r) => r.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : `"${String(c).replace(/"/g, '""')}"`)).join(';')).join('\r\n')}`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function csvDagen(s: Simulatie): (string | number)[][] {
  const r = s.resultaat;
  if (!r) return [];
  return [
    ['datum', 'bezetting mediaan', 'bezetting p5', 'bezetting p95', 'kans alle kamers vol', 'kans ook reserve vol'],
    ...r.dagen.map((d) => [d.datum, d.mediaan, d.p5, d.p95, d.kansKamersVol, d.kansAllesVol]),
  ];
}

const KLEUREN = ['#1a5fb4', '#c01c28', '#26a269', '#a347ba', '#986a44'];

/** Weekly median and 90% band of the occupancy of each simulation, with the number of rooms as a line. */
export function bezettingsOptie(sims: Simulatie[]) {
  const series: object[] = [];
  const eerste = sims[0]?.resultaat;
  const weken = eerste ? eerste.dagen.filter((_, i) => i % 7 === 0).map((d) => d.datum) : [];
  sims.forEach((s, i) => {
    const r = s.resultaat;
    if (!r) return;
    const w = r.dagen.filter((_, k) => k % 7 === 0);
    const kleur = KLEUREN[i % KLEUREN.length];
    series.push(
      {
        name: `${s.naam}: 5%`,
        type: 'line',
        stack: `b${i}`,
        data: w.map((d) => d.p5),
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
      },
      {
        name: `${s.naam}: 90%-band`,
        type: 'line',
        stack: `b${i}`,
        data: w.map((d) => d.p95 - d.p5),
        lineStyle: { opacity: 0 },
        areaStyle: { color: kleur, opacity: 0.15 },
        symbol: 'none',
        silent: true,
      },
      {
        name: s.naam,
        type: 'line',
        data: w.map((d) => d.mediaan),
        color: kleur,
        symbol: 'none',
        lineStyle: { width: 2 },
      },
      {
        name: `${s.naam}: kamers`,
        type: 'line',
        data: w.map(() => r.kamers),
        color: kleur,
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 1 },
      },
    );
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: sims.map((s) => s.naam), bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: weken },
    yAxis: { type: 'value', name: 'bezet' },
    series,
  };
}
